"""File names (issue #21): normalised once when stored, and a download named and typed by the stored file.

Every upload endpoint takes the same name twice and keeps both files under a sane name: NFC, no path parts, no
direction characters, short enough for the storage's suffix on a name already taken. A download's name and
Content-Type come from the stored file's checked extension, never from a title someone typed.
"""

import datetime
import unicodedata

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from core.downloads import CONTENT_TYPES
from discussion.models import Annex
from governance.models import ALLOWED_DOCUMENT_EXTENSIONS, AgendaDocument, AgendaItem, Meeting
from pilots.models import Experiment
from reports.models import ProgressReport, ReportAttachment
from tests import factories as f
from tests.test_din_bad_input import refused
from tests.test_din_import import filled_template, upload

NOW = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC)
CONTENT = b"%PDF-1.4 vergaderstuk"

LONG = "h3x" + "L" * 293 + ".pdf"  # the name of the issue: a browser sends it whole, Django keeps 255 characters
NAMES = {
    "long": LONG,
    "long-multibyte": "é" * 250 + ".pdf",  # 255 characters, 505 bytes
    "path": "C:\\Users\\sanne\\..\\..\\Vergaderstukken.pdf",  # as an old browser on Windows sends it
    "rtl-override": "notulen\u202excod.pdf",  # shows as "notulenfdp.docx"
    "nfd": unicodedata.normalize("NFD", "Overzicht café één.pdf"),
}


def sane(name):
    """The stored name's last part: clean, and leaving room for the storage's suffix within the 255 bytes."""
    filename = name.rsplit("/", 1)[-1]
    assert filename.endswith(".pdf"), filename
    assert unicodedata.is_normalized("NFC", filename), filename
    assert not any(unicodedata.category(c).startswith(("C", "Z")) for c in filename), filename
    assert "\\" not in filename and ".." not in filename, filename
    assert len(filename.encode()) <= 255 - 8, filename
    return filename


def stored_twice(objects, field="file"):
    """Two rows, each with its own readable file under a sane name."""
    assert len(objects) == 2
    names = [getattr(obj, field).name for obj in objects]
    assert names[0] != names[1]
    for obj in objects:
        with getattr(obj, field).open("rb") as handle:
            assert handle.read() == CONTENT
    return [sane(name) for name in names]


def pdf(name):
    return SimpleUploadedFile(name, CONTENT, content_type="application/pdf")


def check_names(key, names):
    if key == "nfd":
        assert all("café_één" in name for name in names), names
    if key == "path":
        assert all(name.startswith("Vergaderstukken") for name in names), names
    if key == "rtl-override":
        assert all(name.startswith("notulenxcod") for name in names), names


@pytest.fixture
def kernteam(programme):
    return f.GovernanceBodyFactory(programme=programme, name="Kernteam")


@pytest.fixture
def secretary(kernteam):
    user = f.UserFactory(username="sanne")
    f.BodyMembershipFactory(body=kernteam, person=f.PersonFactory(name="Sanne", user=user), role="secretary")
    return user


@pytest.fixture
def item(kernteam):
    meeting = Meeting.objects.create(body=kernteam, starts_at=NOW + datetime.timedelta(days=14))
    return AgendaItem.objects.create(meeting=meeting, order=1, title="Pilotvoorstel")


@pytest.fixture
def report(programme, workgroup1):
    return ProgressReport.objects.create(
        programme=programme,
        workgroup=workgroup1,
        due_date=datetime.date(2026, 4, 1),
        period_start=datetime.date(2026, 1, 1),
        period_end=datetime.date(2026, 3, 31),
    )


@pytest.fixture(autouse=True)
def _frozen():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.mark.parametrize("key", NAMES)
def test_an_agenda_document_is_stored_twice_under_a_sane_name(client, secretary, item, key):
    client.force_login(secretary)
    for _ in range(2):
        response = client.post(item.meeting.get_absolute_url(), {"item": item.pk, "title": "", "file": pdf(NAMES[key])})
        assert response.status_code == 302
    check_names(key, stored_twice(list(AgendaDocument.objects.order_by("pk"))))


@pytest.mark.parametrize("key", NAMES)
def test_an_agenda_document_is_stored_twice_through_the_admin(client, admin_user, item, key):
    client.force_login(admin_user)
    url = reverse("admin:governance_agendaitem_change", args=[item.pk])
    for count in range(2):
        data = {
            "meeting": item.meeting_id,
            "order": 1,
            "title": item.title,
            "documents-TOTAL_FORMS": count + 1,
            "documents-INITIAL_FORMS": count,
            "documents-MIN_NUM_FORMS": 0,
            "documents-MAX_NUM_FORMS": 1000,
            f"documents-{count}-item": item.pk,
            f"documents-{count}-title": "",
            f"documents-{count}-file": pdf(NAMES[key]),
        }
        for index, document in enumerate(item.documents.order_by("pk")):
            data.update({f"documents-{index}-id": document.pk, f"documents-{index}-item": item.pk})
            data[f"documents-{index}-title"] = document.title
        response = client.post(url, data)
        assert response.status_code == 302, response.context and response.context.get("errors")
    check_names(key, stored_twice(list(AgendaDocument.objects.order_by("pk"))))


