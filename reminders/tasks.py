from celery import shared_task

from . import sweep


@shared_task
def sweep_reminders():
    """Idempotent: claims what is due and sends what is pending; safe to run twice or after a crash."""
    return sweep.run()
