"""Which decisions are public: the state of each decision's publication and the append-only history of its acts."""

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.models import AppendOnlyModel
from governance.models import AgendaDocument, Decision
from programmes.models import Collaboration

from .constants import PublicationAct, PublicationState, WooGround

TOOI_ORGANISATION = RegexValidator(
    r"^https://identifier\.overheid\.nl/tooi/id/[a-z_]+/[a-z]{2,10}[0-9]{1,8}$",
    _("Give the organisation's TOOI address, e.g. https://identifier.overheid.nl/tooi/id/gemeente/gm0281."),
)


class Publisher(models.Model):
    """Who publishes a collaboration's decisions, as the national Woo index knows the organisation (TOOI)."""

    collaboration = models.OneToOneField(
        Collaboration, on_delete=models.CASCADE, related_name="publisher", verbose_name=_("collaboration")
    )
    name = models.CharField(_("organisation"), max_length=200)
    tooi_uri = models.URLField(
        _("TOOI address"),
        blank=True,
        validators=[TOOI_ORGANISATION],
        help_text=_("The organisation in the TOOI register; the national Woo index needs it to harvest the decisions."),
    )

    class Meta:
        verbose_name = _("publisher")
        verbose_name_plural = _("publishers")

    def __str__(self):
        return self.name


class Publication(models.Model):
    """Where a decision stands: published, withheld (with a Woo ground) or withdrawn. No row yet: not decided on.

    Changed only by publication.services; every change also writes a PublicationEvent.
    """

    decision = models.OneToOneField(
        Decision, on_delete=models.PROTECT, related_name="publication", verbose_name=_("decision")
    )
    state = models.CharField(_("state"), max_length=10, choices=PublicationState.choices)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    ground = models.CharField(_("Woo ground"), max_length=10, choices=WooGround.choices, blank=True)
    explanation = models.TextField(_("explanation"), blank=True)
    changed_at = models.DateTimeField(_("changed at"))
    # The decision's subject and rationale as the public reads and searches them (publication/redaction.py),
    # written when it is published: the pages, the feed, the sitemap and the public search read only these.
    public_title = models.TextField(_("public subject"), blank=True)
    public_rationale = models.TextField(_("public rationale"), blank=True)
    documents = models.ManyToManyField(
        AgendaDocument, through="PublicDocument", related_name="+", verbose_name=_("public documents")
    )

    class Meta:
        verbose_name = _("publication")
        verbose_name_plural = _("publications")
        indexes = [models.Index(fields=["state", "published_at"])]

    def __str__(self):
        return f"{self.decision} – {self.get_state_display()}"

    @property
    def programme(self):
        return self.decision.programme

    @property
    def is_public(self):
        return self.state == PublicationState.PUBLISHED


class PublicationEvent(AppendOnlyModel):
    """One act on a decision's publication: who, when, what, on which ground. Never changed or deleted."""

    decision = models.ForeignKey(
        Decision, on_delete=models.PROTECT, related_name="publication_events", verbose_name=_("decision")
    )
    act = models.CharField(_("act"), max_length=10, choices=PublicationAct.choices)
    ground = models.CharField(_("Woo ground"), max_length=10, choices=WooGround.choices, blank=True)
    explanation = models.TextField(_("explanation"), blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    at = models.DateTimeField(_("at"), auto_now_add=True)
    via = models.CharField(_("via"), max_length=10, default="web", help_text="web, admin or task")

    class Meta:
        ordering = ["decision", "at", "pk"]
        verbose_name = _("publication act")
        verbose_name_plural = _("publication acts")

    def __str__(self):
        return f"{self.decision}: {self.get_act_display()}"


class PublicDocument(AppendOnlyModel):
    """A paper of the decision's agenda item that its publisher made public with it."""

    publication = models.ForeignKey(Publication, on_delete=models.PROTECT, related_name="public_documents")
    document = models.ForeignKey(AgendaDocument, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["publication", "pk"]
        verbose_name = _("public document")
        verbose_name_plural = _("public documents")
        constraints = [models.UniqueConstraint(fields=["publication", "document"], name="publicdocument_unique")]

    def __str__(self):
        return str(self.document)

    def get_absolute_url(self):
        decision = self.publication.decision
        return reverse("publication:document", args=[decision.programme.collaboration.slug, decision.pk, self.pk])
