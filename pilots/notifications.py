"""Tells the people kept informed (RACI) and the next body's secretary what happened to a pilot. Runs after commit."""

from django.conf import settings
from django.utils.translation import gettext as _

from core.mail import send
from programmes.constants import MembershipRole


def recipients(event):
    from governance.models import BodyMembership

    from .constants import PilotRoleKind

    pilot = event.pilot
    emails = {role.person.email for role in pilot.roles.filter(role=PilotRoleKind.INFORMED).select_related("person")}
    step = pilot.step()
    if step is not None:
        emails |= set(
            BodyMembership.objects.filter(
                body=step.body, role__in=[MembershipRole.CHAIR, MembershipRole.SECRETARY]
            ).values_list("person__email", flat=True)
        )
    return sorted(email for email in emails if email)


def notify(event_id, to):
    """Mails the event to `to`: the recipients decided when the event was recorded."""
    from .models import PilotEvent

    event = PilotEvent.objects.select_related("pilot", "body").get(pk=event_id)
    if not to:
        return 0
    subject = _("%(pilot)s: %(event)s") % {"pilot": event.pilot.title, "event": event.get_kind_display()}
    body = _("%(event)s for %(pilot)s.\n\nSee %(url)s") % {
        "event": event.get_kind_display(),
        "pilot": event.pilot.title,
        "url": settings.SITE_URL + event.pilot.get_absolute_url(),
    }
    url = settings.SITE_URL + event.pilot.get_absolute_url()
    return sum(send(subject, body, [address], url=url) for address in to)
