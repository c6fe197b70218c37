"""Progress reports in the fixed format (002 §4.3, §5.2), the schedules that ask for them, and the
half-yearly programme report.

A ProgressReport is a slot with a due date: a schedule creates it ahead of time (or a programme manager
asks for a one-off), a reporter writes and submits it, the kernteam accepts it or returns it (the slot is
open again). What was submitted and how it was reviewed is kept in append-only rows.
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator, MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from core.models import AppendOnlyModel
from governance.models import ALLOWED_DOCUMENT_EXTENSIONS, Decision, validate_document_size
from pilots.models import Pilot
from programmes.models import ActionLine, GovernanceBody, Person, Programme, Workgroup


class Frequency(models.TextChoices):
    MONTHLY = "monthly", _("Monthly")
    QUARTERLY = "quarterly", _("Quarterly")
    HALF_YEARLY = "half_yearly", _("Half-yearly")
    DATES = "dates", _("On set dates")


MONTHS = {Frequency.MONTHLY: 1, Frequency.QUARTERLY: 3, Frequency.HALF_YEARLY: 6}


class ReportStatus(models.TextChoices):
    OPEN = "open", _("To write")
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    ACCEPTED = "accepted", _("Accepted")


OPEN_STATUSES = (ReportStatus.OPEN, ReportStatus.DRAFT)


class Course(models.TextChoices):
    ON_TRACK = "on_track", _("On track")
    ATTENTION = "attention", _("Needs attention")
    DELAYED = "delayed", _("Serious delay")


class ReviewOutcome(models.TextChoices):
    ACCEPTED = "accepted", _("Accepted")
    # "Returned" is also money flowing back (teruggevloeid): the context keeps the two Dutch words apart.
    RETURNED = "returned", pgettext_lazy("report review", "Returned")


class ReportingSchedule(models.Model):
    """Who reports on a workgroup or a running pilot, how often, and when reminders go out."""

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="report_schedules", verbose_name=_("programme")
    )
    workgroup = models.ForeignKey(
        Workgroup, on_delete=models.CASCADE, related_name="report_schedules", verbose_name=_("workgroup")
    )
    pilot = models.ForeignKey(
        Pilot,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="report_schedules",
        verbose_name=_("pilot"),
        help_text=_("Empty: the workgroup reports on its own work."),
    )
    reporters = models.ManyToManyField(
        Person,
        blank=True,
        related_name="report_schedules",
        verbose_name=_("reporters"),
        help_text=_("Empty: the workgroup's leads (trekkers) report."),
    )
    frequency = models.CharField(_("how often"), max_length=20, choices=Frequency.choices, default=Frequency.QUARTERLY)
    first_due = models.DateField(_("first due date"))
    dates = models.TextField(
        _("set dates"),
        blank=True,
        help_text=_("Only for 'on set dates': one date per line, as dd-mm-yyyy."),
    )
    remind_before = models.PositiveSmallIntegerField(
        _("reminder (days before)"), default=7, validators=[MaxValueValidator(180)]
    )
    remind_after = models.PositiveSmallIntegerField(
        _("overdue reminder (days after)"), default=3, validators=[MinValueValidator(1), MaxValueValidator(180)]
    )
    escalate_after = models.PositiveSmallIntegerField(
        _("escalation (days after)"),
        default=14,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
        help_text=_("After this many days an overdue report goes to the workgroup's lead and the programme manager."),
    )
    active = models.BooleanField(_("active"), default=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["programme", "workgroup", "pilot"]
        verbose_name = _("reporting schedule")
        verbose_name_plural = _("reporting schedules")

    def __str__(self):
        return str(self.pilot or self.workgroup)

    def get_absolute_url(self):
        return reverse("reports:list", args=[self.programme_id])

    def set_dates(self):
        """The explicit dates, parsed; raises ValidationError with a Dutch message on a bad line."""
        found = []
        for line in self.dates.replace(",", "\n").splitlines():
            line = line.strip()
            if not line:
                continue
            try:
                found.append(datetime.datetime.strptime(line, "%d-%m-%Y").date())
            except ValueError:
                raise ValidationError(
                    {"dates": _("'%(line)s' is not a date; write dates as dd-mm-yyyy.") % {"line": line[:40]}}
                ) from None
        return sorted(set(found))

    def interval_days(self):
        """The shortest time between two due dates, to bound the reminder days."""
        if self.frequency in MONTHS:
            return {1: 28, 3: 89, 6: 181}[MONTHS[self.frequency]]
        dates = [self.first_due, *self.set_dates()]
        dates = sorted(set(dates))
        gaps = [(b - a).days for a, b in zip(dates, dates[1:], strict=False)]
        return min(gaps) if gaps else 365

    def clean(self):
        errors = {}
        if self.pilot_id and self.workgroup_id and self.pilot.workgroup_id != self.workgroup_id:
            errors["pilot"] = _("This pilot belongs to another workgroup.")
        if self.workgroup_id and self.programme_id and self.workgroup.programme_id != self.programme_id:
            errors["workgroup"] = _("This workgroup belongs to another programme.")
        if self.frequency == Frequency.DATES:
            try:
                if not self.set_dates():
                    errors["dates"] = _("Give at least one date.")
            except ValidationError as error:
                errors.update(error.message_dict)
        if not errors and self.first_due:
            interval = self.interval_days()
            for name in ("remind_before", "remind_after"):
                days = getattr(self, name)
                if days is not None and days >= interval:
                    errors[name] = _(
                        "Reminders must fall between two due dates: at most %(days)s days with this frequency."
                    ) % {"days": interval - 1}
            if self.escalate_after is not None and self.remind_after is not None:
                if self.escalate_after <= self.remind_after:
                    errors["escalate_after"] = _("Escalate later than the overdue reminder.")
        if errors:
            raise ValidationError(errors)


class ProgressReport(models.Model):
    """One report slot with its current text. Status changes only through reports.services."""

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="progress_reports", verbose_name=_("programme")
    )
    workgroup = models.ForeignKey(
        Workgroup, on_delete=models.CASCADE, related_name="progress_reports", verbose_name=_("workgroup")
    )
    pilot = models.ForeignKey(
        Pilot, on_delete=models.CASCADE, null=True, blank=True, related_name="progress_reports", verbose_name=_("pilot")
    )
    schedule = models.ForeignKey(
        ReportingSchedule,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reports",
        verbose_name=_("schedule"),
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    request_note = models.CharField(_("what is asked"), max_length=300, blank=True)
    due_date = models.DateField(_("due date"), db_index=True)
    period_start = models.DateField(_("period from"))
    period_end = models.DateField(_("period to"))
    status = models.CharField(_("status"), max_length=10, choices=ReportStatus.choices, default=ReportStatus.OPEN)
    # The fixed format
    progress = models.TextField(_("progress"), blank=True)
    bottlenecks = models.TextField(_("bottlenecks (knelpunten)"), blank=True)
    lessons = models.TextField(_("lessons (leeropbrengsten)"), blank=True)
    course = models.CharField(_("status of the work"), max_length=10, choices=Course.choices, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["due_date", "workgroup", "pk"]
        verbose_name = _("progress report")
        verbose_name_plural = _("progress reports")
        constraints = [
            models.UniqueConstraint(
                fields=["schedule", "due_date"],
                condition=models.Q(schedule__isnull=False),
                name="report_one_slot_per_schedule_date",
            )
        ]
        indexes = [models.Index(fields=["status", "due_date"])]

    def __str__(self):
        return _("Report %(subject)s, due %(date)s") % {
            "subject": self.pilot or self.workgroup,
            "date": self.due_date.strftime("%d-%m-%Y"),
        }

    def get_absolute_url(self):
        return reverse("reports:detail", args=[self.pk])

    @property
    def is_open(self):
        return self.status in OPEN_STATUSES

    def days_overdue(self, today):
        return (today - self.due_date).days if self.is_open and today > self.due_date else 0


class ReportSubmission(AppendOnlyModel):
    """What was submitted, exactly as it was; a returned and resubmitted report has several."""

    report = models.ForeignKey(ProgressReport, on_delete=models.CASCADE, related_name="submissions")
    number = models.PositiveSmallIntegerField(_("version"))
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    submitted_at = models.DateTimeField(auto_now_add=True)
    progress = models.TextField(_("progress"))
    bottlenecks = models.TextField(_("bottlenecks (knelpunten)"), blank=True)
    lessons = models.TextField(_("lessons (leeropbrengsten)"), blank=True)
    course = models.CharField(_("status of the work"), max_length=10, choices=Course.choices)
    measurements = models.JSONField(_("indicator updates"), default=list, blank=True)

    class Meta:
        ordering = ["report", "number"]
        verbose_name = _("submitted report")
        verbose_name_plural = _("submitted reports")
        constraints = [models.UniqueConstraint(fields=["report", "number"], name="submission_unique_number")]


class ReportReview(AppendOnlyModel):
    report = models.ForeignKey(ProgressReport, on_delete=models.CASCADE, related_name="reviews")
    submission = models.OneToOneField(ReportSubmission, on_delete=models.PROTECT, related_name="review")
    outcome = models.CharField(_("outcome"), max_length=10, choices=ReviewOutcome.choices)
    comment = models.TextField(_("comment"), blank=True)
    body = models.ForeignKey(GovernanceBody, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    reviewed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["report", "reviewed_at"]
        verbose_name = _("report review")
        verbose_name_plural = _("report reviews")


def report_upload_path(instance, filename):
    return f"reports/{instance.report_id}/{filename}"


class ReportAttachment(models.Model):
    report = models.ForeignKey(ProgressReport, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(
        _("attachment"),
        upload_to=report_upload_path,
        validators=[FileExtensionValidator(ALLOWED_DOCUMENT_EXTENSIONS), validate_document_size],
    )
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["report", "pk"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self):
        return self.file.name.rsplit("/", 1)[-1]

    @property
    def programme(self):
        return self.report.programme


def programme_report_path(instance, filename):
    return f"programme-reports/{instance.pk}/{filename}"


class ProgrammeReport(models.Model):
    """The half-yearly programme report: figures compiled from the sources, summaries written by the manager."""

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="programme_reports", verbose_name=_("programme")
    )
    period_start = models.DateField(_("period from"))
    period_end = models.DateField(_("period to"))
    summary = models.TextField(_("general summary"), blank=True)
    compiled_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    compiled_at = models.DateTimeField(auto_now_add=True)
    # Adopted (vastgesteld) by a body: the decision, and what the report said at that moment. Written once, by
    # reports.services.adopt_programme_report; afterwards the report and its summaries no longer change.
    decision = models.OneToOneField(
        Decision,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("adopted by decision"),
    )
    adopted_at = models.DateTimeField(_("adopted at"), null=True, blank=True)
    frozen_figures = models.JSONField(_("frozen figures"), null=True, blank=True, editable=False)
    word_file = models.FileField(_("Word document"), upload_to=programme_report_path, blank=True, editable=False)
    pdf_file = models.FileField(_("PDF document"), upload_to=programme_report_path, blank=True, editable=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["programme", "-period_start"]
        verbose_name = _("programme report")
        verbose_name_plural = _("programme reports")
        constraints = [
            models.UniqueConstraint(fields=["programme", "period_start", "period_end"], name="programme_report_once")
        ]

    def __str__(self):
        return _("Programme report %(start)s – %(end)s") % {
            "start": self.period_start.strftime("%d-%m-%Y"),
            "end": self.period_end.strftime("%d-%m-%Y"),
        }

    def get_absolute_url(self):
        return reverse("reports:programme_report", args=[self.pk])

    @property
    def is_adopted(self):
        """Adopted (vastgesteld): a state rule that binds everybody, administrators included."""
        return self.adopted_at is not None

    @property
    def file_stem(self):
        return f"programmarapportage-{self.period_start:%Y-%m-%d}-{self.period_end:%Y-%m-%d}"


class ActionLineSummary(models.Model):
    report = models.ForeignKey(ProgrammeReport, on_delete=models.CASCADE, related_name="summaries")
    action_line = models.ForeignKey(ActionLine, on_delete=models.CASCADE, related_name="+")
    summary = models.TextField(_("summary"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["report", "action_line__order", "action_line__pk"]
        constraints = [models.UniqueConstraint(fields=["report", "action_line"], name="summary_once_per_line")]

    def __str__(self):
        return str(self.action_line)

    @property
    def programme(self):
        return self.report.programme
