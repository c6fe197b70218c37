"""The only way a progress report changes: one function per act, for views, admin and tasks alike.

Each act locks the report row, checks who may act and whether the slot is open, and writes the
append-only ReportSubmission or ReportReview. A returned report is open again for its reporters.
"""

import datetime
import functools
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core.refusals import Forbidden, Refused, allow, require
from governance.constants import DecisionOutcome
from governance.models import Decision
from pilots.models import Indicator, Measurement
from pilots.rules import records_for
from programmes.constants import BodyKindCode, MembershipRole
from programmes.models import GovernanceBody, Membership
from programmes.roles import roles_of
from reminders import tasks as reminder_tasks

from . import docx, figures, notifications, pdf
from .document import shown_figures
from .models import (
    OPEN_STATUSES,
    ActionLineSummary,
    Course,
    ProgrammeReport,
    ProgressReport,
    ReportAttachment,
    ReportReview,
    ReportStatus,
    ReportSubmission,
    ReviewOutcome,
)


class ReportRefused(Refused):
    """An act on a report that is not allowed now, or with this input. The message is for the user."""


class ReportForbidden(ReportRefused, Forbidden):
    """An act on a report this user may not do: the web answers 403 with the message."""


_require = functools.partial(require, refusal=ReportRefused)
_allow = functools.partial(allow, refusal=ReportForbidden)


def _lock(report):
    return (
        ProgressReport.objects.select_for_update(of=("self",))
        .select_related("schedule", "workgroup", "pilot")
        .get(pk=report.pk)
    )


def reviewing_body(programme_id):
    """The kernteam reviews reports: the programme's body of the kind coded core team (whatever its collaboration
    calls that kind), if it has one."""
    return (
        GovernanceBody.objects.filter(programme_id=programme_id, kind__code=BodyKindCode.CORE_TEAM)
        .order_by("order")
        .first()
    )


def reporter_person_ids(report):
    """The schedule's reporters, or else the workgroup's leads."""
    if report.schedule_id:
        named = set(report.schedule.reporters.values_list("pk", flat=True))
        if named:
            return named
    return set(
        Membership.objects.filter(workgroup_id=report.workgroup_id, role=MembershipRole.LEAD).values_list(
            "person_id", flat=True
        )
    )


def may_write(user, report):
    """Reporters and the workgroup's leads write their report; nobody else, not even the programme manager."""
    if not user.is_authenticated:
        return False
    if report.workgroup_id in roles_of(user).led_workgroups:
        return True
    person = getattr(user, "person", None)
    return person is not None and person.pk in reporter_person_ids(report)


def may_review(user, report, body=None):
    body = body or reviewing_body(report.programme_id)
    roles = roles_of(user)
    if body is None:
        return roles.is_admin or report.programme_id in roles.managed_programmes
    return records_for(user, body)


def may_request(user, programme):
    roles = roles_of(user)
    return roles.is_admin or programme.pk in roles.managed_programmes


def _clean_measurements(report, values):
    """{indicator_pk: "12,5"} → [(indicator, Decimal)], only the pilot's own indicators, numbers only."""
    if not values:
        return []
    _require(report.pilot_id, _("Only a pilot's report updates indicators."))
    indicators = {i.pk: i for i in Indicator.objects.filter(pilot_id=report.pilot_id)}
    cleaned = []
    for key, raw in values.items():
        raw = str(raw or "").strip()
        if not raw:
            continue
        try:
            indicator = indicators[int(key)]
        except (KeyError, TypeError, ValueError):
            raise ReportRefused(_("That indicator does not belong to this pilot.")) from None
        try:
            value = Decimal(raw.replace(",", "."))
        except InvalidOperation:
            raise ReportRefused(_("'%(value)s' is not a number.") % {"value": raw[:20]}) from None
        _require(value.is_finite() and abs(value) < Decimal("1e10"), _("That number is too large."))
        cleaned.append((indicator, value.quantize(Decimal("0.01"))))
    return cleaned


def _write(report, data):
    report.progress = (data.get("progress") or "").strip()
    report.bottlenecks = (data.get("bottlenecks") or "").strip()
    report.lessons = (data.get("lessons") or "").strip()
    course = data.get("course") or ""
    _require(course in Course.values or course == "", _("Choose on track, needs attention or serious delay."))
    report.course = course


