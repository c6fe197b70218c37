"""What a user is in which programme, computed once per request.

All permission predicates read from here, so a page with many objects asks the
database a fixed number of times whatever the number of rows.
"""

from dataclasses import dataclass, field

from .constants import AccessRole, MembershipRole
from .models import BodyMembership, Membership, Programme, ProgrammeAccess


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


def readable_programmes(user):
    """The programmes a user may read (all of them for an administrator), as a queryset."""
    from django.db.models import Q

    roles = roles_of(user)
    programmes = Programme.objects.all()
    if not roles.is_admin:
        programmes = programmes.filter(Q(pk__in=roles.readable_programmes) | Q(pk__in=roles.managed_programmes))
    return programmes


def forget_roles(user):
    if hasattr(user, "_jeugdregio_roles"):
        del user._jeugdregio_roles


def _compute(user):
    """One query: the user's programme accesses, workgroup seats and body seats, as one UNION."""
    from django.db.models import CharField, F, Value

    def rows(queryset, kind, object_id, programme_id):
        return (
            queryset.order_by()
            .annotate(
                row_kind=Value(kind, output_field=CharField()), row_object=F(object_id), row_programme=F(programme_id)
            )
            .values_list("row_kind", "row_object", "row_programme", "role")
        )

    seats = rows(ProgrammeAccess.objects.filter(user=user), "access", "programme_id", "programme_id").union(
        rows(Membership.objects.filter(person__user=user), "workgroup", "workgroup_id", "workgroup__programme_id"),
        rows(BodyMembership.objects.filter(person__user=user), "body", "body_id", "body__programme_id"),
        all=True,
    )

    managed, readable, led, member, bodies, recording = set(), set(), set(), set(), set(), set()
    for kind, object_id, programme_id, role in seats:
        readable.add(programme_id)
        if kind == "access":
            if role == AccessRole.MANAGER:
                managed.add(programme_id)
        elif kind == "workgroup":
            member.add(object_id)
            if role == MembershipRole.LEAD:
                led.add(object_id)
        else:
            bodies.add(object_id)
            if role in (MembershipRole.CHAIR, MembershipRole.SECRETARY):
                recording.add(object_id)

    return UserRoles(
        is_admin=user.is_superuser,
        managed_programmes=frozenset(managed),
        readable_programmes=frozenset(readable),
        led_workgroups=frozenset(led),
        member_workgroups=frozenset(member),
        body_ids=frozenset(bodies),
        recording_body_ids=frozenset(recording),
    )
