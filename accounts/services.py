"""Who gets in, and who stays in: one function per act, for views, admin and tasks alike.

invite → accept: a programme manager (an administrator, for a programme manager) invites a person by e-mail; the
link's secret is mailed after commit and only its hash is kept. Accepting locks the invitation row and claims it
with a conditional update, so two clicks give one account and one role. revoke_access takes away everything a
person has in one programme. deactivate_unused switches off accounts nobody used for ACCOUNT_INACTIVE_DAYS.
Every act writes the audit log (accounts.audit); the grants and removals of access themselves are logged by the
receivers of the access models, whoever makes them (accounts.receivers).
"""

import datetime
import functools
import logging
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from core.mail import send
from core.refusals import Forbidden, Refused
from core.refusals import allow as _allow
from core.refusals import require as _require
from programmes.constants import AccessRole, MembershipRole
from programmes.models import BodyMembership, Membership, Person, ProgrammeAccess
from programmes.roles import forget_roles, roles_of

from . import audit
from .constants import BODY_ROLES, WORKGROUP_ROLES, AuditKind, InvitationRole, InvitationStatus
from .models import AuditEntry, Invitation, token_hash

log = logging.getLogger(__name__)

SEAT_ROLES = {
    InvitationRole.WORKGROUP_LEAD: MembershipRole.LEAD,
    InvitationRole.WORKGROUP_MEMBER: MembershipRole.MEMBER,
    InvitationRole.BODY_MEMBER: MembershipRole.MEMBER,
    InvitationRole.BODY_CHAIR: MembershipRole.CHAIR,
    InvitationRole.BODY_SECRETARY: MembershipRole.SECRETARY,
}
SSO_URL_NAMES = ("oidc_authentication_init", "sso:start")


class InvitationLinkRefused(Refused):
    """A link that leads nowhere: unknown (forged, mistyped), expired, used or withdrawn."""

    def __init__(self, problem):
        self.problem = problem
        super().__init__(link_message(problem))


class NotTheInvitee(Forbidden):
    """A signed-in account whose e-mail address is not the invited one: a forwarded or intercepted link."""


def link_message(problem):
    return {
        "unknown": _(
            "This invitation link is not valid. Check that you opened the whole link from the email, or ask the "
            "person who invited you for a new invitation."
        ),
        "expired": _(
            "This invitation has expired. Ask the person who invited you, or the programme manager, for a new one."
        ),
        "used": _("This invitation has already been used. Sign in with your account."),
        "withdrawn": _(
            "This invitation has been withdrawn. Ask the programme manager if you think you should have access."
        ),
    }[problem]


# --- How one may sign in here ---------------------------------------------------------------------------------


def password_login_allowed():
    return getattr(settings, "LOCAL_PASSWORD_LOGIN", True)


def sso_login_url():
    """The address that starts a sign-in with the organisation's account, or "" when single sign-on is off."""
    if not (getattr(settings, "OIDC_OP_ISSUER", "") and getattr(settings, "OIDC_RP_CLIENT_ID", "")):
        return ""
    for name in SSO_URL_NAMES:
        try:
            return reverse(name)
        except NoReverseMatch:
            continue
    return ""


# --- Who may ---------------------------------------------------------------------------------------------------


def may_manage_access(user, programme):
    roles = roles_of(user)
    return roles.is_admin or programme.pk in roles.managed_programmes


def _check_manager(actor, programme):
    _allow(
        may_manage_access(actor, programme),
        _("Only the programme managers of %(programme)s and administrators can manage who has access to it.")
        % {"programme": programme},
    )


# --- Inviting --------------------------------------------------------------------------------------------------


