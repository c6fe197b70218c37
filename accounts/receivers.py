"""What the audit log hears without being called: signals of Django's sign-in, django-axes, the second factor
(django-otp devices and the twofactor app), access rows, tokens, exports and the admin site.

AccountsConfig.ready() connects these; the second-factor ones only when their apps are installed.
"""

from django.conf import settings
from django.contrib.admin.models import ADDITION, CHANGE, DELETION
from django.contrib.auth import BACKEND_SESSION_KEY
from django.contrib.contenttypes.models import ContentType
from django.utils import translation

from programmes.models import BodyMembership, Membership, ProgrammeAccess

from . import audit
from .constants import AuditKind

SSO_BACKEND_PREFIX = "sso."
ADMIN_ACTIONS = {ADDITION: "add", CHANGE: "change", DELETION: "delete"}
WATCHED_USER_FIELDS = ("is_staff", "is_superuser", "is_active")


# --- Signing in ------------------------------------------------------------------------------------------------


def logged_in(sender, request, user, **kwargs):
    session = getattr(request, "session", None)
    backend = str(session.get(BACKEND_SESSION_KEY, "")) if session is not None else ""
    kind = AuditKind.SSO_LOGIN if backend.startswith(SSO_BACKEND_PREFIX) else AuditKind.LOGIN
    audit.record(kind, request=request, actor=user, subject=user, backend=backend)


def login_failed(sender, credentials, request=None, **kwargs):
    username = credentials.get("username") if isinstance(credentials, dict) else ""
    audit.record(AuditKind.LOGIN_FAILED, request=request, username=username or "")


def locked_out(sender, request=None, username=None, ip_address=None, **kwargs):
    details = {"axes_ip_address": ip_address} if ip_address and ip_address != audit.client_ip(request) else {}
    audit.record(AuditKind.LOCKED_OUT, request=request, username=username or "", **details)


def sso_refused(sender, request=None, reason="", **kwargs):
    """The sso app's refusal of an organisation-account sign-in (a wrong state, a replayed code, a foreign token)."""
    audit.record(AuditKind.SSO_REFUSED, request=request, reason=reason)


# --- The second factor -----------------------------------------------------------------------------------------


def _device_details(device):
    return {"device": device._meta.label, "name": getattr(device, "name", "")}


def device_loaded(sender, instance, **kwargs):
    instance._audit_confirmed = instance.__dict__.get("confirmed", True) if instance.pk else False


def device_saved(sender, instance, created, raw=False, **kwargs):
    """A confirmed device is an enrolment: made confirmed, or confirmed later (a saved verification is not)."""
    if raw or not getattr(instance, "confirmed", True):
        return
    if created or not getattr(instance, "_audit_confirmed", True):
        audit.record(AuditKind.OTP_DEVICE_ADDED, subject=instance.user, **_device_details(instance))
    instance._audit_confirmed = True


def device_deleted(sender, instance, **kwargs):
    if getattr(instance, "confirmed", True):
        audit.record(AuditKind.OTP_DEVICE_REMOVED, subject=instance.user, **_device_details(instance))


def otp_verified(sender, user=None, request=None, device=None, method="", **kwargs):
    audit.record(AuditKind.OTP_VERIFIED, request=request, actor=user, subject=user, method=method)


def otp_failed(sender, user=None, request=None, device=None, method="", reason="", locked_until=None, **kwargs):
    audit.record(
        AuditKind.OTP_FAILED,
        request=request,
        subject=user,
        username=user.get_username() if user is not None else "",
        method=method,
        reason=reason,
        locked_until=locked_until.isoformat() if locked_until else None,
    )


def devices_reset(sender, user=None, by=None, via="", removed=None, request=None, **kwargs):
    audit.record(AuditKind.OTP_DEVICES_RESET, request=request, actor=by, subject=user, via=via, removed=removed or {})


# --- Accounts: staff and administrator rights, active or not -----------------------------------------------------


def user_saving(sender, instance, raw=False, update_fields=None, **kwargs):
    """Remembers the rights before the save (one query, only when a watched field may change)."""
    if raw or (update_fields is not None and not set(update_fields) & set(WATCHED_USER_FIELDS)):
        return
    if instance._state.adding:
        before = {"is_staff": False, "is_superuser": False, "is_active": instance.is_active}
    else:
        before = sender._default_manager.filter(pk=instance.pk).values(*WATCHED_USER_FIELDS).first()
    instance._audit_before = before


