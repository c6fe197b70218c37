"""An audit entry's details in Dutch words, for the page and the export: "rol: Lezer van het programma · ..."."""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from programmes.constants import AccessRole, MembershipRole

from .constants import InvitationRole

LABELS = {
    "reason": _("reason"),
    "role": _("role"),
    "email": _("email"),
    "access": _("access"),
    "seat": _("seat"),
    "workgroup": _("workgroup"),
    "body": _("body"),
    "previous": _("before"),
    "filename": _("list"),
    "format": _("format"),
    "rows": _("rows"),
    "action": _("action"),
    "model": _("model"),
    "object": _("object"),
    "method": _("method"),
    "via": _("via"),
    "removed": _("removed"),
    "days": _("days"),
    "device": _("device"),
    "is_staff": _("staff"),
    "is_superuser": _("administrator"),
    "target": "",
    "message": "",
}
HIDDEN = {"path", "invitation", "object_id", "backend", "new_account", "before", "name", "last_used"}
WORDS = {
    "unknown": _("unknown link"),
    "expired": _("expired"),
    "used": _("already used"),
    "withdrawn": _("withdrawn"),
    "other_account": _("signed in with another account than the invited address"),
    "replaced": _("replaced by a new invitation"),
    "access revoked": _("access revoked"),
    "unused": _("not used"),
    "wrong": _("wrong code"),
    "locked": _("locked"),
    "add": _("added"),
    "change": _("changed"),
    "delete": _("deleted"),
}
ROLES = {**dict(MembershipRole.choices), **dict(AccessRole.choices), **dict(InvitationRole.choices)}


def _word(key, value):
    if isinstance(value, bool):
        return gettext("yes") if value else gettext("no")
    if key in ("role", "access", "seat", "previous") and value in ROLES:
        return ROLES[value]
    if key in ("reason", "action") and value in WORDS:
        return WORDS[value]
    return value


def details_text(details):
    parts = []
    for key, value in (details or {}).items():
        if key in HIDDEN or value in (None, "", [], {}):
            continue
        if isinstance(value, dict):
            value = ", ".join(f"{k}: {v}" for k, v in value.items())
        elif isinstance(value, list):
            value = " → ".join(str(_word(key, v)) for v in value)
        else:
            value = _word(key, value)
        label = LABELS.get(key, key)
        parts.append(f"{label}: {value}" if label else str(value))
    return " · ".join(parts)
