// After a passkey is registered (django-otp-webauthn's event), show it in the list: load the page again.
document.addEventListener("otp_webauthn.register_complete", () => window.location.reload());
