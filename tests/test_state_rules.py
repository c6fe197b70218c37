"""State rules hold for everybody: only drafts are edited, decided and closed records stay as they are.

An administrator passes every permission; the state of a pilot, a gate or a meeting still binds them,
on the web pages and in the admin site. A running pilot changes only through the acts on its route.
"""

import datetime
import re
from decimal import Decimal

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse
from django.utils import timezone

from governance.constants import MeetingStatus
from governance.models import AgendaItem, Meeting
from pilots import services
from pilots.constants import PilotStatus
from pilots.models import BudgetRequest, Gate, Pilot
from tests.factories import PASSWORD

NO_LONGER_A_DRAFT = "geen concept meer"


def login(client, user):
    assert client.login(username=user.username, password=PASSWORD)


@pytest.fixture
def pilot_on_route(programme, workgroup1, lead, route, secretaries, money):
    pilot = Pilot.objects.create(
        programme=programme, workgroup=workgroup1, title="Vaste contactpersoon", goals="G", efforts="I", network="N"
    )
    BudgetRequest.objects.create(pilot=pilot, year=2026, amount=Decimal("30000"))
    services.submit(pilot, lead)
    return pilot


@pytest.fixture
def running_pilot(pilot_on_route, lead, secretaries):
    services.forward(pilot_on_route, secretaries["Kernteam"])
    services.record_advice(pilot_on_route, secretaries["RBJ"], "positive")
    services.decide(pilot_on_route, secretaries["SO"], "approved")
    services.start(pilot_on_route, lead)
    pilot_on_route.refresh_from_db()
    assert pilot_on_route.status == PilotStatus.RUNNING
    return pilot_on_route


def web_proposal(pilot, **changes):
    request = pilot.budget_requests.get()
    data = {
        "kind": pilot.kind,
        "title": pilot.title,
        "workgroup": pilot.workgroup_id,
        "goals": pilot.goals,
        "efforts": pilot.efforts,
        "network": pilot.network,
        "budget-TOTAL_FORMS": "1",
        "budget-INITIAL_FORMS": "1",
        "budget-MIN_NUM_FORMS": "0",
        "budget-MAX_NUM_FORMS": "1000",
        "budget-0-id": request.pk,
        "budget-0-pilot": pilot.pk,
        "budget-0-year": request.year,
        "budget-0-amount": str(request.amount),
    }
    data.update(changes)
    return data


def admin_proposal(pilot, **changes):
    """Everything the admin change form of a pilot would post, with `changes` applied."""
    request = pilot.budget_requests.get()
    data = {
        "programme": pilot.programme_id,
        "workgroup": pilot.workgroup_id,
        "kind": pilot.kind,
        "title": pilot.title,
        "goals": pilot.goals,
        "efforts": pilot.efforts,
        "network": pilot.network,
        "budget_requests-TOTAL_FORMS": "1",
        "budget_requests-INITIAL_FORMS": "1",
        "budget_requests-0-id": request.pk,
        "budget_requests-0-pilot": pilot.pk,
        "budget_requests-0-year": request.year,
        "budget_requests-0-amount": str(request.amount),
    }
    for prefix in ("gates", "indicators", "roles", "events"):
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"})
    for prefix in ("budget_requests", "gates", "indicators", "roles", "events"):
        data.update({f"{prefix}-MIN_NUM_FORMS": "0", f"{prefix}-MAX_NUM_FORMS": "1000"})
    data.update(changes)
    return data


def admin_change(pilot):
    return reverse("admin:pilots_pilot_change", args=[pilot.pk])


# The edit page of the proposal


def test_an_administrator_cannot_rewrite_a_running_pilots_budget_on_the_edit_page(client, admin_user, running_pilot):
    login(client, admin_user)
    url = reverse("pilots:edit", args=[running_pilot.pk])
    page = client.get(url)
    assert page.status_code == 403
    assert NO_LONGER_A_DRAFT in page.content.decode()
    response = client.post(url, web_proposal(running_pilot, goals="Herschreven", **{"budget-0-amount": "99000"}))
    assert response.status_code == 403
    running_pilot.refresh_from_db()
    assert running_pilot.goals == "G"
    assert running_pilot.budget_requests.get().amount == Decimal("30000")


def test_the_pilot_page_offers_nobody_the_edit_button_once_submitted(client, admin_user, pilot_on_route):
    login(client, admin_user)
    page = client.get(reverse("pilots:detail", args=[pilot_on_route.pk])).content.decode()
    assert reverse("pilots:edit", args=[pilot_on_route.pk]) not in page


