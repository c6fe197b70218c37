"""Closing a meeting: the one place where the outcomes of its agenda items are recorded.

An agenda item can point at a subject (a pilot proposal). Apps register a handler for their subject's
model; the close form then asks for the act, and closing performs it through that app's own service,
in the same transaction, so the meeting and the proposal have one history.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from .constants import MeetingStatus
from .models import AgendaItem, Meeting

SUBJECT_HANDLERS = {}


def register_subject_handler(model, handler):
    """handler.choices(item) -> [(value, label)] or None; handler.perform(item, value, rationale, user, meeting)."""
    SUBJECT_HANDLERS[model] = handler


def handler_for(item):
    subject = item.subject if item.subject_type_id else None
    return (SUBJECT_HANDLERS.get(type(subject)), subject) if subject is not None else (None, None)


@transaction.atomic
def close_meeting(meeting, minutes, outcomes, user, acts=None):
    """outcomes: {agenda item id: text}; acts: {agenda item id: chosen act}. Locks the meeting: closed once."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.status == MeetingStatus.CLOSED:
        raise ValidationError(_("This meeting is already closed."))
    items = {item.pk: item for item in meeting.items.all()}
    unknown = set(outcomes) - set(items)
    if unknown:
        raise ValidationError(_("An outcome was given for an item of another meeting."))
    for item_id, value in (acts or {}).items():
        if value:
            handler, _subject = handler_for(items[item_id])
            handler.perform(items[item_id], value, outcomes.get(item_id, ""), user, meeting)
    for item_id, text in outcomes.items():
        item = items[item_id]
        item.outcome = text.strip()
        item.save(update_fields=["outcome"])
    meeting.minutes = minutes
    meeting.status = MeetingStatus.CLOSED
    meeting.save(update_fields=["minutes", "status"])
    return meeting


@transaction.atomic
def move(item, meeting):
    """The secretary moves an item to a later planned meeting of the same body."""
    item = AgendaItem.objects.select_for_update(of=("self",)).select_related("meeting").get(pk=item.pk)
    if meeting.body_id != item.meeting.body_id or meeting.status != MeetingStatus.PLANNED:
        raise ValidationError(_("An item moves to another planned meeting of the same body."))
    item.meeting = meeting
    item.order = (meeting.items.aggregate(last=Max("order"))["last"] or 0) + 1
    item.save(update_fields=["meeting", "order"])
    return item
