"""Pages fit the screen: nothing runs past the right edge at 1366 or 375 px, words are not broken mid-word."""

from decimal import Decimal

import pytest
from django.urls import reverse

from pilots.models import BudgetRequest, Pilot
from tests import factories as f
from tests.conftest import SCREENSHOTS
from tests.factories import PASSWORD

OVERFLOW = "document.documentElement.scrollWidth - document.documentElement.clientWidth"


def log_in(page, base, username):
    page.goto(f"{base}/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("main form button[type=submit]")
    page.wait_for_selector("h1")


@pytest.fixture
def plan(programme):
    for order, name in enumerate(("Fase 1: Voorbereiding", "Fase 2: Verdieping & Conceptontwikkeling"), start=1):
        f.PhaseFactory(programme=programme, order=order, name=name, goal="Verdiepen en uitproberen.")
    goal = f.ResultGoalFactory(programme=programme, title="Minder uithuisplaatsingen, meer ondersteuning thuis")
    f.ActionLineFactory(programme=programme, title="Zo thuis mogelijk").result_goals.add(goal)
    return programme


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("width", [1366, 375])
def test_the_programme_page_fits_and_phase_names_keep_their_words(live_server, page, plan, manager, width):
    page.set_viewport_size({"width": width, "height": 900})
    log_in(page, live_server.url, manager.username)
    page.goto(f"{live_server.url}{plan.get_absolute_url()}")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"programme_layout_{width}.png"), full_page=True)
    assert page.evaluate(OVERFLOW) == 0
    card = page.locator(".phase-card").nth(1)
    style = card.evaluate(
        "e => [getComputedStyle(e).overflowWrap, getComputedStyle(e).hyphens, e.closest('[lang]').lang]"
    )
    assert style == ["normal", "auto", "nl"]  # Bootstrap's .card would break "Conceptontwikkeling" anywhere
    name = card.locator(".fw-semibold")
    assert name.evaluate("e => e.scrollWidth <= e.clientWidth")  # the longest word fits the card


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_money_table_stays_inside_the_pilot_page_at_1366(live_server, page, programme, workgroup1, lead):
    pilot = Pilot.objects.create(programme=programme, workgroup=workgroup1, title="Vaste contactpersoon")
    for year in (2026, 2027, 2028):
        BudgetRequest.objects.create(pilot=pilot, year=year, amount=Decimal("1250000.00"))
    page.set_viewport_size({"width": 1366, "height": 900})
    log_in(page, live_server.url, lead.username)
    page.goto(f"{live_server.url}{reverse('pilots:detail', args=[pilot.pk])}")
    page.screenshot(path=str(SCREENSHOTS / "pilot_money_1366.png"), full_page=True)
    assert page.evaluate(OVERFLOW) == 0
    table = page.locator("#money")
    assert table.evaluate("t => t.parentElement.classList.contains('table-responsive')")
    column = table.evaluate("t => t.closest('[class*=col-]').getBoundingClientRect().right")
    assert table.bounding_box()["x"] + table.bounding_box()["width"] <= column + 0.5


def test_the_governance_page_names_a_body_once(client, programme, manager):
    f.GovernanceBodyFactory(
        programme=programme, name="Strategisch Overleg", abbreviation="SO", kind="strategic_meeting"
    )
    f.GovernanceBodyFactory(programme=programme, name="Stuurgroep jeugd", kind="steering_group")
    client.force_login(manager)
    page = client.get(reverse("governance:overview", args=[programme.pk])).content.decode()
    assert page.count("Strategisch Overleg (SO)") == 1
    assert "Stuurgroep</span>" in page  # a kind that says something the name does not is still shown


def test_the_workgroup_breadcrumb_names_the_workgroup(client, workgroup1, manager):
    client.force_login(manager)
    page = client.get(workgroup1.get_absolute_url()).content.decode()
    assert '<li class="breadcrumb-item active" aria-current="page">1. Gecoördineerde Instroom</li>' in page


FITS = """form => [...form.querySelectorAll('select')].filter(select => {
    const style = getComputedStyle(select);
    const context = document.createElement('canvas').getContext('2d');
    context.font = style.font;
    const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    return [...select.options].some(option => context.measureText(option.text).width > room);
}).map(select => select.name)"""


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_pilot_list_filters_fit_at_1366_without_cutting_a_choice(live_server, page, programme, manager):
    f.ActionLineFactory(programme=programme, title="Normaliseren en versterken van de pedagogische basis")
    f.WorkgroupFactory(programme=programme, number=2, name="Gezamenlijke Instap")
    f.GovernanceBodyFactory(programme=programme, name="Regionaal Beleidsoverleg Jeugd")
    page.set_viewport_size({"width": 1366, "height": 900})
    log_in(page, live_server.url, manager.username)
    page.goto(f"{live_server.url}{reverse('pilots:list', args=[programme.pk])}")
    page.screenshot(path=str(SCREENSHOTS / "pilot_filters_1366.png"))
    assert page.evaluate(OVERFLOW) == 0
    assert page.locator("#pilot-filters").evaluate(FITS) == []


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_budget_bars_render_in_dutch_and_spent_sits_inside_released(live_server, page, programme, manager, money):
    """€ 80.000 for 2026, € 29.000 released of which € 4.500 spent: the bars are 5.6% and 30.6% of the track."""
    from finance import ledger
    from governance.models import Decision
    from programmes.models import GovernanceBody

    body = GovernanceBody.objects.create(programme=programme, name="SO")
    decision = Decision.objects.create(
        programme=programme, body=body, outcome="approved", subject_title="Pilot", date="2026-03-01"
    )
    ledger.release(programme, 2026, "29000", "pilot-1", "Pilot", decision, None)
    ledger.spend(programme, 2026, "4500", "pilot-1", "Pilot", None)
    page.set_viewport_size({"width": 1366, "height": 900})
    log_in(page, live_server.url, manager.username)
    page.goto(f"{live_server.url}{reverse('finance:budget', args=[programme.pk])}")
    track = page.locator(".progress-stacked").first
    widths = track.locator(".progress").evaluate_all("bars => bars.map(b => b.getBoundingClientRect().width)")
    total = track.evaluate("e => e.getBoundingClientRect().width")
    assert [round(100 * w / total, 1) for w in widths] == [5.6, 30.6, 0.0]  # in nl: a comma would give 0 and 0
    assert page.evaluate(OVERFLOW) == 0
