"""One table of who may open what: every kind of page × every demo role, for objects inside Rivierenland and
for objects of West-Brabant-Oost; and no write by id into another programme."""

import pytest
from django.urls import reverse

from governance.models import DecisionRoute, Meeting
from pilots.models import Pilot
from programmes.models import Milestone, Programme, Workgroup
from programmes.risks import Risk
from reports.models import ProgrammeReport, ProgressReport, ReportingSchedule

ROLES = [
    *["anonymous", "beheerder", "programmamanager", "trekker", "kernteam", "rbj", "so", "lezer", "wbo"],
    *["nhn", "texel", "lezer-nhn", "alkmaar", "pho"],
]

# Who gets 200 (everyone else: 403, or 302 to the login page when anonymous).
EVERY_READER = {"beheerder", "programmamanager", "trekker", "kernteam", "rbj", "so", "lezer"}
PLAN_EDITORS = {"beheerder", "programmamanager"}
WORKGROUP_1 = {"beheerder", "programmamanager", "trekker"}  # the trekker leads workgroup 1
WBO = {"beheerder", "wbo"}
# NHN and Regio Alkmaar share six municipalities, and nothing else.
NHN_READERS = {"beheerder", "nhn", "texel", "lezer-nhn"}
NHN_EDITORS = {"beheerder", "nhn"}
ALKMAAR_READERS = {"beheerder", "alkmaar", "pho"}
ALKMAAR_EDITORS = {"beheerder", "alkmaar"}
ADMIN = {"beheerder"}


def table():
    riv = Programme.objects.get(collaboration__name="Rivierenland")
    wbo = Programme.objects.get(collaboration__name="West-Brabant-Oost")
    nhn = Programme.objects.get(collaboration__name="Bovenregionale samenwerking jeugd Noord-Holland Noord")
    alkmaar = Programme.objects.get(collaboration__name="Regio Alkmaar")
    wg1 = Workgroup.objects.get(programme=riv, number=1)
    draft = Pilot.objects.get(programme=riv, status="draft")
    running = Pilot.objects.filter(programme=riv, status="running").first()
    report = ProgressReport.objects.filter(programme=riv, status="accepted").first()
    rows = [
        # Rivierenland: read pages
        *[(reverse(f"programmes:{n}", args=[riv.pk]), EVERY_READER) for n in ("workgroups", "milestones", "people")],
        (reverse("programmes:detail", args=[riv.pk]), EVERY_READER),
        (reverse("finance:budget", args=[riv.pk]), EVERY_READER),
        (reverse("programmes:risks", args=[riv.pk]), EVERY_READER),
        (reverse("pilots:list", args=[riv.pk]), EVERY_READER),
        (reverse("pilots:experiments", args=[riv.pk]), EVERY_READER),
        (reverse("governance:overview", args=[riv.pk]), EVERY_READER),
        (reverse("governance:meetings", args=[riv.pk]), EVERY_READER),
        (reverse("governance:decisions", args=[riv.pk]), EVERY_READER),
        (reverse("reports:list", args=[riv.pk]), EVERY_READER),
        (reverse("dashboard:programme", args=[riv.pk]), EVERY_READER),
        (reverse("dashboard:collaboration", args=[riv.collaboration_id]), EVERY_READER),
        (reverse("pilots:detail", args=[running.pk]), EVERY_READER),
        (reverse("reports:detail", args=[report.pk]), EVERY_READER),
        (reverse("reports:programme_report", args=[ProgrammeReport.objects.get(programme=riv).pk]), EVERY_READER),
        (reverse("governance:meeting", args=[Meeting.objects.filter(body__programme=riv).first().pk]), EVERY_READER),
        # Rivierenland: the plan is the manager's
        (reverse("programmes:edit", args=[riv.pk]), PLAN_EDITORS),
        (reverse("programmes:edit_parts", args=[riv.pk, "milestones"]), PLAN_EDITORS),
        (reverse("programmes:workgroup_create", args=[riv.pk]), PLAN_EDITORS),
        (reverse("programmes:risk_create", args=[riv.pk]), PLAN_EDITORS),
        (reverse("programmes:risk_edit", args=[Risk.objects.filter(programme=riv).first().pk]), PLAN_EDITORS),
        (reverse("programmes:milestone_edit", args=[Milestone.objects.filter(programme=riv).first().pk]), PLAN_EDITORS),
        (reverse("programmes:history", args=["programme", riv.pk]), PLAN_EDITORS),
        (reverse("governance:route_create", args=[riv.pk]), PLAN_EDITORS),
        (reverse("governance:route_edit", args=[DecisionRoute.objects.filter(programme=riv).first().pk]), PLAN_EDITORS),
        (reverse("reports:schedule_create", args=[riv.pk]), PLAN_EDITORS),
        (
            reverse("reports:schedule_edit", args=[ReportingSchedule.objects.filter(programme=riv).first().pk]),
            PLAN_EDITORS,
        ),
        # Workgroup 1 and its draft proposal: the workgroup's own until submitted
        (reverse("programmes:workgroup_edit", args=[wg1.pk]), WORKGROUP_1),
        (reverse("pilots:detail", args=[draft.pk]), WORKGROUP_1),
        (reverse("pilots:edit", args=[draft.pk]), WORKGROUP_1),
        # West-Brabant-Oost: none of Rivierenland's people
        (reverse("programmes:detail", args=[wbo.pk]), WBO),
        (reverse("pilots:list", args=[wbo.pk]), WBO),
        (reverse("governance:decisions", args=[wbo.pk]), WBO),
        (reverse("reports:list", args=[wbo.pk]), WBO),
        (reverse("dashboard:programme", args=[wbo.pk]), WBO),
        (reverse("dashboard:collaboration", args=[wbo.collaboration_id]), WBO),
        (reverse("programmes:edit", args=[wbo.pk]), WBO),
        (reverse("pilots:detail", args=[Pilot.objects.filter(programme=wbo).first().pk]), WBO),
        # Noord-Holland Noord: the colleges decide
        (reverse("programmes:detail", args=[nhn.pk]), NHN_READERS),
        (reverse("finance:budget", args=[nhn.pk]), NHN_READERS),
        (reverse("governance:decisions", args=[nhn.pk]), NHN_READERS),
        (reverse("pilots:detail", args=[Pilot.objects.get(programme=nhn, status="on_route").pk]), NHN_READERS),
        (reverse("programmes:edit", args=[nhn.pk]), NHN_EDITORS),
        # Regio Alkmaar: a programme document, no workgroups
        (reverse("programmes:detail", args=[alkmaar.pk]), ALKMAAR_READERS),
        (reverse("pilots:detail", args=[Pilot.objects.get(programme=alkmaar).pk]), ALKMAAR_READERS),
        (reverse("pilots:create_document", args=[alkmaar.pk]), ALKMAAR_EDITORS),
        (reverse("programmes:edit", args=[alkmaar.pk]), ALKMAAR_EDITORS),
        # The whole installation
        (reverse("dashboard:national"), ADMIN),
    ]
    return rows


