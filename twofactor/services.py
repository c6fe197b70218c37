"""The acts on a user's second factors: enrol an authenticator app, make recovery codes, verify a code, remove
a passkey, reset everything. Each act runs in one transaction and sends its signal (twofactor/signals.py) inside it.

Throttling is django-otp's own, per device and kept in the device's row (so it holds across sessions and
processes): after a wrong code the device waits 1, 2, 4, 8 … seconds before it takes the next one. On top of it,
like django-axes for passwords, TWO_FACTOR_FAILURE_LIMIT wrong codes in a row lock the device for
TWO_FACTOR_COOLOFF, counted from the last wrong code.
"""

import base64
import re
import time
from binascii import unhexlify
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_otp import login as otp_login
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.util import random_hex
from django_otp_webauthn.utils import get_credential_model

from core.refusals import Refused

from .policy import HAS_DEVICE
from .signals import devices_reset, otp_failed, otp_verified

Passkey = get_credential_model()

TOTP_DIGITS = 6

# What a person may type around a code (spaces, hyphens), and the two formats. ASCII only: Python's int() and
# django-otp read full-width (１２３４５６) and other Unicode digits as digits, which would make them a real try.
_SEPARATORS = re.compile(r"[\s-]+")
_TOTP_CODE = re.compile(rf"[0-9]{{{TOTP_DIGITS}}}", re.ASCII)
_RECOVERY_CODE = re.compile(r"[a-z2-7]{8}", re.ASCII)


def totp_code(typed):
    """The code of an authenticator app as typed, without spaces and hyphens; Refused (and no try) unless it is
    TOTP_DIGITS ASCII digits."""
    code = _SEPARATORS.sub("", str(typed or ""))
    if not _TOTP_CODE.fullmatch(code):
        raise Refused(_("Enter the 6-digit code from your authenticator app."), code="format")
    return code


def recovery_code(typed):
    """A recovery code as typed, without spaces and hyphens, in lower case; Refused (and no try) unless it has the
    shape of one: 8 ASCII letters and digits 2-7."""
    code = _SEPARATORS.sub("", str(typed or ""))
    code = code.lower() if code.isascii() else code
    if not _RECOVERY_CODE.fullmatch(code):
        raise Refused(_("A recovery code has 8 letters and digits."), code="format")
    return code


# --- Enrolment --------------------------------------------------------------------------------------------------


def new_totp_key():
    return random_hex(20)


def unsaved_totp_device(user, key):
    """The device a key would become, to show its QR code (never saved from here)."""
    return TOTPDevice(user=user, key=key, name="Authenticator-app", digits=TOTP_DIGITS)


def readable_secret(key):
    """The key in base32, as authenticator apps ask for it when typed in, in groups of four."""
    secret = base64.b32encode(unhexlify(key)).decode()
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def _totp_matches(key, token):
    """Whether `token` is the current code of `key` (one step either side), without a device row."""
    device = unsaved_totp_device(None, key)
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    if totp.verify(int(token), device.tolerance):
        return totp.t()
    return None


@transaction.atomic
def enrol_totp(request, key, token):
    """Confirm a new authenticator app with its first code. Replaces an earlier app of the user; the session counts
    as verified. Returns the device, or None when the code does not match; Refused when it is no code at all."""
    last_t = _totp_matches(key, totp_code(token))
    if last_t is None:
        return None
    user = request.user
    TOTPDevice.objects.filter(user=user).delete()
    device = TOTPDevice.objects.create(
        user=user, key=key, name="Authenticator-app", digits=TOTP_DIGITS, last_t=last_t, confirmed=True
    )
    otp_login(request, device)
    request.session[HAS_DEVICE] = True
    return device


@transaction.atomic
def new_recovery_codes(user):
    """A new set of one-time recovery codes; the old set stops working."""
    device, _created = StaticDevice.objects.get_or_create(
        user=user, defaults={"name": "Herstelcodes", "confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(settings.TWO_FACTOR_RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def recovery_codes_left(user):
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


# --- Verification -------------------------------------------------------------------------------------------------


@dataclass
class Outcome:
    device: object = None
    verified: bool = False
    locked_until: datetime | None = None


def locked_until(device):
    """Until when the device refuses codes, or None when it takes one now."""
    now = timezone.now()
    allowed, details = device.verify_is_allowed()
    until = None if allowed else (details or {}).get("locked_until")
    failures, last = device.throttling_failure_count, device.throttling_failure_timestamp
    if failures >= settings.TWO_FACTOR_FAILURE_LIMIT and last is not None:
        until = max(until or last, last + settings.TWO_FACTOR_COOLOFF)
    return until if until and until > now else None


def _verify(request, device, token, method):
    until = locked_until(device)
    if until is not None:
        return _refused(request, device, method, "locked", until)
    if device.verify_token(token):
        otp_login(request, device)
        otp_verified.send(type(device), user=request.user, request=request, device=device, method=method)
        return Outcome(device=device, verified=True)
    until = locked_until(device) if device.throttling_failure_count >= settings.TWO_FACTOR_FAILURE_LIMIT else None
    return _refused(request, device, method, "wrong", until)


def _refused(request, device, method, reason, until):
    """Tells the audit log of a refused code (`reason`: "locked" or "wrong") and answers the outcome."""
    otp_failed.send(
        type(device),
        user=request.user,
        request=request,
        device=device,
        method=method,
        reason=reason,
        locked_until=until,
    )
    return Outcome(device=device, locked_until=until)


@transaction.atomic
def verify_totp(request, token):
    """Check a code of the user's authenticator app; None when the user has no app. What is no code at all is
    Refused before the device is asked, so it costs no try."""
    token = totp_code(token)
    device = TOTPDevice.objects.devices_for_user(request.user).select_for_update().first()
    return None if device is None else _verify(request, device, token, "totp")


@transaction.atomic
def verify_recovery_code(request, code):
    """Use one recovery code: it is deleted when it works, so a second use is refused. None without codes. What
    is no recovery code at all is Refused before the device is asked, so it costs no try."""
    code = recovery_code(code)
    device = StaticDevice.objects.devices_for_user(request.user).select_for_update().first()
    return None if device is None else _verify(request, device, code, "recovery")


# --- Removal ------------------------------------------------------------------------------------------------------


def devices_of(user):
    return {
        "totp": TOTPDevice.objects.filter(user=user),
        "recovery": StaticDevice.objects.filter(user=user),
        "passkey": Passkey.objects.filter(user=user),
    }


@transaction.atomic
def reset_devices(user, by=None, via="admin", request=None):
    """Remove every second factor of `user`: after a lost phone, or when a user switches 2FA off."""
    removed = {}
    for kind, devices in devices_of(user).items():
        removed[kind] = len(devices)
        for device in devices:
            device.delete()  # one by one, so each removal sends post_delete
    devices_reset.send(None, user=user, by=by, via=via, removed=removed, request=request)
    return removed


@transaction.atomic
def remove_passkey(user, passkey_id):
    passkey = Passkey.objects.filter(user=user, pk=passkey_id).first()
    if passkey is not None:
        passkey.delete()
    return passkey
