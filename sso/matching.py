"""Which login here a verified sign-in at the organisation's provider is.

1. The provider's subject (`sub`, with its issuer) is known: that login, whatever the e-mail address says now.
2. Otherwise, once: the one active account here with the e-mail address the provider says it verified, unless that
   account is already linked to another subject of the same provider (the address passed to someone else).
3. Otherwise a new account without any access, or, with OIDC_CREATE_USER off, no sign-in.

No claim makes anyone staff or superuser, or manager of anything: the only access a claim can give is reading
the programmes an administrator mapped to a provider group (GroupReadAccess), and only with OIDC_GROUPS_CLAIM set.
"""

import re

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.refusals import Refused
from programmes.constants import AccessRole
from programmes.models import ProgrammeAccess

from .constants import LinkedBy
from .models import GroupReadAccess, OrganisationAccount

USERNAME_CHARACTERS = re.compile(r"[^\w.@+-]")


def sign_in(issuer, claims):
    """The active user these verified claims belong to; Refused with the Dutch reason when there is none."""
    try:
        with transaction.atomic():
            account = (
                OrganisationAccount.objects.select_for_update()
                .select_related("user")
                .filter(issuer=issuer, subject=claims["sub"])
                .first()
            )
            if account is None:
                account = _link(issuer, claims)
            _refresh(account.user, claims)
            if not account.user.is_active:
                raise Refused(_("Your account here is not active. Please contact the administrator."))
            account.email = _verified_email(claims) or account.email
            account.last_login_at = timezone.now()
            account.save()
            _read_access_from_groups(account, claims)
    except IntegrityError as error:  # two first sign-ins of one person at the same moment
        raise Refused(_("Signing in did not work this time. Please try again.")) from error
    return account.user


def _link(issuer, claims):
    email = _verified_email(claims)
    user = _existing_user(issuer, email) if email else None
    if user is not None:
        return OrganisationAccount.objects.create(
            user=user, issuer=issuer, subject=claims["sub"], email=email, linked_by=LinkedBy.EMAIL
        )
    if not settings.OIDC_CREATE_USER:
        raise Refused(
            _(
                "There is no account here for your organisation account yet. Ask your programme manager for an "
                "invitation."
            )
        )
    return OrganisationAccount.objects.create(
        user=_new_user(claims, email), issuer=issuer, subject=claims["sub"], email=email, linked_by=LinkedBy.NEW
    )


def _existing_user(issuer, email):
    users = list(get_user_model().objects.filter(email__iexact=email)[:2])
    if not users:
        return None
    if len(users) > 1:
        raise Refused(
            _("More than one account here has your e-mail address. Please contact the administrator to link yours.")
        )
    user = users[0]
    if user.organisation_accounts.filter(issuer=issuer).exists():
        raise Refused(
            _(
                "Your e-mail address belongs to an account here that is already linked to another organisation "
                "account. Please contact the administrator."
            )
        )
    return user


def _new_user(claims, email):
    """An account without a password and without any access: someone has to give it a role."""
    User = get_user_model()
    base = email or claims.get("preferred_username") or claims.get("name") or "sso"
    base = USERNAME_CHARACTERS.sub("", str(base).replace(" ", "."))[:140] or "sso"
    username, number = base, 1
    while User.objects.filter(username__iexact=username).exists():
        number += 1
        username = f"{base}-{number}"
    user = User(username=username, email=email if _unused(email) else "", **_names(claims))
    user.set_unusable_password()
    user.save()
    return user


def _refresh(user, claims):
    """Names follow the provider; the e-mail address too, when it is verified and nobody else's here."""
    changed = {key: value for key, value in _names(claims).items() if value and getattr(user, key) != value}
    email = _verified_email(claims)
    if email and email.lower() != user.email.lower() and _unused(email):
        changed["email"] = email
    for key, value in changed.items():
        setattr(user, key, value)
    if changed:
        user.save(update_fields=list(changed))


def _read_access_from_groups(account, claims):
    """Read access to the programmes mapped to the person's groups; what a group gave goes with the group."""
    if not settings.OIDC_GROUPS_CLAIM:
        return
    groups = claims.get(settings.OIDC_GROUPS_CLAIM) or []
    groups = [str(group) for group in (groups if isinstance(groups, list) else [groups])]
    wanted = set(GroupReadAccess.objects.filter(group__in=groups).values_list("programme_id", flat=True))
    given = set(account.programmes_from_groups.values_list("pk", flat=True))
    for programme_id in sorted(wanted - given):
        _, created = ProgrammeAccess.objects.get_or_create(
            programme_id=programme_id, user=account.user, defaults={"role": AccessRole.READER}
        )
        if created:  # access someone gave by hand stays theirs to take away
            account.programmes_from_groups.add(programme_id)
    for programme_id in sorted(given - wanted):
        for access in ProgrammeAccess.objects.filter(
            programme_id=programme_id, user=account.user, role=AccessRole.READER
        ):
            access.delete()
        account.programmes_from_groups.remove(programme_id)


def _verified_email(claims):
    """The e-mail address, only when the provider says it verified it (a JSON true, or the string "true")."""
    email = claims.get("email")
    verified = claims.get(settings.OIDC_EMAIL_VERIFIED_CLAIM)
    if isinstance(email, str) and email and (verified is True or str(verified).lower() == "true"):
        return email.strip()[:254]
    return ""


def _unused(email):
    return bool(email) and not get_user_model().objects.filter(email__iexact=email).exists()


def _names(claims):
    names = {"first_name": claims.get("given_name"), "last_name": claims.get("family_name")}
    if not names["first_name"] and not names["last_name"]:
        names["first_name"] = claims.get("name")
    return {key: str(value)[:150] for key, value in names.items() if value}
