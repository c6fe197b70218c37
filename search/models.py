"""The search index: one row per searchable record, kept fresh by signals (search.index).

The index only finds candidates; who may see a record is never read from here but from the record's own
visibility (search.kinds), so a stale or wrong row can at worst hide a result, never reveal one.
"""

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _

from programmes.models import Programme


class SearchEntry(models.Model):
    kind = models.CharField(_("kind"), max_length=20)
    object_id = models.PositiveBigIntegerField()
    # Empty for people: a person belongs to no programme; the people of a programme are those with a seat in it.
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    title = models.CharField(_("title"), max_length=600)
    text = models.TextField(_("text"), blank=True)
    # PostgreSQL only: to_tsvector('dutch', …) of the title (weight A) and the text (weight B), with a GIN index
    # (migration 0001). Stays empty on SQLite, where search falls back to a plain match on title and text.
    vector = SearchVectorField(null=True, editable=False)

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        constraints = [models.UniqueConstraint(fields=["kind", "object_id"], name="searchentry_one_per_object")]
        indexes = [models.Index(fields=["programme", "kind"])]

    def __str__(self):
        return f"{self.kind} {self.object_id}: {self.title}"
