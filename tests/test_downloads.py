"""Uploaded files leave the site only through the permission of the page that links to them.

A draft report is its reporters' own: its attachments are hidden, like its text, until it is submitted.
Agenda documents go to whoever may read the meeting. Nothing under /media/ is served by URL, in any mode.
"""

import datetime
import importlib
import warnings

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import Resolver404, clear_url_caches, resolve, reverse
from django.utils import timezone
from django.utils.deprecation import RemovedInDjango60Warning

from governance.models import AgendaDocument, AgendaItem, Meeting
from programmes.models import GovernanceBody, Programme
from reports import services
from reports.models import ProgressReport, ReportAttachment

DEMO_PASSWORD = "jeugdregio-demo"
CONTENT = b"%PDF-1.4 cijfers werkgroep 1"
DRAFT_TEXT = {"progress": "Eerste versie.", "bottlenecks": "", "lessons": "", "course": "on_track"}


def upload(name="cijfers.pdf"):
    return SimpleUploadedFile(name, CONTENT, content_type="application/pdf")


def body(response):
    return b"".join(response.streaming_content)


# Item 1 of issue #10, as it happened in the demo: a one-off report, a draft with an attachment.

DEMO_READERS = ["lezer", "kernteam", "rbj", "so"]


@pytest.fixture
def requested_draft(demo_module, client):
    riv = Programme.objects.get(collaboration__name="Rivierenland")
    client.login(username="programmamanager", password=DEMO_PASSWORD)
    due = timezone.localdate() + datetime.timedelta(days=30)
    response = client.post(
        reverse("reports:request", args=[riv.pk]),
        {"workgroup": riv.workgroups.get(number=1).pk, "due_date": due.isoformat(), "note": "Cijfers instroom"},
    )
    report = ProgressReport.objects.get(programme=riv, request_note="Cijfers instroom")
    assert response.url == report.get_absolute_url()
    client.login(username="trekker", password=DEMO_PASSWORD)
    response = client.post(report.get_absolute_url(), {"action": "save", **DRAFT_TEXT, "attachment": upload()})
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == "draft"
    client.logout()
    return report, ReportAttachment.objects.get(report=report)


@pytest.mark.django_db
@pytest.mark.parametrize("username", DEMO_READERS)
def test_it_hides_a_drafts_attachment_from_the_programmes_readers(requested_draft, client, username):
    report, attachment = requested_draft
    url = reverse("reports:attachment", args=[attachment.pk])
    client.login(username=username, password=DEMO_PASSWORD)
    page = client.get(report.get_absolute_url())
    assert page.status_code == 200  # that the report is due is no secret
    assert url not in page.content.decode() and "cijfers" not in page.content.decode()
    assert client.get(url).status_code == 403


@pytest.mark.django_db
@pytest.mark.parametrize("username", ["trekker", "programmamanager", "beheerder"])
def test_it_shows_a_drafts_attachment_to_its_writers_and_the_requester(requested_draft, client, username):
    report, attachment = requested_draft
    url = reverse("reports:attachment", args=[attachment.pk])
    client.login(username=username, password=DEMO_PASSWORD)
    assert url in client.get(report.get_absolute_url()).content.decode()
    response = client.get(url)
    assert response.status_code == 200 and body(response) == CONTENT


@pytest.mark.django_db
def test_it_shows_the_attachment_to_readers_once_the_report_is_submitted(requested_draft, client):
    report, attachment = requested_draft
    url = reverse("reports:attachment", args=[attachment.pk])
    client.login(username="trekker", password=DEMO_PASSWORD)
    assert client.post(report.get_absolute_url(), {"action": "submit", **DRAFT_TEXT}).status_code == 302
    for username in DEMO_READERS:
        client.login(username=username, password=DEMO_PASSWORD)
        assert url in client.get(report.get_absolute_url()).content.decode(), username
        response = client.get(url)
        assert response.status_code == 200 and body(response) == CONTENT, username


# Every kind of download, for everyone who can and cannot see the content of the page that links to it.


@pytest.fixture
def report(programme, workgroup1, manager):
    return services.request_report(programme, manager, workgroup1, timezone.localdate() + datetime.timedelta(days=30))


@pytest.fixture
def draft_attachment(report, lead):
    services.save_draft(report, lead, DRAFT_TEXT, files=[upload()])
    return report.attachments.get()


@pytest.fixture
def submitted_attachment(report, lead):
    services.submit(report, lead, DRAFT_TEXT, files=[upload()])
    return report.attachments.get()


