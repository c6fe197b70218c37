"""The reminder sweep: find what is due, claim one row per (subject, period, kind, recipient), send after commit.

Phase 1 creates due report slots and claims reminders in one transaction with a bulk insert that ignores rows
already claimed (the unique key). Phase 2 sends pending rows: ids in batches, each row locked with SKIP LOCKED
so two workers never send the same row, and marked sent in the transaction that sent it. A crash after
claiming leaves rows pending and the next sweep sends them; nothing is ever claimed twice. What remains is the
moment between the mail server accepting a message and the commit of that one row: a crash exactly there
sends that one message again (no mail protocol can close it; it is one message, not a batch).
"""

import datetime
import logging

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.mail import send
from pilots.constants import PilotStatus
from pilots.models import Gate, Pilot
from programmes.constants import MembershipRole
from programmes.models import BodyMembership
from programmes.risks import Risk

from .models import UNMUTABLE, Reminder, ReminderKind, ReminderPreference, ReminderStatus

log = logging.getLogger(__name__)
BATCH = 100
MAX_ATTEMPTS = 5
GATE_WARNING_DAYS = 14


def _url(obj):
    return settings.SITE_URL + obj.get_absolute_url()


def _recorders_by_body(body_ids):
    emails = {}
    for body_id, email in (
        BodyMembership.objects.filter(body_id__in=body_ids, role__in=[MembershipRole.CHAIR, MembershipRole.SECRETARY])
        .exclude(person__email="")
        .values_list("body_id", "person__email")
    ):
        emails.setdefault(body_id, set()).add(email)
    return emails


def candidates(today):
    """Every reminder that should exist today, as unsaved Reminder rows. A fixed number of queries."""
    from programmes.models import Programme
    from reports import reminding
    from reports.models import ProgressReport

    rows = []
    types = ContentType.objects.get_for_models(Gate, Pilot, Risk, ProgressReport, Programme)

    gates = list(
        Gate.objects.filter(
            pilot__status=PilotStatus.RUNNING,
            outcome="",
            planned_date__lte=today + datetime.timedelta(days=GATE_WARNING_DAYS),
        )
        .select_related("pilot", "body")
        .prefetch_related("pilot__steps__body")
    )
    deciding = {}
    for gate in gates:
        body = gate.body or next((s.body for s in gate.pilot.steps_now() if s.act == "decide"), None)
        deciding[gate.pk] = body
    recorders = _recorders_by_body({b.pk for b in deciding.values() if b})
    for gate in gates:
        overdue = gate.planned_date < today
        kind = ReminderKind.GATE_OVERDUE if overdue else ReminderKind.GATE_DUE
        for email in sorted(recorders.get(getattr(deciding[gate.pk], "pk", None), ())):
            rows.append(
                Reminder(
                    kind=kind,
                    subject_type=types[Gate],
                    subject_id=gate.pk,
                    url=_url(gate.pilot),
                    due_date=gate.planned_date,
                    recipient=email,
                    title=(
                        _("Overdue go/no-go moment: %(pilot)s")
                        if overdue
                        else _("Go/no-go moment on %(date)s: %(pilot)s")
                    )
                    % {"pilot": gate.pilot.title, "date": gate.planned_date.strftime("%d-%m-%Y")},
                    body=_("The go/no-go moment of %(pilot)s is planned for %(date)s. Decide it at %(url)s")
                    % {
                        "pilot": gate.pilot.title,
                        "date": gate.planned_date.strftime("%d-%m-%Y"),
                        "url": _url(gate.pilot),
                    },
                )
            )

    waiting_days = settings.PILOT_WAITING_DAYS
    waiting = list(
        Pilot.objects.filter(status=PilotStatus.ON_ROUTE)
        .annotate(since=Max("events__at"))
        .filter(since__lt=timezone.now() - datetime.timedelta(days=waiting_days))
        .prefetch_related("steps__body")
    )
    recorders = _recorders_by_body({p.step().body_id for p in waiting if p.step()})
    for pilot in waiting:
        step = pilot.step()
        since = timezone.localtime(pilot.since).date()
        for email in sorted(recorders.get(step.body_id, ())):
            rows.append(
                Reminder(
                    kind=ReminderKind.PILOT_WAITING,
                    subject_type=types[Pilot],
                    subject_id=pilot.pk,
                    url=_url(pilot),
                    due_date=since + datetime.timedelta(days=waiting_days),
                    recipient=email,
                    title=_("%(pilot)s has been waiting at %(body)s since %(date)s")
                    % {"pilot": pilot.title, "body": step.body, "date": since.strftime("%d-%m-%Y")},
                    body=_("%(pilot)s is waiting for %(body)s. See %(url)s")
                    % {"pilot": pilot.title, "body": step.body, "url": _url(pilot)},
                )
            )

    for risk in (
        Risk.objects.filter(review_date__lt=today, status__in=["open", "occurred"])
        .exclude(owner__email="")
        .exclude(owner__isnull=True)
        .select_related("owner", "programme")
    ):
        rows.append(
            Reminder(
                kind=ReminderKind.RISK_REVIEW,
                subject_type=types[Risk],
                subject_id=risk.pk,
                url=settings.SITE_URL + reverse("programmes:risks", args=[risk.programme_id]),
                due_date=risk.review_date,
                recipient=risk.owner.email,
                title=_("Review the risk: %(risk)s") % {"risk": risk.title},
                body=_("The risk %(risk)s was due for review on %(date)s. See %(url)s")
                % {
                    "risk": risk.title,
                    "date": risk.review_date.strftime("%d-%m-%Y"),
                    "url": settings.SITE_URL + reverse("programmes:risks", args=[risk.programme_id]),
                },
            )
        )
    rows += reminding.report_candidates(today, types)
    rows += reminding.review_candidates(today, types)
    rows += reminding.programme_report_candidates(today, types)
    return rows


