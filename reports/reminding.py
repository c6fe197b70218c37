"""Which report reminders are due today. Registered with the reminder sweep in ReportsConfig.ready; a fixed
number of queries per batch.

A report slot passes through stages, one reminder each, claimed on the first sweep that sees the stage:
  due − remind_before ≤ today < due                 → REPORT_SOON to the reporters
  due ≤ today < due + remind_after                  → REPORT_TODAY to the reporters
  due + remind_after ≤ today < due + escalate_after → REPORT_OVERDUE to the reporters
  due + escalate_after ≤ today                      → REPORT_ESCALATION to the workgroup's leads and the
                                                      programme managers (cannot be muted)
A submitted report waiting for review → REPORT_REVIEW to the kernteam's chair and secretary, once per submission day.
From 1 January and 1 July, until the programme report of the past half-year exists → PROGRAMME_REPORT
to the programme managers.
"""

import datetime

from django.conf import settings
from django.db.models import Max, Q
from django.urls import reverse
from django.utils.translation import gettext as _

from pilots.constants import PilotStatus
from programmes.constants import AccessRole, BodyKindCode, MembershipRole
from programmes.models import BodyMembership, Membership, Programme, ProgrammeAccess
from reminders.models import Reminder

from .constants import ReportReminder
from .models import OPEN_STATUSES, ProgrammeReport, ProgressReport, ReportingSchedule, ReportStatus
from .services import half_year

DEFAULTS = {"remind_before": 7, "remind_after": 3, "escalate_after": 14}
LONGEST_NOTICE = 180  # the largest remind_before a schedule may have
BATCH = 2000


def _d(day):
    return day.strftime("%d-%m-%Y")


def stage(report, today):
    """The reminder kind a report is in today, or None."""
    days = report.schedule if report.schedule_id else None
    before = days.remind_before if days else DEFAULTS["remind_before"]
    after = days.remind_after if days else DEFAULTS["remind_after"]
    escalate = days.escalate_after if days else DEFAULTS["escalate_after"]
    due = report.due_date
    if today < due:
        return ReportReminder.REPORT_SOON if before and today >= due - datetime.timedelta(days=before) else None
    late = (today - due).days
    if late < after:
        return ReportReminder.REPORT_TODAY
    if late < escalate:
        return ReportReminder.REPORT_OVERDUE
    return ReportReminder.REPORT_ESCALATION


def _emails_by(queryset, key, email):
    """{key: {email addresses}} from one query, leaving out people without an address."""
    grouped = {}
    for value, address in queryset.exclude(**{email: ""}).values_list(key, email):
        grouped.setdefault(value, set()).add(address)
    return grouped


def _managers(programme_ids):
    return _emails_by(
        ProgrammeAccess.objects.filter(programme_id__in=programme_ids, role=AccessRole.MANAGER),
        "programme_id",
        "user__email",
    )


def _leads(workgroup_ids):
    return _emails_by(
        Membership.objects.filter(workgroup_id__in=workgroup_ids, role=MembershipRole.LEAD),
        "workgroup_id",
        "person__email",
    )


def _named_reporters(schedule_ids):
    return _emails_by(
        ReportingSchedule.reporters.through.objects.filter(reportingschedule_id__in=schedule_ids),
        "reportingschedule_id",
        "person__email",
    )


def _reminder(kind, report, email, title, body, types):
    url = settings.SITE_URL + report.get_absolute_url()
    return Reminder(
        kind=kind,
        subject_type=types(ProgressReport),
        subject_id=report.pk,
        due_date=report.due_date,
        recipient=email,
        url=url,
        title=title,
        body=body + "\n\n" + _("Write or view the report at %(url)s") % {"url": url},
    )


def _texts(kind, report):
    subject = report.pilot.title if report.pilot_id else str(report.workgroup)
    values = {"subject": subject, "date": _d(report.due_date)}
    if kind == ReportReminder.REPORT_SOON:
        return (
            _("Progress report %(subject)s due on %(date)s") % values,
            _("The progress report of %(subject)s is due on %(date)s.") % values,
        )
    if kind == ReportReminder.REPORT_TODAY:
        return (
            _("Progress report %(subject)s due today") % values,
            _("The progress report of %(subject)s is due today, %(date)s.") % values,
        )
    if kind == ReportReminder.REPORT_OVERDUE:
        return (
            _("Overdue: progress report %(subject)s") % values,
            _("The progress report of %(subject)s was due on %(date)s and has not been submitted.") % values,
        )
    return (
        _("Escalation: progress report %(subject)s long overdue") % values,
        _(
            "The progress report of %(subject)s was due on %(date)s and has still not been submitted. "
            "You receive this as the workgroup's lead or as programme manager."
        )
        % values,
    )