def test_a_draft_returned_for_revision_is_edited_again(client, admin_user, pilot_on_route, secretaries):
    services.return_for_revision(pilot_on_route, secretaries["Kernteam"], "Scherper formuleren")
    login(client, admin_user)
    url = reverse("pilots:edit", args=[pilot_on_route.pk])
    assert client.get(url).status_code == 200
    assert client.post(url, web_proposal(pilot_on_route, goals="Scherper")).status_code == 302
    pilot_on_route.refresh_from_db()
    assert pilot_on_route.goals == "Scherper"


# The admin site


def test_the_admin_shows_a_submitted_proposal_and_its_budget_read_only(client, admin_user, pilot_on_route):
    login(client, admin_user)
    page = client.get(admin_change(pilot_on_route)).content.decode()
    for name in ("goals", "title", "programme", "workgroup", "action_lines", "parties", "budget_requests-0-amount"):
        assert f'name="{name}"' not in page, name
    assert "€\u00a030.000" in page  # still shown, as text, in Dutch notation


def test_the_admin_cannot_rewrite_a_submitted_proposal_or_its_budget(
    client, admin_user, pilot_on_route, other_programme
):
    other_workgroup = other_programme.workgroups.create(number=1, name="Elders")
    login(client, admin_user)
    client.post(
        admin_change(pilot_on_route),
        admin_proposal(
            pilot_on_route,
            programme=other_programme.pk,
            workgroup=other_workgroup.pk,
            goals="Herschreven",
            **{"budget_requests-0-amount": "99000"},
        ),
    )
    pilot_on_route.refresh_from_db()
    assert pilot_on_route.programme_id != other_programme.pk
    assert pilot_on_route.goals == "G"
    assert pilot_on_route.budget_requests.get().amount == Decimal("30000")
    assert pilot_on_route.status == PilotStatus.ON_ROUTE


def test_the_admin_keeps_the_programme_of_a_returned_draft(
    client, admin_user, pilot_on_route, secretaries, other_programme
):
    services.return_for_revision(pilot_on_route, secretaries["Kernteam"], "Scherper formuleren")
    other_workgroup = other_programme.workgroups.create(number=1, name="Elders")
    login(client, admin_user)
    page = client.get(admin_change(pilot_on_route)).content.decode()
    assert 'name="programme"' not in page and 'name="goals"' in page
    client.post(
        admin_change(pilot_on_route),
        admin_proposal(pilot_on_route, programme=other_programme.pk, workgroup=other_workgroup.pk, goals="Scherper"),
    )
    pilot_on_route.refresh_from_db()
    assert pilot_on_route.programme_id != other_programme.pk


def test_the_admin_cannot_revert_a_submitted_pilot_to_an_earlier_version(client, admin_user, pilot_on_route):
    first = pilot_on_route.history.earliest()
    Pilot.objects.filter(pk=pilot_on_route.pk).update(goals="G")  # the proposal as submitted
    login(client, admin_user)
    url = reverse("admin:pilots_pilot_simple_history", args=[pilot_on_route.pk, first.history_id])
    page = client.get(url)
    assert page.status_code == 200 and 'name="_save"' not in page.content.decode()
    response = client.post(url, admin_proposal(pilot_on_route, goals="Teruggezet"))
    assert response.status_code == 403
    pilot_on_route.refresh_from_db()
    assert pilot_on_route.goals == "G"


def test_acts_stay_available_to_the_administrator_for_a_submitted_pilot(client, admin_user, pilot_on_route):
    login(client, admin_user)
    payload = {"action": "act_forward", ACTION_CHECKBOX_NAME: [pilot_on_route.pk], "apply": "1", "rationale": ""}
    client.post(reverse("admin:pilots_pilot_changelist"), payload)
    pilot_on_route.refresh_from_db()
    assert pilot_on_route.current_step == 2


def test_a_decided_gate_cannot_be_changed_or_removed_in_the_admin(client, admin_user, running_pilot, secretaries):
    gate = Gate.objects.create(pilot=running_pilot, planned_date=datetime.date(2026, 9, 30), criteria="20 gezinnen")
    services.record_gate(gate, secretaries["SO"], "continue")
    login(client, admin_user)
    page = client.get(admin_change(running_pilot)).content.decode()
    for name in ("gates-0-planned_date", "gates-0-criteria", "gates-0-DELETE"):
        assert re.search(rf'<(input|textarea)[^>]*name="{name}"[^>]*disabled', page), name
    data = admin_proposal(
        running_pilot,
        **{
            "gates-TOTAL_FORMS": "1",
            "gates-INITIAL_FORMS": "1",
            "gates-0-id": gate.pk,
            "gates-0-pilot": running_pilot.pk,
            "gates-0-planned_date": "2027-01-01",
            "gates-0-criteria": "Anders",
            "gates-0-DELETE": "on",
        },
    )
    client.post(admin_change(running_pilot), data)
    gate.refresh_from_db()
    assert (gate.planned_date, gate.criteria, gate.outcome) == (datetime.date(2026, 9, 30), "20 gezinnen", "continue")


