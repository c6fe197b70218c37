"""Who has access to a programme: accounts with an access row, a workgroup seat or a body seat, and the open
invitations. Four queries, however many people."""

from dataclasses import dataclass, field

from programmes.models import BodyMembership, Membership, ProgrammeAccess

from .constants import InvitationStatus
from .models import Invitation


@dataclass
class Holder:
    user: object
    person: object = None
    access: list = field(default_factory=list)
    workgroups: list = field(default_factory=list)
    bodies: list = field(default_factory=list)

    @property
    def name(self):
        return (self.person.name if self.person else "") or self.user.get_full_name() or self.user.get_username()


def holders(programme):
    """Everyone with an account who has something in `programme`, by name."""
    found = {}

    def holder(user, person=None):
        entry = found.setdefault(user.pk, Holder(user=user))
        entry.person = entry.person or person
        return entry

    for access in ProgrammeAccess.objects.filter(programme=programme).select_related("user__person"):
        holder(access.user, getattr(access.user, "person", None)).access.append(access)
    seats = (
        Membership.objects.filter(workgroup__programme=programme, person__user__isnull=False)
        .select_related("person__user", "workgroup")
        .order_by("workgroup__number")
    )
    for seat in seats:
        holder(seat.person.user, seat.person).workgroups.append(seat)
    seats = (
        BodyMembership.objects.filter(body__programme=programme, person__user__isnull=False)
        .select_related("person__user", "body")
        .order_by("body__order", "body__name")
    )
    for seat in seats:
        holder(seat.person.user, seat.person).bodies.append(seat)
    return sorted(found.values(), key=lambda h: (h.name.lower(), h.user.pk))


def open_invitations(programme):
    return list(
        Invitation.objects.filter(programme=programme, status=InvitationStatus.PENDING)
        .select_related("workgroup", "body", "invited_by")
        .order_by("email", "-created_at")
    )
