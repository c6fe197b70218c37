"""Meetings: who plans them, what is refused, the printable agenda, closing with outcomes, protected documents."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from governance.models import AgendaDocument, AgendaItem, Meeting
from tests import factories as f
from tests.factories import PASSWORD

pytestmark = pytest.mark.dates


@pytest.fixture
def kernteam(programme):
    return f.GovernanceBodyFactory(programme=programme, name="Kernteam", submission_deadline_days=5)


@pytest.fixture
def secretary(kernteam):
    user = f.UserFactory(username="sanne")
    person = f.PersonFactory(name="Sanne", user=user)
    f.BodyMembershipFactory(body=kernteam, person=person, role="secretary")
    return user


def when(days):
    return (timezone.localtime() + datetime.timedelta(days=days)).strftime("%Y-%m-%dT10:00")


def meeting_post(starts_at, items=()):
    data = {
        "starts_at": starts_at,
        "place": "Gemeentehuis Tiel",
        "status": "planned",
        "items-TOTAL_FORMS": str(len(items)),
        "items-INITIAL_FORMS": "0",
        "items-MIN_NUM_FORMS": "0",
        "items-MAX_NUM_FORMS": "1000",
    }
    for index, (order, title) in enumerate(items):
        data.update({f"items-{index}-order": order, f"items-{index}-title": title})
    return data


def test_the_secretary_plans_a_meeting_with_an_agenda(client, secretary, kernteam):
    client.login(username=secretary.username, password=PASSWORD)
    response = client.post(
        reverse("governance:meeting_create", args=[kernteam.pk]),
        meeting_post(when(14), [(1, "Opening"), (2, "Pilotvoorstel vaste contactpersoon")]),
    )
    assert response.status_code == 302
    meeting = Meeting.objects.get()
    assert [i.title for i in meeting.items.all()] == ["Opening", "Pilotvoorstel vaste contactpersoon"]
    agenda = client.get(meeting.get_absolute_url()).content.decode()
    assert "Pilotvoorstel vaste contactpersoon" in agenda and "Stukken uiterlijk" in agenda


def test_a_new_meeting_in_the_past_is_refused(client, secretary, kernteam):
    client.login(username=secretary.username, password=PASSWORD)
    response = client.post(reverse("governance:meeting_create", args=[kernteam.pk]), meeting_post(when(-3)))
    assert response.status_code == 200
    assert "verleden" in response.content.decode()
    assert not Meeting.objects.exists()


def test_members_who_do_not_record_and_readers_cannot_plan(client, body_member, reader, programme):
    body = programme.bodies.get()
    for user in (body_member, reader):
        client.login(username=user.username, password=PASSWORD)
        url = reverse("governance:meeting_create", args=[body.pk])
        assert client.get(url).status_code == 403
        assert client.post(url, meeting_post(when(7))).status_code == 403
        client.logout()
    assert not Meeting.objects.exists()


def test_the_agenda_lists_next_meetings_per_body(client, reader, kernteam):
    Meeting.objects.create(body=kernteam, starts_at=timezone.now() + datetime.timedelta(days=9), place="Tiel")
    Meeting.objects.create(body=kernteam, starts_at=timezone.now() - datetime.timedelta(days=9), status="closed")
    client.login(username=reader.username, password=PASSWORD)
    page = client.get(reverse("governance:meetings", args=[kernteam.programme_id])).content.decode()
    assert page.count('data-row="meeting"') == 1


def test_closing_records_outcomes_once(client, secretary, kernteam):
    meeting = Meeting.objects.create(body=kernteam, starts_at=timezone.now() + datetime.timedelta(hours=1))
    item = AgendaItem.objects.create(meeting=meeting, order=1, title="Voortgang")
    client.login(username=secretary.username, password=PASSWORD)
    url = reverse("governance:meeting_close", args=[meeting.pk])
    response = client.post(url, {"minutes": "Besproken.", f"outcome_{item.pk}": "Op koers.", "confirmed": "1"})
    assert response.status_code == 302
    meeting.refresh_from_db()
    item.refresh_from_db()
    assert (meeting.status, meeting.minutes, item.outcome) == ("closed", "Besproken.", "Op koers.")
    again = client.post(url, {"minutes": "Anders.", f"outcome_{item.pk}": "Toch niet."})
    assert again.status_code == 200
    item.refresh_from_db()
    assert item.outcome == "Op koers."


def test_documents_are_limited_in_type_and_served_only_to_readers(client, secretary, reader, outsider, kernteam):
    meeting = Meeting.objects.create(body=kernteam, starts_at=timezone.now() + datetime.timedelta(days=3))
    item = AgendaItem.objects.create(meeting=meeting, order=1, title="Pilotvoorstel")
    client.login(username=secretary.username, password=PASSWORD)
    bad = SimpleUploadedFile("script.exe", b"MZ...", content_type="application/octet-stream")
    response = client.post(meeting.get_absolute_url(), {"item": item.pk, "title": "Kwaad", "file": bad})
    assert response.status_code == 200 and not AgendaDocument.objects.exists()
    good = SimpleUploadedFile("voorstel.pdf", b"%PDF-1.4 voorstel", content_type="application/pdf")
    assert client.post(meeting.get_absolute_url(), {"item": item.pk, "title": "DIN", "file": good}).status_code == 302
    document = AgendaDocument.objects.get()
    client.logout()
    client.login(username=reader.username, password=PASSWORD)
    response = client.get(reverse("governance:document", args=[document.pk]))
    assert response.status_code == 200 and b"".join(response.streaming_content).startswith(b"%PDF")
    client.logout()
    client.login(username=outsider.username, password=PASSWORD)
    assert client.get(reverse("governance:document", args=[document.pk])).status_code == 403