def expected(role, allowed):
    if role == "anonymous":
        return 302
    return 200 if role in allowed else 403


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_the_permission_matrix(demo_module, client, role):
    if role != "anonymous":
        assert client.login(username=role, password="jeugdregio-demo")
    wrong = []
    for url, allowed in table():
        status = client.get(url).status_code
        if status != expected(role, allowed):
            wrong.append((url, status, expected(role, allowed)))
    assert wrong == []


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["programmamanager", "trekker", "kernteam", "so", "lezer", "nhn", "alkmaar"])
def test_nobody_writes_into_another_programme_by_id(demo_module, client, role):
    client.login(username=role, password="jeugdregio-demo")
    wbo = Programme.objects.get(collaboration__name="West-Brabant-Oost")
    pilot = Pilot.objects.filter(programme=wbo).first()
    before = (wbo.title, pilot.status, pilot.current_step, Workgroup.objects.filter(programme=wbo).count())
    attempts = [
        (reverse("programmes:edit", args=[wbo.pk]), {"title": "Overgenomen"}),
        (reverse("programmes:workgroup_create", args=[wbo.pk]), {"number": 9, "name": "Indringer"}),
        (reverse("pilots:act", args=[pilot.pk, "forward"]), {"rationale": "x"}),
        (reverse("pilots:act", args=[pilot.pk, "decide"]), {"outcome": "approved"}),
        (reverse("reports:request", args=[wbo.pk]), {"workgroup": "1", "due_date": "2099-01-01"}),
    ]
    for url, data in attempts:
        assert client.post(url, data).status_code == 403, url
    wbo.refresh_from_db()
    pilot.refresh_from_db()
    assert (wbo.title, pilot.status, pilot.current_step, Workgroup.objects.filter(programme=wbo).count()) == before


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["lezer-nhn", "alkmaar", "pho", "programmamanager"])
def test_only_those_who_speak_for_a_municipality_record_its_college_decision(demo_module, client, role):
    from governance.models import MunicipalDecision
    from programmes.models import Municipality

    client.login(username=role, password="jeugdregio-demo")
    pilot = Pilot.objects.get(title__startswith="Inhuur projectleider")
    before = MunicipalDecision.objects.count()
    response = client.post(
        reverse("pilots:act", args=[pilot.pk, "municipal"]),
        {"municipality": Municipality.objects.get(name="Texel").pk, "outcome": "agreed", "organ": "college"}
        | {"decided_on": "2026-11-30"},
    )
    assert response.status_code == 403
    assert MunicipalDecision.objects.count() == before