@pytest.fixture
def agenda_document(programme):
    rbj = GovernanceBody.objects.create(programme=programme, name="RBJ")
    meeting = Meeting.objects.create(body=rbj, starts_at=timezone.now() + datetime.timedelta(days=3))
    item = AgendaItem.objects.create(meeting=meeting, order=1, title="Pilotvoorstel")
    return AgendaDocument.objects.create(item=item, title="Voorstel", file=upload("voorstel.pdf"))


DOWNLOADS = {
    # kind: (url name, page of the content, who may see it, who may not)
    "draft_attachment": (
        "reports:attachment",
        lambda attachment: attachment.report,
        ["lead", "manager", "admin_user"],
        ["reader", "body_member", "outsider"],
    ),
    "submitted_attachment": (
        "reports:attachment",
        lambda attachment: attachment.report,
        ["lead", "manager", "admin_user", "reader", "body_member"],
        ["outsider"],
    ),
    "agenda_document": (
        "governance:document",
        lambda document: document.item.meeting,
        ["lead", "manager", "admin_user", "reader", "body_member"],
        ["outsider"],
    ),
}


def cases(allowed):
    return [
        pytest.param(kind, user, id=f"{kind}-{user}")
        for kind, (_, _, can, cannot) in DOWNLOADS.items()
        for user in (can if allowed else cannot)
    ]


@pytest.mark.parametrize(("kind", "user"), cases(allowed=False))
def test_it_refuses_a_download_to_whoever_cannot_see_the_content(request, client, kind, user):
    url_name, page_of, _, _ = DOWNLOADS[kind]
    obj = request.getfixturevalue(kind)
    url = reverse(url_name, args=[obj.pk])
    client.force_login(request.getfixturevalue(user))
    page = client.get(page_of(obj).get_absolute_url())
    assert page.status_code == 403 or url not in page.content.decode()
    assert client.get(url).status_code == 403


@pytest.mark.parametrize(("kind", "user"), cases(allowed=True))
def test_it_serves_a_download_to_whoever_sees_the_content(request, client, kind, user):
    url_name, page_of, _, _ = DOWNLOADS[kind]
    obj = request.getfixturevalue(kind)
    url = reverse(url_name, args=[obj.pk])
    client.force_login(request.getfixturevalue(user))
    assert url in client.get(page_of(obj).get_absolute_url()).content.decode()
    response = client.get(url)
    assert response.status_code == 200 and body(response) == CONTENT
    assert response["Content-Disposition"].startswith("attachment")


@pytest.mark.parametrize("kind", DOWNLOADS)
def test_it_sends_anonymous_visitors_to_the_login_page(request, client, kind):
    obj = request.getfixturevalue(kind)
    response = client.get(reverse(DOWNLOADS[kind][0], args=[obj.pk]))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


@pytest.mark.parametrize("kind", DOWNLOADS)
def test_it_answers_not_found_when_the_file_is_gone(request, client, admin_user, kind):
    obj = request.getfixturevalue(kind)
    obj.file.storage.delete(obj.file.name)
    client.force_login(admin_user)
    assert client.get(reverse(DOWNLOADS[kind][0], args=[obj.pk])).status_code == 404


# No file is reachable by its storage URL, neither in production nor under `make run` (DEBUG).


def reload_urlconf():
    import jeugdregio.urls

    clear_url_caches()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RemovedInDjango60Warning)  # its converter is registered once more
        importlib.reload(jeugdregio.urls)


@pytest.fixture
def debug_urlconf():
    """The URLconf as `make run` builds it (DEBUG=True), put back as it was afterwards."""
    with override_settings(DEBUG=True):
        reload_urlconf()
        yield
    reload_urlconf()


def test_it_serves_no_upload_by_its_media_url_under_make_run(debug_urlconf, client, agenda_document, admin_user):
    path = f"/media/{agenda_document.file.name}"
    with pytest.raises(Resolver404):
        resolve(path)
    client.force_login(admin_user)
    assert client.get(path).status_code == 404


def test_the_admin_links_documents_to_the_permission_checked_download(client, admin_user, agenda_document):
    client.force_login(admin_user)
    page = client.get(reverse("admin:governance_agendaitem_change", args=[agenda_document.item.pk]))
    assert page.status_code == 200
    content = page.content.decode()
    assert reverse("governance:document", args=[agenda_document.pk]) in content
    assert "/media/" not in content
