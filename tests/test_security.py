"""What protects the site: login throttling, a Content Security Policy without inline scripts, session
lifetimes, password rules, uploads limited and served only to readers, and the API behind tokens."""

import datetime

import pytest
import time_machine
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from rest_framework.authtoken.models import Token

from reports.models import ProgressReport, ReportAttachment
from tests.factories import PASSWORD


def login(client, username, password):
    return client.post(reverse("login"), {"username": username, "password": password})


def test_five_wrong_passwords_lock_the_login_for_that_user(client, settings, reader, manager):
    settings.AXES_ENABLED = True
    for _ in range(4):
        assert login(client, reader.username, "fout").status_code == 200
    assert login(client, reader.username, "fout").status_code == 429  # the fifth locks
    response = login(client, reader.username, PASSWORD)  # even the right password, now
    assert response.status_code == 429
    assert "te vaak" in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert login(client, manager.username, PASSWORD).status_code == 302  # another user is not locked out


def test_the_content_security_policy_allows_no_inline_script(client, reader):
    client.force_login(reader)
    header = client.get("/")["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in header.split(";") if part.strip())
    assert directives["script-src"] == "'self'"
    assert "frame-ancestors" in directives and directives["object-src"] == "'none'"


@pytest.fixture
def local_clock_cache(settings):
    """Sessions are read from the cache; Redis expires keys by its own clock, which time_machine cannot move."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}


@pytest.mark.dates
def test_a_session_ends_after_eight_hours_however_active(client, reader, local_clock_cache):
    start = datetime.datetime(2026, 11, 23, 8, 0, tzinfo=datetime.UTC)
    with time_machine.travel(start, tick=False):
        login(client, reader.username, PASSWORD)
    for minutes in (60, 170, 280, 390, 470):  # active within every two hours: the idle limit never strikes
        with time_machine.travel(start + datetime.timedelta(minutes=minutes), tick=False):
            assert client.get("/").status_code == 200, minutes
    with time_machine.travel(start + datetime.timedelta(hours=8, minutes=5), tick=False):
        response = client.get("/")
    assert response.status_code == 302 and reverse("login") in response.url


@pytest.mark.dates
def test_an_idle_session_ends_after_two_hours(client, reader, local_clock_cache):
    start = datetime.datetime(2026, 11, 23, 8, 0, tzinfo=datetime.UTC)
    with time_machine.travel(start, tick=False):
        login(client, reader.username, PASSWORD)
    with time_machine.travel(start + datetime.timedelta(hours=2, minutes=1), tick=False):
        assert client.get("/").status_code == 302


@pytest.mark.parametrize("password", ["12345678", "wachtwoord", "kort"])
def test_weak_passwords_are_refused(password, reader):
    with pytest.raises(ValidationError):
        validate_password(password, reader)


@pytest.fixture
def report(programme, workgroup1, lead):
    return ProgressReport.objects.create(
        programme=programme,
        workgroup=workgroup1,
        due_date=datetime.date(2099, 1, 1),
        period_start=datetime.date(2098, 10, 1),
        period_end=datetime.date(2099, 1, 1),
    )


def test_an_attachment_of_the_wrong_type_or_too_large_is_refused(client, lead, report, settings):
    client.force_login(lead)
    for upload in (
        SimpleUploadedFile("virus.exe", b"MZ..."),
        SimpleUploadedFile("groot.pdf", b"x" * (10 * 1024 * 1024 + 1)),
    ):
        response = client.post(report.get_absolute_url(), {"action": "save", "progress": "x", "attachment": upload})
        assert response.status_code == 200
    assert not ReportAttachment.objects.exists()
    report.refresh_from_db()
    assert report.progress == ""  # nothing half-saved


def test_an_attachment_is_served_only_to_readers_of_the_programme(client, lead, report, outsider, reader):
    client.force_login(lead)
    client.post(
        report.get_absolute_url(),
        {
            "action": "submit",  # a draft's attachments are its writers' own: tests/test_downloads.py
            "progress": "x",
            "course": "on_track",
            "attachment": SimpleUploadedFile("cijfers.pdf", b"%PDF-1.4"),
        },
    )
    attachment = ReportAttachment.objects.get()
    url = reverse("reports:attachment", args=[attachment.pk])
    client.force_login(outsider)
    assert client.get(url).status_code == 403
    client.force_login(reader)
    assert client.get(url).status_code == 200


def test_the_api_needs_a_token_and_keeps_to_the_users_programmes(client, reader, programme, other_programme):
    url = reverse("api_dashboard", args=[programme.pk])
    assert client.get(url).status_code in (401, 403)
    token = Token.objects.create(user=reader)
    auth = {"HTTP_AUTHORIZATION": f"Token {token.key}"}
    response = client.get(url, **auth)
    assert response.status_code == 200 and response.json()["programme"]["title"] == programme.title
    assert client.get(reverse("api_dashboard", args=[other_programme.pk]), **auth).status_code == 403
    assert [p["id"] for p in client.get(reverse("api_programmes"), **auth).json()] == [programme.pk]
    assert client.get(url, HTTP_AUTHORIZATION="Token nonsense").status_code == 401


def test_a_user_makes_and_revokes_their_token(client, reader):
    client.force_login(reader)
    client.post(reverse("dashboard:api_token"), {"action": "new"})
    first = Token.objects.get(user=reader).key
    client.post(reverse("dashboard:api_token"), {"action": "new"})
    assert Token.objects.get(user=reader).key != first
    client.post(reverse("dashboard:api_token"), {"action": "revoke"})
    assert not Token.objects.filter(user=reader).exists()


def test_the_openapi_schema_describes_the_api(client, reader):
    client.force_login(reader)
    response = client.get(reverse("api_schema"), {"format": "json"})
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    assert {"/api/v1/programmes/", "/api/v1/programmes/{id}/dashboard/"} <= set(schema["paths"])
    docs = client.get(reverse("api_docs")).content.decode()
    assert "cdn" not in docs.lower()
