"""The dashboards tell where a programme stands: figures from the sources, each chart with its table,
a constant number of queries, and only the programmes a user may read."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from dashboard import figures
from finance.models import BudgetMovement
from pilots.models import Gate, Indicator, Measurement
from programmes.risks import Risk
from reports.models import ProgressReport
from tests import factories as f

TODAY = datetime.date(2026, 11, 23)


def pilots(programme, workgroup, count, status="running"):
    made = []
    for n in range(count):
        pilot = f.PilotFactory(programme=programme, workgroup=workgroup, status=status)
        indicator = Indicator.objects.create(pilot=pilot, name=f"Bereik {n}", target=Decimal("40"))
        Measurement.objects.create(indicator=indicator, date=datetime.date(2026, 6, 1), value=Decimal(n))
        Gate.objects.create(pilot=pilot, planned_date=TODAY + datetime.timedelta(days=10 + n))
        made.append(pilot)
    return made


@pytest.fixture
def programme_with_money(programme, money, workgroup1):
    line = f.ActionLineFactory(programme=programme, title="Eerder en dichtbij")
    workgroup1.action_lines.add(line)
    for kind, amount in (("release", "30000"), ("spend", "12000"), ("return", "5000")):
        BudgetMovement.objects.create(
            programme=programme, year=2026, kind=kind, amount=Decimal(amount), subject_label="JIM"
        )
    Risk.objects.create(programme=programme, title="Groot", likelihood=5, impact=4)
    Risk.objects.create(programme=programme, title="Klein", likelihood=1, impact=2)
    Risk.objects.create(programme=programme, title="Gesloten", likelihood=5, impact=5, status="closed")
    ProgressReport.objects.create(
        programme=programme,
        workgroup=workgroup1,
        due_date=datetime.date(2026, 9, 30),
        period_start=datetime.date(2026, 7, 1),
        period_end=datetime.date(2026, 9, 30),
    )
    return programme


def test_the_figures_match_their_sources(programme_with_money, workgroup1):
    programme = programme_with_money
    running = pilots(programme, workgroup1, 2)
    running[0].action_lines.add(programme.action_lines.get())
    f.PilotFactory(programme=programme, workgroup=workgroup1, status="draft")
    data = figures.programme_figures(programme, TODAY)

    counts = {bar["key"]: bar["count"] for bar in data["pipeline"] if bar["key"] != "on_route"}
    assert (counts["running"], counts["draft"], counts["stopped"]) == (2, 1, 0)
    assert data["money"][0] == {
        "year": 2026,
        "budget": 80000.0,
        "released": 25000.0,  # released minus returned
        "spent": 12000.0,
        "released_unspent": 13000.0,
        "available": 55000.0,
    }
    assert (data["risks"]["high"], data["risks"]["open"]) == (1, 2)  # the closed risk does not count
    assert [(i["pilot"], i["target"], i["latest"]) for i in data["indicators"]] == [
        (running[0].title, 40.0, 0.0),
        (running[1].title, 40.0, 1.0),
    ]
    assert [(u["kind"], u["date"]) for u in data["upcoming"]] == [("gate", "2026-12-03"), ("gate", "2026-12-04")]
    assert [(r["title"], r["days"]) for r in data["overdue_reports"]] == [(str(workgroup1), 54)]
    assert data["action_lines"][0]["pilots_running"] == 1


def test_the_page_shows_each_chart_with_its_table(client, manager, programme_with_money):
    client.force_login(manager)
    page = client.get(reverse("dashboard:programme", args=[programme_with_money.pk])).content.decode()
    for element in (
        'id="chart-pipeline"',
        'id="table-pipeline"',
        'id="chart-money"',
        'id="table-money"',
        'id="heatmap"',
        'id="dashboard-data"',
        "vendor/chartjs/chart.umd.min.js",
    ):
        assert element in page, element
    assert "€\u00a025.000" in page  # released, in the KPI and the money table
    assert "cdn" not in page.lower()


def test_the_dashboard_keeps_its_query_count(client, manager, programme_with_money, workgroup1):
    client.force_login(manager)
    url = reverse("dashboard:programme", args=[programme_with_money.pk])
    pilots(programme_with_money, workgroup1, 2)
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    pilots(programme_with_money, workgroup1, 25)
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert len(many.captured_queries) == len(few.captured_queries) <= 30


def test_who_sees_which_dashboard(client, programme, other_programme, reader, outsider, admin_user):
    client.force_login(reader)
    assert client.get(reverse("dashboard:programme", args=[programme.pk])).status_code == 200
    assert client.get(reverse("dashboard:programme", args=[other_programme.pk])).status_code == 403
    assert client.get(reverse("dashboard:collaboration", args=[programme.collaboration_id])).status_code == 200
    assert client.get(reverse("dashboard:national")).status_code == 403
    client.force_login(outsider)
    assert programme.collaboration_id != other_programme.collaboration_id
    assert client.get(reverse("dashboard:collaboration", args=[programme.collaboration_id])).status_code == 403
    client.force_login(admin_user)
    page = client.get(reverse("dashboard:national")).content.decode()
    assert programme.collaboration.name in page and other_programme.collaboration.name in page


def test_the_collaboration_view_lists_only_readable_programmes_with_constant_queries(client, reader, programme):
    collaboration = programme.collaboration
    hidden = f.ProgrammeFactory(title="Verborgen programma", collaboration=collaboration)
    client.force_login(reader)
    url = reverse("dashboard:collaboration", args=[collaboration.pk])
    page = client.get(url).content.decode()
    assert programme.title in page and hidden.title not in page
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for n in range(5):
        extra = f.ProgrammeFactory(title=f"Extra {n}", collaboration=collaboration)
        f.ProgrammeAccessFactory(programme=extra, user=reader, role="reader")
    with CaptureQueriesContext(connection) as many:
        page = client.get(url).content.decode()
    assert page.count('data-row="overview"') == 6
    assert len(many.captured_queries) == len(few.captured_queries)
