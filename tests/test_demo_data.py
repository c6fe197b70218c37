"""The demo collaboration reproduces seed 002; loading it twice changes nothing."""

import re
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import CommandError, call_command
from django.urls import reverse

from programmes.models import Collaboration, GovernanceBody, Participation, Person, Programme, Workgroup

SEEDS = Path(settings.BASE_DIR).parent / "shared" / "seeds"
DEMO_PASSWORD = "jeugdregio-demo"

INHABITANTS = {
    "West Betuwe": 51128,
    "Tiel": 42159,
    "Culemborg": 28955,
    "Zaltbommel": 28881,
    "Buren": 26749,
    "Maasdriel": 25030,
    "Neder-Betuwe": 24339,
    "West Maas en Waal": 19324,
}


@pytest.fixture
def demo(db, settings):
    settings.DEMO_PASSWORD = DEMO_PASSWORD
    call_command("load_demo", stdout=open("/dev/null", "w"))
    return Programme.objects.get(collaboration__name="Rivierenland")


def counts():
    return {
        model._meta.label: model.objects.count()
        for app in ("programmes", "governance", "auth")
        for model in apps.get_app_config(app).get_models()
    }


def test_rivierenland_has_its_eight_municipalities_with_the_seed_inhabitants(demo):
    taking_part = Participation.objects.filter(collaboration__name="Rivierenland").select_related("municipality")
    municipalities = [p.municipality for p in taking_part]
    assert {m.name: m.inhabitants for m in municipalities} == INHABITANTS
    assert sum(m.inhabitants for m in municipalities) == 246565
    assert sorted(p.municipality.name for p in taking_part if p.purchases_independently) == ["Maasdriel", "Zaltbommel"]


def test_the_plan_has_the_seed_structure(demo):
    assert demo.result_goals.count() == 5
    assert demo.action_lines.count() == 5
    assert all(line.result_goals.count() == 1 for line in demo.action_lines.all())
    assert list(demo.workgroups.values_list("number", "name")) == [
        (1, "Gecoördineerde Instroom"),
        (2, "Gezamenlijke Instap"),
        (3, "Duurzame Uitstroom"),
        (4, "Datakwaliteit"),
        (5, "Duurzame samenwerking"),
    ]
    assert demo.preconditions.count() == 8
    assert demo.phases.count() == 4
    milestones = list(demo.milestones.all())
    assert len(milestones) == 18
    assert all(demo.start_date <= m.start_date and (m.end_date or m.start_date) <= demo.end_date for m in milestones)
    assert milestones[0].period_label == "Mei 2025" and milestones[-1].period_label == "December 2028"
    kernteam = GovernanceBody.objects.get(programme=demo, name="Kernteam")
    assert kernteam.memberships.count() == 10
    assert {b.abbreviation for b in demo.bodies.all()} >= {"Kernteam", "RBJ", "SO", "MO", "BO"}


def test_workgroup_leads_are_as_in_the_seed(demo):
    leads = {wg.number: wg.memberships.filter(role="lead").count() for wg in Workgroup.objects.filter(programme=demo)}
    assert leads == {1: 2, 2: 2, 3: 1, 4: 2, 5: 1}


def test_every_demo_user_logs_in_with_its_role(demo, client):
    wg1, wg2 = demo.workgroups.get(number=1), demo.workgroups.get(number=2)
    expected = {
        "beheerder": (True, True, True),
        "programmamanager": (True, True, True),
        "trekker": (False, True, False),
        "kernteam": (False, False, False),
        "lezer": (False, False, False),
        "wbo": (False, False, False),
    }
    from django.contrib.auth import get_user_model

    for username, (plan, own_wg, other_wg) in expected.items():
        assert client.login(username=username, password=DEMO_PASSWORD), username
        user = get_user_model().objects.get(username=username)
        assert user.has_perm("programmes.change_programme", demo) is plan, username
        assert user.has_perm("programmes.change_workgroup", wg1) is own_wg, username
        assert user.has_perm("programmes.change_workgroup", wg2) is other_wg, username
        status = client.get(reverse("programmes:detail", args=[demo.pk])).status_code
        assert status == (403 if username == "wbo" else 200), username
        client.logout()


def test_the_wbo_manager_edits_only_west_brabant_oost(demo):
    from django.contrib.auth import get_user_model

    wbo_user = get_user_model().objects.get(username="wbo")
    wbo = Programme.objects.get(collaboration__name="West-Brabant-Oost")
    assert wbo_user.has_perm("programmes.change_programme", wbo)
    assert not wbo_user.has_perm("programmes.change_programme", demo)


def test_loading_twice_changes_no_counts(demo):
    before = counts()
    call_command("load_demo", stdout=open("/dev/null", "w"))
    assert counts() == before


def test_production_mode_refuses_demo_users(db, settings):
    settings.DEMO_PASSWORD = None
    with pytest.raises(CommandError):
        call_command("load_demo")
    assert not Collaboration.objects.exists()
    from django.contrib.auth import get_user_model

    assert not get_user_model().objects.exists()


def test_west_brabant_oost_is_shaped_by_its_own_document(demo):
    wbo = Programme.objects.get(collaboration__name="West-Brabant-Oost")
    assert wbo.principles.count() == 8
    assert wbo.action_lines.count() == 6
    assert wbo.building_blocks.count() == 5
    assert all(block.action_lines.exists() for block in wbo.building_blocks.all())
    assert not wbo.result_goals.exists()


@pytest.mark.skipif(not SEEDS.exists(), reason="the seeds folder ../shared/seeds is not beside this checkout")
def test_demo_people_are_fictitious(demo):
    seed = (SEEDS / "002_5e7cddb0bf1ed46e.txt").read_text(encoding="utf-8")
    words = set(re.findall(r"[A-Z][a-zé]+(?: (?:van|de|den|der) [A-Z][a-z]+| [A-Z][a-z]+)", seed))
    real = [p.name for p in Person.objects.all() if p.name in seed or p.name in words]
    assert real == []


def test_the_programme_page_reads_like_the_seed(demo, client):
    assert client.login(username="lezer", password=DEMO_PASSWORD)
    page = client.get(demo.get_absolute_url()).content.decode()
    for text in (
        "Minder instroom in gespecialiseerde jeugdhulp",
        "Zo thuis mogelijk – investeren in het netwerk",
        "Gecoördineerde Instroom",
        "Kernteam",
        "246.565",
        "Eindrapportage Uitvoeringsprogramma",
    ):
        assert text in page, text
