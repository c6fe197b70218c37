"""The agenda pipeline: a pilot that reaches a step goes on the next meeting of that step's body whose papers
deadline it still makes; closing that meeting with an outcome for the item performs the act on the pilot."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from governance.constants import MeetingStatus
from governance.models import AgendaItem, Meeting


def next_meeting_for(body, today=None):
    today = today or timezone.localdate()
    for meeting in Meeting.objects.filter(
        body=body, status=MeetingStatus.PLANNED, starts_at__gte=timezone.now()
    ).order_by("starts_at"):
        if meeting.papers_deadline >= today:
            return meeting
    return None


def agenda_item_for(pilot):
    """The open agenda item for the pilot's current step, if it is on an agenda."""
    step = pilot.step()
    if step is None:
        return None
    return (
        AgendaItem.objects.filter(
            subject_type=ContentType.objects.get_for_model(pilot),
            subject_id=pilot.pk,
            meeting__body=step.body,
            meeting__status__in=[MeetingStatus.PLANNED, MeetingStatus.HELD],
        )
        .select_related("meeting")
        .order_by("meeting__starts_at")
        .first()
    )


def schedule(pilot):
    """Puts the pilot's current step on the agenda of its body's next meeting. Returns the item, or None."""
    step = pilot.step()
    if step is None or agenda_item_for(pilot) is not None:
        return None
    meeting = next_meeting_for(step.body)
    if meeting is None:
        return None
    order = (meeting.items.aggregate(last=Max("order"))["last"] or 0) + 1
    return AgendaItem.objects.create(
        meeting=meeting,
        order=order,
        title=_("%(act)s: %(pilot)s") % {"act": step.get_act_display().capitalize(), "pilot": pilot.title},
        presenter=pilot.origin,
        subject=pilot,
    )


def unschedule(pilot, body, keep_meeting=None):
    """A step settled outside a meeting leaves that body's planned agendas (the meeting that settled it keeps it)."""
    items = AgendaItem.objects.filter(
        subject_type=ContentType.objects.get_for_model(pilot),
        subject_id=pilot.pk,
        meeting__body=body,
        meeting__status=MeetingStatus.PLANNED,
    )
    if keep_meeting is not None:
        items = items.exclude(meeting=keep_meeting)
    return items.delete()[0]
