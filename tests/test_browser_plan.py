"""The programme manager edits the plan in a real browser (headless Chromium)."""

import pytest

from tests import factories as f
from tests.conftest import SCREENSHOTS
from tests.factories import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_programme_manager_edits_a_milestone(live_server, page):
    programme = f.ProgrammeFactory(title="Deeluitvoeringsprogramma jeugd 2026–2028")
    phase = f.PhaseFactory(programme=programme, name="Gefaseerde uitvoering pilots")
    milestone = f.MilestoneFactory(
        programme=programme, phase=phase, description="Kennissessies en bijsturing pilots", period_label="Juni 2026"
    )
    manager = f.UserFactory(username="programmamanager")
    f.ProgrammeAccessFactory(programme=programme, user=manager, role="manager")

    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", "programmamanager")
    page.fill("input[name=password]", PASSWORD)
    page.click("main form button[type=submit]")
    page.wait_for_selector("h1:has-text('Mijn werk')")
    page.click("nav a:has-text('Programma’s')")  # one programme: the list leads straight to it
    page.wait_for_selector("h1:has-text('Deeluitvoeringsprogramma jeugd 2026–2028')")
    assert page.locator(f"[data-milestone='{milestone.pk}']").inner_text().count("Kennissessies en bijsturing pilots")

    page.click(f"[data-milestone='{milestone.pk}'] a[href$='/milestones/{milestone.pk}/edit/']")
    page.fill("input[name=description]", "Kennissessies, bijsturing pilots en start nieuwe pilots")
    page.check("input[name=done]")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "milestone_edit.png"), full_page=True)
    page.click("main form button[type=submit]")

    page.wait_for_selector(".alert-success")
    item = page.locator(f"[data-milestone='{milestone.pk}']")
    assert "Kennissessies, bijsturing pilots en start nieuwe pilots" in item.inner_text()
    assert "done" in item.get_attribute("class")
    page.screenshot(path=str(SCREENSHOTS / "programme_after_edit.png"), full_page=True)
    milestone.refresh_from_db()
    assert milestone.done
