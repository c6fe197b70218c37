from celery import shared_task
from django.utils import timezone

from .models import Heartbeat


@shared_task
def heartbeat():
    """Proves that beat schedules and a worker executes: /health/ shows when it last ran."""
    Heartbeat.objects.update_or_create(name="celery", defaults={"seen_at": timezone.now()})
