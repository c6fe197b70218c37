"""The programme budget (posts × years), its funding, the municipalities' cost split and the pilot-money ledger."""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.amounts import MoneyField
from core.models import AppendOnlyModel
from programmes.models import Municipality, Programme

from .constants import MovementKind, SplitKey

MONEY = {"max_digits": 12, "decimal_places": 2}
NOT_NEGATIVE = MinValueValidator(Decimal("0"), message=_("An amount cannot be negative."))


class BudgetPost(models.Model):
    """A row of the budget table, e.g. "Uitvoering pilots", with its explanation."""

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="budget_posts", verbose_name=_("programme")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    name = models.CharField(_("post"), max_length=200)
    explanation = models.TextField(_("explanation"), blank=True)
    in_kind = models.BooleanField(
        _("in kind"), default=False, help_text=_("Delivered in kind (in natura) by the partners: costs EUR 0.")
    )
    holds_pilot_money = models.BooleanField(
        _("holds the pilot money"),
        default=False,
        help_text=_("Pilot budgets are released from this post, and only by a decision."),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["programme", "order", "pk"]
        verbose_name = _("budget post")
        verbose_name_plural = _("budget posts")
        constraints = [
            models.UniqueConstraint(fields=["programme", "name"], name="budgetpost_unique_name"),
            models.UniqueConstraint(
                fields=["programme"],
                condition=models.Q(holds_pilot_money=True),
                name="budgetpost_one_pilot_post",
                violation_error_message=_("A programme has one post that holds the pilot money."),
            ),
        ]

    def __str__(self):
        return self.name


class BudgetLine(models.Model):
    """The amount of one post in one year."""

    post = models.ForeignKey(BudgetPost, on_delete=models.CASCADE, related_name="lines", verbose_name=_("post"))
    year = models.PositiveSmallIntegerField(_("year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)])
    amount = MoneyField(_("amount"), **MONEY, validators=[NOT_NEGATIVE])
    history = HistoricalRecords()

    class Meta:
        ordering = ["post", "year"]
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")
        constraints = [models.UniqueConstraint(fields=["post", "year"], name="budgetline_unique_year")]

    def __str__(self):
        return f"{self.post} {self.year}"

    @property
    def programme(self):
        return self.post.programme

    def clean(self):
        if self.post_id and self.post.in_kind and self.amount:
            raise ValidationError({"amount": _("A post delivered in kind costs EUR 0.")})
        if self.post_id and self.year:
            programme = self.post.programme
            if not programme.start_date.year <= self.year <= programme.end_date.year:
                raise ValidationError({"year": _("This year lies outside the programme period.")})


class FundingSource(models.Model):
    """Money from elsewhere, e.g. "Bijdrage transformatiefonds"; the municipalities pay the rest."""

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="funding_sources", verbose_name=_("programme")
    )
    year = models.PositiveSmallIntegerField(_("year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)])
    name = models.CharField(_("name"), max_length=200)
    amount = MoneyField(_("amount"), **MONEY, validators=[NOT_NEGATIVE])
    explanation = models.CharField(_("explanation"), max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["programme", "name", "year"]
        verbose_name = _("funding source")
        verbose_name_plural = _("funding sources")
        constraints = [models.UniqueConstraint(fields=["programme", "name", "year"], name="funding_unique_year")]

    def __str__(self):
        return f"{self.name} {self.year}"


class CostSplit(models.Model):
    """How the municipalities share what the funding does not cover."""

    programme = models.OneToOneField(
        Programme, on_delete=models.CASCADE, related_name="cost_split", verbose_name=_("programme")
    )
    key = models.CharField(_("split key"), max_length=20, choices=SplitKey.choices, default=SplitKey.INHABITANTS)
    inhabitants_date = models.DateField(
        _("reference date of the inhabitants"),
        null=True,
        blank=True,
        help_text=_(
            "Each municipality's inhabitants figure of this date is used (its latest figure on or before it), so a "
            "later correction does not change the split. Empty: the figure in use."
        ),
    )
    note = models.CharField(_("note"), max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("cost split")
        verbose_name_plural = _("cost splits")

    def __str__(self):
        return f"{self.programme}: {self.get_key_display()}"


class FixedShare(models.Model):
    cost_split = models.ForeignKey(CostSplit, on_delete=models.CASCADE, related_name="shares")
    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, verbose_name=_("municipality"))
    percentage = models.DecimalField(
        _("percentage"),
        max_digits=6,
        decimal_places=3,
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("100"))],
    )

    class Meta:
        verbose_name = _("fixed share")
        verbose_name_plural = _("fixed shares")
        constraints = [models.UniqueConstraint(fields=["cost_split", "municipality"], name="fixedshare_unique")]

    def __str__(self):
        return f"{self.municipality} {self.percentage}%"


class BudgetMovement(AppendOnlyModel):
    """One movement of pilot money. Written only by finance.ledger, which enforces the invariants."""

    programme = models.ForeignKey(
        Programme, on_delete=models.PROTECT, related_name="budget_movements", verbose_name=_("programme")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    kind = models.CharField(_("kind"), max_length=10, choices=MovementKind.choices)
    amount = MoneyField(_("amount"), **MONEY)
    subject_label = models.CharField(_("subject"), max_length=300)
    subject_key = models.CharField(
        _("subject key"), max_length=100, db_index=True, help_text=_("Identifies the pilot (or other subject).")
    )
    decision = models.ForeignKey(
        "governance.Decision",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="budget_movements",
        verbose_name=_("decision"),
    )
    note = models.CharField(_("note"), max_length=300, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("recorded by")
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        ordering = ["recorded_at", "pk"]
        verbose_name = _("budget movement")
        verbose_name_plural = _("budget movements")
        constraints = [
            models.CheckConstraint(condition=models.Q(amount__gt=0), name="budgetmovement_amount_positive"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} € {self.amount} {self.year} – {self.subject_label}"
