"""Administrators read the security audit log in the browser: filters, CSV and Excel, a fixed number of queries."""

import datetime
from io import BytesIO

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from accounts.constants import AuditKind
from accounts.models import AuditEntry

URL = reverse("accounts:audit_log")


def sign_in(client, user):
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")


def add(kind, days_ago=0, **fields):
    return AuditEntry.objects.create(kind=kind, at=timezone.now() - datetime.timedelta(days=days_ago), **fields)


@pytest.fixture
def entries(programme, manager, reader):
    add(AuditKind.LOGIN_FAILED, days_ago=40, username="onbekend", ip_address="10.0.0.1")
    add(
        AuditKind.INVITATION_SENT,
        days_ago=3,
        actor=manager,
        actor_name="marit",
        programme=programme,
        details={"email": "nieuw@example.org", "role": "reader"},
    )
    add(
        AuditKind.ACCESS_REVOKED,
        days_ago=1,
        actor=manager,
        actor_name="marit",
        subject=reader,
        subject_name="rob",
        programme=programme,
        details={"access": "reader"},
    )


def rows(response):
    return response.content.decode().count('data-row="audit"')


def test_only_administrators_read_the_log(client, manager, reader, admin_user):
    assert reverse("login") in client.get(URL).url
    for user in (manager, reader):
        sign_in(client, user)
        response = client.get(URL)
        assert response.status_code == 403 and "Alleen beheerders kunnen het beveiligingslogboek lezen" in (
            response.content.decode()
        )
        assert client.get(URL, {"export": "csv"}).status_code == 403
    sign_in(client, admin_user)
    assert client.get(URL).status_code == 200


def test_the_menu_links_to_the_log_for_administrators_only(client, manager, admin_user):
    sign_in(client, manager)
    assert f'href="{URL}"' not in client.get(reverse("home")).content.decode()
    sign_in(client, admin_user)
    assert f'href="{URL}"' in client.get(reverse("home")).content.decode()


@pytest.mark.dates
def test_the_filters(client, admin_user, entries, programme):
    sign_in(client, admin_user)
    start = AuditEntry.objects.count()
    page = client.get(URL, {"kind": "access_revoked"}).content.decode()
    assert page.count('data-row="audit"') == 1 and "Toegang ingetrokken" in page and "rob" in page
    assert rows(client.get(URL, {"user": "MARIT"})) == 3  # her own access (the fixture), and her two acts
    assert rows(client.get(URL, {"user": "onbekend"})) == 1
    assert rows(client.get(URL, {"programme": programme.pk})) == 4  # and Rob's access, given by the fixture
    today = timezone.localdate()
    since = (today - datetime.timedelta(days=5)).isoformat()
    until = (today - datetime.timedelta(days=2)).isoformat()
    assert rows(client.get(URL, {"date_from": since, "date_to": until})) == 1
    assert rows(client.get(URL, {"date_from": "2026-02-31"})) == 0  # a date that does not exist: nothing, no error
    assert AuditEntry.objects.count() == start  # reading the log writes nothing


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_the_export_follows_the_filters_and_is_itself_logged(client, admin_user, entries, kind):
    sign_in(client, admin_user)
    response = client.get(URL, {"export": kind, "kind": "invitation_sent"})
    assert response.status_code == 200
    assert 'filename="beveiligingslogboek-' in response["Content-Disposition"]
    if kind == "csv":
        lines = response.content.decode("utf-8-sig").strip().splitlines()
        assert lines[0].startswith("Wanneer;Wat;Door;Betreft account") and len(lines) == 2
        assert "Uitnodiging verstuurd;marit" in lines[1] and "nieuw@example.org" in lines[1]
    else:
        sheet = load_workbook(BytesIO(response.content)).active
        assert [c.value for c in sheet[2]][1:3] == ["Uitnodiging verstuurd", "marit"]
    export = AuditEntry.objects.get(kind=AuditKind.DATA_EXPORT)
    assert (export.actor, export.details["filename"], export.details["rows"]) == (admin_user, "beveiligingslogboek", 1)


def test_the_page_costs_the_same_queries_for_many_entries(client, admin_user, programme, reader):
    sign_in(client, admin_user)

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(URL).status_code == 200
        return len(queries)

    for _n in range(3):
        add(AuditKind.LOGIN, actor=reader, actor_name="rob", subject=reader, subject_name="rob", programme=programme)
    count()
    few = count()
    for _n in range(60):  # more than a page
        add(AuditKind.ACCESS_GRANTED, actor=reader, actor_name="rob", programme=programme, details={"access": "reader"})
    assert count() == few <= 8


def test_an_entry_reads_without_its_account_or_programme(client, admin_user, programme, reader):
    add(AuditKind.LOGIN, actor=reader, actor_name="rob", subject=reader, subject_name="rob", programme=programme)
    reader.delete()
    programme.delete()
    sign_in(client, admin_user)
    page = client.get(URL).content.decode()
    assert "rob" in page and rows(client.get(URL)) >= 1
