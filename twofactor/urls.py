"""The pages of the second factor under /account/twofactor/, and the passkey endpoints under /account/passkeys/
(namespace "otp_webauthn", which django-otp-webauthn's template tags reverse)."""

from django.urls import include, path

from . import passkeys, views

pages = [
    path("", views.security, name="security"),
    path("setup/", views.setup, name="setup"),
    path("verify/", views.verify, name="verify"),
    path("recovery/", views.recovery, name="recovery"),
    path("recovery-codes/", views.codes, name="codes"),
    path("recovery-codes/download/", views.download_codes, name="download_codes"),
    path("recovery-codes/new/", views.new_codes, name="new_codes"),
    path("disable/", views.disable, name="disable"),
    path("passkeys/remove/", views.remove_passkey, name="remove_passkey"),
]

urlpatterns = [
    path("account/twofactor/", include((pages, "twofactor"))),
    path("account/passkeys/", include((passkeys.urlpatterns, "otp_webauthn"))),
]
