from celery import shared_task
from django.db import transaction

from governance.models import Meeting

from . import services
from .models import MeetingPack


@shared_task
def refresh_pack(meeting_id):
    """Makes a meeting's pack again after its agenda or documents changed, if it has one and is not closed.

    Idempotent: a pack that is current (same fingerprint) is left alone, so running it twice makes one file.
    """
    meeting = Meeting.objects.select_related("body__programme__collaboration").filter(pk=meeting_id).first()
    if meeting is None or meeting.is_closed or not MeetingPack.objects.filter(meeting=meeting).exists():
        return False
    services.current_pack(meeting)
    return True


def queue_refresh(meeting_id):
    transaction.on_commit(lambda: refresh_pack.delay(meeting_id))
