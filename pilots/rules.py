"""Who may do what with a pilot. One predicate per action; services, views, templates and admin share them."""

import rules

from programmes.roles import roles_of
from programmes.rules import can_edit_plan, can_read

from .constants import PilotKind, PilotStatus


@rules.predicate
def is_programme_document(user, obj):
    """A proposal of the programme itself (no workgroup): its writers are the programme managers."""
    return obj is not None and getattr(obj, "kind", None) == PilotKind.PROGRAMME_DOCUMENT


@rules.predicate
def leads_pilot_workgroup(user, obj):
    return obj is not None and obj.workgroup_id is not None and obj.workgroup_id in roles_of(user).led_workgroups


@rules.predicate
def sits_in_pilot_workgroup(user, obj):
    return obj is not None and obj.workgroup_id in roles_of(user).member_workgroups


@rules.predicate
def is_draft(user, pilot):
    return pilot is not None and pilot.status == PilotStatus.DRAFT


def records_for(user, body):
    """The body's chair or secretary, the programme manager or an administrator act for a body."""
    if body is None:
        return False
    roles = roles_of(user)
    return roles.is_admin or body.programme_id in roles.managed_programmes or body.pk in roles.recording_body_ids


def sits_in(user, body):
    """A seat in the body, whatever the role (member, chair, secretary)."""
    return body is not None and body.pk in roles_of(user).body_ids


def acts_for_body(user, body):
    """The body's members, and whoever records for it (chair, secretary, programme manager, administrator).

    Confirming or reopening a condition the body set, and scoring at its step, are the members' own acts.
    """
    return sits_in(user, body) or records_for(user, body)


def sees_scores(user, programme, body):
    """Individual scores are the assessing body's and the programme manager's only (and an administrator's)."""
    if body is None:
        return False
    roles = roles_of(user)
    return roles.is_admin or programme.pk in roles.managed_programmes or body.pk in roles.body_ids


# Drafts are the workgroup's own until submitted (a programme document's: the programme managers'); after that
# everyone who reads the programme reads them.
can_view_pilot = can_edit_plan | sits_in_pilot_workgroup | (can_read & ~is_draft)
# A workgroup's lead writes, submits and withdraws the workgroup's pilots; the programme managers (and
# administrators) do the same for every proposal of the programme, and are the only writers of a programme document.
can_write_proposal = can_edit_plan | (leads_pilot_workgroup & ~is_programme_document)

rules.add_perm("pilots.view_pilot", can_view_pilot)
rules.add_perm("pilots.change_pilot", can_write_proposal)
# Writing a new programme document for a programme (the object is the programme): its managers and administrators,
# also on a programme without workgroups.
rules.add_perm("pilots.add_programme_document", can_edit_plan)
# Editing the proposal also needs Pilot.is_editable (only drafts): a state rule, which binds administrators too.
rules.add_perm("pilots.view_experiment", can_read)
rules.add_perm("pilots.change_experiment", can_write_proposal)
# The programme's assessment criteria are part of its plan: the programme manager (and administrators) keep them.
rules.add_perm("pilots.change_assessmentcriterion", can_edit_plan)
