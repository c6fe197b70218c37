"""Every choice list offers only the records of the object's own programme or collaboration, on the web and in
the admin.

The demo has two collaborations. What belongs to West-Brabant-Oost is never offered on a Rivierenland form, and a POST
of its id is refused with a form error and changes nothing.
"""

import re

import pytest
from django.urls import reverse

from pilots.models import Pilot, PilotRole
from programmes.models import (
    ActionLine,
    BodyMembership,
    GovernanceBody,
    Membership,
    Organisation,
    Person,
    Programme,
    Workgroup,
)
from programmes.risks import Risk

pytestmark = pytest.mark.django_db

DEMO_PASSWORD = "jeugdregio-demo"


def options(page, name):
    """The option values of the <select name=...> on the page ("" for the empty choice left out)."""
    select = re.search(rf'<select name="{re.escape(name)}"[^>]*>(.*?)</select>', page, re.S)
    assert select is not None, f"no select named {name}"
    return {int(value) for value in re.findall(r'<option value="(\d+)"', select.group(1))}


def login(client, username):
    assert client.login(username=username, password=DEMO_PASSWORD)


@pytest.fixture
def riv(demo_module):
    return Programme.objects.get(collaboration__name="Rivierenland")


@pytest.fixture
def wbo(demo_module):
    return Programme.objects.get(collaboration__name="West-Brabant-Oost")


@pytest.fixture
def wbo_person(demo_module):
    """Yvonne Akkermans, known only in West-Brabant-Oost."""
    return Person.objects.get(name="Yvonne Akkermans")


@pytest.fixture
def breda(demo_module):
    return Organisation.objects.get(name="Gemeente Breda")


@pytest.fixture
def riv_draft(riv):
    return Pilot.objects.get(programme=riv, status="draft", workgroup__number=1)


def management(prefix, total, initial=0):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


# The web pages


def test_the_member_form_of_workgroup_1_offers_only_people_of_rivierenland(client, riv, wbo_person):
    workgroup = riv.workgroups.get(number=1)
    login(client, "programmamanager")
    url = reverse("programmes:workgroup_members", args=[workgroup.pk])
    offered = options(client.get(url).content.decode(), "members-0-person")
    assert wbo_person.pk not in offered
    assert set(Membership.objects.filter(workgroup=workgroup).values_list("person", flat=True)) <= offered

    existing = list(workgroup.memberships.all())
    data = management("members", len(existing) + 1, len(existing))
    for i, membership in enumerate(existing):
        data.update(
            {
                f"members-{i}-id": membership.pk,
                f"members-{i}-workgroup": workgroup.pk,
                f"members-{i}-person": membership.person_id,
                f"members-{i}-role": membership.role,
                f"members-{i}-hours_per_week": membership.hours_per_week or "",
            }
        )
    new = len(existing)
    data.update({f"members-{new}-person": wbo_person.pk, f"members-{new}-role": "member"})
    response = client.post(url, data)
    assert response.status_code == 200
    assert not workgroup.memberships.filter(person=wbo_person).exists()


def test_a_person_attached_to_no_collaboration_is_offered_in_every_collaboration(client, riv):
    newcomer = Person.objects.create(name="Nieuwkomer zonder regio")
    login(client, "programmamanager")
    url = reverse("programmes:workgroup_members", args=[riv.workgroups.get(number=1).pk])
    assert newcomer.pk in options(client.get(url).content.decode(), "members-0-person")


def test_the_parties_of_a_rivierenland_pilot_leave_out_west_brabant_oost_municipalities(client, riv, breda):
    login(client, "programmamanager")
    url = reverse("pilots:create", args=[riv.pk])
    offered = options(client.get(url).content.decode(), "parties")
    assert breda.pk not in offered
    assert Organisation.objects.get(name="Gemeente Tiel").pk in offered
    assert Organisation.objects.get(name="Karakter").pk in offered  # a care provider works across collaborations

    data = {"kind": "pilot", "title": "Met Breda", "workgroup": riv.workgroups.get(number=1).pk, "parties": [breda.pk]}
    data.update(management("budget", 0))
    response = client.post(url, data)
    assert response.status_code == 200
    assert not Pilot.objects.filter(title="Met Breda").exists()


def test_the_role_division_of_a_pilot_offers_only_people_of_the_collaboration(client, riv_draft, wbo_person):
    login(client, "programmamanager")
    url = reverse("pilots:plan", args=[riv_draft.pk])
    assert wbo_person.pk not in options(client.get(url).content.decode(), "roles-0-person")
    data = {**management("gates", 0), **management("indicators", 0), **management("roles", 1)}
    data.update({"roles-0-person": wbo_person.pk, "roles-0-role": "leads"})
    assert client.post(url, data).status_code == 200
    assert not PilotRole.objects.filter(pilot=riv_draft, person=wbo_person).exists()


def test_the_risk_owner_is_chosen_from_the_people_of_the_collaboration(client, riv, wbo_person):
    login(client, "programmamanager")
    url = reverse("programmes:risk_create", args=[riv.pk])
    assert wbo_person.pk not in options(client.get(url).content.decode(), "owner")


# The admin site


def test_the_admin_pilot_form_offers_only_the_programmes_action_lines_parties_and_bodies(client, riv_draft, wbo, breda):
    login(client, "beheerder")
    page = client.get(reverse("admin:pilots_pilot_change", args=[riv_draft.pk])).content.decode()
    assert not options(page, "action_lines") & set(wbo.action_lines.values_list("pk", flat=True))
    assert breda.pk not in options(page, "parties")
    wbo_bodies = set(GovernanceBody.objects.filter(programme=wbo).values_list("pk", flat=True))
    assert not options(page, "gates-__prefix__-body") & wbo_bodies


