from celery import shared_task

from .services import publish_due


@shared_task
def publish_due_decisions():
    """Publishes the decisions of public bodies whose delay has passed (each exactly once: see publish_due)."""
    return publish_due()
