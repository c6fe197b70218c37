"""Invisible control characters (issue #21): refused at the edge in every parameter, the stored User-Agent header
and upload names, with a Dutch 400 that changes nothing; and text stored before (or from elsewhere) never breaks
a document we write: the Excel exports, the Atom feed, the DiWoo sitemaps, the Word files and the PDFs.

The hostile data of the second half is written straight into the database, as old data would be."""

import datetime
import io
from xml.etree import ElementTree

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone, translation
from docx import Document
from openpyxl import load_workbook
from pypdf import PdfReader

from accounts.constants import AuditKind
from accounts.models import AuditEntry
from core.safe_text import CONTROL_CHARACTER, xml_safe, xml_safe_all
from discussion.models import Annex
from governance.models import Decision
from pilots.models import Pilot
from programmes.models import Programme
from programmes.risks import Risk
from publication import services as publication
from reports import services as report_services
from tests import factories as f
from tests.factories import PASSWORD


def risk(**fields):
    return {
        "title": "Wachtlijst",
        "likelihood": "4",
        "impact": "4",
        "status": "open",
        "measures-TOTAL_FORMS": "1",
        "measures-INITIAL_FORMS": "0",
        "measures-0-order": "1",
        "measures-0-description": "Werkgroepen flexibel inrichten",
        **fields,
    }


CONTROLS = ["\x01", "\x08", "\x0b", "\x0c", "\x1b", "\x1f", "\x7f", "\x85", "\x9f"]


# --- The one function ---------------------------------------------------------------------------------------------


def test_xml_safe_keeps_tab_and_new_lines_and_replaces_the_rest():
    assert xml_safe("a\tb\r\nc") == "a\tb\r\nc"
    assert xml_safe("regel 1\x0bregel 2\x0cregel 3\x85regel 4") == "regel 1\nregel 2\nregel 3\nregel 4"
    assert (
        xml_safe("X\x01ctl \x1b[31m \x00 \x7f \x9f \ufffe \uffff")
        == "X\ufffdctl \ufffd[31m \ufffd \ufffd \ufffd \ufffd \ufffd"
    )
    assert xml_safe("Gecoördineerde instroom – € 5 💥") == "Gecoördineerde instroom – € 5 💥"
    assert xml_safe(None) is None and xml_safe(12) == 12


def test_xml_safe_all_reaches_every_string_of_a_structure():
    day = datetime.date(2026, 1, 1)
    assert xml_safe_all({"a\x01": ["b\x1b", ("c\x0b", day)], "n": 3}) == {"a\ufffd": ["b\ufffd", ("c\n", day)], "n": 3}


# --- The edge -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("control", CONTROLS)
def test_a_control_character_in_a_posted_field_is_refused_and_changes_nothing(client, manager, programme, control):
    client.force_login(manager)
    response = client.post(
        reverse("programmes:risk_create", args=[programme.pk]),
        risk(title=f"Risico{control}titel"),
    )
    assert response.status_code == 400
    text = response.content.decode()
    assert f"onzichtbaar stuurteken (U+{ord(control):04X})" in text and "Er is niets gewijzigd" in text
    assert not Risk.objects.exists()


def test_a_control_character_in_a_parameter_name_or_a_query_is_refused(client, reader, programme):
    client.force_login(reader)
    url = reverse("programmes:risks", args=[programme.pk])
    assert client.get(url, {"q\x1b": "wachtlijst"}).status_code == 400
    response = client.get(url, {"q": "wacht\x85lijst"})
    assert response.status_code == 400 and "stuurteken (U+0085)" in response.content.decode()
    assert client.get(url, {"q": "wacht\tlijst"}).status_code == 200


def test_tab_and_new_lines_are_no_control_characters_to_refuse(client, manager, programme):
    client.force_login(manager)
    response = client.post(
        reverse("programmes:risk_create", args=[programme.pk]),
        risk(description="Regel 1\r\n\tRegel 2"),
    )
    assert response.status_code == 302
    assert Risk.objects.get().description == "Regel 1\r\n\tRegel 2"


def test_a_login_with_a_control_character_in_the_username_is_refused_and_logs_nothing(client, reader, settings):
    settings.AXES_ENABLED = True
    before = AuditEntry.objects.count()
    response = client.post(reverse("login"), {"username": "X\x01ctl", "password": "geheim"})
    assert response.status_code == 400 and "stuurteken (U+0001)" in response.content.decode()
    assert AuditEntry.objects.count() == before


