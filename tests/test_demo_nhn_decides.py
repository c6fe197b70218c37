"""Done when of #22: a programme manager of NHN records the colleges' decisions one by one and sees the money
released when the rule is met. In the demo, Texel's college is the last one for the project leader's € 50.000."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from finance.models import BudgetMovement
from pilots.models import Pilot
from programmes.models import Municipality

pytestmark = pytest.mark.django_db


def test_texels_college_is_the_last_and_its_decision_releases_the_project_leaders_money(client, settings):
    settings.DEMO_PASSWORD = "jeugdregio-demo"
    call_command("load_demo", stdout=open("/dev/null", "w"))
    pilot = Pilot.objects.get(title__startswith="Inhuur projectleider")
    texel = Municipality.objects.get(name="Texel")
    assert client.login(username="nhn", password="jeugdregio-demo")

    response = client.post(
        reverse("pilots:act", args=[pilot.pk, "municipal"]),
        {"municipality": texel.pk, "outcome": "agreed", "organ": "college", "decided_on": "2026-11-30"},
        follow=True,
    )

    assert response.status_code == 200
    pilot.refresh_from_db()
    assert pilot.status == "approved"
    released = BudgetMovement.objects.filter(programme=pilot.programme, kind="release", subject_key=pilot.ledger_key)
    assert sum(m.amount for m in released) == 50000
