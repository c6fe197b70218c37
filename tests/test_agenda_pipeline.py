"""A pilot that reaches a step goes on the right meeting; the meeting's outcome performs the act on the pilot."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from governance.models import Advice, AgendaItem, Meeting
from pilots import services
from pilots.models import BudgetRequest, Pilot
from tests.factories import PASSWORD

pytestmark = pytest.mark.dates


def meeting(body, days, status="planned"):
    return Meeting.objects.create(body=body, starts_at=timezone.now() + datetime.timedelta(days=days), status=status)


@pytest.fixture
def proposal(programme, workgroup1, route, money):
    pilot = Pilot.objects.create(
        programme=programme, workgroup=workgroup1, title="Vaste contactpersoon", goals="G", efforts="I", network="N"
    )
    BudgetRequest.objects.create(pilot=pilot, year=2026, amount=Decimal("30000"))
    return pilot


def test_a_submitted_pilot_goes_on_the_first_meeting_whose_deadline_it_makes(proposal, lead, route):
    route["Kernteam"].submission_deadline_days = 5
    route["Kernteam"].save()
    too_soon = meeting(route["Kernteam"], 3)
    right = meeting(route["Kernteam"], 10)
    meeting(route["Kernteam"], 20)
    services.submit(proposal, lead)
    item = AgendaItem.objects.get(subject_id=proposal.pk)
    assert item.meeting == right and not too_soon.items.exists()
    assert "Vaste contactpersoon" in item.title


def test_closing_the_meeting_with_an_act_moves_the_pilot_on(client, proposal, lead, route, secretaries):
    kernteam_meeting = meeting(route["Kernteam"], 10)
    rbj_meeting = meeting(route["RBJ"], 30)
    services.submit(proposal, lead)
    item = AgendaItem.objects.get(meeting=kernteam_meeting)
    client.login(username=secretaries["Kernteam"].username, password=PASSWORD)
    form = client.get(reverse("governance:meeting_close", args=[kernteam_meeting.pk])).content.decode()
    assert f'name="act_{item.pk}"' in form
    response = client.post(
        reverse("governance:meeting_close", args=[kernteam_meeting.pk]),
        {
            "minutes": "Besproken",
            f"act_{item.pk}": "forward",
            f"outcome_{item.pk}": "Goed uitgewerkt",
            "confirmed": "1",
        },
    )
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.step().body.name == "RBJ"
    event = proposal.events.get(kind="forwarded")
    assert event.via == "meeting" and event.note == "Goed uitgewerkt"
    assert Advice.objects.get(subject_id=proposal.pk).meeting == kernteam_meeting
    assert AgendaItem.objects.filter(meeting=rbj_meeting, subject_id=proposal.pk).exists()


def test_a_refused_act_keeps_the_meeting_open(client, proposal, lead, route, secretaries):
    services.submit(proposal, lead)
    services.forward(proposal, secretaries["Kernteam"])
    rbj_meeting = meeting(route["RBJ"], 12)
    item = AgendaItem.objects.create(meeting=rbj_meeting, order=1, title="Advies", subject=proposal)
    client.login(username=secretaries["RBJ"].username, password=PASSWORD)
    response = client.post(
        reverse("governance:meeting_close", args=[rbj_meeting.pk]),
        {"minutes": "", f"act_{item.pk}": "negative", f"outcome_{item.pk}": ""},
    )
    assert response.status_code == 200  # a negative advice needs a rationale
    rbj_meeting.refresh_from_db()
    proposal.refresh_from_db()
    assert rbj_meeting.status == "planned" and proposal.step().body.name == "RBJ"


def test_the_secretary_moves_the_item_to_a_later_meeting(client, proposal, lead, route, secretaries, reader):
    first, later = meeting(route["Kernteam"], 10), meeting(route["Kernteam"], 40)
    services.submit(proposal, lead)
    item = AgendaItem.objects.get(subject_id=proposal.pk)
    client.login(username=reader.username, password=PASSWORD)
    assert client.post(reverse("governance:item_move", args=[item.pk]), {"meeting": later.pk}).status_code == 403
    client.logout()
    client.login(username=secretaries["Kernteam"].username, password=PASSWORD)
    client.post(reverse("governance:item_move", args=[item.pk]), {"meeting": later.pk})
    item.refresh_from_db()
    assert item.meeting == later and not first.items.exists()
    page = client.get(proposal.get_absolute_url()).content.decode()
    assert "data-agenda" in page


def test_a_step_settled_outside_the_meeting_leaves_its_agenda(proposal, lead, route, secretaries):
    kernteam_meeting = meeting(route["Kernteam"], 10)
    services.submit(proposal, lead)
    assert kernteam_meeting.items.count() == 1
    services.forward(proposal, secretaries["Kernteam"], "Per mail beoordeeld")
    assert kernteam_meeting.items.count() == 0
