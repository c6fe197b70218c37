""" "Released" (vrijgegeven) means one thing on every page and report: released by decisions minus what returned
(issue #11, item 2). The dashboard, the budget page, the programme report and its Word file show the same figure."""

import csv
import datetime
import io
import re
import zoneinfo
from decimal import Decimal

import pytest
import time_machine
from django.urls import reverse
from docx import Document

from finance.models import BudgetMovement
from reports import services as report_services

pytestmark = pytest.mark.dates

IN_PERIOD = datetime.datetime(2026, 3, 15, 12, tzinfo=zoneinfo.ZoneInfo("Europe/Amsterdam"))
DEFINITION = (
    "Vrijgegeven: wat de besluitvormende gremia hebben vrijgegeven, min het onbestede geld dat is teruggevloeid."
)


@pytest.fixture
def moved(programme, money, route):
    """€ 30.000 released, € 12.000 spent and € 5.000 returned in March 2026: € 25.000 stays released."""
    with time_machine.travel(IN_PERIOD, tick=False):
        for kind, amount in (("release", "30000"), ("spend", "12000"), ("return", "5000")):
            BudgetMovement.objects.create(
                programme=programme, year=2026, kind=kind, amount=Decimal(amount), subject_label="JIM"
            )
    return programme


def text(response):
    return response.content.decode().replace("\u00a0", " ")


def test_the_dashboard_and_the_budget_page_show_the_same_released_figure(client, manager, moved):
    client.force_login(manager)
    dashboard = text(client.get(reverse("dashboard:programme", args=[moved.pk])))
    budget = text(client.get(reverse("finance:budget", args=[moved.pk])))
    row = re.search(r'<tr data-year="2026">.*?</tr>', budget, re.S).group(0)
    cells = re.findall(r'<td class="text-end">(.*?)</td>', row)
    # budget, available, reserved, released, spent, returned
    assert cells == ["€ 80.000", "€ 55.000", "€ 0", "€ 25.000", "€ 12.000", "€ 5.000"]
    assert "€ 25.000" in dashboard and "€ 30.000" not in dashboard
    assert DEFINITION in budget and DEFINITION in dashboard


def test_the_programme_report_and_its_word_file_show_the_same_released_figure(client, manager, moved):
    report = report_services.compile_programme_report(
        moved, manager, datetime.date(2026, 1, 1), datetime.date(2026, 6, 30)
    )
    client.force_login(manager)
    page = text(client.get(report.get_absolute_url()))
    money = re.search(r'<table[^>]*id="money".*?</table>', page, re.S).group(0)
    assert "€ 25.000" in money and "€ 30.000" not in money
    assert DEFINITION in page
    document = Document(io.BytesIO(client.get(reverse("reports:programme_report_docx", args=[report.pk])).content))
    cells = {cell.text.replace("\u00a0", " ") for table in document.tables for row in table.rows for cell in row.cells}
    assert "€ 25.000" in cells and "€ 30.000" not in cells
    assert DEFINITION in "\n".join(p.text for p in document.paragraphs)


def test_the_budget_export_carries_the_same_released_figure(client, manager, moved):
    client.force_login(manager)
    response = client.get(reverse("finance:budget", args=[moved.pk]), {"export": "csv"})
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert ["Pilotgeld vrijgegeven", "25.000", "0"] in rows
    assert ["Pilotgeld besteed", "12.000", "0"] in rows


def test_the_pilot_page_shows_released_minus_returned_with_the_definition(client, manager, pilot, secretaries, lead):
    """A stopped pilot: € 30.000 released for 2026, € 12.000 spent, the rest returned: € 12.000 stays released."""
    from pilots import services
    from pilots.models import Gate

    services.submit(pilot, lead)
    services.forward(pilot, secretaries["Kernteam"])
    services.record_advice(pilot, secretaries["RBJ"], "positive")
    services.decide(pilot, secretaries["SO"], "approved")
    services.start(pilot, lead)
    services.record_spending(pilot, lead, 2026, "12000")
    gate = Gate.objects.create(pilot=pilot, planned_date="2026-12-01", criteria="Bereik")
    services.record_gate(gate, secretaries["SO"], "stop", "Te weinig bereik")
    client.force_login(manager)
    page = text(client.get(reverse("pilots:detail", args=[pilot.pk])))
    row = re.search(r'<tr data-year="2026">.*?</tr>', page, re.S).group(0)
    # requested, released, spent, returned
    assert re.findall(r'<td class="text-end">(.*?)</td>', row) == ["€ 30.000", "€ 12.000", "€ 12.000", "€ 18.000"]
    assert DEFINITION in page