def test_the_admin_refuses_another_programmes_action_line_on_a_pilot(client, riv_draft, wbo):
    login(client, "beheerder")
    line = wbo.action_lines.first()
    data = {
        "programme": riv_draft.programme_id,
        "workgroup": riv_draft.workgroup_id,
        "kind": riv_draft.kind,
        "title": riv_draft.title,
        "action_lines": [line.pk],
    }
    for prefix in ("budget_requests", "gates", "indicators", "roles", "events"):
        data.update(management(prefix, 0))
    response = client.post(reverse("admin:pilots_pilot_change", args=[riv_draft.pk]), data)
    assert response.status_code == 200
    assert not riv_draft.action_lines.filter(pk=line.pk).exists()


def test_the_admin_adds_a_pilot_in_two_steps_so_its_lists_know_the_programme(client, riv):
    login(client, "beheerder")
    page = client.get(reverse("admin:pilots_pilot_add")).content.decode()
    assert 'name="action_lines"' not in page and 'name="parties"' not in page
    data = {"programme": riv.pk, "workgroup": riv.workgroups.get(number=1).pk, "kind": "pilot", "title": "Nieuw"}
    response = client.post(reverse("admin:pilots_pilot_add"), data)
    pilot = Pilot.objects.get(title="Nieuw")
    assert response.status_code == 302 and response.url == reverse("admin:pilots_pilot_change", args=[pilot.pk])


def test_the_admin_workgroup_and_body_members_are_people_of_the_collaboration(client, riv, wbo_person):
    login(client, "beheerder")
    workgroup = riv.workgroups.get(number=1)
    page = client.get(reverse("admin:programmes_workgroup_change", args=[workgroup.pk])).content.decode()
    offered = options(page, "memberships-__prefix__-person")
    assert wbo_person.pk not in offered
    assert set(workgroup.memberships.values_list("person", flat=True)) <= offered
    body = GovernanceBody.objects.get(programme=riv, name="Kernteam")
    page = client.get(reverse("admin:programmes_governancebody_change", args=[body.pk])).content.decode()
    offered = options(page, "memberships-__prefix__-person")
    assert wbo_person.pk not in offered
    assert set(body.memberships.values_list("person", flat=True)) <= offered


def test_the_admin_refuses_a_membership_across_collaborations(client, riv, wbo_person):
    login(client, "beheerder")
    workgroup = riv.workgroups.get(number=1)
    response = client.post(
        reverse("admin:programmes_membership_add"),
        {"person": wbo_person.pk, "workgroup": workgroup.pk, "role": "member"},
    )
    assert response.status_code == 200
    assert not Membership.objects.filter(workgroup=workgroup, person=wbo_person).exists()
    body = GovernanceBody.objects.get(programme=riv, name="Kernteam")
    response = client.post(
        reverse("admin:programmes_bodymembership_add"), {"person": wbo_person.pk, "body": body.pk, "role": "member"}
    )
    assert response.status_code == 200
    assert not BodyMembership.objects.filter(body=body, person=wbo_person).exists()


def test_the_admin_refuses_a_risk_owned_by_someone_of_another_collaboration(client, riv, wbo_person):
    login(client, "beheerder")
    response = client.post(
        reverse("admin:programmes_risk_add"),
        {
            "programme": riv.pk,
            "title": "Grensoverschrijdend",
            "likelihood": 2,
            "impact": 2,
            "status": "open",
            "owner": wbo_person.pk,
            **management("mitigations", 0),
        },
    )
    assert response.status_code == 200
    assert not Risk.objects.filter(title="Grensoverschrijdend").exists()


def test_the_admin_lists_of_a_plan_part_stay_in_its_programme(client, riv, wbo):
    login(client, "beheerder")
    line = ActionLine.objects.filter(programme=riv).first()
    page = client.get(reverse("admin:programmes_actionline_change", args=[line.pk])).content.decode()
    assert not options(page, "result_goals") & set(wbo.result_goals.values_list("pk", flat=True))
    workgroup = Workgroup.objects.filter(programme=riv).first()
    page = client.get(reverse("admin:programmes_workgroup_change", args=[workgroup.pk])).content.decode()
    assert not options(page, "depends_on") & set(wbo.workgroups.values_list("pk", flat=True))


def test_the_admin_cost_split_offers_only_the_collaborations_municipalities(client, riv):
    from finance.models import CostSplit
    from programmes.models import Municipality

    login(client, "beheerder")
    split = CostSplit.objects.get(programme=riv)
    page = client.get(reverse("admin:finance_costsplit_change", args=[split.pk])).content.decode()
    offered = options(page, "shares-__prefix__-municipality")
    assert offered == set(Municipality.objects.filter(collaborations=riv.collaboration).values_list("pk", flat=True))


def test_the_admin_refuses_a_budget_movement_resting_on_another_programmes_decision(client, riv, wbo):
    from finance.models import BudgetMovement
    from governance.models import Decision

    login(client, "beheerder")
    decision = Decision.objects.filter(programme=wbo).first() or Decision.objects.create(
        programme=wbo, body=wbo.bodies.first(), outcome="approved", subject_title="Elders", date="2026-11-01"
    )
    count = BudgetMovement.objects.count()
    response = client.post(
        reverse("admin:finance_budgetmovement_add"),
        {
            "programme": riv.pk,
            "year": 2026,
            "kind": "release",
            "amount": "100",
            "subject_key": "pilot-x",
            "subject_label": "X",
            "decision": decision.pk,
            "note": "",
        },
    )
    assert response.status_code == 200
    assert BudgetMovement.objects.count() == count
