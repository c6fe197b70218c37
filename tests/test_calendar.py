"""ICS feeds: they parse, hold the right events, respect programme access, and a renewed link revokes the old one."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from governance.models import Meeting
from reminders.models import CalendarToken
from tests import factories as f
from tests.factories import PASSWORD

pytestmark = pytest.mark.dates


def events(response):
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    return {str(component.get("summary")) for component in calendar.walk("VEVENT")}


def test_a_readers_feed_holds_the_programmes_meetings_and_milestones(client, reader, programme, other_programme):
    body = f.GovernanceBodyFactory(programme=programme, name="Kernteam")
    Meeting.objects.create(body=body, starts_at=timezone.now() + datetime.timedelta(days=7))
    f.MilestoneFactory(programme=programme, description="Eindrapportage")
    f.MilestoneFactory(programme=other_programme, description="Elders")
    token = CalendarToken.objects.create(user=reader)
    summaries = events(client.get(reverse("calendar_user", args=[token.token])))
    assert {"Vergadering Kernteam", "Eindrapportage"} <= summaries and "Elders" not in summaries


def test_a_programme_feed_needs_read_access(client, reader, outsider, programme):
    f.MilestoneFactory(programme=programme, description="Kick-off")
    ok = CalendarToken.objects.create(user=reader)
    refused = CalendarToken.objects.create(user=outsider)
    assert "Kick-off" in events(client.get(reverse("calendar_programme", args=[ok.token, programme.pk])))
    assert client.get(reverse("calendar_programme", args=[refused.token, programme.pk])).status_code == 403


def test_renewing_the_link_revokes_the_old_one(client, reader):
    client.login(username=reader.username, password=PASSWORD)
    client.get(reverse("home"))
    old = CalendarToken.objects.get(user=reader).token
    assert client.get(reverse("calendar_user", args=[old])).status_code == 200
    client.post(reverse("calendar_renew"))
    new = CalendarToken.objects.get(user=reader).token
    assert new != old
    assert client.get(reverse("calendar_user", args=[old])).status_code == 404
    assert client.get(reverse("calendar_user", args=[new])).status_code == 200


def test_an_unknown_token_is_404(client, db):
    assert client.get(reverse("calendar_user", args=["nonsense" * 3])).status_code == 404