def test_a_user_agent_with_a_control_character_is_refused_before_it_is_stored(client, reader, settings):
    settings.AXES_ENABLED = True
    before = AuditEntry.objects.count()
    response = client.post(
        reverse("login"), {"username": "rob", "password": "fout"}, HTTP_USER_AGENT="Mozilla/5.0 \x1b[31m"
    )
    assert response.status_code == 400
    assert "browser" in response.content.decode() and "stuurteken (U+001B)" in response.content.decode()
    assert AuditEntry.objects.count() == before
    assert client.get(reverse("login"), HTTP_USER_AGENT="Mozilla/5.0\x00").status_code == 400


def test_a_user_agent_in_utf_8_is_no_control_character(client, reader):
    """The server hands a header over as Latin-1: "€" in UTF-8 arrives as â, \\x82, ¬, which is no control."""
    response = client.get(reverse("login"), HTTP_USER_AGENT="Bureau-€-browser".encode().decode("latin-1"))
    assert response.status_code == 200


def test_an_upload_name_never_brings_a_control_character_in(client, pilot, lead):
    """Django's multipart parser drops what is not printable from an upload's name before the edge sees it (the
    edge checks upload names anyway): the annex is kept, under a name without the escape."""
    client.force_login(lead)
    upload = SimpleUploadedFile("analyse\x1b\x85.pdf", b"%PDF-1.4 analyse", content_type="application/pdf")
    response = client.post(
        reverse("discussion:annex_create", args=["pilot", pilot.pk]), {"title": "Analyse", "file": upload}
    )
    assert response.status_code == 302
    annex = Annex.objects.get()
    assert not CONTROL_CHARACTER.search(annex.filename + annex.file.name)


# --- Old data never breaks a document -----------------------------------------------------------------------------


def xlsx_rows(response):
    assert response.status_code == 200, response.status_code
    return [list(row) for row in load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True)]


def test_the_audit_log_exports_an_old_entry_with_control_characters(client, admin_user):
    AuditEntry.objects.create(kind=AuditKind.LOGIN_FAILED, username="X\x01ctl", user_agent="Mozilla/5.0 \x1b[31m")
    client.force_login(admin_user, backend="django.contrib.auth.backends.ModelBackend")
    rows = xlsx_rows(client.get(reverse("accounts:audit_log"), {"export": "xlsx"}))
    [row] = [row for row in rows if "X\ufffdctl" in row]
    assert "Mozilla/5.0 \ufffd[31m" in row
    csv = client.get(reverse("accounts:audit_log"), {"export": "csv"}).content.decode("utf-8-sig")
    assert "X\ufffdctl" in csv and "\x01" not in csv


def test_the_pilot_list_exports_a_draft_titled_with_an_escape(client, pilot, manager):
    Pilot.objects.filter(pk=pilot.pk).update(title="Vaste \x1b contactpersoon")
    client.force_login(manager)
    rows = xlsx_rows(client.get(reverse("pilots:list", args=[pilot.programme.pk]), {"export": "xlsx"}))
    assert "Vaste \ufffd contactpersoon" in [cell for row in rows for cell in row]


def test_the_decision_log_exports_a_rationale_with_a_vertical_tab(client, programme, route, reader):
    Decision.objects.create(
        programme=programme,
        body=route["SO"],
        subject_title="Start JIM",
        outcome="approved",
        rationale="Eerste regel\x0btweede regel",
        date=datetime.date(2026, 4, 2),
    )
    client.force_login(reader)
    rows = xlsx_rows(client.get(reverse("governance:decisions", args=[programme.pk]), {"export": "xlsx"}))
    assert "Eerste regel\ntweede regel" in [cell for row in rows for cell in row]


@pytest.fixture
def published(programme, route):
    """A published decision of the SO whose stored title and rationale hold control characters."""
    collaboration = programme.collaboration
    collaboration.name, collaboration.slug = "Rivierenland", "rivierenland"
    collaboration.save()
    route["SO"].decisions_public = True
    route["SO"].save()
    decision = Decision.objects.create(
        programme=programme,
        body=route["SO"],
        subject_title="Start \x1b JIM",
        outcome="approved",
        rationale="Eerste regel\x0btweede regel \x01",
        date=timezone.localdate(),
    )
    publication.publish(decision, None, via="task")
    return decision


def test_the_feed_is_served_with_a_decision_holding_control_characters(client, published):
    response = client.get("/openbaar/rivierenland/feed/")
    assert response.status_code == 200
    [entry] = ElementTree.fromstring(response.content).findall("{http://www.w3.org/2005/Atom}entry")
    assert "Start \ufffd JIM" in entry.find("{http://www.w3.org/2005/Atom}title").text
    assert "Eerste regel\ntweede regel \ufffd" in entry.find("{http://www.w3.org/2005/Atom}summary").text


