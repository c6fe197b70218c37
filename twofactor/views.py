"""The pages of the second factor: Beveiliging (what you have set up), enrolling an authenticator app, verifying
after the password, a recovery code instead, the recovery codes shown once, and switching it off."""

import base64
from functools import wraps
from urllib.parse import urlencode

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from core.params import parse_id

from . import services
from .forms import CodeForm, RecoveryCodeForm
from .passkeys import passkeys_possible
from .policy import HAS_DEVICE, has_device, is_required, safe_next, second_factor_done, signed_in_by_sso, step_url

SETUP_KEY = "twofactor_setup_key"  # session: the key of the app being enrolled, until its first code confirms it
NEW_CODES = "twofactor_new_codes"  # session: recovery codes made just now, shown (and downloadable) until dismissed


def verified_if_enrolled(view):
    """Signed in, and verified if the user has a device: changing your second factor takes the one you have."""

    @wraps(view)
    @never_cache
    @login_required
    def wrapper(request, *args, **kwargs):
        if not second_factor_done(request) and has_device(request, refresh=True):
            return redirect(step_url("verify", request.get_full_path() if request.method == "GET" else ""))
        return view(request, *args, **kwargs)

    return wrapper


def qr_code(text):
    """The QR code of `text` as an SVG data URI, made here: no request leaves the site."""
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=8, border=2)
    return "data:image/svg+xml;base64," + base64.b64encode(image.to_string(encoding="unicode").encode()).decode()


def _retry_message(until):
    seconds = max(1, int((until - timezone.now()).total_seconds()) + 1)
    if seconds < 60:
        return ngettext(
            "Wait %(seconds)s second before you try again.", "Wait %(seconds)s seconds before you try again.", seconds
        ) % {"seconds": seconds}
    return _("Too many wrong codes in a row. You can try again at %(time)s (in %(minutes)s minutes).") % {
        "time": formats.time_format(timezone.localtime(until), "H:i"),
        "minutes": (seconds + 59) // 60,
    }


# --- Beveiliging --------------------------------------------------------------------------------------------------


@verified_if_enrolled
def security(request):
    user = request.user
    devices = services.devices_of(user)
    return render(
        request,
        "twofactor/security.html",
        {
            "totp": devices["totp"].first(),
            "codes_left": services.recovery_codes_left(user),
            "has_codes": devices["recovery"].exists(),
            "passkeys": list(devices["passkey"].order_by("created_at")),
            "passkeys_possible": passkeys_possible(request),
            "rp_id": settings.OTP_WEBAUTHN_RP_ID,
            "required": is_required(user),
            "sso": signed_in_by_sso(request),
        },
    )


# --- Enrolment ----------------------------------------------------------------------------------------------------


@verified_if_enrolled
def setup(request):
    user = request.user
    key = request.session.get(SETUP_KEY)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if not key:
            form.add_error("token", _("This page had expired. Scan the new QR code and enter the code it gives."))
        elif services.enrol_totp(request, key, form.cleaned_data["token"]) is None:
            form.add_error(
                "token",
                _(
                    "This code is not right. Check that the time on your phone is correct and enter the code the app "
                    "shows now."
                ),
            )
        else:
            del request.session[SETUP_KEY]
            if not services.recovery_codes_left(user):
                request.session[NEW_CODES] = services.new_recovery_codes(user)
                messages.success(request, _("Two-factor authentication is on. Save your recovery codes now."))
                return redirect(f"{reverse('twofactor:codes')}?{urlencode({'next': safe_next(request)})}")
            messages.success(request, _("Your authenticator app is set up. Your recovery codes still work."))
            return redirect(safe_next(request, "twofactor:security"))
    if not key:
        key = request.session[SETUP_KEY] = services.new_totp_key()
    device = services.unsaved_totp_device(user, key)
    return render(
        request,
        "twofactor/setup.html",
        {
            "form": form,
            "qr_code": qr_code(device.config_url),
            "secret": services.readable_secret(key),
            "required": is_required(user),
            "replacing": services.devices_of(user)["totp"].exists(),
            "next": safe_next(request, "twofactor:security"),
        },
    )


# --- Verification after the password -------------------------------------------------------------------------------


def _nothing_to_verify(request):
    """Where to go when there is nothing to verify (done already, or no device any more), else None."""
    next_url = safe_next(request)
    if second_factor_done(request):
        return redirect(next_url)
    if not has_device(request, refresh=True):  # an administrator may have reset the devices since login
        return redirect(step_url("enrol", next_url) if is_required(request.user) else next_url)
    return None


def _refusal(outcome, wrong):
    if outcome is None:
        return _("You have not set this up. Choose another way to verify below.")
    if outcome.locked_until is not None:
        return _retry_message(outcome.locked_until)
    return wrong


