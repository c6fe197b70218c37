"""The conditions of a conditional advice, followed on the pilot until they are met or dropped.

A conditional advice names its conditions one per line; each becomes a Condition of the pilot. The lead marks one
as met (with an explanation), the body that set it confirms it or reopens it, the deciding body may drop it with a
reason, and approving a proposal while conditions are still open needs a statement of how they are dealt with.
One function per act: it locks the condition, checks who may act, changes the state, writes the append-only
ConditionEvent and tells the people concerned after commit. pilots.services calls `create_from_advice` and
`address_at_decision` inside the advise and decide acts; nothing here imports the services.
"""

import re

from django.db import transaction
from django.db.models import F, Q
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.refusals import Refused
from core.refusals import allow as _allow
from core.refusals import require as _require
from governance.constants import DECIDING_ACTS
from programmes.roles import roles_of

from .constants import UNSETTLED, ConditionAct, ConditionState, PilotStatus
from .models import Condition, ConditionEvent
from .notifications import tell_of_condition
from .rules import acts_for_body, records_for

# A condition can be worked on while the proposal is on its way or running; after that it is history.
FOLLOWED = {PilotStatus.ON_ROUTE, PilotStatus.APPROVED, PilotStatus.RUNNING}
_BULLET = re.compile(r"^\s*(?:[-*•–]|\d{1,2}[.)])\s*")
MAX_LENGTH = 2000


def split_conditions(text):
    """The conditions of an advice text: one per non-empty line, without a leading bullet or number."""
    lines = [_BULLET.sub("", line).strip() for line in (text or "").splitlines()]
    return [line for line in lines if line]


def open_conditions(pilot):
    """The conditions of the pilot's current submission still to be followed (open, or met awaiting confirmation).

    For the decide form, the pilot page, and the meeting pack of the deciding body.
    """
    return (
        Condition.objects.filter(pilot=pilot, submission=pilot.submission, state__in=UNSETTLED)
        .select_related("body", "advice")
        .order_by("advice__step_order", "number")
    )


def create_from_advice(pilot, advice, user, via):
    """Makes the conditions of a conditional advice (in the advise act's transaction); the advice mail names them."""
    texts = split_conditions(advice.conditions)
    for number, text in enumerate(texts, start=1):
        if len(text) > MAX_LENGTH:
            raise Refused(_("A condition is at most %(max)s characters long.") % {"max": MAX_LENGTH})
        condition = Condition.objects.create(
            pilot=pilot,
            advice=advice,
            body=advice.body,
            submission=pilot.submission,
            number=number,
            text=text,
        )
        ConditionEvent.objects.create(condition=condition, act=ConditionAct.SET, actor=_actor(user), via=via)
    return len(texts)


def address_at_decision(pilot, decision, user, note, via):
    """An approval with conditions still open says how they are dealt with; the statement goes on each of them.

    Called by services.decide before anything is written (decision=None: only the check) and after the decision.
    """
    unsettled = list(
        Condition.objects.select_for_update(of=("self",)).filter(pk__in=open_conditions(pilot).values("pk"))
    )
    if unsettled and not (note or "").strip():
        raise Refused(
            ngettext(
                "%(count)s condition of the advice is still open: state how it is dealt with before approving.",
                "%(count)s conditions of the advice are still open: state how they are dealt with before approving.",
                len(unsettled),
            )
            % {"count": len(unsettled)}
        )
    if decision is not None:
        for condition in unsettled:
            ConditionEvent.objects.create(
                condition=condition,
                act=ConditionAct.ADDRESSED,
                actor=_actor(user),
                explanation=note.strip(),
                decision=decision,
                via=via,
            )
    return unsettled


def _actor(user):
    return user if user is not None and user.is_authenticated else None


def _lock(condition):
    return (
        Condition.objects.select_for_update(of=("self",))
        .select_related("pilot__programme", "pilot__workgroup", "body")
        .get(pk=condition.pk)
    )


def _record(condition, state, act, user, explanation, via):
    condition.state = state
    condition.save(update_fields=["state"])
    event = ConditionEvent.objects.create(
        condition=condition, act=act, actor=_actor(user), explanation=(explanation or "").strip(), via=via
    )
    tell_of_condition(event)
    return condition