def without_muted(rows):
    """Drops the reminders a recipient muted; escalations always go."""
    muted = {}
    for email, kinds in ReminderPreference.objects.exclude(user__email="").values_list("user__email", "muted"):
        muted.setdefault(email.lower(), set()).update(kinds or [])
    return [r for r in rows if r.kind in UNMUTABLE or r.kind not in muted.get(r.recipient.lower(), ())]


def claim(today):
    from reports.schedules import create_slots

    create_slots(today)
    rows = without_muted(candidates(today))
    with transaction.atomic():
        Reminder.objects.bulk_create(rows, ignore_conflicts=True, batch_size=500)
    return len(rows)


def send_pending():
    """Sends pending rows, and rows that failed in earlier sweeps; a row that fails now waits for the next sweep.

    Ids are read in batches of BATCH (one query per batch); each row is then locked (SKIP LOCKED, so two workers
    never take the same row), sent, and marked sent in its own short transaction. A worker killed while sending
    rolls back only that row, which the next sweep sends again; every row sent before is already marked sent.
    """
    sent = failed = 0
    after_pk = 0
    open_statuses = [ReminderStatus.PENDING, ReminderStatus.FAILED]
    while True:
        ids = list(
            Reminder.objects.filter(status__in=open_statuses, attempts__lt=MAX_ATTEMPTS, pk__gt=after_pk)
            .order_by("pk")
            .values_list("pk", flat=True)[:BATCH]
        )
        if not ids:
            break
        after_pk = ids[-1]
        for pk in ids:
            with transaction.atomic():
                row = Reminder.objects.filter(pk=pk, status__in=open_statuses)
                if connection.features.has_select_for_update_skip_locked:
                    row = row.select_for_update(skip_locked=True)
                reminder = row.first()
                if reminder is None:  # sent meanwhile, or being sent by another worker
                    continue
                reminder.attempts += 1
                try:
                    send(reminder.title, reminder.body, [reminder.recipient], url=reminder.url)
                except Exception as error:  # noqa: BLE001 - a failing mail server fails this row, not the sweep
                    reminder.status, reminder.last_error = ReminderStatus.FAILED, str(error)[:300]
                    failed += 1
                else:
                    reminder.status, reminder.sent_at = ReminderStatus.SENT, timezone.now()
                    sent += 1
                reminder.save(update_fields=["attempts", "status", "last_error", "sent_at"])
    return {"sent": sent, "failed": failed}


def run(today=None):
    today = today or timezone.localdate()
    claimed = claim(today)
    result = send_pending()
    log.info("reminder sweep %s: %s candidates, %s sent, %s failed", today, claimed, result["sent"], result["failed"])
    return {"candidates": claimed, **result}
