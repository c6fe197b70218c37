"""Object permissions: one predicate per action, used by views, templates and admin.

Every object passed in has a `programme` (a Programme is its own programme).
"""

import rules

from .roles import roles_of


def _programme_id(obj):
    return obj.programme.pk if obj is not None else None


@rules.predicate
def is_admin(user):
    return roles_of(user).is_admin


@rules.predicate
def manages_programme(user, obj):
    return obj is not None and _programme_id(obj) in roles_of(user).managed_programmes


@rules.predicate
def reads_programme(user, obj):
    return obj is not None and _programme_id(obj) in roles_of(user).readable_programmes


@rules.predicate
def leads_workgroup(user, workgroup):
    return workgroup is not None and workgroup.pk in roles_of(user).led_workgroups


@rules.predicate
def leads_workgroup_of(user, obj):
    """For a workgroup's own records (memberships): the lead of that workgroup."""
    return obj is not None and obj.workgroup_id in roles_of(user).led_workgroups


can_read = is_admin | manages_programme | reads_programme
can_edit_plan = is_admin | manages_programme

rules.add_perm("programmes.view_programme", can_read)
rules.add_perm("programmes.change_programme", can_edit_plan)
rules.add_perm("programmes.add_workgroup", can_edit_plan)
rules.add_perm("programmes.change_workgroup", can_edit_plan | leads_workgroup)
rules.add_perm("programmes.change_membership", can_edit_plan | leads_workgroup_of)
rules.add_perm("programmes.view_history", can_edit_plan)
rules.add_perm("programmes.revert_history", can_edit_plan)
