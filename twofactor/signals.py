"""What the second factor tells the rest of the site, for the security audit log (app accounts) and whoever else
listens. Each signal is sent inside the request or command that caused it, so a receiver that writes a row
commits or rolls back with it.

Enrolment and removal need no signal of their own: they are post_save (created, always confirmed) and post_delete
of the device models django_otp.plugins.otp_totp.TOTPDevice (authenticator app),
django_otp.plugins.otp_static.StaticDevice (the set of recovery codes; a used code deletes one StaticToken) and
django_otp_webauthn.WebAuthnCredential (a passkey).

otp_verified(sender=device class, user, request, device, method)
    A second factor was accepted; the session now counts as verified. method: "totp", "recovery" or "passkey".

otp_failed(sender=device class, user, request, device, method, reason, locked_until)
    A second factor was refused. reason: "wrong" (a wrong code, a recovery code that is wrong or already used, a
    passkey that failed), or "locked" (not even tried: too many wrong codes, see TWO_FACTOR_FAILURE_LIMIT).
    locked_until: when the device takes codes again (an aware datetime), or None; set on the failure that locked it.

devices_reset(sender=None, user, by, via, removed, request)
    All second factors of `user` were removed. by: who did it (an administrator, the user, or None from the command
    line); via: "admin", "command" or "self"; removed: {"totp": n, "recovery": n, "passkey": n}; request or None.
"""

from django.dispatch import Signal

otp_verified = Signal()
otp_failed = Signal()
devices_reset = Signal()
