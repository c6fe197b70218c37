"""Pilot pages: drafts stay inside their workgroup, acts go through the services, lists keep constant queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from pilots.constants import PilotStatus
from pilots.models import Experiment, Pilot
from tests import factories as f
from tests.factories import PASSWORD


@pytest.fixture
def drafts(programme, workgroup1, workgroup2):
    return {
        1: Pilot.objects.create(
            programme=programme, workgroup=workgroup1, title="Concept werkgroep 1", goals="G", efforts="I", network="N"
        ),
        2: Pilot.objects.create(programme=programme, workgroup=workgroup2, title="Concept werkgroep 2"),
    }


def login(client, user):
    assert client.login(username=user.username, password=PASSWORD)


def test_a_lead_cannot_read_or_write_another_workgroups_draft(client, lead, drafts):
    login(client, lead)
    assert client.get(reverse("pilots:detail", args=[drafts[1].pk])).status_code == 200
    assert client.get(reverse("pilots:detail", args=[drafts[2].pk])).status_code == 403
    assert client.get(reverse("pilots:edit", args=[drafts[2].pk])).status_code == 403
    response = client.post(reverse("pilots:edit", args=[drafts[2].pk]), {"title": "Overgenomen"})
    assert response.status_code == 403
    client.post(reverse("pilots:act", args=[drafts[2].pk, "submit"]), {"confirmed": "1"})
    drafts[2].refresh_from_db()
    assert (drafts[2].title, drafts[2].status) == ("Concept werkgroep 2", PilotStatus.DRAFT)
    listing = client.get(reverse("pilots:list", args=[drafts[1].programme_id])).content.decode()
    assert "Concept werkgroep 1" in listing and "Concept werkgroep 2" not in listing


def test_readers_see_submitted_pilots_but_not_drafts(client, reader, lead, drafts, route, money):
    from finance.models import BudgetLine  # noqa: F401
    from pilots import services
    from pilots.models import BudgetRequest

    BudgetRequest.objects.create(pilot=drafts[1], year=2026, amount=1000)
    services.submit(drafts[1], lead)
    login(client, reader)
    assert client.get(reverse("pilots:detail", args=[drafts[1].pk])).status_code == 200
    assert client.get(reverse("pilots:detail", args=[drafts[2].pk])).status_code == 403


def test_the_lead_writes_and_submits_a_proposal_in_the_browser_forms(client, lead, programme, workgroup1, route, money):
    login(client, lead)
    data = {
        "kind": "pilot",
        "title": "Vaste contactpersoon",
        "workgroup": workgroup1.pk,
        "goals": "Eén gezicht",
        "efforts": "1 fte",
        "network": "Lokale teams",
        "budget-TOTAL_FORMS": "1",
        "budget-INITIAL_FORMS": "0",
        "budget-MIN_NUM_FORMS": "0",
        "budget-MAX_NUM_FORMS": "1000",
        "budget-0-year": "2026",
        "budget-0-amount": "15000",
    }
    response = client.post(reverse("pilots:create", args=[programme.pk]), data)
    assert response.status_code == 302
    pilot = Pilot.objects.get(title="Vaste contactpersoon")
    client.post(reverse("pilots:act", args=[pilot.pk, "submit"]), {"confirmed": "1"})
    pilot.refresh_from_db()
    assert pilot.status == PilotStatus.ON_ROUTE and pilot.versions.count() == 1


def test_a_refused_act_shows_a_dutch_message_and_changes_nothing(client, lead, drafts, route):
    drafts[1].network = ""
    drafts[1].save()
    login(client, lead)
    response = client.post(reverse("pilots:act", args=[drafts[1].pk, "submit"]), follow=True)
    assert "Vul het DIN-format in" in response.content.decode()
    drafts[1].refresh_from_db()
    assert drafts[1].status == PilotStatus.DRAFT


def test_a_lead_cannot_create_a_proposal_for_another_workgroup(client, lead, programme, workgroup2):
    login(client, lead)
    data = {
        "kind": "pilot",
        "title": "Stiekem",
        "workgroup": workgroup2.pk,
        "budget-TOTAL_FORMS": "0",
        "budget-INITIAL_FORMS": "0",
        "budget-MIN_NUM_FORMS": "0",
        "budget-MAX_NUM_FORMS": "1000",
    }
    response = client.post(reverse("pilots:create", args=[programme.pk]), data)
    assert response.status_code == 200
    assert not Pilot.objects.filter(title="Stiekem").exists()


def test_readers_cannot_create_proposals(client, reader, programme):
    login(client, reader)
    assert client.get(reverse("pilots:create", args=[programme.pk])).status_code == 403


def test_an_experiment_is_promoted_from_the_list(client, lead, workgroup1):
    experiment = Experiment.objects.create(workgroup=workgroup1, title="Steunouders", hypothesis="Helpt")
    login(client, lead)
    url = reverse("pilots:experiment_promote", args=[experiment.pk])
    response = client.post(url, {**client.get(url).context["form"].initial, "confirmed": "1"})
    pilot = Pilot.objects.get(experiment=experiment)
    assert response.url == pilot.get_absolute_url()
    again = client.post(reverse("pilots:experiment_promote", args=[experiment.pk]), follow=True)
    assert "al omgezet" in again.content.decode()
    assert Pilot.objects.filter(experiment=experiment).count() == 1


@pytest.mark.parametrize("name", ["pilots:list", "pilots:experiments"])
def test_list_query_counts_do_not_grow(client, manager, programme, workgroup1, name):
    login(client, manager)
    url = reverse(name, args=[programme.pk])

    def add(count, start):
        for n in range(count):
            pilot = Pilot.objects.create(programme=programme, workgroup=workgroup1, title=f"Pilot {start + n}")
            pilot.action_lines.add(f.ActionLineFactory(programme=programme))
            pilot.budget_requests.create(year=2026, amount=1000)
            Experiment.objects.create(workgroup=workgroup1, title=f"Experiment {start + n}")

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    add(3, 0)
    few = count()
    add(30, 3)
    assert count() == few


def test_the_pilot_page_query_count_does_not_grow_with_history(client, manager, drafts):
    login(client, manager)
    url = reverse("pilots:detail", args=[drafts[1].pk])
    indicator = drafts[1].indicators.create(name="Bereik", target=10)

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    few = count()
    for n in range(20):
        indicator.measurements.create(date=f"2026-01-{n + 1:02d}", value=n)
        drafts[1].gates.create(planned_date=f"2026-02-{n + 1:02d}")
    assert count() == few


def test_spending_is_recorded_on_a_running_pilot_and_never_beyond_what_was_released(
    client, lead, programme, workgroup1, route, secretaries, money
):
    from decimal import Decimal

    from finance import ledger
    from pilots import services
    from pilots.models import BudgetRequest

    pilot = Pilot.objects.create(
        programme=programme, workgroup=workgroup1, title="JIM", goals="G", efforts="I", network="N"
    )
    BudgetRequest.objects.create(pilot=pilot, year=2026, amount=Decimal("20000"))
    services.submit(pilot, lead)
    services.forward(pilot, secretaries["Kernteam"])
    services.record_advice(pilot, secretaries["RBJ"], "positive")
    services.decide(pilot, secretaries["SO"], "approved")
    login(client, lead)
    url = reverse("pilots:act", args=[pilot.pk, "spend"])
    client.post(url, {"year": "2026", "amount": "7500", "note": "Training"})
    client.post(reverse("pilots:act", args=[pilot.pk, "start"]))
    client.post(url, {"year": "2026", "amount": "7500", "note": "Training"})
    response = client.post(url, {"year": "2026", "amount": "12500.01", "note": "Te veel"}, follow=True)
    assert "niet besteed" in response.content.decode()
    assert ledger.subject_balance(programme, 2026, pilot.ledger_key)["spent"] == Decimal("7500")


def test_the_list_filters_on_the_waiting_body_and_on_waiting_for_me(
    client, lead, programme, workgroup1, route, secretaries, money
):
    from pilots import services
    from pilots.models import BudgetRequest

    pilots = {}
    for title in ("Bij kernteam", "Bij RBJ"):
        pilots[title] = Pilot.objects.create(
            programme=programme, workgroup=workgroup1, title=title, goals="G", efforts="I", network="N"
        )
        BudgetRequest.objects.create(pilot=pilots[title], year=2026, amount=1000)
        services.submit(pilots[title], lead)
    services.forward(pilots["Bij RBJ"], secretaries["Kernteam"])
    login(client, secretaries["RBJ"])
    url = reverse("pilots:list", args=[programme.pk])
    at_rbj = client.get(url, {"body": route["RBJ"].pk}).content.decode()
    assert "Bij RBJ" in at_rbj and "Bij kernteam" not in at_rbj
    mine = client.get(url, {"mine": "true"}).content.decode()
    assert mine.count('data-row="pilot"') == 1 and "Bij RBJ" in mine


def test_a_decided_gate_cannot_be_changed_on_the_plan_page(client, manager, drafts):
    from governance.models import Decision

    pilot = drafts[1]
    body = f.GovernanceBodyFactory(programme=pilot.programme, name="SO besluit")
    decision = Decision.objects.create(
        programme=pilot.programme, body=body, outcome="continue", subject_title=pilot.title, date="2026-09-30"
    )
    gate = pilot.gates.create(planned_date="2026-09-30")
    Gate = type(gate)
    Gate.objects.filter(pk=gate.pk).update(outcome="continue", decision=decision)
    login(client, manager)
    data = {
        "gates-TOTAL_FORMS": "1",
        "gates-INITIAL_FORMS": "1",
        "gates-MIN_NUM_FORMS": "0",
        "gates-MAX_NUM_FORMS": "1000",
        "gates-0-id": gate.pk,
        "gates-0-pilot": pilot.pk,
        "gates-0-planned_date": "2027-01-01",
        "gates-0-criteria": "Anders",
        **{
            f"{p}-{k}": v
            for p in ("indicators", "roles")
            for k, v in (
                ("TOTAL_FORMS", "0"),
                ("INITIAL_FORMS", "0"),
                ("MIN_NUM_FORMS", "0"),
                ("MAX_NUM_FORMS", "1000"),
            )
        },
    }
    response = client.post(reverse("pilots:plan", args=[pilot.pk]), data)
    assert response.status_code == 200
    gate.refresh_from_db()
    assert str(gate.planned_date) == "2026-09-30"
