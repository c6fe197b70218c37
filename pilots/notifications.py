"""Tells the people concerned what happened to a pilot: the proposer (the workgroup's leads, for a programme
document the programme managers, and whoever submitted) of every outcome, the body where it now waits, and the
people kept informed (RACI).

`recipients(event)` runs in the act's transaction: it decides who is told, where the pilot stands after the
act, and writes their pending notifications (reminders.notify); `notify()` sends the immediate ones after commit.
"""

from django.conf import settings
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from programmes.constants import AccessRole, MembershipRole
from programmes.models import BodyMembership, Membership, ProgrammeAccess
from reminders import notify as notifications
from reminders import tasks as reminder_tasks

from .constants import ConditionAct, EventKind, PilotNotification, PilotRoleKind
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


def programme_managers(programme_id):
    """The programme's managers (accounts): the writers of its programme documents."""
    return [
        access.user
        for access in ProgrammeAccess.objects.filter(
            programme_id=programme_id, role=AccessRole.MANAGER, user__is_active=True
        ).select_related("user__person")
    ]


def _proposers(pilot):
    """Who wrote the proposal: a workgroup's leads, or for a programme document (no workgroup) the programme's
    managers; the people who lead it in its role division; and whoever submitted it. (persons, users)"""
    users = []
    if pilot.workgroup_id is None:
        persons = []
        users += programme_managers(pilot.programme_id)
    else:
        persons = [
            m.person
            for m in Membership.objects.filter(
                workgroup_id=pilot.workgroup_id, role=MembershipRole.LEAD
            ).select_related("person__user")
        ]
    persons += [r.person for r in pilot.roles.filter(role=PilotRoleKind.LEADS).select_related("person__user")]
    submitted = (
        PilotEvent.objects.filter(pilot=pilot, kind=EventKind.SUBMITTED, actor__isnull=False)
        .select_related("actor__person")
        .order_by("-at", "-pk")
        .first()
    )
    if submitted:
        users.append(submitted.actor)
    return persons, users


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
    if event.kind == EventKind.MUNICIPALITY_DECIDED and event.municipal_decision:
        decision = event.municipal_decision
        return _("%(municipality)s has decided on the proposal %(pilot)s: %(outcome)s (%(organ)s, %(date)s).") % {
            **names,
            "municipality": decision.municipality,
            "outcome": decision.get_outcome_display().lower(),
            "organ": decision.get_organ_display(),
            "date": date_format(decision.decided_on, "j F Y"),
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
        if pilot.is_programme_document:
            lines.append(_("The proposal is a draft again: the programme manager revises it and submits it again."))
        else:
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


def _body_seats(body):
    return [m.person for m in BodyMembership.objects.filter(body=body).select_related("person__user")]


def _condition_text(event):
    condition, pilot = event.condition, event.condition.pilot
    names = {"pilot": pilot.title, "body": condition.body}
    if event.act == ConditionAct.MARKED_MET:
        intro = _("The lead of %(pilot)s reports that a condition of %(body)s has been met; please confirm.") % names
    elif event.act == ConditionAct.CONFIRMED:
        intro = _("%(body)s has confirmed that a condition on %(pilot)s has been met.") % names
    elif event.act == ConditionAct.REOPENED:
        intro = _("%(body)s finds a condition on %(pilot)s not met yet: it is open again.") % names
    else:
        intro = _("A condition of %(body)s on %(pilot)s has been dropped.") % names
    lines = [intro, _("Condition: %(text)s") % {"text": condition.text}]
    if event.explanation:
        lines.append(_("Explanation: %(text)s") % {"text": event.explanation})
    url = settings.SITE_URL + pilot.get_absolute_url() + "#conditions"
    lines.append(_("See the proposal: %(url)s") % {"url": url})
    subject = _("%(pilot)s: condition %(act)s") % {"pilot": pilot.title, "act": event.get_act_display().lower()}
    return subject, "\n\n".join(lines), url


def condition_audience(event):
    """Marked met: the body that set it hears (it confirms); confirmed, reopened or dropped: the lead hears."""
    condition = event.condition
    people = notifications.Audience(actor=event.actor)
    if event.act == ConditionAct.MARKED_MET:
        people.add_persons(_body_seats(condition.body), PilotNotification.CONDITIONS)
    elif event.act in (ConditionAct.CONFIRMED, ConditionAct.REOPENED, ConditionAct.DROPPED):
        persons, users = _proposers(condition.pilot)
        people.add_persons(persons, PilotNotification.CONDITIONS)
        people.add_users(users, PilotNotification.CONDITIONS)
        if event.act == ConditionAct.DROPPED:
            people.add_persons(_body_seats(condition.body), PilotNotification.CONDITIONS)
    return people


def tell_of_condition(event):
    """Writes the pending notifications of a condition's change (in its transaction) and sends them after commit."""
    subject, body, url = _condition_text(event)
    reminder_tasks.queue(notifications.record(condition_audience(event), subject, body, url))
