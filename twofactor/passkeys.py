"""Passkeys (WebAuthn) as a second factor, through django-otp-webauthn: its four JSON endpoints, telling the audit
log what happened, under the namespace its template tags expect ("otp_webauthn"). A passkey never replaces the
password (OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN is off); the browser does the cryptography, py_webauthn checks it.
"""

from django.conf import settings
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.views.i18n import JavaScriptCatalog
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn import exceptions
from django_otp_webauthn import views as webauthn

from .policy import HAS_DEVICE
from .signals import otp_failed, otp_verified


def passkeys_possible(request):
    """A passkey belongs to OTP_WEBAUTHN_RP_ID: the browser refuses it on any other host (the demo's 127.0.0.1)."""
    host = request.get_host().split(":")[0]
    rp_id = settings.OTP_WEBAUTHN_RP_ID
    return host == rp_id or host.endswith("." + rp_id)


class AppFirst(exceptions.OTPWebAuthnApiError):
    status_code = 403
    default_detail = _("Set up an authenticator app first; then you can add passkeys.")
    default_code = "authenticator_app_first"


class AppFirstMixin:
    """Passkeys come after the authenticator app (and its recovery codes), as the Security page says."""

    def check_can_register(self):
        if not TOTPDevice.objects.devices_for_user(self.request.user).exists():
            raise AppFirst()


class BeginRegistration(AppFirstMixin, webauthn.BeginCredentialRegistrationView):
    pass


class CompleteRegistration(AppFirstMixin, webauthn.CompleteCredentialRegistrationView):
    def post(self, *args, **kwargs):
        response = super().post(*args, **kwargs)
        self.request.session[HAS_DEVICE] = True
        return response


class CompleteAuthentication(webauthn.CompleteCredentialAuthenticationView):
    def complete_auth(self, device):
        super().complete_auth(device)
        otp_verified.send(type(device), user=device.user, request=self.request, device=device, method="passkey")

    def handle_exception(self, exc):
        if self.request.user.is_authenticated:
            otp_failed.send(
                None,
                user=self.request.user,
                request=self.request,
                device=None,
                method="passkey",
                reason="wrong",
                locked_until=None,
            )
        return super().handle_exception(exc)


urlpatterns = [
    path("registration/begin/", BeginRegistration.as_view(), name="credential-registration-begin"),
    path("registration/complete/", CompleteRegistration.as_view(), name="credential-registration-complete"),
    path(
        "authentication/begin/",
        webauthn.BeginCredentialAuthenticationView.as_view(),
        name="credential-authentication-begin",
    ),
    path("authentication/complete/", CompleteAuthentication.as_view(), name="credential-authentication-complete"),
    path("jsi18n/", JavaScriptCatalog.as_view(packages=["django_otp_webauthn"]), name="js-i18n-catalog"),
]
