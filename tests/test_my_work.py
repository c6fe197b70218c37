"""Mijn werk shows each user what awaits them, and nothing of other programmes."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from pilots import services
from pilots.models import BudgetRequest, Gate, Pilot
from programmes.risks import Risk
from tests import factories as f
from tests.factories import PASSWORD

pytestmark = pytest.mark.dates


def work(client, user):
    client.login(username=user.username, password=PASSWORD)
    page = client.get(reverse("home")).content.decode()
    client.logout()
    return page


def test_each_role_sees_its_own_work(client, programme, workgroup1, lead, reader, manager, route, secretaries, money):
    waiting = Pilot.objects.create(
        programme=programme, workgroup=workgroup1, title="Wacht bij RBJ", goals="G", efforts="I", network="N"
    )
    BudgetRequest.objects.create(pilot=waiting, year=2026, amount=Decimal("1000"))
    services.submit(waiting, lead)
    services.forward(waiting, secretaries["Kernteam"])
    Pilot.objects.create(programme=programme, workgroup=workgroup1, title="Mijn concept")
    Risk.objects.create(
        programme=programme,
        title="Capaciteitsdruk",
        likelihood=4,
        impact=4,
        owner=lead.person,
        review_date=datetime.date.today() - datetime.timedelta(days=1),
    )
    foreign = f.ProgrammeFactory()
    Risk.objects.create(programme=foreign, title="Elders", likelihood=1, impact=1, review_date=datetime.date.today())

    rbj = work(client, secretaries["RBJ"])
    assert "Wacht bij RBJ" in rbj and "Mijn concept" not in rbj
    assert "Wacht bij RBJ" not in work(client, secretaries["Kernteam"])
    own = work(client, lead)
    assert "Mijn concept" in own and "Capaciteitsdruk" in own
    everything = work(client, manager)
    assert "Wacht bij RBJ" in everything and "Capaciteitsdruk" in everything and "Elders" not in everything
    assert "Niets wacht op u" in work(client, reader)


def test_a_gate_shows_for_the_deciding_body(client, programme, workgroup1, lead, route, secretaries, money):
    pilot = Pilot.objects.create(
        programme=programme, workgroup=workgroup1, title="JIM", goals="G", efforts="I", network="N"
    )
    BudgetRequest.objects.create(pilot=pilot, year=2026, amount=Decimal("1000"))
    services.submit(pilot, lead)
    services.forward(pilot, secretaries["Kernteam"])
    services.record_advice(pilot, secretaries["RBJ"], "positive")
    services.decide(pilot, secretaries["SO"], "approved")
    services.start(pilot, lead)
    Gate.objects.create(pilot=pilot, planned_date=datetime.date.today() - datetime.timedelta(days=2))
    so_page = work(client, secretaries["SO"])
    assert 'data-work="gate"' in so_page and "te laat" in so_page
    assert 'data-work="gate"' not in work(client, secretaries["RBJ"])


def test_my_work_query_count_does_not_grow(client, programme, workgroup1, lead, manager, route, secretaries, money):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def add(count, start):
        for n in range(count):
            pilot = Pilot.objects.create(
                programme=programme,
                workgroup=workgroup1,
                title=f"Voorstel {start + n}",
                goals="G",
                efforts="I",
                network="N",
            )
            BudgetRequest.objects.create(pilot=pilot, year=2026, amount=Decimal("100"))
            services.submit(pilot, lead)
            Risk.objects.create(
                programme=programme,
                title=f"Risico {start + n}",
                likelihood=2,
                impact=2,
                review_date=datetime.date.today(),
            )

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("home")).status_code == 200
        return len(queries)

    client.login(username=manager.username, password=PASSWORD)
    add(3, 0)
    count()  # the first visit makes the user's calendar link
    few = count()
    add(20, 3)
    assert count() == few


def test_a_lead_sees_their_proposals_in_progress_with_the_body_since_when_and_the_meeting(
    client, programme, workgroup1, lead, route, secretaries, money
):
    from django.utils import timezone

    from governance.models import Meeting

    meeting = Meeting.objects.create(body=route["RBJ"], starts_at=timezone.now() + datetime.timedelta(days=20))
    for title in ("Bij het RBJ", "Bij het kernteam"):
        pilot = Pilot.objects.create(
            programme=programme, workgroup=workgroup1, title=title, goals="G", efforts="I", network="N"
        )
        BudgetRequest.objects.create(pilot=pilot, year=2026, amount=Decimal("1000"))
        services.submit(pilot, lead)
    services.forward(pilot.__class__.objects.get(title="Bij het RBJ"), secretaries["Kernteam"])
    page = work(client, lead)
    assert "Mijn voorstellen in behandeling" in page
    mine = page.split("Mijn voorstellen in behandeling", 1)[1].split("</ul>", 1)[0]
    today = timezone.localdate()
    months = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
              "november", "december"]  # fmt: skip
    since = f"{today.day} {months[today.month - 1]} {today.year}"
    starts = timezone.localtime(meeting.starts_at).date()
    assert "Bij het RBJ" in mine and f"Ligt sinds {since} bij RBJ (adviseert)" in mine
    assert f"op de agenda van {starts.day} {months[starts.month - 1]} {starts.year}" in mine
    assert "Bij het kernteam" in mine and "nog niet geagendeerd" in mine
    # Not for the secretaries: they see what waits at their body, not their own proposals.
    assert "Mijn voorstellen in behandeling" not in work(client, secretaries["RBJ"])


def test_a_returned_report_shows_as_returned_with_the_date_and_the_reason(
    client, programme, workgroup1, lead, route, secretaries
):
    from reports import services as reports
    from reports.models import ProgressReport

    route["Kernteam"].kind = f.kind_of(programme, "core_team")
    route["Kernteam"].save()
    report = ProgressReport.objects.create(
        programme=programme,
        workgroup=workgroup1,
        due_date=datetime.date.today() + datetime.timedelta(days=10),
        period_start=datetime.date.today() - datetime.timedelta(days=80),
        period_end=datetime.date.today() + datetime.timedelta(days=10),
    )
    reports.submit(report, lead, {"progress": "Loopt", "course": "on_track"})
    reports.review(report, secretaries["Kernteam"], "returned", "Knelpunten ontbreken")
    page = work(client, lead)
    item = page.split('data-work="report"', 1)[1].split("</li>", 1)[0]
    assert 'data-work="returned">Teruggestuurd</span>' in item and "Knelpunten ontbreken" in item
    assert "Teruggestuurd op " in item and ">concept<" not in item


def test_my_work_query_count_does_not_grow_for_a_lead(client, programme, workgroup1, lead, route, money):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def add(count, start):
        for n in range(count):
            pilot = Pilot.objects.create(
                programme=programme,
                workgroup=workgroup1,
                title=f"Eigen {start + n}",
                goals="G",
                efforts="I",
                network="N",
            )
            BudgetRequest.objects.create(pilot=pilot, year=2026, amount=Decimal("100"))
            services.submit(pilot, lead)

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("home")).status_code == 200
        return len(queries)

    client.login(username=lead.username, password=PASSWORD)
    add(3, 0)
    count()
    few = count()
    add(20, 3)
    assert count() == few