def invite(actor, programme, *, email, name, role, workgroup=None, body=None):
    """Invites `email` to `programme` with `role`; an open invitation for the same role is replaced. The mail with
    the link goes after commit; the returned invitation knows only the hash of the link's secret."""
    _check_manager(actor, programme)
    _require(role in InvitationRole.values, _("Choose a role."))
    if role == InvitationRole.MANAGER:
        _allow(roles_of(actor).is_admin, _("Only an administrator can invite a programme manager."))
    workgroup = workgroup if role in WORKGROUP_ROLES else None
    body = body if role in BODY_ROLES else None
    _require(role not in WORKGROUP_ROLES or workgroup is not None, _("Choose the workgroup."))
    _require(role not in BODY_ROLES or body is not None, _("Choose the governance body."))
    _require(
        (workgroup is None or workgroup.programme_id == programme.pk)
        and (body is None or body.programme_id == programme.pk),
        _("This workgroup or body belongs to another programme."),
    )
    email = (email or "").strip()
    _require(email and len(email) <= Invitation._meta.get_field("email").max_length, _("Enter an email address."))
    existing = get_user_model().objects.filter(email__iexact=email, is_active=True).first()
    _require(
        existing is None or not _holds(existing, programme, role, workgroup, body),
        _("%(email)s already has this role.") % {"email": email},
    )
    now = timezone.now()
    with transaction.atomic():
        replaced = list(
            Invitation.objects.select_for_update()
            .filter(programme=programme, email__iexact=email, role=role, workgroup=workgroup, body=body)
            .filter(status=InvitationStatus.PENDING)
        )
        for old in replaced:
            Invitation.objects.filter(pk=old.pk).update(status=InvitationStatus.WITHDRAWN, closed_at=now)
            audit.record(
                AuditKind.INVITATION_WITHDRAWN,
                actor=actor,
                programme=programme,
                invitation=old.pk,
                email=email,
                reason="replaced",
            )
        token = secrets.token_urlsafe(32)
        invitation = Invitation.objects.create(
            programme=programme,
            email=email,
            name=(name or "").strip()[:150],
            role=role,
            workgroup=workgroup,
            body=body,
            token_hash=token_hash(token),
            invited_by=actor,
            created_at=now,
            expires_at=now + datetime.timedelta(days=settings.INVITATION_DAYS),
        )
        audit.record(
            AuditKind.INVITATION_SENT,
            actor=actor,
            programme=programme,
            invitation=invitation.pk,
            email=email,
            role=role,
            target=str(invitation.target or ""),
        )
        _mail_after_commit(*_invitation_mail(invitation, token, actor))
    return invitation


def _holds(user, programme, role, workgroup, body):
    if role in (InvitationRole.READER, InvitationRole.MANAGER):
        return ProgrammeAccess.objects.filter(programme=programme, user=user, role=role).exists()
    if role in WORKGROUP_ROLES:
        return Membership.objects.filter(workgroup=workgroup, person__user=user, role=SEAT_ROLES[role]).exists()
    return BodyMembership.objects.filter(body=body, person__user=user, role=SEAT_ROLES[role]).exists()


def _invitation_mail(invitation, token, actor):
    """The secret travels only in this mail: it is sent in this process after commit, never through the broker or
    the database (a notification row would keep it in clear)."""
    with translation.override(settings.LANGUAGE_CODE):
        inviter = (actor.get_full_name() or actor.get_username()) if actor is not None else _("The administrator")
        if sso_login_url() and password_login_allowed():
            how = _("On that page you choose a password, or you sign in with your organisation account.")
        elif sso_login_url():
            how = _("On that page you sign in with your organisation account.")
        else:
            how = _("On that page you choose a password.")
        until = date_format(timezone.localtime(invitation.expires_at), "j F Y, H:i")
        subject = _("Invitation to %(programme)s") % {"programme": invitation.programme}
        body = _(
            "%(inviter)s invites you to %(programme)s as %(role)s.\n\n"
            "Open the link below to accept the invitation. %(how)s The link works once and is valid until "
            "%(until)s.\n\nDid you not expect this invitation? Then you can ignore this email."
        ) % {
            "inviter": inviter,
            "programme": invitation.programme,
            "role": invitation.role_label,
            "how": how,
            "until": until,
        }
    url = settings.SITE_URL + reverse("accounts:accept", args=[token])
    return subject, f"{body}\n\n{url}", [invitation.email], url


def _mail_after_commit(subject, body, to, url=""):
    transaction.on_commit(functools.partial(send, subject, body, to, url=url), robust=True)


# --- Accepting -------------------------------------------------------------------------------------------------


def problem_of(invitation):
    if invitation is None:
        return "unknown"
    if invitation.status == InvitationStatus.ACCEPTED:
        return "used"
    if invitation.status == InvitationStatus.WITHDRAWN:
        return "withdrawn"
    if invitation.is_expired:
        return "expired"
    return None


def find(token):
    """The invitation of a link's secret, or None; nothing is changed (the page that shows it)."""
    return (
        Invitation.objects.select_related("programme__collaboration", "workgroup", "body", "invited_by")
        .filter(token_hash=token_hash(token))
        .first()
    )