@pytest.mark.parametrize("kind", ["pilot", "experiment"])
@pytest.mark.parametrize("key", NAMES)
def test_an_annex_is_stored_twice_under_a_sane_name(client, lead, pilot, workgroup1, kind, key):
    """Issue #21: the same long name a second time was a 500 (OSError: File name too long)."""
    subject = pilot if kind == "pilot" else Experiment.objects.create(workgroup=workgroup1, title="Try-out")
    client.force_login(lead)
    url = reverse("discussion:annex_create", args=[kind, subject.pk])
    for _ in range(2):
        response = client.post(url, {"title": "", "file": pdf(NAMES[key])})
        assert response.status_code == 302
    annexes = list(Annex.objects.order_by("pk"))
    check_names(key, stored_twice(annexes))
    for annex in annexes:  # the title taken from the name is the clean name too
        assert "\u202e" not in annex.title and "\\" not in annex.title


@pytest.mark.parametrize("key", NAMES)
def test_a_report_attachment_is_stored_twice_under_a_sane_name(client, lead, report, key):
    client.force_login(lead)
    for _ in range(2):
        data = {"action": "save", "progress": "Op koers.", "attachment": pdf(NAMES[key])}
        assert client.post(report.get_absolute_url(), data).status_code == 302
    check_names(key, stored_twice(list(ReportAttachment.objects.order_by("pk"))))


@pytest.mark.parametrize("key", NAMES)
def test_the_din_import_reads_a_file_under_any_name_and_stores_nothing(client, programme, workgroup1, lead, money, key):
    client.force_login(lead)
    content = filled_template(client, programme)
    for _ in range(2):
        response = upload(client, programme, content, workgroup1, name=NAMES[key].removesuffix(".pdf") + ".docx")
        assert response.status_code == 200
        assert response.templates[0].name == "pilots/din/import_preview.html"
        shown = response.context["filename"]
        assert "\u202e" not in shown and "\\" not in shown and unicodedata.is_normalized("NFC", shown)


def test_the_din_import_still_refuses_a_long_name_that_is_no_word_document(client, programme, workgroup1, lead, money):
    client.force_login(lead)
    assert refused(upload(client, programme, CONTENT, workgroup1, name=LONG, language="en"))


# Downloads: name and type from the stored file's checked extension.


@pytest.mark.parametrize("title", ["Vergaderstukken.exe", "rapport.html", "plaatje.svg"])
def test_an_agenda_document_downloads_as_its_stored_type_whatever_its_title(client, secretary, item, title):
    """Issue #21: a PDF titled "Vergaderstukken.exe" downloaded as Vergaderstukken.exe, application/x-msdos-program."""
    client.force_login(secretary)
    client.post(item.meeting.get_absolute_url(), {"item": item.pk, "title": title, "file": pdf("stukken.pdf")})
    document = AgendaDocument.objects.get()
    response = client.get(reverse("governance:document", args=[document.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    stem = title.rsplit(".", 1)[0]
    assert response["Content-Disposition"] == f'attachment; filename="{stem}.pdf"'
    assert b"".join(response.streaming_content) == CONTENT


def test_a_title_with_a_date_keeps_it_and_gets_the_stored_extension(client, secretary, item):
    client.force_login(secretary)
    client.post(item.meeting.get_absolute_url(), {"item": item.pk, "title": "Notulen 12.03.2026", "file": pdf("n.pdf")})
    response = client.get(reverse("governance:document", args=[AgendaDocument.objects.get().pk]))
    assert response["Content-Disposition"] == 'attachment; filename="Notulen_12_03_2026.pdf"'


def test_a_stored_file_of_an_unchecked_type_leaves_as_bytes_without_its_extension(client, secretary, item):
    """A file stored before the upload checks (here: written straight to the row) is never served as HTML."""
    document = AgendaDocument(item=item, title="")
    document.file.save("oud.html", SimpleUploadedFile("oud.html", b"<script>alert(1)</script>"))
    client.force_login(secretary)
    response = client.get(reverse("governance:document", args=[document.pk]))
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"] == 'attachment; filename="oud"'


def test_every_upload_type_has_a_download_type():
    assert set(ALLOWED_DOCUMENT_EXTENSIONS) <= set(CONTENT_TYPES)
