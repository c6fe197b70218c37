"""The besluitenlijst: filters, search, exports with the active filters, read-only, constant queries."""

import csv
import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from governance.models import Decision
from tests import factories as f
from tests.factories import PASSWORD


@pytest.fixture
def decisions(programme):
    so = f.GovernanceBodyFactory(programme=programme, name="Strategisch Overleg", abbreviation="SO")
    mo = f.GovernanceBodyFactory(programme=programme, name="Managers Overleg", abbreviation="MO")
    line = f.ActionLineFactory(programme=programme, title="Datagedreven")
    rows = [
        (so, "2026-03-10", "Pilot vaste contactpersoon", "approved", "", None),
        (so, "2026-04-14", "Pilot steunouders", "rejected", "Onvoldoende onderbouwd; =SUM(A1) geen formule", None),
        (mo, "2025-09-15", "Werkvorm datasprints", "adopted", "Sprints van drie weken", line),
    ]
    for body, date, title, outcome, rationale, action_line in rows:
        Decision.objects.create(
            programme=programme,
            body=body,
            date=datetime.date.fromisoformat(date),
            subject_title=title,
            outcome=outcome,
            rationale=rationale,
            action_line=action_line,
        )
    Decision.objects.create(
        programme=f.ProgrammeFactory(),
        body=f.GovernanceBodyFactory(),
        outcome="approved",
        subject_title="Elders besloten",
        date=datetime.date(2026, 1, 1),
    )
    return {"so": so, "mo": mo, "line": line}


@pytest.fixture
def reader_client(client, reader):
    client.login(username=reader.username, password=PASSWORD)
    return client


def rows(response):
    return response.content.decode().count('data-row="decision"')


def test_the_log_lists_this_programmes_decisions_only(reader_client, programme, decisions):
    page = reader_client.get(reverse("governance:decisions", args=[programme.pk]))
    assert rows(page) == 3 and "Elders besloten" not in page.content.decode()


def test_filters_narrow_the_log(reader_client, programme, decisions):
    url = reverse("governance:decisions", args=[programme.pk])
    assert rows(reader_client.get(url, {"body": decisions["so"].pk})) == 2
    assert rows(reader_client.get(url, {"outcome": "rejected"})) == 1
    assert rows(reader_client.get(url, {"date_from": "2026-01-01", "date_to": "2026-03-31"})) == 1
    assert rows(reader_client.get(url, {"action_line": decisions["line"].pk})) == 1
    assert rows(reader_client.get(url, {"subject_kind": "none"})) == 3
    assert rows(reader_client.get(url, {"q": "onderbouwd"})) == 1  # searches the rationale too
    assert rows(reader_client.get(url, {"q": "steunouders"})) == 1


def test_csv_export_has_dutch_headers_and_the_filtered_rows(reader_client, programme, decisions):
    url = reverse("governance:decisions", args=[programme.pk])
    response = reader_client.get(url, {"body": decisions["so"].pk, "export": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    table = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert table[0][:4] == ["Datum", "Gremium", "Onderwerp", "Uitkomst"]
    assert sorted(row[2] for row in table[1:]) == ["Pilot steunouders", "Pilot vaste contactpersoon"]
    rejected = next(row for row in table[1:] if row[2] == "Pilot steunouders")
    assert rejected[3] == "Afgewezen" and rejected[4].startswith("Onvoldoende")


def test_xlsx_export_opens_and_neutralises_formulas(reader_client, programme, decisions):
    response = reader_client.get(reverse("governance:decisions", args=[programme.pk]), {"export": "xlsx"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = list(sheet.values)
    assert values[0][0] == "Datum" and len(values) == 4
    assert all(not str(cell).startswith("=") for row in values for cell in row if cell)


def test_outsiders_cannot_read_or_export_the_log(client, outsider, programme, decisions):
    client.login(username=outsider.username, password=PASSWORD)
    url = reverse("governance:decisions", args=[programme.pk])
    assert client.get(url).status_code == 403
    assert client.get(url, {"export": "csv"}).status_code == 403


def test_the_log_query_count_does_not_grow(reader_client, programme, decisions):
    url = reverse("governance:decisions", args=[programme.pk])

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert reader_client.get(url).status_code == 200
        return len(queries)

    few = count()
    for n in range(40):
        Decision.objects.create(
            programme=programme,
            body=decisions["so"],
            date=datetime.date(2026, 5, 1),
            subject_title=f"Besluit {n}",
            outcome="approved",
            action_line=decisions["line"],
        )
    assert count() == few
