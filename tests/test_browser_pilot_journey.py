"""The journey of a DIN proposal in a real browser: lead → kernteam → RBJ → SO (in the admin) → lead sees the money."""

import pytest

from tests import factories as f
from tests.conftest import SCREENSHOTS
from tests.factories import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(page, base, username, next_url="/"):
    page.context.clear_cookies()
    page.goto(f"{base}/accounts/login/?next={next_url}")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("main form button[type=submit]")


def test_a_din_proposal_travels_the_route_and_the_lead_sees_it_approved(
    live_server, page, programme, lead, secretaries, money
):
    f.UserFactory(username="beheerder", is_staff=True, is_superuser=True)
    base = live_server.url

    log_in(page, base, lead.username, f"/programmes/{programme.pk}/pilots/new/")
    page.fill("input[name=title]", "Vaste contactpersoon voor gezinnen")
    page.fill("textarea[name=goals]", "Eén vast gezicht voor elk gezin vanaf de start van hulp.")
    page.fill("textarea[name=efforts]", "Twee consulenten, training.")
    page.fill("textarea[name=network]", "Lokale teams en aanbieders.")
    page.fill("input[name='budget-0-year']", "2026")
    page.fill("input[name='budget-0-amount']", "25000")
    page.click("main form button[type=submit]")
    page.screenshot(path=str(SCREENSHOTS / "pilot_journey_saved.png"), full_page=True)
    page.click("form[action$='/act/submit/'] button")
    page.click("main form button:has-text('Bevestigen')")  # submitting asks first
    page.wait_for_selector("[data-status=on_route]")

    log_in(page, base, secretaries["Kernteam"].username, page.url.replace(base, ""))
    pilot_path = page.url.replace(base, "")
    page.fill("#act textarea[name=rationale]", "Goed uitgewerkt.")
    page.click("#act button:has-text('Beoordeeld: doorzetten')")
    page.wait_for_selector("[data-step='2'].step.current")

    log_in(page, base, secretaries["RBJ"].username, pilot_path)
    page.check("#act input[name=outcome][value=positive]")
    page.click("#act button:has-text('Advies vastleggen')")
    page.wait_for_selector("[data-step='3'].step.current")

    log_in(page, base, "beheerder", "/admin/pilots/pilot/")
    page.check("input[name=_selected_action]")
    page.select_option("select[name=action]", "act_decide")
    page.click("button[name=index]")
    page.select_option("select[name=outcome]", "approved")
    page.click("input[name=apply]")
    page.wait_for_selector(".messagelist .success")

    log_in(page, base, lead.username, pilot_path)
    status = page.locator("[data-status]").first.inner_text()
    released = page.locator("#money tr[data-year='2026']").inner_text()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "pilot_journey_approved.png"), full_page=True)
    assert status == "Goedgekeurd"
    assert released.count("25.000") == 2  # requested and released
