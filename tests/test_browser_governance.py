"""An administrator records an SO decision in the admin site and finds it in the decision log."""

import pytest

from tests import factories as f
from tests.conftest import SCREENSHOTS
from tests.factories import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_so_decision_recorded_in_the_admin_appears_in_the_decision_log(live_server, page):
    programme = f.ProgrammeFactory(title="Deeluitvoeringsprogramma jeugd 2026–2028")
    so = f.GovernanceBodyFactory(programme=programme, name="Strategisch Overleg", abbreviation="SO")
    f.UserFactory(username="beheerder", is_staff=True, is_superuser=True)

    page.goto(f"{live_server.url}/admin/login/?next=/admin/governance/decision/add/")
    page.fill("input[name=username]", "beheerder")
    page.fill("input[name=password]", PASSWORD)
    page.click("input[type=submit]")
    page.select_option("select[name=programme]", str(programme.pk))
    page.select_option("select[name=body]", str(so.pk))
    page.select_option("select[name=outcome]", "approved")
    page.fill("input[name=subject_title]", "Pilot vaste contactpersoon")
    page.fill("input[name=date]", "10-03-2026")
    page.click("input[name=_save]")
    page.wait_for_selector(".messagelist .success")

    page.goto(f"{live_server.url}/programmes/{programme.pk}/decisions/")
    row = page.locator("[data-row=decision]").first
    text = row.inner_text()
    assert "Pilot vaste contactpersoon" in text and "SO" in text and "Goedgekeurd" in text and "10 maart 2026" in text
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "decision_log_after_admin.png"), full_page=True)
