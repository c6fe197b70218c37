"""Every list downloads as CSV and Excel with Dutch headers and the active filters applied."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from programmes.models import Programme

LISTS = [
    ("programmes:workgroups", "Naam"),
    ("programmes:milestones", "Omschrijving"),
    ("programmes:people", "Naam"),
    ("programmes:risks", "Risico"),
    ("pilots:list", "Titel"),
    ("pilots:experiments", "Titel"),
    ("governance:decisions", "Datum"),
    ("reports:list", "Inleverdatum"),
    ("finance:budget", "Post"),
]


def rows_of(response):
    text = response.content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=";"))


@pytest.mark.django_db
@pytest.mark.parametrize("name, header", LISTS)
def test_every_list_exports_csv_and_xlsx_with_dutch_headers(demo_module, client, name, header):
    client.login(username="programmamanager", password="jeugdregio-demo")
    riv = Programme.objects.get(collaboration__name="Rivierenland")
    url = reverse(name, args=[riv.pk])
    response = client.get(url, {"export": "csv"})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    rows = rows_of(response)
    assert header in rows[0] and len(rows) > 1
    response = client.get(url, {"export": "xlsx"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert [cell.value for cell in sheet[1]] == rows[0]
    assert sheet.max_row == len(rows)


@pytest.mark.django_db
def test_the_export_keeps_the_filters(demo_module, client):
    client.login(username="programmamanager", password="jeugdregio-demo")
    riv = Programme.objects.get(collaboration__name="Rivierenland")
    url = reverse("reports:list", args=[riv.pk])
    everything = rows_of(client.get(url, {"export": "csv"}))
    accepted = rows_of(client.get(url, {"export": "csv", "status": "accepted"}))
    assert 1 < len(accepted) < len(everything)
    assert {row[5] for row in accepted[1:]} == {"Geaccepteerd"}


@pytest.mark.django_db
def test_an_outsider_exports_nothing(demo_module, client):
    client.login(username="wbo", password="jeugdregio-demo")
    riv = Programme.objects.get(collaboration__name="Rivierenland")
    for name, _header in LISTS:
        assert client.get(reverse(name, args=[riv.pk]), {"export": "csv"}).status_code == 403
