"""Closing a meeting: the one place where the outcomes of its agenda items are recorded."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from .constants import MeetingStatus
from .models import Meeting


@transaction.atomic
def close_meeting(meeting, minutes, outcomes, user):
    """outcomes: {agenda item id: text}. Locks the meeting so it is closed once, by one person."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.status == MeetingStatus.CLOSED:
        raise ValidationError(_("This meeting is already closed."))
    items = {item.pk: item for item in meeting.items.all()}
    unknown = set(outcomes) - set(items)
    if unknown:
        raise ValidationError(_("An outcome was given for an item of another meeting."))
    for item_id, text in outcomes.items():
        item = items[item_id]
        item.outcome = text.strip()
        item.save(update_fields=["outcome"])
    meeting.minutes = minutes
    meeting.status = MeetingStatus.CLOSED
    meeting.save(update_fields=["minutes", "status"])
    return meeting