def report_candidates(today, types):
    rows = []
    after_pk = 0
    while True:
        batch = list(
            ProgressReport.objects.filter(
                pk__gt=after_pk,
                status__in=OPEN_STATUSES,
                due_date__lte=today + datetime.timedelta(days=LONGEST_NOTICE),
            )
            .filter(Q(schedule__isnull=True) | Q(schedule__active=True))
            .filter(Q(pilot__isnull=True) | Q(pilot__status=PilotStatus.RUNNING))
            .select_related("schedule", "pilot", "workgroup")
            .order_by("pk")[:BATCH]
        )
        if not batch:
            break
        after_pk = batch[-1].pk
        staged = [(report, stage(report, today)) for report in batch]
        staged = [(report, kind) for report, kind in staged if kind]
        if not staged:
            continue
        leads = _leads({r.workgroup_id for r, _k in staged})
        named = _named_reporters({r.schedule_id for r, _k in staged if r.schedule_id})
        managers = _managers({r.programme_id for r, kind in staged if kind == ReportReminder.REPORT_ESCALATION})
        for report, kind in staged:
            if kind == ReportReminder.REPORT_ESCALATION:
                recipients = leads.get(report.workgroup_id, set()) | managers.get(report.programme_id, set())
            else:
                recipients = named.get(report.schedule_id) or leads.get(report.workgroup_id, set())
            title, body = _texts(kind, report)
            rows.extend(_reminder(kind, report, email, title, body, types) for email in sorted(recipients))
    return rows


def review_candidates(today, types):
    waiting = list(
        ProgressReport.objects.filter(status=ReportStatus.SUBMITTED)
        .annotate(submitted=Max("submissions__submitted_at"))
        .select_related("pilot", "workgroup")
    )
    if not waiting:
        return []
    recorders = _emails_by(
        BodyMembership.objects.filter(
            body__programme_id__in={r.programme_id for r in waiting},
            body__kind__code=BodyKindCode.CORE_TEAM,
            role__in=[MembershipRole.CHAIR, MembershipRole.SECRETARY],
        ),
        "body__programme_id",
        "person__email",
    )
    managers = _managers({r.programme_id for r in waiting if r.programme_id not in recorders})
    rows = []
    for report in waiting:
        day = report.submitted.date() if report.submitted else today
        subject = report.pilot.title if report.pilot_id else str(report.workgroup)
        url = settings.SITE_URL + report.get_absolute_url()
        for email in sorted(recorders.get(report.programme_id) or managers.get(report.programme_id, ())):
            rows.append(
                Reminder(
                    kind=ReportReminder.REPORT_REVIEW,
                    subject_type=types(ProgressReport),
                    subject_id=report.pk,
                    due_date=day,
                    recipient=email,
                    url=url,
                    title=_("Progress report to review: %(subject)s") % {"subject": subject},
                    body=_("The progress report of %(subject)s waits for the kernteam's review: %(url)s")
                    % {"subject": subject, "url": url},
                )
            )
    return rows


def programme_report_candidates(today, types):
    start, end = half_year(today)
    done = ProgrammeReport.objects.filter(period_start__lte=start, period_end__gte=end).values("programme_id")
    programmes = list(Programme.objects.exclude(pk__in=done).filter(access__role=AccessRole.MANAGER).distinct())
    managers = _managers({p.pk for p in programmes})
    due = end + datetime.timedelta(days=1)
    rows = []
    for programme in programmes:
        url = settings.SITE_URL + reverse("reports:list", args=[programme.pk])
        values = {"programme": programme.title, "start": _d(start), "end": _d(end), "url": url}
        for email in sorted(managers.get(programme.pk, ())):
            rows.append(
                Reminder(
                    kind=ReportReminder.PROGRAMME_REPORT,
                    subject_type=types(Programme),
                    subject_id=programme.pk,
                    due_date=due,
                    recipient=email,
                    url=url,
                    title=_("Compile the programme report %(start)s – %(end)s") % values,
                    body=_("%(programme)s: the half-year %(start)s – %(end)s has ended. Compile its report: %(url)s")
                    % values,
                )
            )
    return rows
