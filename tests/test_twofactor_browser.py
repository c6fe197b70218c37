"""Two-factor authentication in a real browser: a programme manager enrols an authenticator app (the code computed
from the key the page shows), adds a passkey through Chromium's virtual authenticator (the WebAuthn ceremony for
real: the browser signs, py_webauthn checks), and at the next login verifies with that passkey. The pages fit at
1366 and 320 px; screenshots are left in var/screenshots/."""

import base64

import pytest
from django_otp.oath import totp
from django_otp_webauthn.models import WebAuthnCredential

from tests.conftest import SCREENSHOTS
from tests.factories import PASSWORD

OVERFLOW = "document.documentElement.scrollWidth - document.documentElement.clientWidth"


def log_in(page, base, username):
    page.goto(f"{base}/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("main form button[type=submit]")
    page.wait_for_selector("h1")


def look(page, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for width in (1366, 320):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=str(SCREENSHOTS / f"twofactor_{name}_{width}.png"), full_page=True)
        assert page.evaluate(OVERFLOW) == 0, (name, width)
    page.set_viewport_size({"width": 1366, "height": 900})


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_manager_enrols_adds_a_passkey_and_verifies_with_it(live_server, page, manager, settings):
    settings.TWO_FACTOR_REQUIRED = True
    settings.OTP_WEBAUTHN_RP_ID = "localhost"
    settings.OTP_WEBAUTHN_ALLOWED_ORIGINS = [live_server.url]
    cdp = page.context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    options = {"protocol": "ctap2", "transport": "internal", "hasResidentKey": True, "hasUserVerification": True}
    cdp.send("WebAuthn.addVirtualAuthenticator", {"options": {**options, "isUserVerified": True}})

    log_in(page, live_server.url, manager.username)
    assert "/account/twofactor/setup/" in page.url
    look(page, "setup")
    secret = page.inner_text("#secret").replace(" ", "")
    page.fill("#id_token", f"{totp(base64.b32decode(secret)):06d}")
    page.click("main form button[type=submit]")
    page.wait_for_selector("text=Uw herstelcodes")
    assert page.locator("main li.col").count() == 10
    page.click("text=Ik heb mijn herstelcodes bewaard")
    page.wait_for_selector("text=Mijn werk")

    page.goto(f"{live_server.url}/account/twofactor/")
    page.click("#passkey-register-button")
    page.wait_for_selector("text=toegevoegd op")
    assert WebAuthnCredential.objects.filter(user=manager).count() == 1

    page.context.clear_cookies()
    log_in(page, live_server.url, manager.username)
    assert "/account/twofactor/verify/" in page.url
    page.wait_for_selector("#passkey-verification-button")
    look(page, "verify")
    page.click("#passkey-verification-button")
    page.wait_for_url(f"{live_server.url}/")
    assert page.locator("h1").inner_text() == "Mijn werk"