@transaction.atomic
def save_draft(report, user, data, files=()):
    report = _lock(report)
    _allow(may_write(user, report), _("Only the reporters of this workgroup write this report."))
    _require(report.status in OPEN_STATUSES, _("This report has been submitted; it is no longer open."))
    _write(report, data)
    report.status = ReportStatus.DRAFT
    report.save()
    _attach(report, user, files)
    return report


@transaction.atomic
def submit(report, user, data, measurements=None, files=()):
    """Submits the report in the fixed format; indicator updates become Measurements of the pilot."""
    report = _lock(report)
    _allow(may_write(user, report), _("Only the reporters of this workgroup write this report."))
    _require(report.status in OPEN_STATUSES, _("This report has been submitted; it is no longer open."))
    _write(report, data)
    _require(report.progress, _("Describe the progress of the period."))
    _require(report.course, _("Choose on track, needs attention or serious delay."))
    updates = _clean_measurements(report, measurements)
    today = timezone.localdate()
    for indicator, value in updates:
        Measurement.objects.create(
            indicator=indicator,
            date=min(today, report.period_end) if report.period_end >= report.period_start else today,
            value=value,
            note=_("Progress report due %(date)s") % {"date": report.due_date.strftime("%d-%m-%Y")},
        )
    number = report.submissions.count() + 1
    ReportSubmission.objects.create(
        report=report,
        number=number,
        submitted_by=user,
        progress=report.progress,
        bottlenecks=report.bottlenecks,
        lessons=report.lessons,
        course=report.course,
        measurements=[{"indicator": i.pk, "name": i.name, "value": str(v)} for i, v in updates],
    )
    report.status = ReportStatus.SUBMITTED
    report.save()
    _attach(report, user, files)
    return report


def _attach(report, user, files):
    for upload in files:
        attachment = ReportAttachment(report=report, file=upload, uploaded_by=user)
        attachment.full_clean(exclude=["report", "uploaded_by"])
        attachment.save()


@transaction.atomic
def review(report, user, outcome, comment=""):
    """The kernteam accepts a submitted report, or returns it with a comment: the slot is open again."""
    report = _lock(report)
    body = reviewing_body(report.programme_id)
    _allow(
        may_review(user, report, body),
        _("Only the kernteam, the programme manager or an administrator reviews this report."),
    )
    _require(report.status == ReportStatus.SUBMITTED, _("Only a submitted report can be reviewed."))
    _require(outcome in ReviewOutcome.values, _("Choose accept or return."))
    comment = (comment or "").strip()
    _require(outcome != ReviewOutcome.RETURNED or comment, _("Say why the report is returned."))
    submission = report.submissions.order_by("-number").first()
    review = ReportReview.objects.create(
        report=report, submission=submission, outcome=outcome, comment=comment, body=body, reviewed_by=user
    )
    report.status = ReportStatus.ACCEPTED if outcome == ReviewOutcome.ACCEPTED else ReportStatus.DRAFT
    report.save(update_fields=["status", "updated_at"])
    # The writers are told, as they chose; written now, sent after commit.
    reminder_tasks.queue(notifications.report_reviewed(report, review, user, reporter_person_ids(report)))
    return report


@transaction.atomic
def request_report(programme, user, workgroup, due_date, note="", pilot=None, period_start=None):
    """A one-off report request by the programme manager, with its own due date."""
    _allow(may_request(user, programme), _("Only the programme manager asks for a report."))
    _require(
        workgroup is not None and workgroup.programme_id == programme.pk, _("Choose a workgroup of this programme.")
    )
    _require(pilot is None or pilot.workgroup_id == workgroup.pk, _("This pilot belongs to another workgroup."))
    _require(due_date is not None, _("Give a due date."))
    _require(due_date >= timezone.localdate(), _("A due date cannot lie in the past."))
    start = period_start or due_date - datetime.timedelta(days=90)
    _require(start <= due_date, _("The period must start before the due date."))
    return ProgressReport.objects.create(
        programme=programme,
        workgroup=workgroup,
        pilot=pilot,
        requested_by=user,
        request_note=(note or "")[:300],
        due_date=due_date,
        period_start=start,
        period_end=due_date,
    )


