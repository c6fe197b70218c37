"""Consequential acts ask first, and after every act the page says what happened and what comes next (#11)."""

from decimal import Decimal

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from finance.models import BudgetMovement
from governance.models import Decision
from pilots import services
from pilots.constants import PilotStatus
from pilots.models import Gate, PilotEvent

pytestmark = pytest.mark.django_db


def act(pilot, name):
    return reverse("pilots:act", args=[pilot.pk, name])


def said(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


@pytest.fixture
def at_so(pilot, lead, secretaries):
    services.submit(pilot, lead)
    services.forward(pilot, secretaries["Kernteam"])
    services.record_advice(pilot, secretaries["RBJ"], "positive")
    return pilot


def test_submitting_asks_first_and_says_where_the_proposal_goes(client, pilot, lead):
    client.force_login(lead)
    response = client.post(act(pilot, "submit"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Het voorstel gaat naar Kernteam; u kunt het daarna niet meer wijzigen" in html
    assert 'name="confirmed" value="1"' in html and "Bevestigen" in html and "Annuleren" in html
    pilot.refresh_from_db()
    assert pilot.status == PilotStatus.DRAFT and not PilotEvent.objects.exists()
    assert not pilot.steps.exists()  # the dry run left nothing behind


def test_a_confirmed_submission_says_what_happened_and_what_comes_next(client, pilot, lead):
    client.force_login(lead)
    response = client.post(act(pilot, "submit"), {"confirmed": "1"})
    assert response.status_code == 302
    pilot.refresh_from_db()
    assert pilot.status == PilotStatus.ON_ROUTE
    assert said(response) == [
        "Het voorstel is ingediend en ligt nu bij Kernteam. U krijgt bericht zodra Kernteam het heeft behandeld."
    ]


def test_a_submission_that_would_be_refused_does_not_ask_for_confirmation(client, pilot, lead):
    pilot.goals = ""
    pilot.save()
    client.force_login(lead)
    response = client.post(act(pilot, "submit"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Bevestigen" not in html
    assert "Vul het DIN-format in" in html


def test_withdrawing_asks_for_a_reason_that_goes_into_the_history(client, pilot, lead):
    services.submit(pilot, lead)
    client.force_login(lead)
    page = client.post(act(pilot, "withdraw")).content.decode()
    assert "Het voorstel wordt ingetrokken" in page and 'name="rationale"' in page
    without = client.post(act(pilot, "withdraw"), {"confirmed": "1", "rationale": " "})
    assert without.status_code == 200
    assert "Geef aan waarom het voorstel wordt ingetrokken" in without.content.decode()
    pilot.refresh_from_db()
    assert pilot.status == PilotStatus.ON_ROUTE
    response = client.post(act(pilot, "withdraw"), {"confirmed": "1", "rationale": "Wordt een regulier project"})
    assert response.status_code == 302
    pilot.refresh_from_db()
    assert pilot.status == PilotStatus.WITHDRAWN
    assert PilotEvent.objects.get(kind="withdrawn").note == "Wordt een regulier project"
    assert "ingetrokken; uw reden staat in de geschiedenis" in said(response)[0]


def test_the_service_refuses_a_withdrawal_without_a_reason(pilot, lead):
    with pytest.raises(services.ActRefused):
        services.withdraw(pilot, lead, "")


def test_deciding_asks_first_and_names_the_amounts_that_will_be_released(client, at_so, secretaries):
    client.force_login(secretaries["SO"])
    data = {"outcome": "approved", "rationale": "Past in het programma", "amount_2026": "12.000", "amount_2027": "0"}
    response = client.post(act(at_so, "decide"), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "SO keurt het voorstel goed en geeft € 12.000 voor 2026 vrij uit het pilotbudget" in html.replace(
        "\xa0", " "
    )
    assert 'name="amount_2026" value="12.000"' in html and "Past in het programma" in html
    assert not Decision.objects.exists() and not BudgetMovement.objects.exists()
    done = client.post(act(at_so, "decide"), {**data, "confirmed": "1"})
    at_so.refresh_from_db()
    assert at_so.status == PilotStatus.APPROVED
    assert said(done) == [
        "Besluit vastgelegd: goedgekeurd, €\xa012.000 voor 2026 vrijgegeven. De werkgroep kan de pilot nu starten."
    ]


def test_a_gate_asks_first_and_says_money_returns_when_it_stops(client, at_so, lead, secretaries):
    services.decide(at_so, secretaries["SO"], "approved")
    services.start(at_so, lead)
    gate = Gate.objects.create(pilot=at_so, planned_date="2026-12-01", criteria="Bereik")
    client.force_login(secretaries["SO"])
    data = {"gate": gate.pk, "outcome": "stop", "rationale": "Geen bereik"}
    page = client.post(act(at_so, "gate"), data).content.decode()
    assert "De pilot stopt en het geld dat nog niet is uitgegeven gaat terug naar het pilotbudget" in page
    gate.refresh_from_db()
    assert gate.outcome == ""
    done = client.post(act(at_so, "gate"), {**data, "confirmed": "1"})
    at_so.refresh_from_db()
    assert at_so.status == PilotStatus.STOPPED
    assert "De pilot is gestopt" in said(done)[0]


def test_a_reader_gets_403_before_any_confirmation(client, pilot, reader):
    client.force_login(reader)
    assert client.post(act(pilot, "submit")).status_code == 403


def test_a_rejection_says_what_happened(client, at_so, secretaries):
    client.force_login(secretaries["SO"])
    response = client.post(act(at_so, "decide"), {"outcome": "rejected", "rationale": "Te duur", "confirmed": "1"})
    assert said(response) == ["Besluit vastgelegd: afgewezen. Het voorstel is afgesloten; er komt geen geld vrij."]
    assert not BudgetMovement.objects.filter(amount__gt=Decimal("0")).exists()


def test_forwarding_says_where_the_proposal_is_now(client, pilot, lead, secretaries):
    services.submit(pilot, lead)
    client.force_login(secretaries["Kernteam"])
    response = client.post(act(pilot, "forward"), {"rationale": "Goed"})
    assert said(response) == ["Beoordeeld en doorgestuurd: het voorstel ligt nu bij RBJ."]


def test_promoting_shows_the_mapped_draft_which_the_lead_can_correct(client, lead, workgroup1):
    from pilots.models import Experiment, Pilot

    experiment = Experiment.objects.create(
        workgroup=workgroup1,
        title="Steunouders",
        problem="Overbelaste gezinnen",
        hypothesis="Steunouders voorkomen uithuisplaatsing",
        test_setup="Tien gezinnen",
        outcome="Acht gezinnen geholpen",
        lessons="Matching kost tijd",
    )
    client.force_login(lead)
    url = reverse("pilots:experiment_promote", args=[experiment.pk])
    page = client.get(url).content.decode()
    assert "Er wordt een conceptpilot gemaakt voor" in page
    form = client.get(url).context["form"]
    assert form.initial["goals"] == "Aanleiding: Overbelaste gezinnen\n\nSteunouders voorkomen uithuisplaatsing"
    assert "Leerpunten uit het experiment: Matching kost tijd" in form.initial["approach"]
    assert form.initial["intended_effects"] == ""  # lessons are not intended effects
    assert not Pilot.objects.exists()  # looking is not promoting

    data = {**form.initial, "goals": "Minder uithuisplaatsingen in 2027", "confirmed": "1"}
    response = client.post(url, data)
    pilot = Pilot.objects.get(experiment=experiment)
    assert response.url == pilot.get_absolute_url()
    assert pilot.goals == "Minder uithuisplaatsingen in 2027" and pilot.status == PilotStatus.DRAFT
    assert "Vul het voorstel aan" in said(response)[0]


def test_restoring_a_version_asks_first_and_names_what_changes(client, manager, programme):
    from programmes.models import Milestone
    from tests import factories as f

    milestone = f.MilestoneFactory(programme=programme, description="Origineel")
    milestone.description = "Vergissing"
    milestone.save()
    original = milestone.history.earliest()
    client.force_login(manager)
    url = reverse("programmes:history", args=["milestone", milestone.pk])
    response = client.post(url, {"history_id": original.history_id})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Dit wordt opgeslagen als een nieuwe wijziging" in html
    assert "Vergissing → Origineel" in html
    assert f'name="history_id" value="{original.history_id}"' in html
    assert Milestone.objects.get(pk=milestone.pk).description == "Vergissing"
    done = client.post(url, {"history_id": original.history_id, "confirmed": "1"})
    assert Milestone.objects.get(pk=milestone.pk).description == "Origineel"
    assert "is teruggezet" in said(done)[0]


def test_closing_a_meeting_asks_first_and_keeps_what_was_typed(client, programme, route, secretaries):
    import datetime

    from django.utils import timezone

    from governance.models import AgendaItem, Meeting

    meeting = Meeting.objects.create(body=route["Kernteam"], starts_at=timezone.now() + datetime.timedelta(hours=1))
    item = AgendaItem.objects.create(meeting=meeting, order=1, title="Voortgang")
    client.force_login(secretaries["Kernteam"])
    url = reverse("governance:meeting_close", args=[meeting.pk])
    data = {"minutes": "Besproken.", f"outcome_{item.pk}": "Op koers."}
    page = client.post(url, data).content.decode()
    assert "De vergadering wordt gesloten" in page and "niet meer worden gewijzigd" in page
    assert f'name="outcome_{item.pk}" value="Op koers."' in page
    meeting.refresh_from_db()
    assert meeting.status == "planned"
    done = client.post(url, {**data, "confirmed": "1"})
    meeting.refresh_from_db()
    assert meeting.status == "closed"
    assert said(done) == [
        "De vergadering is gesloten; de uitkomsten en de notulen zijn vastgelegd en kunnen niet meer worden gewijzigd."
    ]
