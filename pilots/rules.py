"""Who may do what with a pilot. One predicate per action; services, views, templates and admin share them."""

import rules

from programmes.roles import roles_of
from programmes.rules import can_edit_plan, can_read

from .constants import PilotStatus


@rules.predicate
def leads_pilot_workgroup(user, obj):
    return obj is not None and obj.workgroup_id in roles_of(user).led_workgroups


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


# Drafts are the workgroup's own until submitted; after that everyone who reads the programme reads them.
can_view_pilot = can_edit_plan | sits_in_pilot_workgroup | (can_read & ~is_draft)
can_write_proposal = can_edit_plan | leads_pilot_workgroup

rules.add_perm("pilots.view_pilot", can_view_pilot)
rules.add_perm("pilots.change_pilot", can_write_proposal)
# Editing the proposal also needs Pilot.is_editable (only drafts): a state rule, which binds administrators too.
rules.add_perm("pilots.view_experiment", can_read)
rules.add_perm("pilots.change_experiment", can_write_proposal)
