"""Exports show exactly what the page shows: the same columns and the same rows, for every role (issue #21).

A list page and its CSV/Excel export read one queryset and one set of columns for the viewer; every cell on the
page carries the header of its column (`data-column`), so the page's columns can be compared with the export's.
"""

import csv
import io

import pytest
from django.urls import reverse
from lxml import html as lxml_html
from openpyxl import load_workbook

from programmes.models import Programme

ROLES = ["programmamanager", "trekker", "kernteam", "lezer", "beheerder"]

# (url name, the data-row of one row on the page, the header of a column whose text the page shows as exported)
LISTS = [
    ("programmes:people", "person", "Naam"),
    ("programmes:workgroups", "workgroup", "Naam"),
    ("programmes:milestones", "milestone", "Omschrijving"),
    ("programmes:risks", "risk", "Risico"),
    ("pilots:list", "pilot", "Titel"),
    ("pilots:experiments", "experiment", "Titel"),
    ("governance:decisions", "decision", "Onderwerp"),
    ("reports:list", "report", "Werkgroep of pilot"),
]


def csv_table(response):
    assert response.status_code == 200, response.status_code
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))


def text(element):
    return " ".join(element.text_content().split())


def page_table(response, row_name):
    """The page's column headers and, per row, the header of each cell and the cells' text."""
    assert response.status_code == 200, response.status_code
    document = lxml_html.fromstring(response.content.decode())
    headers = [text(th) for th in document.xpath("//*[@data-header]")]
    rows = []
    for row in document.xpath(f"//*[@data-row='{row_name}']"):
        cells = row.xpath(".//*[@data-column]")
        rows.append({"columns": [cell.get("data-column") for cell in cells], "texts": [text(c) for c in cells]})
    return headers, rows


def assert_export_is_the_page(client, url, row_name, key, query=None, logged=0):
    """`logged`: rows that the Excel download itself adds to the list (the audit log records every download)."""
    query = query or {}
    sheet = load_workbook(io.BytesIO(client.get(url, {**query, "export": "xlsx"}).content)).active
    headers, page_rows = page_table(client.get(url, query), row_name)
    exported = csv_table(client.get(url, {**query, "export": "csv"}))
    assert [cell.value for cell in sheet[1]] == exported[0]
    assert sheet.max_row + logged == len(exported)
    export_headers, export_rows = exported[0], exported[1:]
    if headers:  # a table: its header row is the export's
        assert headers == export_headers
    assert page_rows, "the page shows no rows to compare"
    for row in page_rows:  # every row on the page shows exactly the export's columns, in its order
        assert row["columns"] == export_headers
    # The same rows in the same order: the page shows the first 50 (one page), the export all of them.
    assert len(export_rows) >= len(page_rows) and (len(page_rows) == 50 or len(export_rows) == len(page_rows))
    index = export_headers.index(key)
    assert [row["texts"][index] for row in page_rows] == [" ".join(row[index].split()) for row in export_rows][
        : len(page_rows)
    ]
    return export_headers, export_rows


@pytest.mark.django_db
def test_a_reader_exports_no_email_addresses_the_people_page_does_not_show(demo_module, client):
    """Defect 7 of issue #21: the reader's people export carried an e-mail column the page does not have."""
    client.login(username="lezer", password="jeugdregio-demo")
    riv = Programme.objects.get(collaboration__name="Rivierenland")
    url = reverse("programmes:people", args=[riv.pk])
    page = client.get(url).content.decode()
    table = csv_table(client.get(url, {"export": "csv"}))
    assert "@" not in page
    assert "E-mail" not in table[0] and "E-mailadres" not in table[0]
    assert not any("@" in cell for row in table for cell in row)
    assert len(table) > 1


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name, row_name, key", LISTS)
def test_the_export_of_a_list_is_what_its_page_shows(demo_module, client, role, name, row_name, key):
    client.login(username=role, password="jeugdregio-demo")
    riv = Programme.objects.get(collaboration__name="Rivierenland")
    assert_export_is_the_page(client, reverse(name, args=[riv.pk]), row_name, key)


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["trekker", "lezer"])
def test_a_filtered_and_sorted_pilot_export_is_the_filtered_and_sorted_page(demo_module, client, role):
    client.login(username=role, password="jeugdregio-demo")
    riv = Programme.objects.get(collaboration__name="Rivierenland")
    url = reverse("pilots:list", args=[riv.pk])
    _headers, rows = assert_export_is_the_page(client, url, "pilot", "Titel", {"sort": "-title"})
    titles = [row[0] for row in rows]
    assert titles == sorted(titles, reverse=True)


@pytest.mark.django_db
def test_a_draft_pilot_is_in_the_export_of_its_workgroup_only(demo_module, client):
    """The reader sees no drafts on the page, and so none in the export; the lead of the workgroup sees its own."""
    riv = Programme.objects.get(collaboration__name="Rivierenland")
    url = reverse("pilots:list", args=[riv.pk])
    statuses = {}
    for role in ("lezer", "programmamanager"):
        client.login(username=role, password="jeugdregio-demo")
        table = csv_table(client.get(url, {"export": "csv"}))
        statuses[role] = [row[table[0].index("Status")] for row in table[1:]]
    assert "Concept" not in statuses["lezer"]
    assert "Concept" in statuses["programmamanager"]


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_the_audit_log_export_is_what_its_page_shows_and_only_for_administrators(demo_module, client, role):
    client.login(username=role, password="jeugdregio-demo")  # a sign-in: the log has an entry at least
    url = reverse("accounts:audit_log")
    if role != "beheerder":
        assert client.get(url).status_code == 403
        assert client.get(url, {"export": "csv"}).status_code == 403
        return
    assert_export_is_the_page(client, url, "audit", "Wat", logged=1)