@never_cache
@login_required
def verify(request):
    early = _nothing_to_verify(request)
    if early:
        return early
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        outcome = services.verify_totp(request, form.cleaned_data["token"])
        if outcome is not None and outcome.verified:
            return redirect(safe_next(request))
        wrong = _(
            "This code is not right. Check that the time on your phone is correct and enter the code the app shows "
            "now. After %(limit)s wrong codes in a row you wait %(minutes)s minutes."
        ) % {
            "limit": settings.TWO_FACTOR_FAILURE_LIMIT,
            "minutes": int(settings.TWO_FACTOR_COOLOFF.total_seconds() // 60),
        }
        form.add_error("token", _refusal(outcome, wrong))
    devices = services.devices_of(request.user)
    return render(
        request,
        "twofactor/verify.html",
        {
            "form": form,
            "has_totp": devices["totp"].exists(),
            "has_passkey": devices["passkey"].exists() and passkeys_possible(request),
            "next": safe_next(request),
        },
    )


@never_cache
@login_required
def recovery(request):
    early = _nothing_to_verify(request)
    if early:
        return early
    form = RecoveryCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        outcome = services.verify_recovery_code(request, form.cleaned_data["code"])
        if outcome is not None and outcome.verified:
            left = services.recovery_codes_left(request.user)
            messages.warning(
                request,
                ngettext(
                    "You signed in with a recovery code; it no longer works. You have %(count)s code left. Lost "
                    "your phone? Set up the app again under Security.",
                    "You signed in with a recovery code; it no longer works. You have %(count)s codes left. Lost "
                    "your phone? Set up the app again under Security.",
                    left,
                )
                % {"count": left},
            )
            return redirect(safe_next(request))
        wrong = _("This recovery code is not right or has been used already. Each recovery code works once.")
        form.add_error("code", _refusal(outcome, wrong))
    return render(request, "twofactor/recovery.html", {"form": form, "next": safe_next(request)})


# --- Recovery codes -----------------------------------------------------------------------------------------------


@verified_if_enrolled
def codes(request):
    """The new recovery codes, shown until the user says they are saved; then never again."""
    if request.method == "POST":
        request.session.pop(NEW_CODES, None)
        return redirect(safe_next(request, "twofactor:security"))
    return render(
        request,
        "twofactor/codes.html",
        {"codes": request.session.get(NEW_CODES, []), "next": safe_next(request, "twofactor:security")},
    )


@verified_if_enrolled
def download_codes(request):
    new_codes = request.session.get(NEW_CODES)
    if not new_codes:
        messages.info(request, _("Recovery codes are shown only once. Make new codes if you have lost them."))
        return redirect("twofactor:security")
    text = "\n".join(
        [
            _("Recovery codes for Jeugdregio (user %(username)s)") % {"username": request.user.get_username()},
            _("Each code works once. Keep them somewhere safe, away from your phone."),
            "",
            *new_codes,
            "",
        ]
    )
    response = HttpResponse(text, content_type="text/plain; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="jeugdregio-herstelcodes.txt"'
    return response


@require_POST
@verified_if_enrolled
def new_codes(request):
    devices = services.devices_of(request.user)
    if not (devices["totp"].exists() or devices["passkey"].exists()):
        messages.error(request, _("Set up an authenticator app first; the recovery codes come with it."))
        return redirect("twofactor:security")
    request.session[NEW_CODES] = services.new_recovery_codes(request.user)
    messages.success(request, _("New recovery codes are made; the old ones no longer work."))
    return redirect("twofactor:codes")


# --- Switching off and removing -----------------------------------------------------------------------------------


@verified_if_enrolled
def disable(request):
    back = reverse("twofactor:security")
    if is_required(request.user):
        messages.error(request, _("Two-factor authentication is required for your role; it cannot be switched off."))
        return redirect(back)
    if not has_device(request, refresh=True):
        messages.info(request, _("Two-factor authentication is off."))
        return redirect(back)
    if request.method == "POST" and request.POST.get("confirmed") == "1":
        services.reset_devices(request.user, by=request.user, via="self", request=request)
        request.session[HAS_DEVICE] = False
        messages.success(request, _("Two-factor authentication is off. You sign in with your password only."))
        return redirect(back)
    return render(
        request,
        "includes/confirm.html",
        {
            "title": _("Switch off two-factor authentication"),
            "will": _(
                "Your authenticator app, your recovery codes and your passkeys are removed from your account. "
                "After that you sign in with your password only."
            ),
            "action": reverse("twofactor:disable"),
            "cancel_url": back,
            "danger": True,
        },
    )


@require_POST
@verified_if_enrolled
def remove_passkey(request):
    user = request.user
    passkey_id = parse_id(request.POST.get("passkey", ""))
    devices = services.devices_of(user)
    others = devices["totp"].exists() or devices["passkey"].exclude(pk=passkey_id).exists()
    if is_required(user) and not others:
        messages.error(
            request,
            _("Your role requires a second factor: set up an authenticator app before you remove your last passkey."),
        )
    elif passkey_id is None or services.remove_passkey(user, passkey_id) is None:
        messages.error(request, _("That passkey was not found; perhaps it was removed already."))
    else:
        messages.success(request, _("The passkey is removed."))
    return redirect("twofactor:security")