def _worth_recording(problem, request):
    """Someone trying invitation links at random would fill the audit log: an address gets at most
    INVITATION_REFUSALS_RECORDED_PER_HOUR entries for unknown links an hour (counted in the cache; Redis in
    production). Expired, used and revoked links are always recorded: they concern a real invitation."""
    if problem != "unknown" or request is None:
        return True
    key = f"accounts:refused-links:{audit.client_ip(request) or 'unknown'}"
    cache.add(key, 0, timeout=3600)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=3600)
        count = 1
    return count <= settings.INVITATION_REFUSALS_RECORDED_PER_HOUR


def refuse_link(invitation, problem, request=None):
    """Records a link that leads nowhere and says so. Called outside any transaction that is rolled back."""
    if not _worth_recording(problem, request):
        return InvitationLinkRefused(problem)
    audit.record(
        AuditKind.INVITATION_REFUSED,
        request=request,
        programme=getattr(invitation, "programme_id", None),
        reason=problem,
        invitation=getattr(invitation, "pk", None),
        email=getattr(invitation, "email", ""),
    )
    return InvitationLinkRefused(problem)


def account_exists(email):
    return get_user_model().objects.filter(Q(email__iexact=email) | Q(username__iexact=email)).exists()


def _address(email):
    return (email or "").strip().lower()


def is_invitee(invitation, user):
    """Whether `user` is the person `invitation` was sent to: the account's e-mail address is the invited one
    (compared without case). That address is the one the account was made or linked with: by accepting an
    invitation to it, by the organisation's provider that verified it, or by an administrator in the admin site
    (logged there); nobody changes their own address here."""
    return bool(_address(user.email)) and _address(user.email) == _address(invitation.email)


def refuse_other_account(invitation, user, request=None):
    """Records that `user` opened or tried to accept an invitation sent to another address, and says so."""
    audit.record(
        AuditKind.INVITATION_REFUSED,
        request=request,
        actor=user,
        subject=user,
        programme=invitation.programme_id,
        reason="other_account",
        invitation=invitation.pk,
        email=invitation.email,
    )
    if not _address(user.email):
        return NotTheInvitee(
            _(
                "This invitation was sent to an email address, and your account has none. Only the account with "
                "the invited address can accept it: sign out and open the link again."
            )
        )
    return NotTheInvitee(
        _(
            "This invitation was sent to another email address than that of your account (%(email)s). Only the "
            "account with the invited address can accept it: sign out, open the link again and sign in with that "
            "account or make it."
        )
        % {"email": user.email}
    )


def accept(token, *, user=None, name="", password=None, request=None):
    """Accepts the invitation of `token`: as the signed-in `user`, or as a new account with `password`. Grants
    exactly the invited role, once: the invitation row is locked and claimed before anything is created.
    Returns (invitation, account). A link that leads nowhere raises InvitationLinkRefused after writing the audit
    entry, with nothing created; so does a signed-in `user` who is not the invitee (NotTheInvitee, see is_invitee):
    the invitation stays open for the person it was sent to."""
    now = timezone.now()
    problem = None
    other_account = False
    with transaction.atomic():
        invitation = (
            Invitation.objects.select_for_update(of=("self",))
            .select_related("programme", "workgroup", "body")
            .filter(token_hash=token_hash(token))
            .first()
        )
        problem = problem_of(invitation)
        other_account = problem is None and user is not None and not is_invitee(invitation, user)
        if problem is None and not other_account:
            claimed = Invitation.objects.filter(pk=invitation.pk, status=InvitationStatus.PENDING).update(
                status=InvitationStatus.ACCEPTED, closed_at=now
            )
            problem = None if claimed else "used"
        if problem is None and not other_account:
            created = user is None
            account = user if user is not None else _new_account(invitation, name, password)
            _require(account.is_active, _("This account is not active. Ask an administrator."))
            person = _person_for(account, invitation)
            _grant(invitation, person, account)
            Invitation.objects.filter(pk=invitation.pk).update(user=account)
            forget_roles(account)
            audit.record(
                AuditKind.INVITATION_ACCEPTED,
                request=request,
                actor=account,
                subject=account,
                programme=invitation.programme,
                invitation=invitation.pk,
                email=invitation.email,
                role=invitation.role,
                target=str(invitation.target or ""),
                new_account=created,
            )
    if problem is not None:
        raise refuse_link(invitation, problem, request)
    if other_account:
        raise refuse_other_account(invitation, user, request)
    invitation.refresh_from_db()
    return invitation, account


