from celery import shared_task

from .notifications import notify


@shared_task
def notify_event(event_id, to):
    """Emails the people to inform of a pilot event; queued after the act's transaction commits."""
    return notify(event_id, to)
