"""The pages `make bench` measures stay within their query budget, on the demo collaboration, as the programme
manager who uses them. That they do not grow with the number of rows is pinned per page elsewhere.

The budget was 15 (the target of the performance issue). Issue #16 spent two more: the pilot page shows its
discussion (one query for the comments, one for the annexes) and Mijn werk the conditions to follow up (one query).
A page that needs more must say why here."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext

from pilots.models import Pilot
from programmes.models import Programme

LIMIT = 17


def pages():
    programme = Programme.objects.get(collaboration__name="Rivierenland")
    running = Pilot.objects.filter(programme=programme, status="running").first()
    workgroup = running.workgroup
    return {
        "dashboard": f"/programmes/{programme.pk}/dashboard/",
        "pilot list, two filters": f"/programmes/{programme.pk}/pilots/?status=running&workgroup={workgroup.pk}",
        "pilot detail": f"/pilots/{running.pk}/",
        "decision log": f"/programmes/{programme.pk}/decisions/",
        "budget": f"/programmes/{programme.pk}/budget/",
        "risk list": f"/programmes/{programme.pk}/risks/",
        "my work": "/",
    }


@pytest.mark.django_db
def test_every_measured_page_stays_within_its_query_budget(demo_module, client):
    client.force_login(get_user_model().objects.get(username="programmamanager"))
    counts = {}
    for name, path in pages().items():
        client.get(path)  # the session is cached from here on, as it is for every page after the first
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        assert response.status_code == 200, name
        counts[name] = len(queries)
    assert {name: n for name, n in counts.items() if n > LIMIT} == {}, counts
