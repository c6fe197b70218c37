"""The one place that writes the security audit log (the Open Forms way: one hub that every sign-in, act and
signal calls, instead of each app keeping its own trail).

Who and from where come from the request: passed in, or the request this thread is serving
(accounts.middleware.AuditContextMiddleware sets it), so a model signal deep inside an act still knows its actor
and address. A Celery task has no request: its entries have no actor.
"""

import contextvars
import ipaddress
from contextlib import contextmanager

from .models import AuditEntry

_request = contextvars.ContextVar("audit_request", default=None)

USER_AGENT_LENGTH = AuditEntry._meta.get_field("user_agent").max_length
NAME_LENGTH = AuditEntry._meta.get_field("username").max_length
TEXT_LENGTH = 1000  # a detail longer than this is cut: the log says what happened, it is no copy of the data


def current_request():
    return _request.get()


@contextmanager
def request_context(request):
    token = _request.set(request)
    try:
        yield
    finally:
        _request.reset(token)


def text(value, length=TEXT_LENGTH):
    """A string fit for any column and for PostgreSQL's jsonb: no NUL, at most `length` characters."""
    return str(value).replace("\x00", "")[:length]


def client_ip(request):
    """REMOTE_ADDR, when it is an address (behind the proxy it is the proxy's: see README, Beveiligingslogboek)."""
    raw = request.META.get("REMOTE_ADDR", "") if request is not None else ""
    try:
        return str(ipaddress.ip_address(str(raw).strip()))
    except ValueError:
        return None


def user_agent(request):
    return text(request.META.get("HTTP_USER_AGENT", ""), USER_AGENT_LENGTH) if request is not None else ""


def _clean(value):
    if isinstance(value, dict):
        return {text(key, 100): _clean(item) for key, item in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [_clean(item) for item in value]
    if value is None or isinstance(value, bool | int | float):
        return value
    return text(value)


def _username(user):
    return text(user.get_username(), NAME_LENGTH) if user is not None else ""


def _signed_in(user):
    return user if user is not None and getattr(user, "is_authenticated", False) else None


def record(kind, *, request=None, actor=None, subject=None, username="", programme=None, **details):
    """Writes one entry. `actor` defaults to the signed-in user of the request; `subject` is the account the event
    is about; `username` what someone typed at a login; `details` a few words and numbers, never secrets."""
    request = request if request is not None else current_request()
    if actor is None and request is not None:
        actor = _signed_in(getattr(request, "user", None))
    actor = _signed_in(actor)
    if request is not None and "path" not in details:
        details["path"] = request.path
    return AuditEntry.objects.create(
        kind=kind,
        actor=actor,
        actor_name=_username(actor),
        subject=subject,
        subject_name=_username(subject),
        username=text(username or "", NAME_LENGTH),
        ip_address=client_ip(request),
        user_agent=user_agent(request),
        programme_id=getattr(programme, "pk", programme),
        details=_clean(details),
    )