@transaction.atomic
def compile_programme_report(programme, user, period_start, period_end):
    """Creates the programme report for a period (once), with an empty summary per action line."""
    _allow(may_request(user, programme), _("Only the programme manager compiles the programme report."))
    _require(period_start and period_end and period_start <= period_end, _("The period must start before it ends."))
    _require(
        not ProgrammeReport.objects.filter(
            programme=programme, period_start=period_start, period_end=period_end
        ).exists(),
        _("A programme report for this period already exists."),
    )
    report = ProgrammeReport.objects.create(
        programme=programme, period_start=period_start, period_end=period_end, compiled_by=user
    )
    ActionLineSummary.objects.bulk_create(
        ActionLineSummary(report=report, action_line=line) for line in programme.action_lines.all()
    )
    return report


def half_year(day):
    """The half-year that ended most recently before `day`: (start, end)."""
    if day.month >= 7:
        return datetime.date(day.year, 1, 1), datetime.date(day.year, 6, 30)
    return datetime.date(day.year - 1, 7, 1), datetime.date(day.year - 1, 12, 31)


def _lock_programme_report(report):
    return (
        ProgrammeReport.objects.select_for_update(of=("self",))
        .select_related("programme__collaboration")
        .get(pk=report.pk)
    )


def _require_concept(report):
    _require(
        not report.is_adopted,
        _("This programme report has been adopted (vastgesteld); it no longer changes."),
    )


@transaction.atomic
def save_programme_report(report, user, form):
    """The manager writes the report's summary and the action lines' summaries; only while it is a concept."""
    report = _lock_programme_report(report)
    _allow(may_request(user, report.programme), _("Only the programme manager writes the programme report."))
    _require_concept(report)
    form.save()  # the form's instance is this row, now locked and checked
    for summary in form.changed_summaries():
        summary.save()
    return report


def documents(report, shown=None):
    """(Word bytes, PDF bytes) of the report, in the site's language: the frozen files are these."""
    with translation.override(settings.LANGUAGE_CODE):
        shown = shown or shown_figures(report)
        return docx.build(report, shown), pdf.build(report, shown)


def word_document(report):
    with translation.override(settings.LANGUAGE_CODE):
        return docx.build(report, shown_figures(report))


def pdf_document(report):
    with translation.override(settings.LANGUAGE_CODE):
        return pdf.build(report, shown_figures(report))


def check_adoption(report, user, body, date=None):
    """Whether `user` may record that `body` adopted `report` on `date` (default today); returns the date.

    Raises ReportRefused (or ReportForbidden) with the reason. The confirmation page asks this first, the act
    asks it again under the row lock.
    """
    _allow(
        may_request(user, report.programme),
        _("Only the programme manager records that a body adopted the report."),
    )
    _require_concept(report)
    _require(
        body is not None and body.programme_id == report.programme_id,
        _("Choose the body of this programme that adopted the report."),
    )
    today = timezone.localdate()
    date = date or today
    _require(date <= today, _("The date of adoption cannot lie in the future."))
    _require(date >= report.period_start, _("A report cannot be adopted before its period has begun."))
    return date


@transaction.atomic
def adopt_programme_report(report, user, body, date=None, rationale=""):
    """A body adopts (stelt vast) the programme report: a Decision is recorded, and the figures and the Word and
    PDF documents of this moment are kept on the report. From then on the report and its documents do not change.
    """
    report = _lock_programme_report(report)
    date = check_adoption(report, user, body, date)
    programme = report.programme
    decision = Decision(
        programme=programme,
        body=body,
        outcome=DecisionOutcome.ADOPTED,
        rationale=(rationale or "").strip(),
        subject=report,
        subject_title=str(report),
        date=date,
        recorded_by=user,
    )
    decision.full_clean()
    decision.save()
    now = timezone.now()
    report.decision, report.adopted_at = decision, now
    report.frozen_figures = figures.record(report, now=now)
    word, portable = documents(report)
    report.word_file.save(f"{report.file_stem}.docx", ContentFile(word), save=False)
    report.pdf_file.save(f"{report.file_stem}.pdf", ContentFile(portable), save=False)
    report.save(update_fields=["decision", "adopted_at", "frozen_figures", "word_file", "pdf_file"])
    reminder_tasks.queue(notifications.programme_report_adopted(report, decision, user))
    return report