def test_the_sitemap_stays_well_formed_xml_with_a_decision_holding_control_characters(client, published):
    response = client.get("/openbaar/rivierenland/sitemap-besluiten-1.xml")
    assert response.status_code == 200
    text = ElementTree.tostring(ElementTree.fromstring(response.content), encoding="unicode")
    assert "Start \ufffd JIM" in text and "Eerste regel\ntweede regel \ufffd" in text


def test_the_din_proposal_in_word_and_pdf_with_control_characters(client, pilot, manager):
    Pilot.objects.filter(pk=pilot.pk).update(title="Vaste \x1b contactpersoon", goals="Eén gezicht\x0bvoor gezinnen")
    pilot.programme.title = "Programma \x01 test"
    pilot.programme.save()
    client.force_login(manager)
    with translation.override("nl"):
        response = client.get(reverse("pilots:din_docx", args=[pilot.pk]))
        assert response.status_code == 200
        document = Document(io.BytesIO(response.content))
        texts = [p.text for p in document.paragraphs]
        assert "Vaste \ufffd contactpersoon" in texts and "voor gezinnen" in texts
        assert document.sections[0].header.paragraphs[0].text.endswith("Programma \ufffd test")
        response = client.get(reverse("pilots:din_pdf", args=[pilot.pk]))
    assert response.status_code == 200
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "Vaste" in text and "\x1b" not in text and "\x01" not in text


def test_the_din_template_of_a_programme_with_a_control_character_in_its_title(client, programme, workgroup1, lead):
    programme.title = "Programma \x01 test"
    programme.save()
    client.force_login(lead)
    response = client.get(reverse("pilots:din_template", args=[programme.pk]))
    assert response.status_code == 200
    assert "Programma \ufffd test" in [p.text for p in Document(io.BytesIO(response.content)).paragraphs]


def test_the_programme_report_in_word_and_pdf_with_control_characters(client, programme, workgroup1, manager, route):
    line = f.ActionLineFactory(programme=programme, title="Eerder \x1b dichtbij", order=1)
    workgroup1.action_lines.add(line)
    Decision.objects.create(
        programme=programme,
        body=route["SO"],
        subject_title="Start \x01 JIM",
        action_line=line,
        outcome="approved",
        rationale="Regel\x0bregel",
        date=timezone.localdate(),
    )
    today = timezone.localdate()
    report = report_services.compile_programme_report(
        programme, manager, today - datetime.timedelta(days=30), today + datetime.timedelta(days=30)
    )
    report.summary = "Een goed \x1b halfjaar."
    report.save()
    client.force_login(manager)
    response = client.get(reverse("reports:programme_report_docx", args=[report.pk]))
    assert response.status_code == 200
    content = b"".join(response.streaming_content) if response.streaming else response.content
    document = Document(io.BytesIO(content))
    assert "Een goed \ufffd halfjaar." in [p.text for p in document.paragraphs]
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert "Start \ufffd JIM" in cells and "Regel\nregel" in cells
    response = client.get(reverse("reports:programme_report_pdf", args=[report.pk]))
    assert response.status_code == 200
    content = b"".join(response.streaming_content) if response.streaming else response.content
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    assert "halfjaar" in text and "\x1b" not in text and "\x01" not in text


def test_old_text_with_a_control_character_can_be_edited_and_saved_again(client, manager, programme):
    """Stored before the edge refused them: the edit form shows the text without the character, so sending the form
    back as the browser does is not refused and the page saves."""
    Programme.objects.filter(pk=programme.pk).update(goal="Eerste regel\x0btweede regel \x1b einde")
    assert client.login(username=manager.username, password=PASSWORD)
    page = client.get(reverse("programmes:edit", args=[programme.pk])).content.decode()
    assert "\x0b" not in page and "\x1b" not in page
    assert "Eerste regel\ntweede regel \ufffd einde" in page
    response = client.post(
        reverse("programmes:edit", args=[programme.pk]),
        {
            "title": programme.title,
            "start_date": programme.start_date.isoformat(),
            "end_date": programme.end_date.isoformat(),
            "goal": "Eerste regel\ntweede regel  einde",  # what the person keeps after removing the "�"
            "domains": ["youth"],
        },
    )
    assert response.status_code == 302
    programme.refresh_from_db()
    assert programme.goal.replace("\r", "") == "Eerste regel\ntweede regel  einde"