def user_saved(sender, instance, created, raw=False, **kwargs):
    before = instance.__dict__.pop("_audit_before", None)
    if raw or before is None:
        return
    changed = {
        field: [before[field], getattr(instance, field)]
        for field in ("is_staff", "is_superuser")
        if before[field] != getattr(instance, field)
    }
    if changed:
        audit.record(AuditKind.PRIVILEGES_CHANGED, subject=instance, **changed)
    if before["is_active"] != instance.is_active:
        kind = AuditKind.ACCOUNT_REACTIVATED if instance.is_active else AuditKind.ACCOUNT_DEACTIVATED
        audit.record(kind, subject=instance)


# --- Access to programmes ----------------------------------------------------------------------------------------


def _seat(instance):
    """(user, programme id, what) of an access row or a seat, or None for a seat of a person without an account."""
    if isinstance(instance, ProgrammeAccess):
        return instance.user, instance.programme_id, {"access": instance.role}
    user = instance.person.user
    if user is None:
        return None
    if isinstance(instance, Membership):
        return user, instance.workgroup.programme_id, {"workgroup": str(instance.workgroup), "seat": instance.role}
    return user, instance.body.programme_id, {"body": str(instance.body), "seat": instance.role}


def seat_loaded(sender, instance, **kwargs):
    instance._audit_role = instance.__dict__.get("role") if instance.pk else None  # never loads a deferred field


def seat_saved(sender, instance, created, raw=False, **kwargs):
    previous = getattr(instance, "_audit_role", None)
    instance._audit_role = instance.role
    if raw or (not created and previous in (None, instance.role)):  # None: loaded without its role, so unknown
        return
    seat = _seat(instance)
    if seat is not None:
        user, programme_id, what = seat
        if not created:
            what["previous"] = previous
        audit.record(AuditKind.ACCESS_GRANTED, subject=user, programme=programme_id, **what)


def seat_deleted(sender, instance, **kwargs):
    seat = _seat(instance)
    if seat is not None:
        user, programme_id, what = seat
        audit.record(AuditKind.ACCESS_REVOKED, subject=user, programme=programme_id, **what)


SEAT_MODELS = (ProgrammeAccess, Membership, BodyMembership)


# --- Tokens and links --------------------------------------------------------------------------------------------


def api_token_saved(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        audit.record(AuditKind.API_TOKEN_CREATED, subject=instance.user)


def api_token_deleted(sender, instance, **kwargs):
    audit.record(AuditKind.API_TOKEN_REVOKED, subject=instance.user)


def calendar_token_loaded(sender, instance, **kwargs):
    instance._audit_token = instance.__dict__.get("token") if instance.pk else None


def calendar_token_saved(sender, instance, created, raw=False, **kwargs):
    previous = getattr(instance, "_audit_token", None)
    instance._audit_token = instance.token
    if raw:
        return
    if created:
        audit.record(AuditKind.CALENDAR_LINK_CREATED, subject=instance.user)
    elif previous not in (None, instance.token):
        audit.record(AuditKind.CALENDAR_LINK_RENEWED, subject=instance.user)


def calendar_token_deleted(sender, instance, **kwargs):
    audit.record(AuditKind.CALENDAR_LINK_REVOKED, subject=instance.user)


# --- Exports and the admin site -----------------------------------------------------------------------------------


def export_made(sender, user=None, filename="", kind="", rows=None, **kwargs):
    audit.record(AuditKind.DATA_EXPORT, actor=user, filename=filename, format=kind, rows=rows)


def _admin_details(entry):
    content_type = ContentType.objects.get_for_id(entry.content_type_id) if entry.content_type_id else None
    with translation.override(settings.LANGUAGE_CODE):
        message = entry.get_change_message()
    return {
        "action": ADMIN_ACTIONS.get(entry.action_flag, str(entry.action_flag)),
        "model": content_type.model_class()._meta.label if content_type and content_type.model_class() else "",
        "object_id": str(entry.object_id),
        "object": entry.object_repr,
        "message": message,
    }


def record_admin_entry(entry, request=None):
    request = request if request is not None else audit.current_request()
    if request is not None:
        request.__dict__.setdefault("_audit_log_entries", set()).add(entry.pk)
    audit.record(AuditKind.ADMIN_ACTION, request=request, actor=entry.user, **_admin_details(entry))


def admin_logged(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        record_admin_entry(instance)
