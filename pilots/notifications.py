"""Tells the people concerned what happened to a pilot: the proposer (the workgroup's leads and whoever
submitted) of every outcome, the body where it now waits, and the people kept informed (RACI).

`recipients(event)` runs in the act's transaction: it decides who is told, where the pilot stands after the
act, and writes their pending notifications (reminders.notify); `notify()` sends the immediate ones after commit.
"""

from django.conf import settings
from django.utils.translation import gettext as _

from programmes.constants import MembershipRole
from programmes.models import BodyMembership, Membership
from reminders import notify as notifications

from .constants import EventKind, PilotNotification, PilotRoleKind
from .models import PilotEvent

# The outcomes the proposer is always told of.
OUTCOMES = {
    EventKind.FORWARDED,
    EventKind.ADVISED,
    EventKind.APPROVED,
    EventKind.REJECTED,
    EventKind.RETURNED,
    EventKind.GATE,
    EventKind.STOPPED,
    EventKind.COMPLETED,
}


def _proposers(pilot):
    persons = [
        m.person
        for m in Membership.objects.filter(workgroup_id=pilot.workgroup_id, role=MembershipRole.LEAD).select_related(
            "person__user"
        )
    ]
    persons += [r.person for r in pilot.roles.filter(role=PilotRoleKind.LEADS).select_related("person__user")]
    submitted = (
        PilotEvent.objects.filter(pilot=pilot, kind=EventKind.SUBMITTED, actor__isnull=False)
        .select_related("actor__person")
        .order_by("-at", "-pk")
        .first()
    )
    return persons, [submitted.actor] if submitted else []


def _body_recorders(pilot):
    step = pilot.step()
    if step is None:
        return []
    return [
        m.person
        for m in BodyMembership.objects.filter(
            body=step.body, role__in=[MembershipRole.CHAIR, MembershipRole.SECRETARY]
        ).select_related("person__user")
    ]


def audience(event):
    pilot = event.pilot
    people = notifications.Audience(actor=event.actor)
    people.add_persons(
        [r.person for r in pilot.roles.filter(role=PilotRoleKind.INFORMED).select_related("person__user")],
        PilotNotification.INFORMED,
    )
    people.add_persons(_body_recorders(pilot), PilotNotification.MY_BODY)
    if event.kind in OUTCOMES:
        persons, users = _proposers(pilot)
        people.add_persons(persons, PilotNotification.OWN_PROPOSAL)
        people.add_users(users, PilotNotification.OWN_PROPOSAL)
    return people


def _intro(event):
    names = {"pilot": event.pilot.title, "body": event.body or _("The programme")}
    if event.kind == EventKind.SUBMITTED:
        return _("The proposal %(pilot)s has been submitted.") % names
    if event.kind == EventKind.WITHDRAWN:
        return _("The proposal %(pilot)s has been withdrawn.") % names
    if event.kind == EventKind.FORWARDED:
        return _("%(body)s has assessed the proposal %(pilot)s and sent it on.") % names
    if event.kind == EventKind.ADVISED:
        outcome = event.advice.get_outcome_display().lower() if event.advice else ""
        return _("%(body)s has given its advice on the proposal %(pilot)s: %(outcome)s.") % {
            **names,
            "outcome": outcome,
        }
    if event.kind == EventKind.APPROVED:
        return _("%(body)s has approved the proposal %(pilot)s.") % names
    if event.kind == EventKind.REJECTED:
        return _("%(body)s has rejected the proposal %(pilot)s.") % names
    if event.kind == EventKind.RETURNED:
        return _("%(body)s has returned the proposal %(pilot)s for revision.") % names
    return _("%(pilot)s: %(event)s.") % {"pilot": event.pilot.title, "event": event.get_kind_display()}


def message(event):
    """The subject and the Dutch text: the pilot, the act, the body, the rationale and conditions, the amounts."""
    pilot = event.pilot
    url = settings.SITE_URL + pilot.get_absolute_url()
    lines = [_intro(event)]
    rationale = (event.decision.rationale if event.decision else "") or (event.advice.rationale if event.advice else "")
    if event.kind == EventKind.APPROVED:
        if event.note:
            lines.append(_("Budget released: %(amounts)s.") % {"amounts": event.note})
        if rationale:
            lines.append(_("Rationale: %(text)s") % {"text": rationale})
    elif event.kind == EventKind.GATE:
        if event.note:
            lines.append(_("Outcome: %(text)s") % {"text": event.note})
    elif rationale or event.note:
        lines.append(_("Rationale: %(text)s") % {"text": rationale or event.note})
    if event.advice and event.advice.conditions:
        lines.append(_("Conditions: %(text)s") % {"text": event.advice.conditions})
    if event.kind == EventKind.RETURNED:
        lines.append(_("The proposal is a draft again: the workgroup revises it and submits it again."))
    step = pilot.step()
    if step is not None:
        lines.append(_("Next step: %(body)s (%(act)s).") % {"body": step.body, "act": step.get_act_display()})
    lines.append(_("See the proposal: %(url)s") % {"url": url})
    subject = _("%(pilot)s: %(event)s") % {"pilot": pilot.title, "event": event.get_kind_display()}
    return subject, "\n\n".join(lines), url


def recipients(event):
    """Writes the pending notifications of the event (in the act's transaction); returns the ids to send now."""
    subject, body, url = message(event)
    return notifications.record(audience(event), subject, body, url)


def notify(event_id, to):
    """Sends the event's immediate notifications, `to`: the ids written when the event was recorded."""
    return notifications.send_now(to or [])
