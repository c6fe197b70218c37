"""The demo has a pilot in every state, so each screen of the route can be shown on it."""

from django.urls import reverse

from pilots.constants import PilotStatus
from pilots.models import Pilot


def test_the_demo_has_a_rivierenland_pilot_in_every_state(demo_module, db):
    states = set(Pilot.objects.filter(programme__collaboration__name="Rivierenland").values_list("status", flat=True))
    assert states == set(PilotStatus.values)


def test_the_lead_sees_start_on_the_approved_pilot_that_has_not_started(demo_module, db, client):
    pilot = Pilot.objects.get(programme__collaboration__name="Rivierenland", status=PilotStatus.APPROVED)
    assert client.login(username="trekker", password="jeugdregio-demo")
    page = client.get(reverse("pilots:detail", args=[pilot.pk])).content.decode()
    assert "Pilot starten" in page
    client.post(reverse("pilots:act", args=[pilot.pk, "start"]))
    pilot.refresh_from_db()
    assert pilot.status == PilotStatus.RUNNING
