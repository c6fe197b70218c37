"""Who must use a second factor, and what a signed-in session still owes.

A second factor is required (TWO_FACTOR_REQUIRED, always on in production) for whoever records decisions or
releases money, and for the admin site:
- administrators and staff (the admin site, where every act can be performed too);
- programme managers (a ProgrammeAccess with role manager): they may act at every step of their programme's routes;
- the chairs and secretaries of governance bodies: they record advice, decisions and go/no-go outcomes, and the
  deciding body's approval releases the pilot money.
Those are exactly the people `pilots.rules.records_for` lets act for a body, read from `programmes.roles`. A
workgroup lead books spending against money a decision already released and is not on the list. Everybody else
may enrol; whoever has a device is asked for it at every login.

A session signed in through single sign-on (a backend of the sso app, "sso.…") counts as multi-factor: the
organisation's identity provider asks for the second factor.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django_otp import user_has_device

from programmes.roles import roles_of

SSO_BACKEND_PREFIX = "sso."
HAS_DEVICE = "twofactor_has_device"  # session key: whether the user had a device at login (one lookup per login)


def signed_in_by_sso(request):
    return str(request.session.get(BACKEND_SESSION_KEY, "")).startswith(SSO_BACKEND_PREFIX)


def must_use_second_factor(user):
    """Whether the user's role asks for a second factor (whatever TWO_FACTOR_REQUIRED says)."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_staff or user.is_superuser:
        return True
    roles = roles_of(user)
    return bool(roles.managed_programmes or roles.recording_body_ids)


def is_required(user):
    return settings.TWO_FACTOR_REQUIRED and must_use_second_factor(user)


def is_verified(request):
    verified = getattr(request.user, "is_verified", None)
    return bool(verified and verified())


def has_device(request, refresh=False):
    """Whether the user has a confirmed device, remembered in the session from login on."""
    if refresh or HAS_DEVICE not in request.session:
        found = user_has_device(request.user)
        if request.session.get(HAS_DEVICE) != found:  # write the session only when it changes
            request.session[HAS_DEVICE] = found
        return found
    return request.session[HAS_DEVICE]


def second_factor_done(request):
    return signed_in_by_sso(request) or is_verified(request)


def pending_step(request):
    """None when the session may go on; "verify" when the user has a device to verify with; "enrol" when the
    user's role requires one and there is none yet."""
    user = request.user
    if not user.is_authenticated or second_factor_done(request):
        return None
    if has_device(request):
        return "verify"
    if is_required(user):
        return "enrol"
    return None


STEP_VIEWS = {"verify": "twofactor:verify", "enrol": "twofactor:setup"}


def step_url(step, next_url=""):
    url = reverse(STEP_VIEWS[step])
    return f"{url}?{urlencode({'next': next_url})}" if next_url else url


def admin_entry_check(request):
    """For core.admin_site.require_for_admin: where a staff user still has to go before the admin site."""
    step = pending_step(request)
    return step_url(step, request.get_full_path()) if step else None


def safe_next(request, default="home"):
    """The `next` of the request if it is a path on this site, else the URL of the view named `default`."""
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate.startswith("/") and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate  # a path on this site, never a view name or another host
    return reverse(default)


def remember_devices_at_login(sender, request, user, **kwargs):
    """At every login, look up once whether the user has a device (pending_step reads it on every page)."""
    if request is not None and hasattr(request, "session"):
        request.session[HAS_DEVICE] = user_has_device(user)
