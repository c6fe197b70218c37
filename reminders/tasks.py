from celery import shared_task
from django.db import transaction

from . import notify, sweep


@shared_task
def sweep_reminders():
    """Idempotent: claims what is due and sends what is pending; safe to run twice or after a crash."""
    return sweep.run()


@shared_task
def send_notifications(ids):
    """Sends the immediate notifications of one act; queued after the act's transaction commits."""
    return notify.send_now(ids)


@shared_task
def send_digests():
    """Idempotent: one daily and one weekly digest per user per period, whatever how often it runs."""
    return notify.send_digests()


def queue(ids):
    """Sends the immediate notifications of an act once the act's transaction has committed."""
    if ids:
        transaction.on_commit(lambda: send_notifications.delay(ids))