def _new_account(invitation, name, password):
    _require(password_login_allowed(), _("Passwords are switched off here: sign in with your organisation account."))
    _require(bool(password), _("Choose a password."))
    email = invitation.email
    _require(
        not account_exists(email),
        _("An account with this email address already exists. Sign in first; then accept the invitation."),
    )
    first, _space, last = (name or invitation.name or "").strip().partition(" ")
    User = get_user_model()
    user = User(username=email.lower(), email=email, first_name=first[:150], last_name=last.strip()[:150])
    user.set_password(password)
    try:
        with transaction.atomic():
            user.save()
    except IntegrityError as error:  # the same address accepted at the very same moment through another invitation
        raise Refused(
            _("An account with this email address already exists. Sign in first; then accept the invitation.")
        ) from error
    return user


def _person_for(account, invitation):
    """The account's person: the one it has, else a person of the collaboration with its address and no login,
    else new."""
    person = Person.objects.filter(user=account).first()
    if person is not None:
        return person
    addresses = {address.lower() for address in (invitation.email, account.email) if address}
    same_address = Q()
    for address in addresses:
        same_address |= Q(email__iexact=address)
    person = (
        Person.objects.of_collaboration(invitation.programme.collaboration_id)
        .filter(same_address, user__isnull=True)
        .order_by("pk")
        .first()
    )
    if person is not None:
        person.user = account
        person.save(update_fields=["user"])
        return person
    name = invitation.name or account.get_full_name() or account.get_username()
    return Person.objects.create(name=name, email=invitation.email or account.email, user=account)


def _grant(invitation, person, account):
    role = invitation.role
    if role in (InvitationRole.READER, InvitationRole.MANAGER):
        seat, created = ProgrammeAccess.objects.get_or_create(
            programme=invitation.programme, user=account, defaults={"role": AccessRole(role)}
        )
        wanted = AccessRole(role)
    elif role in WORKGROUP_ROLES:
        wanted = SEAT_ROLES[role]
        seat, created = Membership.objects.get_or_create(
            workgroup=invitation.workgroup, person=person, defaults={"role": wanted}
        )
    else:
        wanted = SEAT_ROLES[role]
        seat, created = BodyMembership.objects.get_or_create(
            body=invitation.body, person=person, defaults={"role": wanted}
        )
    if not created and seat.role != wanted:
        seat.role = wanted
        seat.save()


# --- Who has access, and taking it away ------------------------------------------------------------------------


def seats_of(programme, user, lock=False):
    """What `user` has in `programme`: the access rows, workgroup seats and body seats."""
    queries = [
        ProgrammeAccess.objects.filter(programme=programme, user=user),
        Membership.objects.filter(workgroup__programme=programme, person__user=user).select_related("workgroup"),
        BodyMembership.objects.filter(body__programme=programme, person__user=user).select_related("body"),
    ]
    if lock:
        queries = [query.select_for_update(of=("self",)) for query in queries]
    return [seat for query in queries for seat in query]


def describe(seat):
    if isinstance(seat, ProgrammeAccess):
        return _("%(role)s of the programme") % {"role": seat.get_role_display()}
    if isinstance(seat, Membership):
        return _("%(role)s in workgroup %(workgroup)s") % {"role": seat.get_role_display(), "workgroup": seat.workgroup}
    return _("%(role)s in %(body)s") % {"role": seat.get_role_display(), "body": seat.body}


def revoke_access(actor, programme, user):
    """Takes away everything `user` has in `programme` (access, workgroup and body seats, open invitations) and
    tells them by mail. The account stays, with whatever it has in other programmes. Returns what was removed."""
    _check_manager(actor, programme)
    name = user.get_full_name() or user.get_username()
    _require(
        user.pk != actor.pk,
        _("You cannot revoke your own access. Ask another programme manager or an administrator."),
    )
    now = timezone.now()
    with transaction.atomic():
        seats = seats_of(programme, user, lock=True)
        invitations = list(
            Invitation.objects.select_for_update()
            .filter(programme=programme, status=InvitationStatus.PENDING, email__iexact=user.email)
            .exclude(email="")
        )
        _require(seats or invitations, _("%(name)s has no access to this programme.") % {"name": name})
        removed = [describe(seat) for seat in seats]
        for seat in seats:
            seat.delete()  # each removal is logged by accounts.receivers (access_revoked)
        for invitation in invitations:
            Invitation.objects.filter(pk=invitation.pk).update(status=InvitationStatus.WITHDRAWN, closed_at=now)
            audit.record(
                AuditKind.INVITATION_WITHDRAWN,
                actor=actor,
                programme=programme,
                invitation=invitation.pk,
                email=invitation.email,
                reason="access revoked",
            )
            removed.append(_("the open invitation as %(role)s") % {"role": invitation.role_label})
        forget_roles(user)
        if user.is_active and user.email:
            _mail_after_commit(*_revoked_mail(actor, programme, user, removed))
    return removed


