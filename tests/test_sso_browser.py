"""In a browser: the login page offers the organisation account, and a person signs in and out through the real
provider's own page (tests/oidc_provider), under the site's Content Security Policy."""

import pytest

from tests.conftest import SCREENSHOTS
from tests.oidc_provider import (
    CLIENT_ID,
    provider_for,
    sso_fixture,  # noqa: F401  SSO configured for the provider below
)

OVERFLOW = "document.documentElement.scrollWidth - document.documentElement.clientWidth"
BUTTON = "Inloggen met uw organisatieaccount"


@pytest.fixture(scope="session", name="oidc_provider")
def oidc_provider_for_the_live_server(live_server):
    """The provider, whose client redirects to the live server the browser visits."""
    provider = provider_for(live_server.url)
    yield provider
    provider.stop()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_person_signs_in_on_the_providers_page_lands_on_mijn_werk_and_signs_out_there_too(live_server, page, sso):
    sso.add_account(
        "anna-sub",
        login="anna",
        password="anna-haar-wachtwoord",
        email="anna@gemeente.example",
        email_verified=True,
        given_name="Anna",
        family_name="de Vries",
    )
    blocked = []
    page.on(
        "console", lambda message: blocked.append(message.text) if "Content Security Policy" in message.text else None
    )
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_role("link", name=BUTTON).click()

    page.wait_for_url(f"{sso.issuer}/interaction/**")  # the provider's own sign-in page
    page.get_by_label("Gebruikersnaam").fill("anna")
    page.get_by_label("Wachtwoord").fill("anna-haar-wachtwoord")
    page.get_by_role("button", name="Inloggen bij de testprovider").click()

    page.wait_for_url(f"{live_server.url}/")
    assert page.locator("main h1").inner_text() == "Mijn werk"
    assert "Anna de Vries" in page.locator("nav").first.inner_text()

    page.get_by_role("button", name="Anna de Vries").click()
    page.get_by_role("button", name="Uitloggen").click()
    page.wait_for_url(f"{sso.issuer}/session/end**")  # the form's redirect to the provider is allowed (form-action)
    page.get_by_role("button", name="Ja, uitloggen").click()
    page.wait_for_url(f"{live_server.url}/accounts/login/")
    assert page.get_by_role("link", name=BUTTON).is_visible()
    assert blocked == []

    page.goto(f"{live_server.url}/")  # signed out here
    assert page.url.startswith(f"{live_server.url}/accounts/login/")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("password_login", [True, False], ids=["with-password", "organisation-only"])
@pytest.mark.parametrize("width", [1366, 320])
def test_the_login_page_offers_the_organisation_account_and_fits(live_server, page, settings, width, password_login):
    settings.OIDC_OP_ISSUER = "https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/v2.0"
    settings.OIDC_RP_CLIENT_ID = CLIENT_ID
    settings.LOCAL_PASSWORD_LOGIN = password_login
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(f"{live_server.url}/accounts/login/")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"sso_login_{'password' if password_login else 'sso_only'}_{width}.png"))
    assert page.evaluate(OVERFLOW) == 0
    button = page.get_by_role("link", name=BUTTON)
    assert button.is_visible()
    box, card = button.bounding_box(), page.locator(".card-body").bounding_box()
    assert card["x"] <= box["x"] and box["x"] + box["width"] <= card["x"] + card["width"]  # inside the card
    assert button.evaluate("e => e.scrollWidth <= e.clientWidth")  # at 320 px on two lines, no word cut
    assert page.locator("input[name=password]").count() == (1 if password_login else 0)
