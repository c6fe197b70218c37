"""The history reads right (issue #11, item 7): times in Europe/Amsterdam, a word-level diff that shows an
appended sentence, relations by name, and a workgroup's history with its members' seats."""

import datetime
import re
import zoneinfo
from decimal import Decimal

import pytest
import time_machine
from django.contrib.messages import get_messages
from django.urls import reverse

from programmes.models import Membership
from tests import factories as f

pytestmark = pytest.mark.dates

UTC = zoneinfo.ZoneInfo("UTC")
# Longer than the 200 characters the old diff showed, and with the sentence added within a milestone's 300.
LONG = (
    "Wij richten een instroomtafel in waar de lokale teams en aanbieders samen elke week de aanmeldingen bespreken. "
    * 2
)


@pytest.fixture
def manager_client(client, manager):
    client.force_login(manager)
    return client


def text(response):
    return response.content.decode().replace("\u00a0", " ")


def test_a_restore_names_the_version_in_dutch_time(manager_client, programme):
    with time_machine.travel(datetime.datetime(2026, 11, 24, 2, 56, tzinfo=UTC), tick=False):
        milestone = f.MilestoneFactory(programme=programme, description="Origineel")
    milestone.description = "Vergissing"
    milestone.save()
    url = reverse("programmes:history", args=["milestone", milestone.pk])
    assert "24-11-2026 03:56" in text(manager_client.get(url))
    response = manager_client.post(url, {"history_id": milestone.history.earliest().history_id, "confirmed": "1"})
    shown = [str(message) for message in get_messages(response.wsgi_request)]
    assert any("24-11-2026 03:56" in message for message in shown), shown
    assert milestone.history.latest().history_change_reason == "Teruggezet naar de versie van 24-11-2026 03:56"


def test_an_appended_sentence_shows_in_the_diff(manager_client, programme):
    milestone = f.MilestoneFactory(programme=programme, description=LONG)
    milestone.description = LONG + "Nieuw: ook het onderwijs schuift aan."
    milestone.save()
    page = text(manager_client.get(reverse("programmes:history", args=["milestone", milestone.pk])))
    assert re.search(r"<ins[^>]*>\s*Nieuw: ook het onderwijs schuift aan.\s*</ins>", page)


def test_relation_changes_show_names(manager_client, programme):
    goal_a = f.ResultGoalFactory(programme=programme, title="Minder instroom")
    goal_b = f.ResultGoalFactory(programme=programme, title="Kortere trajecten")
    line = f.ActionLineFactory(programme=programme, title="Normaliseren")
    line.result_goals.set([goal_a])
    line.save()
    line.result_goals.set([goal_a, goal_b])
    line.save()
    page = text(manager_client.get(reverse("programmes:history", args=["actionline", line.pk])))
    assert "Kortere trajecten" in page
    assert "{&#x27;actionline&#x27;" not in page and "'actionline'" not in page


def test_membership_edits_show_on_the_workgroups_history(manager_client, workgroup1):
    person = f.PersonFactory(name="Henk Hoogendoorn")
    membership = Membership.objects.create(workgroup=workgroup1, person=person, role="member")
    membership.hours_per_week = Decimal("6")
    membership.save()
    page = text(manager_client.get(reverse("programmes:history", args=["workgroup", workgroup1.pk])))
    assert "Henk Hoogendoorn" in page
    assert "Uren per week" in page or "uren per week" in page
    assert reverse("programmes:history", args=["membership", membership.pk]) in page
