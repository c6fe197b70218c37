"""The reminder sweep: find what is due, claim one row per (subject, period, kind, recipient), send after commit.

Phase 1 lets the apps prepare (reports creates its due report slots) and claims the reminders their registered
sources return, in one transaction with a bulk insert that ignores rows
already claimed (the unique key). Phase 2 sends pending rows: ids in batches, each row locked with SKIP LOCKED
so two workers never send the same row, and marked sent in the transaction that sent it. A crash after
claiming leaves rows pending and the next sweep sends them; nothing is ever claimed twice. What remains is the
moment between the mail server accepting a message and the commit of that one row: a crash exactly there
sends that one message again (no mail protocol can close it; it is one message, not a batch).
"""

import logging

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.utils import timezone

from core.mail import send

from . import registry
from .models import Reminder, ReminderPreference, ReminderStatus

log = logging.getLogger(__name__)
BATCH = 100
MAX_ATTEMPTS = 5


def candidates(today):
    """Every reminder that should exist today, as unsaved Reminder rows, from the sources the apps registered."""
    rows = []
    for source in registry.sources():
        rows += source(today, ContentType.objects.get_for_model)
    return rows


def without_muted(rows):
    """Drops the reminders a recipient muted (escalations always go), and every reminder to an address the apps
    silenced: a deactivated account gets no mail at all."""
    silenced = registry.silenced()
    rows = [r for r in rows if r.recipient.lower() not in silenced]
    unmutable = registry.unmutable_reminder_kinds()
    muted = {}
    for email, kinds in ReminderPreference.objects.exclude(user__email="").values_list("user__email", "muted"):
        muted.setdefault(email.lower(), set()).update(kinds or [])
    return [r for r in rows if r.kind in unmutable or r.kind not in muted.get(r.recipient.lower(), ())]


def claim(today):
    for prepare in registry.preparations():
        prepare(today)
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
