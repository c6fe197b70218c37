"""Who hears of a comment, through the notification machinery of reminders (each person's own settings).

Only people who may read the comment are told (a mention in a team comment does not leak it to a reader), and
never its author. The mentioned people, the author of the comment replied to, and the subject's leads (the
workgroup's trekkers, for a programme document the programme managers, and for a pilot the people who lead it in
its role division) hear of it, each once, under the most personal kind that applies to them.
"""

from django.conf import settings
from django.utils.translation import gettext as _

from pilots.constants import PilotRoleKind
from pilots.models import Pilot, PilotRole
from pilots.notifications import programme_managers
from programmes.constants import MembershipRole
from programmes.models import Membership
from reminders import notify
from reminders.notify import Audience

from .constants import DiscussionNotification
from .mentions import display_name


def _leads(subject):
    if isinstance(subject, Pilot) and subject.workgroup_id is None:
        users = programme_managers(subject.programme_id)  # a programme document is its managers' proposal
    else:
        users = [
            m.person.user
            for m in Membership.objects.filter(
                workgroup_id=subject.workgroup_id, role=MembershipRole.LEAD, person__user__isnull=False
            ).select_related("person__user")
        ]
    if isinstance(subject, Pilot):
        users += [
            r.person.user
            for r in PilotRole.objects.filter(
                pilot=subject, role=PilotRoleKind.LEADS, person__user__isnull=False
            ).select_related("person__user")
        ]
    return users


def _readers(users, comment):
    return [user for user in users if user is not None and user.has_perm("discussion.view_comment", comment)]


def comment_posted(comment, mentioned):
    """Writes the pending notifications of a new comment; returns the ids to send at once (after commit)."""
    return _record(comment, mentioned, everybody=True)


def mentions_added(comment, mentioned):
    """A corrected comment tells only the people it mentions now and did not before."""
    return _record(comment, mentioned, everybody=False)


def _record(comment, mentioned, everybody):
    subject = comment.target
    audience = Audience(actor=comment.author)
    audience.add_users(_readers(mentioned, comment), DiscussionNotification.MENTIONED)
    if everybody:
        if comment.parent_id:
            audience.add_users(_readers([comment.parent.author], comment), DiscussionNotification.REPLY)
        audience.add_users(_readers(_leads(subject), comment), DiscussionNotification.ON_MY_PROPOSAL)
    if not audience.people:
        return []
    url = settings.SITE_URL + comment.get_absolute_url()
    names = {"author": display_name(comment.author), "subject": str(subject)}
    title = _("%(author)s commented on %(subject)s") % names
    lines = [
        _("%(author)s wrote on %(subject)s:") % names,
        comment.text,
        _("Reply or read the discussion: %(url)s") % {"url": url},
    ]
    return notify.record(audience, title, "\n\n".join(lines), url)
