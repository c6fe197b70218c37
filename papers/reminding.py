"""The pack's link to the body's members, once per meeting, on the first sweep from its papers deadline.

Registered with the reminder sweep in PapersConfig.ready. The sweep claims each (meeting, papers deadline,
member) once by the reminder's unique key, so two sweeps at once send one mail. A member already mailed for
the meeting is not mailed again when the meeting moves (a new deadline); a member who joins the body later
gets the link at the next sweep. A fixed number of queries.
"""

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.translation import gettext as _

from governance.constants import MeetingStatus
from governance.models import Meeting
from programmes.models import BodyMembership
from reminders.models import Reminder

from .constants import PapersReminder


def due_meetings(today):
    """Planned meetings still ahead whose papers deadline has come."""
    meetings = Meeting.objects.filter(status=MeetingStatus.PLANNED, starts_at__gt=timezone.now()).select_related("body")
    return [meeting for meeting in meetings if meeting.papers_deadline <= today]


def pack_candidates(today, types):
    meetings = due_meetings(today)
    if not meetings:
        return []
    meeting_type = types(Meeting)
    mailed = set(
        Reminder.objects.filter(
            kind=PapersReminder.MEETING_PACK, subject_type=meeting_type, subject_id__in=[m.pk for m in meetings]
        ).values_list("subject_id", "recipient")
    )
    members = {}
    for body_id, email, user_id in (
        BodyMembership.objects.filter(body_id__in={m.body_id for m in meetings})
        .exclude(person__email="")
        .values_list("body_id", "person__email", "person__user_id")
    ):
        members.setdefault(body_id, {}).setdefault(email.lower(), user_id)
    rows = []
    for meeting in meetings:
        url = settings.SITE_URL + reverse("papers:pack", args=[meeting.pk])
        values = {
            "body": meeting.body.name,
            "date": date_format(timezone.localtime(meeting.starts_at), "l j F Y, H:i"),
            "place": meeting.place or "–",
            "url": url,
        }
        for email, user_id in sorted(members.get(meeting.body_id, {}).items()):
            if (meeting.pk, email) in mailed:
                continue
            rows.append(
                Reminder(
                    kind=PapersReminder.MEETING_PACK,
                    subject_type=meeting_type,
                    subject_id=meeting.pk,
                    due_date=meeting.papers_deadline,
                    recipient=email,
                    user_id=user_id,
                    url=url,
                    title=_("Meeting papers: %(body)s, %(date)s") % values,
                    body=_(
                        "The papers for the meeting of %(body)s on %(date)s (%(place)s) are ready: the agenda, the "
                        "proposals as submitted, the advice so far and the annexes, in one PDF. Download them at "
                        "%(url)s. The pack is kept up to date until the meeting."
                    )
                    % values,
                )
            )
    return rows
