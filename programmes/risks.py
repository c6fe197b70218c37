"""The risk register: risks of a programme (optionally of a workgroup) with their mitigation measures."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .constants import RiskStatus

SCALE = [MinValueValidator(1, _("Use a score from 1 to 5.")), MaxValueValidator(5, _("Use a score from 1 to 5."))]

# What a likelihood or impact score means, shown wherever a score is chosen (1 = very small ... 5 = very large).
SCORE_MEANINGS = {1: _("very small"), 2: _("small"), 3: _("moderate"), 4: _("large"), 5: _("very large")}
SCORE_CHOICES = [(score, format_lazy("{} – {}", score, meaning)) for score, meaning in SCORE_MEANINGS.items()]


class Risk(models.Model):
    programme = models.ForeignKey(
        "programmes.Programme", on_delete=models.CASCADE, related_name="risks", verbose_name=_("programme")
    )
    workgroup = models.ForeignKey(
        "programmes.Workgroup",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="risks",
        verbose_name=_("workgroup"),
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    likelihood = models.PositiveSmallIntegerField(_("likelihood (1–5)"), validators=SCALE)
    impact = models.PositiveSmallIntegerField(_("impact (1–5)"), validators=SCALE)
    owner = models.ForeignKey(
        "programmes.Person",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="risks",
        verbose_name=_("owner"),
    )
    status = models.CharField(_("status"), max_length=12, choices=RiskStatus.choices, default=RiskStatus.OPEN)
    review_date = models.DateField(_("next review"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, editable=False
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["programme", "-likelihood", "-impact", "title"]
        verbose_name = _("risk")
        verbose_name_plural = _("risks")
        constraints = [
            models.UniqueConstraint(fields=["programme", "title"], name="risk_unique_title"),
            models.CheckConstraint(
                condition=models.Q(likelihood__gte=1, likelihood__lte=5), name="risk_likelihood_1_5"
            ),
            models.CheckConstraint(condition=models.Q(impact__gte=1, impact__lte=5), name="risk_impact_1_5"),
        ]

    def __str__(self):
        return self.title

    @property
    def score(self):
        return self.likelihood * self.impact

    @property
    def level(self):
        """low / medium / high, as the heatmap colours them."""
        return "high" if self.score >= 15 else "medium" if self.score >= 8 else "low"

    def clean(self):
        if self.workgroup_id and self.programme_id and self.workgroup.programme_id != self.programme_id:
            raise ValidationError({"workgroup": _("This workgroup belongs to another programme.")})


class Mitigation(models.Model):
    risk = models.ForeignKey(Risk, on_delete=models.CASCADE, related_name="mitigations", verbose_name=_("risk"))
    description = models.CharField(_("measure"), max_length=400)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["risk", "order", "pk"]
        verbose_name = _("mitigation measure")
        verbose_name_plural = _("mitigation measures")

    def __str__(self):
        return self.description

    @property
    def programme(self):
        return self.risk.programme
