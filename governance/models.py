"""Governance: bodies and members, decision routes as data, meetings, and the append-only advice and decisions."""

from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator, MaxValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.models import AppendOnlyModel
from programmes.models import ActionLine, GovernanceBody, Municipality, Programme

from .constants import (
    PLAINLY_POSITIVE,
    AdviceOutcome,
    DecisionOutcome,
    MeetingStatus,
    MunicipalOrgan,
    MunicipalOutcome,
    MunicipalRule,
    StepAct,
)


class DecisionRoute(models.Model):
    """The bodies a proposal passes, in order. Data, not code: each collaboration has its own."""

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="routes", verbose_name=_("programme")
    )
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    is_default = models.BooleanField(
        _("default route"), default=True, help_text=_("New pilot proposals of the programme take this route.")
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["programme", "-is_default", "name"]
        verbose_name = _("decision route")
        verbose_name_plural = _("decision routes")
        constraints = [
            models.UniqueConstraint(fields=["programme", "name"], name="route_unique_name"),
            models.UniqueConstraint(
                fields=["programme"],
                condition=models.Q(is_default=True),
                name="route_one_default",
                violation_error_message=_("A programme has one default route."),
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("governance:overview", args=[self.programme_id]) + "#routes"


class RouteStep(models.Model):
    """One body and what it does there.

    At a step where the municipalities decide (seed 004) the body is the one that offers the proposal to the
    participating municipalities and follows their decisions (NHN's stuurgroep); each municipality's college or
    council decides, and `rule` says when together they have decided (governance.municipal). Only there are
    `organ`, `rule` and `only_agreeing` filled in.
    """

    route = models.ForeignKey(DecisionRoute, on_delete=models.CASCADE, related_name="steps", verbose_name=_("route"))
    order = models.PositiveSmallIntegerField(_("step"))
    body = models.ForeignKey(
        GovernanceBody,
        on_delete=models.PROTECT,
        related_name="route_steps",
        verbose_name=_("body"),
        help_text=_(
            "Where the municipalities decide: the body that offers the proposal to them and follows their decisions."
        ),
    )
    act = models.CharField(_("act"), max_length=10, choices=StepAct.choices)
    organ = models.CharField(
        _("decided by"),
        max_length=10,
        choices=MunicipalOrgan.choices,
        blank=True,
        help_text=_("Only where the municipalities decide: their college or their council."),
    )
    rule = models.CharField(
        _("rule"),
        max_length=10,
        choices=MunicipalRule.choices,
        blank=True,
        help_text=_("Only where the municipalities decide: when their decisions together approve the proposal."),
    )
    only_agreeing = models.BooleanField(
        _("money only for the municipalities that agreed"),
        default=False,
        help_text=_(
            "Only where the municipalities decide: the released amount is the requested amount times the share of "
            "the municipalities that agreed under the programme's cost split."
        ),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["route", "order"]
        verbose_name = _("route step")
        verbose_name_plural = _("route steps")
        constraints = [models.UniqueConstraint(fields=["route", "order"], name="routestep_unique_order")]

    def __str__(self):
        return f"{self.order}. {self.body} {self.get_act_display()}"

    @property
    def programme(self):
        return self.route.programme


class Meeting(models.Model):
    body = models.ForeignKey(GovernanceBody, on_delete=models.CASCADE, related_name="meetings", verbose_name=_("body"))
    starts_at = models.DateTimeField(_("date and time"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=MeetingStatus.choices, default=MeetingStatus.PLANNED)
    minutes = models.TextField(_("minutes"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")

    def __str__(self):
        return f"{self.body} {timezone.localtime(self.starts_at):%d-%m-%Y}"

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("governance:meeting", args=[self.pk])

    @property
    def programme(self):
        return self.body.programme

    @property
    def is_closed(self):
        """A closed meeting is a record: its agenda, papers and minutes stay as they were, for everybody."""
        return self.status == MeetingStatus.CLOSED

    @property
    def papers_deadline(self):
        """The last day papers can be sent in, by the body's deadline."""
        return timezone.localtime(self.starts_at).date() - timedelta(days=self.body.submission_deadline_days)

    def clean(self):
        if (
            self._state.adding
            and self.status == MeetingStatus.PLANNED
            and self.starts_at
            and self.starts_at < timezone.now()
        ):
            raise ValidationError({"starts_at": _("A new meeting cannot be planned in the past.")})


class Record(AppendOnlyModel):
    """What a body said about a subject: kept as it was recorded, never edited or deleted."""

    programme = models.ForeignKey(Programme, on_delete=models.PROTECT, verbose_name=_("programme"))
    body = models.ForeignKey(GovernanceBody, on_delete=models.PROTECT, verbose_name=_("body"))
    step_order = models.PositiveSmallIntegerField(_("route step"), null=True, blank=True)
    subject_type = models.ForeignKey(
        ContentType, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("subject kind")
    )
    subject_id = models.PositiveBigIntegerField(null=True, blank=True)
    subject = GenericForeignKey("subject_type", "subject_id")
    subject_title = models.CharField(_("subject"), max_length=300)
    action_line = models.ForeignKey(
        ActionLine, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("action line")
    )
    rationale = models.TextField(_("rationale"), blank=True)
    date = models.DateField(_("date"))
    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("meeting"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("recorded by")
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    corrects = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="corrections", verbose_name=_("corrects")
    )

    class Meta:
        abstract = True

    def clean(self):
        if self.outcome and self.outcome not in PLAINLY_POSITIVE and not (self.rationale or "").strip():
            raise ValidationError({"rationale": _("Give a rationale: it is required for this outcome.")})
        if self.body_id and self.programme_id and self.body.programme_id != self.programme_id:
            raise ValidationError({"body": _("This body belongs to another programme.")})
        if self.corrects_id and self.corrects.programme_id != self.programme_id:
            raise ValidationError({"corrects": _("A correction refers to a record of the same programme.")})


class Advice(Record):
    outcome = models.CharField(_("outcome"), max_length=20, choices=AdviceOutcome.choices)
    conditions = models.TextField(_("conditions"), blank=True)
    on_behalf_of = models.CharField(_("on behalf of"), max_length=200, blank=True)

    class Meta:
        ordering = ["-date", "-recorded_at"]
        verbose_name = _("advice")
        verbose_name_plural = _("advice")

    def __str__(self):
        return f"{self.body}: {self.get_outcome_display()} – {self.subject_title}"

    def clean(self):
        super().clean()
        if self.outcome == AdviceOutcome.CONDITIONAL and not self.conditions.strip():
            raise ValidationError({"conditions": _("Name the conditions of a conditional advice.")})


class Decision(Record):
    outcome = models.CharField(_("outcome"), max_length=20, choices=DecisionOutcome.choices)

    class Meta:
        ordering = ["-date", "-recorded_at"]
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        indexes = [models.Index(fields=["programme", "date"])]

    def __str__(self):
        return f"{self.body}: {self.get_outcome_display()} – {self.subject_title}"


def agenda_upload_path(instance, filename):
    return f"agenda/{instance.item.meeting_id}/{filename}"


ALLOWED_DOCUMENT_EXTENSIONS = ["pdf", "docx", "doc", "xlsx", "xls", "pptx", "odt", "ods", "txt", "png", "jpg"]
MAX_DOCUMENT_BYTES = 10 * 1024 * 1024


def validate_document_size(file):
    if file.size > MAX_DOCUMENT_BYTES:
        raise ValidationError(_("A document may be at most 10 MB."))


def municipal_decision_upload_path(instance, filename):
    return f"municipal_decisions/{instance.programme_id}/{filename}"


class MunicipalDecision(AppendOnlyModel):
    """One participating municipality's decision (its college or council) on a proposal at a route step where the
    municipalities decide: kept as it was recorded, never edited or deleted. Written only by the proposal's service
    (pilots.services.record_municipal_decision), which ends the step once the step's rule is met or can no longer be.

    One per municipality, proposal, step and submission round: a proposal submitted again is decided on again.
    """

    programme = models.ForeignKey(Programme, on_delete=models.PROTECT, verbose_name=_("programme"))
    body = models.ForeignKey(
        GovernanceBody,
        on_delete=models.PROTECT,
        verbose_name=_("body"),
        help_text=_("The body that offered the proposal to the municipalities."),
    )
    subject_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, verbose_name=_("subject kind"))
    subject_id = models.PositiveBigIntegerField()
    subject = GenericForeignKey("subject_type", "subject_id")
    subject_title = models.CharField(_("proposal"), max_length=300)
    step_order = models.PositiveSmallIntegerField(_("route step"))
    submission = models.PositiveSmallIntegerField(_("submission"))
    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="decisions", verbose_name=_("municipality")
    )
    outcome = models.CharField(_("outcome"), max_length=10, choices=MunicipalOutcome.choices)
    decided_on = models.DateField(_("date of the decision"))
    organ = models.CharField(_("decided by"), max_length=10, choices=MunicipalOrgan.choices)
    rationale = models.TextField(_("rationale"), blank=True)
    document = models.FileField(
        _("decision document"),
        upload_to=municipal_decision_upload_path,
        blank=True,
        max_length=300,
        validators=[FileExtensionValidator(ALLOWED_DOCUMENT_EXTENSIONS), validate_document_size],
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("recorded by")
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        ordering = ["-decided_on", "-recorded_at"]
        verbose_name = _("decision of a municipality")
        verbose_name_plural = _("decisions of municipalities")
        constraints = [
            models.UniqueConstraint(
                fields=["subject_type", "subject_id", "step_order", "submission", "municipality"],
                name="municipaldecision_once_per_municipality",
                violation_error_message=_("This municipality has already decided on this proposal."),
            )
        ]
        indexes = [models.Index(fields=["programme", "decided_on"])]

    def __str__(self):
        return f"{self.municipality}: {self.get_outcome_display()} – {self.subject_title}"

    def clean(self):
        errors = {}
        if self.decided_on and self.decided_on > timezone.localdate():
            errors["decided_on"] = _("The date of the decision cannot lie in the future.")
        if self.outcome == MunicipalOutcome.DECLINED and not (self.rationale or "").strip():
            errors["rationale"] = _("Give a rationale: it is required when a municipality declines.")
        if errors:
            raise ValidationError(errors)


class AgendaItem(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="items", verbose_name=_("meeting"))
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    title = models.CharField(_("title"), max_length=300)
    presenter = models.CharField(_("presenter"), max_length=200, blank=True)
    duration_minutes = models.PositiveSmallIntegerField(
        _("minutes on the agenda"), null=True, blank=True, validators=[MaxValueValidator(480)]
    )
    subject_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, null=True, blank=True)
    subject_id = models.PositiveBigIntegerField(null=True, blank=True)
    subject = GenericForeignKey("subject_type", "subject_id")
    outcome = models.TextField(_("outcome"), blank=True, help_text=_("Recorded when the meeting is closed."))
    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "order", "pk"]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")

    def __str__(self):
        return self.title

    @property
    def programme(self):
        return self.meeting.body.programme


class AgendaDocument(models.Model):
    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="documents", verbose_name=_("item"))
    title = models.CharField(_("title"), max_length=200, blank=True)
    file = models.FileField(
        _("document"),
        upload_to=agenda_upload_path,
        validators=[FileExtensionValidator(ALLOWED_DOCUMENT_EXTENSIONS), validate_document_size],
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["item", "pk"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def __str__(self):
        return self.title or self.file.name.rsplit("/", 1)[-1]

    @property
    def programme(self):
        return self.item.meeting.body.programme
