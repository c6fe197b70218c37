"""In a real browser: withdrawing asks for a reason on a confirmation page, and a refused form focuses its summary."""

import pytest

from pilots import services
from pilots.models import PilotEvent
from tests.conftest import SCREENSHOTS
from tests.factories import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(page, base, username, next_url="/"):
    page.goto(f"{base}/accounts/login/?next={next_url}")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("main form button[type=submit]")


@pytest.mark.parametrize("javascript", [True, False])
def test_withdrawing_asks_first_and_records_the_reason(live_server, pilot, lead, javascript):
    from playwright.sync_api import sync_playwright

    services.submit(pilot, lead)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        page = browser.new_context(locale="nl-NL", java_script_enabled=javascript).new_page()
        log_in(page, live_server.url, lead.username, pilot.get_absolute_url())
        page.click("form[action$='/act/withdraw/'] button")
        assert "Het voorstel wordt ingetrokken" in page.locator("#what-will-happen").inner_text()
        page.click("main form button:has-text('Bevestigen')")  # without a reason
        summary = page.locator("[data-error-summary]")
        assert "Geef aan waarom het voorstel wordt ingetrokken" in summary.inner_text()
        if javascript:
            assert page.evaluate("document.activeElement.hasAttribute('data-error-summary')")
        summary.locator("a").first.click()
        assert page.evaluate("document.activeElement.name") == "rationale"
        page.fill("textarea[name=rationale]", "Wordt een regulier project")
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"withdraw_confirm_js_{javascript}.png"), full_page=True)
        page.click("main form button:has-text('Bevestigen')")
        page.wait_for_selector("[data-status=withdrawn]")
        assert "uw reden staat in de geschiedenis" in page.locator("main .alert-success").inner_text()
        browser.close()
    assert PilotEvent.objects.get(kind="withdrawn").note == "Wordt een regulier project"
