"""A proposal asks money only for the programme's budget years: the form and the submit act refuse other years."""

import pytest
from django.urls import reverse

from pilots import services
from pilots.constants import PilotStatus
from pilots.models import BudgetRequest, Pilot
from tests.factories import PASSWORD


def proposal(workgroup, year):
    return {
        "kind": "pilot",
        "title": "Geld voor later",
        "workgroup": workgroup.pk,
        "goals": "Doel",
        "efforts": "Inzet",
        "network": "Netwerk",
        "budget-TOTAL_FORMS": "1",
        "budget-INITIAL_FORMS": "0",
        "budget-MIN_NUM_FORMS": "0",
        "budget-MAX_NUM_FORMS": "1000",
        "budget-0-year": str(year),
        "budget-0-amount": "15000",
    }


def test_the_form_refuses_a_year_outside_the_budget_years_in_dutch(client, lead, programme, workgroup1, route, money):
    assert client.login(username=lead.username, password=PASSWORD)
    response = client.post(reverse("pilots:create", args=[programme.pk]), proposal(workgroup1, 2035))
    assert response.status_code == 200
    assert "Kies een van de begrotingsjaren van het programma: 2026, 2027." in response.content.decode()
    assert not Pilot.objects.filter(title="Geld voor later").exists()


def test_the_form_names_the_budget_years_and_accepts_one(client, lead, programme, workgroup1, route, money):
    assert client.login(username=lead.username, password=PASSWORD)
    page = client.get(reverse("pilots:create", args=[programme.pk])).content.decode()
    assert "Begrotingsjaren: 2026, 2027." in page
    response = client.post(reverse("pilots:create", args=[programme.pk]), proposal(workgroup1, 2027))
    assert response.status_code == 302
    assert Pilot.objects.get(title="Geld voor later").budget_requests.get().year == 2027


def test_an_old_draft_with_a_year_outside_the_budget_is_not_submitted(lead, programme, workgroup1, route, money):
    pilot = Pilot.objects.create(
        programme=programme, workgroup=workgroup1, title="Oud concept", goals="G", efforts="I", network="N"
    )
    BudgetRequest.objects.create(pilot=pilot, year=2026, amount=1000)
    BudgetRequest.objects.create(pilot=pilot, year=2035, amount=1000)
    with pytest.raises(services.ActRefused) as refused:
        services.submit(pilot, lead)
    assert "2035" in str(refused.value.message) and "begrotingsjaren" in str(refused.value.message)
    pilot.refresh_from_db()
    assert pilot.status == PilotStatus.DRAFT and not pilot.steps.exists()


def test_the_old_draft_can_drop_the_wrong_year_in_the_form(client, lead, programme, workgroup1, route, money):
    pilot = Pilot.objects.create(
        programme=programme, workgroup=workgroup1, title="Oud concept", goals="G", efforts="I", network="N"
    )
    wrong = BudgetRequest.objects.create(pilot=pilot, year=2035, amount=1000)
    data = proposal(workgroup1, 2026) | {
        "title": "Oud concept",
        "budget-TOTAL_FORMS": "2",
        "budget-INITIAL_FORMS": "1",
        "budget-0-id": wrong.pk,
        "budget-0-pilot": pilot.pk,
        "budget-0-year": "2035",
        "budget-0-amount": "1000",
        "budget-0-DELETE": "on",
        "budget-1-year": "2026",
        "budget-1-amount": "1000",
    }
    assert client.login(username=lead.username, password=PASSWORD)
    assert client.post(reverse("pilots:edit", args=[pilot.pk]), data).status_code == 302
    assert list(pilot.budget_requests.values_list("year", flat=True)) == [2026]
