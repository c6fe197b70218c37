"""The meeting pack as last made, with the fingerprint of what it was made from."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from governance.models import Meeting


def pack_upload_path(instance, filename):
    # Under MEDIA_ROOT, which is never served by URL: the pack leaves only through papers.views.download.
    return f"papers/{instance.meeting_id}/{filename}"


class MeetingPack(models.Model):
    """One PDF per meeting. Made again when the fingerprint of its inputs changes; the row is the lock."""

    meeting = models.OneToOneField(Meeting, on_delete=models.CASCADE, related_name="pack", verbose_name=_("meeting"))
    file = models.FileField(_("file"), upload_to=pack_upload_path, blank=True)
    fingerprint = models.CharField(_("fingerprint"), max_length=64, blank=True)
    pages = models.PositiveIntegerField(_("pages"), default=0)
    made_at = models.DateTimeField(_("made at"), null=True, blank=True)

    class Meta:
        verbose_name = _("meeting pack")
        verbose_name_plural = _("meeting packs")

    def __str__(self):
        return f"{self.meeting}"