def may_mark_met(user, condition):
    return user.has_perm("pilots.change_pilot", condition.pilot)


def may_confirm(user, condition):
    return acts_for_body(user, condition.body)


def deciding_body(pilot):
    return next((step.body for step in pilot.steps_now() if step.act in DECIDING_ACTS), None)


def may_drop(user, condition):
    return records_for(user, deciding_body(condition.pilot))


@transaction.atomic
def mark_met(condition, user, explanation, via="web"):
    condition = _lock(condition)
    _allow(
        may_mark_met(user, condition),
        _("Only the lead of the proposal or the programme manager can mark a condition as met."),
    )
    _require(condition.pilot.status in FOLLOWED, _("The conditions of this proposal are no longer followed."))
    _require(condition.state == ConditionState.OPEN, _("Only an open condition can be marked as met."))
    _require((explanation or "").strip(), _("Explain how the condition has been met: an explanation is required."))
    return _record(condition, ConditionState.CLAIMED, ConditionAct.MARKED_MET, user, explanation, via)


@transaction.atomic
def confirm(condition, user, explanation="", via="web"):
    condition = _lock(condition)
    _allow(
        may_confirm(user, condition),
        _("Only %(body)s, which set this condition, can confirm it (or the programme manager on its behalf).")
        % {"body": condition.body},
    )
    _require(
        condition.state == ConditionState.CLAIMED,
        _("Only a condition the lead has marked as met can be confirmed."),
    )
    return _record(condition, ConditionState.MET, ConditionAct.CONFIRMED, user, explanation, via)


@transaction.atomic
def reopen(condition, user, explanation, via="web"):
    condition = _lock(condition)
    _allow(
        may_confirm(user, condition),
        _("Only %(body)s, which set this condition, can reopen it (or the programme manager on its behalf).")
        % {"body": condition.body},
    )
    _require(
        condition.state == ConditionState.CLAIMED,
        _("Only a condition the lead has marked as met can be reopened."),
    )
    _require((explanation or "").strip(), _("Say why the condition is not met yet: a reason is required."))
    return _record(condition, ConditionState.OPEN, ConditionAct.REOPENED, user, explanation, via)


@transaction.atomic
def drop(condition, user, explanation, via="web"):
    condition = _lock(condition)
    _allow(
        may_drop(user, condition),
        _(
            "Only the deciding body (its chair or secretary), the programme manager or an administrator can drop a "
            "condition."
        ),
    )
    _require(condition.state in UNSETTLED, _("Only a condition still open can be dropped."))
    _require((explanation or "").strip(), _("Say why the condition is dropped: a reason is required."))
    return _record(condition, ConditionState.DROPPED, ConditionAct.DROPPED, user, explanation, via)


ACTS = {"met": mark_met, "confirm": confirm, "reopen": reopen, "drop": drop}


def conditions_to_act_on(user, limit=50):
    """Mijn werk: open conditions of proposals the user leads (to mark met) and conditions marked met that a body of
    the user set (to confirm); the programme manager sees both for the programme. One query, none for a user
    with no workgroup, body or programme to act for."""
    roles = roles_of(user)
    if roles.is_admin:
        wanted = Q(state__in=UNSETTLED)
    elif roles.led_workgroups or roles.managed_programmes or roles.body_ids:
        managed = roles.managed_programmes
        to_meet = Q(pilot__workgroup__in=roles.led_workgroups) | Q(pilot__programme__in=managed)
        to_confirm = Q(body__in=roles.body_ids) | Q(body__programme__in=managed)
        wanted = Q(to_meet, state=ConditionState.OPEN) | Q(to_confirm, state=ConditionState.CLAIMED)
    else:
        return [], []
    found = list(
        Condition.objects.filter(wanted, pilot__status__in=FOLLOWED, submission=F("pilot__submission"))
        .select_related("pilot", "body")
        .order_by("pilot__title", "number")[: 2 * limit]
    )
    return (
        [c for c in found if c.state == ConditionState.OPEN][:limit],
        [c for c in found if c.state == ConditionState.CLAIMED][:limit],
    )