def _revoked_mail(actor, programme, user, removed):
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Your access to %(programme)s has been revoked") % {"programme": programme}
        body = _(
            "%(actor)s has revoked your access to %(programme)s. You no longer have:\n%(removed)s\n\n"
            "Your account stays, with what you have in other programmes. Do you think this is a mistake? Ask the "
            "programme manager."
        ) % {
            "actor": actor.get_full_name() or actor.get_username(),
            "programme": programme,
            "removed": "\n".join(f"- {item}" for item in removed),
        }
    return subject, body, [user.email], settings.SITE_URL + reverse("home")


def withdraw_invitation(actor, invitation):
    _check_manager(actor, invitation.programme)
    with transaction.atomic():
        withdrawn = Invitation.objects.filter(pk=invitation.pk, status=InvitationStatus.PENDING).update(
            status=InvitationStatus.WITHDRAWN, closed_at=timezone.now()
        )
        _require(withdrawn, _("This invitation was already accepted or withdrawn."))
        audit.record(
            AuditKind.INVITATION_WITHDRAWN,
            actor=actor,
            programme=invitation.programme,
            invitation=invitation.pk,
            email=invitation.email,
        )


# --- The account lifecycle -------------------------------------------------------------------------------------


def unused_since(cutoff):
    """Accounts not used since `cutoff`: their last login before it, or never logged in and made before it."""
    return Q(last_login__lt=cutoff) | Q(last_login__isnull=True, date_joined__lt=cutoff)


def deactivate_unused(now=None):
    """Deactivates the accounts nobody used for ACCOUNT_INACTIVE_DAYS; returns their usernames.

    Administrators too, except the last active one: when every active superuser is unused, the one used most
    recently stays active, so the site never loses its last administrator to this task. Each account is
    switched off with a conditional update, so an account used at this very moment is left alone."""
    now = now or timezone.now()
    days = settings.ACCOUNT_INACTIVE_DAYS
    cutoff = now - datetime.timedelta(days=days)
    User = get_user_model()
    unused = list(
        User.objects.filter(unused_since(cutoff), is_active=True)
        .order_by("pk")
        .values("pk", "username", "last_login", "date_joined", "is_superuser")
    )
    unused_ids = [row["pk"] for row in unused]
    superusers = [row for row in unused if row["is_superuser"]]
    if superusers and not User.objects.filter(is_active=True, is_superuser=True).exclude(pk__in=unused_ids).exists():
        keep = max(superusers, key=lambda row: (row["last_login"] or row["date_joined"], -row["pk"]))
        unused.remove(keep)
        log.info("account %s stays active: it is the last active administrator", keep["username"])
    entries = []
    with transaction.atomic():
        for row in unused:
            if User.objects.filter(unused_since(cutoff), pk=row["pk"], is_active=True).update(is_active=False):
                last_used = row["last_login"] or row["date_joined"]
                entries.append(
                    AuditEntry(
                        kind=AuditKind.ACCOUNT_DEACTIVATED,
                        subject_id=row["pk"],
                        subject_name=row["username"],
                        details={"reason": "unused", "last_used": last_used.isoformat(), "days": days},
                    )
                )
        AuditEntry.objects.bulk_create(entries)
    return [entry.subject_name for entry in entries]


# Entries are removed one day after they pass the retention period: a clock between this process and the database
# that differs by a few seconds can then never make the trigger refuse the whole delete.
RETENTION_MARGIN = datetime.timedelta(days=1)


def purge_audit_log(now=None):
    """Removes audit entries older than AUDIT_RETENTION_DAYS (the database refuses younger ones); returns how many."""
    now = now or timezone.now()
    days = settings.AUDIT_RETENTION_DAYS
    cutoff = now - datetime.timedelta(days=days) - RETENTION_MARGIN
    removed, _counts = AuditEntry.objects.filter(at__lt=cutoff).purge()
    if removed:
        audit.record(AuditKind.RETENTION, removed=removed, before=cutoff.isoformat(), days=days)
    return removed
