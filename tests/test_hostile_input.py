"""Hostile and absurd input on every form and filter: never a 500, never a half save, and output escaped."""

import pytest
from django.urls import reverse

from pilots.models import Experiment, Pilot
from programmes.models import Milestone, Programme, Workgroup
from reports.models import ProgrammeReport, ProgressReport, ReportingSchedule, ReportSubmission

HOSTILE = [
    "<script>alert('x')</script>",
    "x" * 20000,
    "-99999999999999999999999",
    "99999999999999999999999999",
    "2026-02-31",
    "31-31-2026",
    "\u0000\ufeff\u202e",
    "NaN",
    "1e400",
    "' OR 1=1 --",
    "💥" * 50,
]
FIELDS = [
    "title",
    "name",
    "description",
    "goal",
    "goals",
    "efforts",
    "network",
    "start_date",
    "end_date",
    "planned_start",
    "number",
    "hours_per_week",
    "likelihood",
    "impact",
    "amount",
    "year",
    "starts_at",
    "outcome",
    "rationale",
    "q",
    "date_from",
    "date_to",
    "phase",
    "status",
    "order",
    "target_year",
    "workgroup",
    "kind",
    "body",
    "done",
    "progress",
    "bottlenecks",
    "lessons",
    "course",
    "due_date",
    "first_due",
    "frequency",
    "dates",
    "remind_before",
    "remind_after",
    "escalate_after",
    "period_start",
    "period_end",
    "comment",
    "note",
    "pilot",
    "muted",
]


def targets():
    riv = Programme.objects.get(collaboration__name="Rivierenland")
    draft = Pilot.objects.get(title="Praktijkondersteuner jeugd bij huisartsen")
    return [
        reverse("programmes:edit", args=[riv.pk]),
        reverse("programmes:edit_parts", args=[riv.pk, "milestones"]),
        reverse("programmes:edit_parts", args=[riv.pk, "results"]),
        reverse("programmes:milestone_edit", args=[Milestone.objects.filter(programme=riv).first().pk]),
        reverse("programmes:workgroup_create", args=[riv.pk]),
        reverse("programmes:workgroup_edit", args=[Workgroup.objects.filter(programme=riv).first().pk]),
        reverse("programmes:workgroup_members", args=[Workgroup.objects.filter(programme=riv).first().pk]),
        reverse("programmes:risk_create", args=[riv.pk]),
        reverse("governance:route_create", args=[riv.pk]),
        reverse("governance:meeting_create", args=[riv.bodies.first().pk]),
        reverse("pilots:create", args=[riv.pk]),
        reverse("pilots:edit", args=[draft.pk]),
        reverse("pilots:plan", args=[draft.pk]),
        reverse("pilots:experiment_create", args=[riv.pk]),
        reverse("pilots:experiment_edit", args=[Experiment.objects.first().pk]),
        reverse("reports:schedule_create", args=[riv.pk]),
        reverse("reports:schedule_edit", args=[ReportingSchedule.objects.filter(programme=riv).first().pk]),
        reverse("reports:request", args=[riv.pk]),
        reverse("reports:programme_report_create", args=[riv.pk]),
        reverse("reminders:preferences"),
        *[reverse("reports:detail", args=[r.pk]) for r in ProgressReport.objects.filter(programme=riv)],
        *[
            reverse("pilots:act", args=[p.pk, act])
            for p in Pilot.objects.filter(programme=riv)[:4]
            for act in ("submit", "decide", "advise", "gate", "spend", "measure", "forward")
        ],
    ]


def lists():
    riv = Programme.objects.get(collaboration__name="Rivierenland")
    return [
        reverse(name, args=[riv.pk])
        for name in (
            "programmes:workgroups",
            "programmes:milestones",
            "programmes:people",
            "programmes:risks",
            "governance:decisions",
            "pilots:list",
            "pilots:experiments",
            "reports:list",
        )
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_values_never_break_a_form(demo_module, client, value):
    client.login(username="programmamanager", password="jeugdregio-demo")

    def counts_now():
        return (
            Pilot.objects.count(),
            Workgroup.objects.count(),
            Milestone.objects.count(),
            ReportingSchedule.objects.count(),
            ProgressReport.objects.count(),
            ReportSubmission.objects.count(),
            ProgrammeReport.objects.count(),
        )

    counts = counts_now()
    for url in targets():
        data = {field: value for field in FIELDS}
        for prefix in ("parts", "members", "measures", "steps", "items", "budget", "gates", "indicators", "roles"):
            data.update(
                {
                    f"{prefix}-TOTAL_FORMS": "1",
                    f"{prefix}-INITIAL_FORMS": "0",
                    f"{prefix}-MAX_NUM_FORMS": "1000",
                    f"{prefix}-0-title": value,
                    f"{prefix}-0-start_date": value,
                    f"{prefix}-0-amount": value,
                    f"{prefix}-0-year": value,
                }
            )
        response = client.post(url, data)
        assert response.status_code != 500, url
        assert b"<script>alert" not in response.content, url
    assert counts_now() == counts


@pytest.mark.django_db
@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_values_never_break_a_filter(demo_module, client, value):
    client.login(username="lezer", password="jeugdregio-demo")
    for url in lists():
        response = client.get(
            url,
            {
                field: value
                for field in FIELDS + ["action_line", "organisation", "role", "mine", "sort", "page", "export"]
            },
        )
        assert response.status_code != 500, url
        assert b"<script>alert" not in response.content, url