@pytest.fixture
def closed_meeting(route, secretaries):
    meeting = Meeting.objects.create(
        body=route["Kernteam"], starts_at=timezone.now() + datetime.timedelta(days=7), place="Tiel"
    )
    AgendaItem.objects.create(meeting=meeting, order=1, title="Opening", outcome="Geopend")
    Meeting.objects.filter(pk=meeting.pk).update(status=MeetingStatus.CLOSED, minutes="Vastgesteld")
    meeting.refresh_from_db()
    return meeting


def test_a_closed_meeting_is_read_only_in_the_admin(client, admin_user, closed_meeting):
    login(client, admin_user)
    url = reverse("admin:governance_meeting_change", args=[closed_meeting.pk])
    page = client.get(url).content.decode()
    assert 'name="status"' not in page and 'name="minutes"' not in page
    when = timezone.localtime(closed_meeting.starts_at)
    client.post(
        url,
        {
            "body": closed_meeting.body_id,
            "starts_at_0": when.strftime("%d-%m-%Y"),
            "starts_at_1": when.strftime("%H:%M"),
            "status": "planned",
            "minutes": "Herschreven",
            "place": "X",
        },
    )
    closed_meeting.refresh_from_db()
    assert (closed_meeting.status, closed_meeting.minutes) == (MeetingStatus.CLOSED, "Vastgesteld")
    item = closed_meeting.items.get()
    item_url = reverse("admin:governance_agendaitem_change", args=[item.pk])
    assert 'name="outcome"' not in client.get(item_url).content.decode()
    documents = {f"documents-{key}": value for key, value in (("TOTAL_FORMS", 0), ("INITIAL_FORMS", 0))}
    client.post(
        item_url, {"meeting": closed_meeting.pk, "order": 1, "title": "Opening", "outcome": "Anders", **documents}
    )
    item.refresh_from_db()
    assert item.outcome == "Geopend"


def test_the_agenda_of_a_closed_meeting_cannot_be_rewritten_on_the_meeting_page(client, admin_user, closed_meeting):
    item = closed_meeting.items.get()
    login(client, admin_user)
    data = {
        "starts_at": timezone.localtime(closed_meeting.starts_at).strftime("%Y-%m-%dT%H:%M"),
        "place": "Tiel",
        "items-TOTAL_FORMS": "2",
        "items-INITIAL_FORMS": "1",
        "items-MIN_NUM_FORMS": "0",
        "items-MAX_NUM_FORMS": "1000",
        "items-0-id": item.pk,
        "items-0-meeting": closed_meeting.pk,
        "items-0-order": "1",
        "items-0-title": "Herschreven",
        "items-1-order": "2",
        "items-1-title": "Achteraf toegevoegd",
    }
    client.post(reverse("governance:meeting_edit", args=[closed_meeting.pk]), data)
    assert list(closed_meeting.items.values_list("title", flat=True)) == ["Opening"]


def test_no_papers_are_added_to_a_closed_meeting(client, admin_user, closed_meeting):
    from django.core.files.uploadedfile import SimpleUploadedFile

    item = closed_meeting.items.get()
    login(client, admin_user)
    paper = SimpleUploadedFile("achteraf.pdf", b"%PDF-1.4", content_type="application/pdf")
    client.post(closed_meeting.get_absolute_url(), {"item": item.pk, "title": "Achteraf", "file": paper})
    assert not item.documents.exists()


def test_the_edit_page_of_a_closed_meeting_offers_no_save_and_no_new_row(client, admin_user, closed_meeting):
    login(client, admin_user)
    page = client.get(reverse("governance:meeting_edit", args=[closed_meeting.pk])).content.decode()
    assert 'type="submit"' not in page.split("<main", 1)[-1]
    assert "data-formset-add" not in page
    assert closed_meeting.get_absolute_url() in page  # the way back
    open_meeting = Meeting.objects.create(
        body=closed_meeting.body, starts_at=timezone.now() + datetime.timedelta(days=9), place="Tiel"
    )
    page = client.get(reverse("governance:meeting_edit", args=[open_meeting.pk])).content.decode()
    assert 'type="submit"' in page.split("<main", 1)[-1] and "data-formset-add" in page
