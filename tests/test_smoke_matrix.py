"""Every page of the demo, as every demo user: an answer that makes sense (200, redirect, 403 or 404), never a 500."""

import pytest
from django.urls import reverse

from governance.models import AgendaDocument, DecisionRoute, Meeting
from pilots.models import Experiment, Pilot
from programmes.models import GovernanceBody, Milestone, Programme, Workgroup
from programmes.risks import Risk
from reports.models import ProgrammeReport, ProgressReport, ReportingSchedule

USERS = ["beheerder", "programmamanager", "trekker", "kernteam", "rbj", "so", "lezer", "wbo"]


def urls():
    riv = Programme.objects.get(collaboration__name="Rivierenland")
    programme_pages = [
        "detail",
        "edit",
        "workgroups",
        "milestones",
        "people",
        "risks",
        "risk_create",
        "workgroup_create",
    ]
    result = [reverse(f"programmes:{name}", args=[riv.pk]) for name in programme_pages]
    result.append(reverse("finance:budget", args=[riv.pk]))
    result += [
        reverse(f"governance:{name}", args=[riv.pk]) for name in ("overview", "meetings", "decisions", "route_create")
    ]
    result += [
        reverse(f"pilots:{name}", args=[riv.pk]) for name in ("list", "create", "experiments", "experiment_create")
    ]
    result += [reverse("programmes:edit_parts", args=[riv.pk, part]) for part in ("results", "milestones")]
    result += [reverse("programmes:workgroup", args=[wg.pk]) for wg in Workgroup.objects.all()[:3]]
    result += [
        reverse("programmes:workgroup_edit", args=[Workgroup.objects.first().pk]),
        reverse("programmes:milestone_edit", args=[Milestone.objects.first().pk]),
        reverse("programmes:risk_edit", args=[Risk.objects.first().pk]),
        reverse("programmes:history", args=["programme", riv.pk]),
        reverse("governance:route_edit", args=[DecisionRoute.objects.first().pk]),
        reverse("governance:meeting_create", args=[GovernanceBody.objects.first().pk]),
    ]
    for meeting in Meeting.objects.all()[:3]:
        result += [
            reverse("governance:meeting", args=[meeting.pk]),
            reverse("governance:meeting_edit", args=[meeting.pk]),
            reverse("governance:meeting_close", args=[meeting.pk]),
        ]
    for pilot in Pilot.objects.all():
        result += [
            reverse("pilots:detail", args=[pilot.pk]),
            reverse("pilots:edit", args=[pilot.pk]),
            reverse("pilots:plan", args=[pilot.pk]),
        ]
    result += [reverse("pilots:experiment_edit", args=[Experiment.objects.first().pk])]
    result += [
        f"{reverse('pilots:list', args=[riv.pk])}?export=xlsx&status=running",
        f"{reverse('governance:decisions', args=[riv.pk])}?export=csv&date_from=nonsense",
        f"{reverse('programmes:milestones', args=[riv.pk])}?date_from=2026-13-45&phase=abc",
        f"{reverse('programmes:risks', args=[riv.pk])}?likelihood=999999999999999999999",
    ]
    result += [
        reverse("dashboard:programme", args=[riv.pk]),
        reverse("dashboard:collaboration", args=[riv.collaboration_id]),
        reverse("dashboard:national"),
        reverse("reports:list", args=[riv.pk]),
        f"{reverse('reports:list', args=[riv.pk])}?overdue=yes&status=nonsense",
        reverse("reports:schedule_create", args=[riv.pk]),
        reverse("reports:schedule_edit", args=[ReportingSchedule.objects.first().pk]),
        reverse("reminders:preferences"),
    ]
    for report in ProgressReport.objects.all():
        result.append(reverse("reports:detail", args=[report.pk]))
    for preport in ProgrammeReport.objects.all():
        result += [
            reverse("reports:programme_report", args=[preport.pk]),
            reverse("reports:programme_report", args=[preport.pk]) + "?edit=1",
            reverse("reports:programme_report_docx", args=[preport.pk]),
        ]
    if AgendaDocument.objects.exists():
        result.append(reverse("governance:document", args=[AgendaDocument.objects.first().pk]))
    return result


@pytest.mark.django_db
@pytest.mark.parametrize("username", USERS)
def test_no_page_fails_for_any_demo_user(demo_module, client, username):
    assert client.login(username=username, password="jeugdregio-demo")
    failures = []
    for url in urls():
        status = client.get(url).status_code
        if status not in (200, 302, 400, 403, 404):  # 400: the Dutch "not processed" page of the edge
            failures.append((url, status))
    assert failures == []


@pytest.mark.django_db
def test_the_wbo_manager_sees_nothing_of_rivierenland(demo_module, client):
    client.login(username="wbo", password="jeugdregio-demo")
    riv = Programme.objects.get(collaboration__name="Rivierenland")
    for url in (
        reverse("programmes:detail", args=[riv.pk]),
        reverse("pilots:list", args=[riv.pk]),
        reverse("governance:decisions", args=[riv.pk]),
        reverse("finance:budget", args=[riv.pk]),
        reverse("pilots:detail", args=[Pilot.objects.filter(programme=riv).first().pk]),
    ):
        assert client.get(url).status_code == 403, url
