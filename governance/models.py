"""Governance bodies and their members. Routes, meetings, advice and decisions follow."""

from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from programmes.constants import MembershipRole
from programmes.models import MembershipBase, Programme

from .constants import BodyKind


class GovernanceBody(models.Model):
    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="bodies", verbose_name=_("programme")
    )
    name = models.CharField(_("name"), max_length=200)
    abbreviation = models.CharField(_("abbreviation"), max_length=20, blank=True)
    kind = models.CharField(_("kind"), max_length=30, choices=BodyKind.choices, default=BodyKind.OTHER)
    description = models.TextField(_("description"), blank=True)
    decision_authority = models.TextField(
        _("decision authority"), blank=True, help_text=_("What this body may decide (gezaghebbendheid).")
    )
    submission_deadline_days = models.PositiveSmallIntegerField(
        _("papers deadline (days before a meeting)"), default=7, validators=[MaxValueValidator(90)]
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["programme", "order", "name"]
        verbose_name = _("governance body")
        verbose_name_plural = _("governance bodies")
        constraints = [models.UniqueConstraint(fields=["programme", "name"], name="body_unique_name")]

    def __str__(self):
        return self.abbreviation or self.name


class BodyMembership(MembershipBase):
    body = models.ForeignKey(
        GovernanceBody, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("body")
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["body", "role", "person__name"]
        verbose_name = _("body membership")
        verbose_name_plural = _("body memberships")
        constraints = [models.UniqueConstraint(fields=["body", "person"], name="bodymembership_unique_person")]

    def __str__(self):
        return f"{self.person} – {self.get_role_display()} – {self.body}"

    @property
    def programme(self):
        return self.body.programme

    @property
    def records_for_body(self):
        """The chair and the secretary record advice and decisions for their body."""
        return self.role in (MembershipRole.CHAIR, MembershipRole.SECRETARY)
