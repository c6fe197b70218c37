"""Who may plan and record at a body: the programme manager, an administrator, or the body's chair or secretary.

And who records a municipality's decision on a proposal (seed 004): a person of that municipality with a login who
is seated in the programme or in the body that offered the proposal, the programme manager on the municipality's
behalf, or that body's secretary (and an administrator).
"""

import rules

from programmes.constants import MembershipRole
from programmes.models import BodyMembership, GovernanceBody, Person
from programmes.roles import roles_of
from programmes.rules import can_edit_plan, can_read


def _body(obj):
    if obj is None:
        return None
    return obj if isinstance(obj, GovernanceBody) else obj.body


@rules.predicate
def records_for_body(user, obj):
    body = _body(obj)
    return body is not None and body.pk in roles_of(user).recording_body_ids


def _municipality_id(user):
    """The municipality of the user's own organisation, once per request."""
    if not hasattr(user, "_jeugdregio_municipality"):
        user._jeugdregio_municipality = (
            Person.objects.filter(user=user).values_list("organisation__municipality", flat=True).first()
        )
    return user._jeugdregio_municipality


def _secretary_of(user):
    """The bodies where the user is secretary, once per request."""
    if not hasattr(user, "_jeugdregio_secretary_of"):
        user._jeugdregio_secretary_of = frozenset(
            BodyMembership.objects.filter(person__user=user, role=MembershipRole.SECRETARY).values_list(
                "body", flat=True
            )
        )
    return user._jeugdregio_secretary_of


@rules.predicate
def speaks_for_municipality(user, decision):
    """A person of the decision's municipality, seated in the programme (any seat) or in the step's body."""
    if decision is None or not user.is_authenticated or not user.is_active:
        return False
    roles = roles_of(user)
    seated = decision.programme_id in roles.readable_programmes or decision.body_id in roles.body_ids
    return seated and _municipality_id(user) == decision.municipality_id


@rules.predicate
def is_secretary_of_body(user, decision):
    if decision is None or not user.is_authenticated or not user.is_active:
        return False
    return decision.body_id in _secretary_of(user)


rules.add_perm("governance.manage_meeting", can_edit_plan | records_for_body)
# The agenda and its documents go to every reader of the programme: the meeting page and the download use this.
rules.add_perm("governance.view_meeting_documents", can_read)
# The object is the MunicipalDecision that is about to be recorded (programme, body of the step, municipality).
rules.add_perm("governance.record_municipal_decision", can_edit_plan | speaks_for_municipality | is_secretary_of_body)
rules.add_perm("governance.view_municipal_decision", can_read)
