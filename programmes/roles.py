"""What a user is in which programme, computed once per request.

All permission predicates read from here, so a page with many objects asks the
database a fixed number of times whatever the number of rows.
"""

from dataclasses import dataclass, field

from .constants import AccessRole, MembershipRole


@dataclass(frozen=True)
class UserRoles:
    is_admin: bool = False
    managed_programmes: frozenset = field(default_factory=frozenset)
    readable_programmes: frozenset = field(default_factory=frozenset)
    led_workgroups: frozenset = field(default_factory=frozenset)
    member_workgroups: frozenset = field(default_factory=frozenset)
    body_ids: frozenset = field(default_factory=frozenset)
    recording_body_ids: frozenset = field(default_factory=frozenset)


ANONYMOUS = UserRoles()


def roles_of(user):
    if user is None or not user.is_authenticated or not user.is_active:
        return ANONYMOUS
    cached = getattr(user, "_jeugdregio_roles", None)
    if cached is not None:
        return cached
    roles = _compute(user)
    user._jeugdregio_roles = roles
    return roles


def forget_roles(user):
    if hasattr(user, "_jeugdregio_roles"):
        del user._jeugdregio_roles


def _compute(user):
    from governance.models import BodyMembership

    from .models import Membership, ProgrammeAccess

    managed, readable = set(), set()
    for programme_id, role in ProgrammeAccess.objects.filter(user=user).values_list("programme_id", "role"):
        readable.add(programme_id)
        if role == AccessRole.MANAGER:
            managed.add(programme_id)

    led, member = set(), set()
    for workgroup_id, programme_id, role in Membership.objects.filter(person__user=user).values_list(
        "workgroup_id", "workgroup__programme_id", "role"
    ):
        member.add(workgroup_id)
        readable.add(programme_id)
        if role == MembershipRole.LEAD:
            led.add(workgroup_id)

    bodies, recording = set(), set()
    for body_id, programme_id, role in BodyMembership.objects.filter(person__user=user).values_list(
        "body_id", "body__programme_id", "role"
    ):
        bodies.add(body_id)
        readable.add(programme_id)
        if role in (MembershipRole.CHAIR, MembershipRole.SECRETARY):
            recording.add(body_id)

    return UserRoles(
        is_admin=user.is_superuser,
        managed_programmes=frozenset(managed),
        readable_programmes=frozenset(readable),
        led_workgroups=frozenset(led),
        member_workgroups=frozenset(member),
        body_ids=frozenset(bodies),
        recording_body_ids=frozenset(recording),
    )
