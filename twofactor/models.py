"""No tables of its own: the devices are django-otp's (TOTPDevice, StaticDevice) and django-otp-webauthn's
(WebAuthnCredential). One proxy of the user gives the admin site a Dutch list of who has what, and the reset."""

from django.contrib.auth.models import User
from django.utils.translation import gettext_lazy as _


class UserSecondFactor(User):
    class Meta:
        proxy = True
        verbose_name = _("second factor of a user")
        verbose_name_plural = _("second factors of users")
