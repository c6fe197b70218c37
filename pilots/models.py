"""Experiments and pilots: the DIN proposal, its frozen route, its versions, its events, gates and measurement.

A pilot's status and route position change only through pilots.services; the models hold the data.
"""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.amounts import MoneyField
from core.models import AppendOnlyModel
from core.templatetags.money import euro
from governance.constants import MunicipalOrgan, MunicipalRule, StepAct
from governance.models import Advice, Decision, MunicipalDecision
from programmes.models import ActionLine, GovernanceBody, Organisation, Person, Programme, Workgroup

from .constants import (
    ConditionAct,
    ConditionState,
    CriterionAxis,
    DocumentType,
    EventKind,
    ExperimentStatus,
    GateOutcome,
    PilotKind,
    PilotRoleKind,
    PilotStatus,
)


class Experiment(models.Model):
    """A small try-out inside a workgroup: no money, no route (002 §5.1 format)."""

    workgroup = models.ForeignKey(
        Workgroup, on_delete=models.CASCADE, related_name="experiments", verbose_name=_("workgroup")
    )
    title = models.CharField(_("title"), max_length=200)
    problem = models.TextField(_("problem"), blank=True)
    hypothesis = models.TextField(_("hypothesis"), blank=True)
    test_setup = models.TextField(_("test set-up"), blank=True)
    outcome = models.TextField(_("outcome"), blank=True)
    lessons = models.TextField(_("lessons learned"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=ExperimentStatus.choices, default=ExperimentStatus.PLANNED
    )
    start_date = models.DateField(_("start"), null=True, blank=True)
    end_date = models.DateField(_("end"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["workgroup", "-start_date", "title"]
        verbose_name = _("experiment")
        verbose_name_plural = _("experiments")

    def __str__(self):
        return self.title

    @property
    def programme(self):
        return self.workgroup.programme

    def clean(self):
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end date lies before the start date.")})


NOT_A_DRAFT = _(
    "This proposal is no longer a draft, so it cannot be edited. It changes only through the acts on its route."
)


NEEDS_WORKGROUP = _("A pilot or new initiative belongs to a workgroup: choose one.")
NO_WORKGROUP = _("A programme document is the programme's own: it belongs to no workgroup.")
NEEDS_DOCUMENT_TYPE = _("Choose what kind of programme document this is.")
ONLY_DOCUMENTS_TYPED = _("Only a programme document has a document type.")

PROGRAMME_DOCUMENT = models.Q(kind=PilotKind.PROGRAMME_DOCUMENT)


class Pilot(models.Model):
    """A proposal that travels its programme's decision route.

    A pilot or new initiative is a workgroup's, written in the DIN format. A programme document (a regional vision,
    a plan van aanpak, a budget amendment; seed 003) is the programme's own: no workgroup, written by the programme
    manager, a summary and its annexes, money requested or none. The database holds the difference
    (Meta.constraints), so no screen, import or admin action makes a pilot without a workgroup.
    """

    programme = models.ForeignKey(
        Programme, on_delete=models.PROTECT, related_name="pilots", verbose_name=_("programme")
    )
    workgroup = models.ForeignKey(
        Workgroup,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="pilots",
        verbose_name=_("workgroup"),
        help_text=_("Empty only for a programme document."),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=PilotKind.choices, default=PilotKind.PILOT)
    document_type = models.CharField(
        _("document type"), max_length=20, choices=DocumentType.choices, blank=True, default=""
    )
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(
        _("summary"),
        blank=True,
        help_text=_(
            "What the document says and what the body is asked to decide. Add the document itself as an annex."
        ),
    )
    action_lines = models.ManyToManyField(ActionLine, blank=True, related_name="pilots", verbose_name=_("action lines"))
    experiment = models.OneToOneField(
        Experiment,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="pilot",
        verbose_name=_("grew out of experiment"),
    )
    # DIN: Doelen – Inspanningen – Netwerk
    goals = models.TextField(_("goals (Doelen)"), blank=True, help_text=_("What do we want to achieve?"))
    efforts = models.TextField(
        _("efforts (Inspanningen)"), blank=True, help_text=_("Which people, means and actions are needed?")
    )
    network = models.TextField(
        _("network (Netwerk)"),
        blank=True,
        help_text=_("Which parties are involved, and how does it fit the programme?"),
    )
    # The pilot template of 002 §5.1
    objective = models.TextField(_("objective"), blank=True)
    target_group = models.TextField(_("target group"), blank=True)
    approach = models.TextField(_("approach"), blank=True)
    parties = models.ManyToManyField(
        Organisation, blank=True, related_name="pilots", verbose_name=_("parties involved")
    )
    parties_text = models.TextField(_("other parties"), blank=True)
    intended_effects = models.TextField(_("intended effects"), blank=True)
    planned_start = models.DateField(_("planned start"), null=True, blank=True)
    planned_end = models.DateField(_("planned end"), null=True, blank=True)
    # Route position, written by pilots.services only.
    status = models.CharField(
        _("status"), max_length=20, choices=PilotStatus.choices, default=PilotStatus.DRAFT, editable=False
    )
    current_step = models.PositiveSmallIntegerField(_("current step"), null=True, blank=True, editable=False)
    submission = models.PositiveSmallIntegerField(_("submission"), default=0, editable=False)
    history = HistoricalRecords(excluded_fields=["status", "current_step", "submission"])

    class Meta:
        ordering = ["programme", "workgroup", "title"]
        verbose_name = _("pilot")
        verbose_name_plural = _("pilots")
        constraints = [
            models.UniqueConstraint(fields=["programme", "title"], name="pilot_unique_title"),
            models.CheckConstraint(
                condition=PROGRAMME_DOCUMENT | models.Q(workgroup__isnull=False),
                name="pilot_needs_workgroup",
                violation_error_message=NEEDS_WORKGROUP,
            ),
            models.CheckConstraint(
                condition=~PROGRAMME_DOCUMENT | models.Q(workgroup__isnull=True),
                name="programme_document_without_workgroup",
                violation_error_message=NO_WORKGROUP,
            ),
            models.CheckConstraint(
                condition=(PROGRAMME_DOCUMENT & ~models.Q(document_type=""))
                | (~PROGRAMME_DOCUMENT & models.Q(document_type="")),
                name="pilot_document_type",
                violation_error_message=NEEDS_DOCUMENT_TYPE,
            ),
        ]
        indexes = [models.Index(fields=["programme", "status"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("pilots:detail", args=[self.pk])

    @property
    def is_programme_document(self):
        return self.kind == PilotKind.PROGRAMME_DOCUMENT

    @property
    def origin(self):
        """Where the proposal comes from, as pages, exports and the meeting pack name it: its workgroup, or the
        programme for a programme document (no query: the programme's title would cost one on every list)."""
        if self.workgroup_id is None:
            return str(_("Programme"))
        return str(self.workgroup)

    @property
    def ledger_key(self):
        return f"pilot-{self.pk}"

    @property
    def is_editable(self):
        """Whether the proposal (its DIN text, budget request, parties, ...) may be edited: only as a draft.

        A state rule, not a permission, so it binds administrators too (a superuser passes every permission):
        what the bodies assess is frozen at submission, and a submitted pilot changes only through the acts on
        its route (pilots.services), on the web pages and in the admin site alike.
        """
        return self.status == PilotStatus.DRAFT

    def clean(self):
        errors = {}
        if self.planned_start and self.planned_end and self.planned_end < self.planned_start:
            errors["planned_end"] = _("The end date lies before the start date.")
        if self.workgroup_id and self.programme_id and self.workgroup.programme_id != self.programme_id:
            errors["workgroup"] = _("This workgroup belongs to another programme.")
        if self.is_programme_document:
            if self.workgroup_id:
                errors["workgroup"] = NO_WORKGROUP
            if not self.document_type:
                errors["document_type"] = NEEDS_DOCUMENT_TYPE
        else:
            if not self.workgroup_id:
                errors["workgroup"] = NEEDS_WORKGROUP
            if self.document_type:
                errors["document_type"] = ONLY_DOCUMENTS_TYPED
        if errors:
            raise ValidationError(errors)

    def steps_now(self):
        return [step for step in self.steps.all() if step.submission == self.submission]

    def step(self, order=None):
        order = order or self.current_step
        return next((step for step in self.steps_now() if step.order == order), None)


class BudgetRequest(models.Model):
    pilot = models.ForeignKey(Pilot, on_delete=models.CASCADE, related_name="budget_requests", verbose_name=_("pilot"))
    year = models.PositiveSmallIntegerField(_("year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)])
    amount = MoneyField(
        _("requested amount"),
        max_digits=12,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.01"), _("Request more than EUR 0."))],
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["pilot", "year"]
        verbose_name = _("requested budget")
        verbose_name_plural = _("requested budget")
        constraints = [models.UniqueConstraint(fields=["pilot", "year"], name="budgetrequest_unique_year")]

    def __str__(self):
        return f"{self.pilot} {self.year}: {euro(self.amount)}"

    @property
    def programme(self):
        return self.pilot.programme


class PilotStep(AppendOnlyModel):
    """The route as it was when the pilot was submitted: a later change to the route does not strand it."""

    pilot = models.ForeignKey(Pilot, on_delete=models.CASCADE, related_name="steps")
    submission = models.PositiveSmallIntegerField()
    order = models.PositiveSmallIntegerField()
    body = models.ForeignKey(GovernanceBody, on_delete=models.PROTECT, related_name="+")
    act = models.CharField(max_length=10, choices=StepAct.choices)
    # Where the municipalities decide: who decides, by which rule, and whether money goes only to those that agreed.
    organ = models.CharField(max_length=10, choices=MunicipalOrgan.choices, blank=True)
    rule = models.CharField(max_length=10, choices=MunicipalRule.choices, blank=True)
    only_agreeing = models.BooleanField(default=False)

    class Meta:
        ordering = ["pilot", "submission", "order"]
        constraints = [models.UniqueConstraint(fields=["pilot", "submission", "order"], name="pilotstep_unique")]

    def __str__(self):
        return f"{self.order}. {self.body} {self.get_act_display()}"


class PilotVersion(AppendOnlyModel):
    """A frozen copy of the proposal as it was submitted (or revised at a gate)."""

    pilot = models.ForeignKey(Pilot, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveSmallIntegerField(_("version"))
    reason = models.CharField(_("reason"), max_length=100)
    data = models.JSONField()
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pilot", "number"]
        constraints = [models.UniqueConstraint(fields=["pilot", "number"], name="pilotversion_unique")]

    def __str__(self):
        return f"{self.pilot} v{self.number}"


class PilotEvent(AppendOnlyModel):
    """Every act on a pilot: who, when, which body and step, what outcome, why."""

    pilot = models.ForeignKey(Pilot, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("event"), max_length=20, choices=EventKind.choices)
    step_order = models.PositiveSmallIntegerField(null=True, blank=True)
    body = models.ForeignKey(GovernanceBody, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True)
    note = models.TextField(blank=True)
    advice = models.ForeignKey(Advice, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    decision = models.ForeignKey(Decision, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    municipal_decision = models.ForeignKey(
        MunicipalDecision, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    via = models.CharField(max_length=20, default="web", help_text="web, admin, task or meeting")
    # The assessing body's joint assessment, frozen with its forward or return act: per criterion the mean,
    # lowest and highest score and the number of scores (pilots.assessment.joint_assessment).
    assessment = models.JSONField(null=True, blank=True)

    class Meta:
        ordering = ["pilot", "at", "pk"]

    def __str__(self):
        return f"{self.pilot}: {self.get_kind_display()}"


class Gate(models.Model):
    """A planned go/no-go moment; its outcome is recorded once, by pilots.services.record_gate."""

    pilot = models.ForeignKey(Pilot, on_delete=models.CASCADE, related_name="gates", verbose_name=_("pilot"))
    planned_date = models.DateField(_("planned date"))
    criteria = models.TextField(_("criteria"), blank=True)
    body = models.ForeignKey(
        GovernanceBody,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="gates",
        verbose_name=_("deciding body"),
        help_text=_("Empty: the route's deciding body."),
    )
    is_final = models.BooleanField(_("final gate"), default=False)
    outcome = models.CharField(_("outcome"), max_length=10, choices=GateOutcome.choices, blank=True, editable=False)
    decision = models.OneToOneField(
        Decision, on_delete=models.PROTECT, null=True, blank=True, editable=False, related_name="gate"
    )

    class Meta:
        ordering = ["pilot", "planned_date"]
        verbose_name = _("go/no-go moment")
        verbose_name_plural = _("go/no-go moments")

    def __str__(self):
        return f"{self.pilot} – {self.planned_date:%d-%m-%Y}"

    @property
    def programme(self):
        return self.pilot.programme


class Indicator(models.Model):
    pilot = models.ForeignKey(Pilot, on_delete=models.CASCADE, related_name="indicators", verbose_name=_("pilot"))
    name = models.CharField(_("indicator"), max_length=200)
    unit = models.CharField(_("unit"), max_length=50, blank=True)
    baseline = models.DecimalField(_("baseline"), max_digits=12, decimal_places=2, null=True, blank=True)
    target = models.DecimalField(_("target"), max_digits=12, decimal_places=2, null=True, blank=True)
    measured_by = models.CharField(_("who measures"), max_length=200, blank=True)
    method = models.CharField(_("how"), max_length=300, blank=True)
    frequency = models.CharField(_("when"), max_length=100, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["pilot", "name"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self):
        return self.name

    @property
    def programme(self):
        return self.pilot.programme


class Measurement(models.Model):
    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, related_name="measurements", verbose_name=_("indicator")
    )
    date = models.DateField(_("date"))
    value = models.DecimalField(_("value"), max_digits=12, decimal_places=2)
    note = models.CharField(_("note"), max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator", "date"]
        verbose_name = _("measurement")
        verbose_name_plural = _("measurements")

    def __str__(self):
        return f"{self.indicator} {self.date}: {self.value}"


class PilotRole(models.Model):
    """The role division (RACI): who leads, decides, advises and is kept informed."""

    pilot = models.ForeignKey(Pilot, on_delete=models.CASCADE, related_name="roles", verbose_name=_("pilot"))
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="pilot_roles", verbose_name=_("person"))
    role = models.CharField(_("role"), max_length=10, choices=PilotRoleKind.choices)
    history = HistoricalRecords()

    class Meta:
        ordering = ["pilot", "role", "person__name"]
        verbose_name = _("role")
        verbose_name_plural = _("role division")
        constraints = [models.UniqueConstraint(fields=["pilot", "person", "role"], name="pilotrole_unique")]

    def __str__(self):
        return f"{self.person} – {self.get_role_display()}"


class Condition(models.Model):
    """One condition of a conditional advice, followed on the pilot until it is met or dropped.

    The state changes only through pilots.conditions, which writes a ConditionEvent for every change.
    """

    pilot = models.ForeignKey(Pilot, on_delete=models.CASCADE, related_name="conditions", verbose_name=_("pilot"))
    advice = models.ForeignKey(Advice, on_delete=models.PROTECT, related_name="+", verbose_name=_("advice"))
    body = models.ForeignKey(GovernanceBody, on_delete=models.PROTECT, related_name="+", verbose_name=_("set by"))
    submission = models.PositiveSmallIntegerField(_("submission"))
    number = models.PositiveSmallIntegerField(_("number"))
    text = models.TextField(_("condition"))
    state = models.CharField(
        _("state"), max_length=10, choices=ConditionState.choices, default=ConditionState.OPEN, editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pilot", "submission", "advice", "number"]
        verbose_name = _("condition")
        verbose_name_plural = _("conditions")
        constraints = [models.UniqueConstraint(fields=["advice", "number"], name="condition_unique_number")]
        indexes = [models.Index(fields=["state", "pilot"])]

    def __str__(self):
        return f"{self.pilot}: {self.text[:80]}"

    @property
    def programme(self):
        return self.pilot.programme

    @property
    def is_settled(self):
        return self.state in (ConditionState.MET, ConditionState.DROPPED)


class ConditionEvent(AppendOnlyModel):
    """Every change of a condition: who, when, what, and why."""

    condition = models.ForeignKey(Condition, on_delete=models.CASCADE, related_name="events")
    act = models.CharField(_("act"), max_length=12, choices=ConditionAct.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True)
    explanation = models.TextField(_("explanation"), blank=True)
    decision = models.ForeignKey(Decision, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    via = models.CharField(max_length=20, default="web")

    class Meta:
        ordering = ["condition", "at", "pk"]

    def __str__(self):
        return f"{self.condition}: {self.get_act_display()}"


class AssessmentCriterion(models.Model):
    """A criterion of the programme's own on which the assessing body scores proposals (002 §5.1, phase 2)."""

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="assessment_criteria", verbose_name=_("programme")
    )
    name = models.CharField(_("name"), max_length=100)
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    scale_min = models.SmallIntegerField(_("lowest score"), default=1)
    scale_max = models.SmallIntegerField(_("highest score"), default=5)
    axis = models.CharField(
        _("place in the matrix"),
        max_length=12,
        choices=CriterionAxis.choices,
        blank=True,
        help_text=_("Impact and feasibility are the axes of the prioritisation matrix, urgency the bubble size."),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["programme", "order", "name"]
        verbose_name = _("assessment criterion")
        verbose_name_plural = _("assessment criteria")
        constraints = [
            models.UniqueConstraint(fields=["programme", "name"], name="criterion_unique_name"),
            models.UniqueConstraint(
                fields=["programme", "axis"], condition=~models.Q(axis=""), name="criterion_unique_axis"
            ),
            models.CheckConstraint(condition=models.Q(scale_min__lt=models.F("scale_max")), name="criterion_scale"),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        if self.scale_min is not None and self.scale_max is not None and self.scale_min >= self.scale_max:
            raise ValidationError({"scale_max": _("The highest score must be higher than the lowest score.")})

    @property
    def scale(self):
        return range(self.scale_min, self.scale_max + 1)


class Score(models.Model):
    """One member's score of a proposal on one criterion at the assessing body's step, with a short motivation.

    Editable by its member (or by the body's secretary on the member's behalf) while the proposal waits at that
    step; frozen once the body has forwarded or returned it. Written only by pilots.assessment.
    """

    pilot = models.ForeignKey(Pilot, on_delete=models.CASCADE, related_name="scores", verbose_name=_("pilot"))
    submission = models.PositiveSmallIntegerField(_("submission"))
    step_order = models.PositiveSmallIntegerField(_("route step"))
    criterion = models.ForeignKey(
        AssessmentCriterion, on_delete=models.PROTECT, related_name="scores", verbose_name=_("criterion")
    )
    member = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="scores", verbose_name=_("member"))
    value = models.SmallIntegerField(_("score"))
    motivation = models.CharField(_("motivation"), max_length=500, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["pilot", "submission", "step_order", "member__name", "criterion__order"]
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        constraints = [
            models.UniqueConstraint(
                fields=["pilot", "submission", "step_order", "criterion", "member"], name="score_unique"
            )
        ]

    def __str__(self):
        return f"{self.pilot} – {self.criterion}: {self.value} ({self.member})"

    @property
    def programme(self):
        return self.pilot.programme
