"""Uploads that are not a filled-in DIN template: a clear message on the form, nothing saved, never a 500."""

import io
import zipfile

import pytest
from django.urls import reverse
from docx import Document

from pilots.models import Pilot
from tests.test_din_import import filled_template, heading_index, upload


@pytest.fixture
def filled(client, programme, workgroup1, lead, money):
    client.force_login(lead)
    return filled_template(client, programme)


def refused(response):
    """The upload page again (200) with the document's error; no pilot anywhere."""
    assert response.status_code == 200
    assert response.templates[0].name == "pilots/din/import.html"
    assert not Pilot.objects.exists()
    return " ".join(response.context["form"].errors["document"])


def repacked(content, extra=None, replace=None, compression=zipfile.ZIP_DEFLATED):
    """The same Word package with parts added or replaced, as a person's tools (or an attacker) might."""
    source = zipfile.ZipFile(io.BytesIO(content))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if replace and item.filename in replace:
                data = replace[item.filename](data)
            target.writestr(item.filename, data)
        for name, data in (extra or {}).items():
            target.writestr(name, data)
    return buffer.getvalue()


def test_a_pdf_is_not_a_word_document(client, programme, workgroup1, filled):
    message = refused(upload(client, programme, b"%PDF-1.7\n...", workgroup1, name="voorstel.pdf", language="en"))
    assert "Word document (.docx)" in message


def test_an_old_word_file_is_asked_to_be_saved_as_docx(client, programme, workgroup1, filled):
    message = refused(
        upload(client, programme, b"\xd0\xcf\x11\xe0" + b"\0" * 100, workgroup1, name="a.doc", language="en")
    )
    assert ".doc" in message


def test_a_text_file_named_docx_cannot_be_read(client, programme, workgroup1, filled):
    message = refused(upload(client, programme, b"Doelen\nInspanningen\nNetwerk\n", workgroup1, language="en"))
    assert "cannot be read" in message


def test_a_docm_is_refused_for_its_macros(client, programme, workgroup1, filled):
    message = refused(upload(client, programme, filled, workgroup1, name="voorstel.docm", language="en"))
    assert "macros" in message


def test_a_docx_with_a_vba_project_is_refused(client, programme, workgroup1, filled):
    content = repacked(filled, extra={"word/vbaProject.bin": b"\xd0\xcf\x11\xe0 macro"})
    assert "macros" in refused(upload(client, programme, content, workgroup1, language="en"))


def test_a_macro_enabled_package_renamed_to_docx_is_refused(client, programme, workgroup1, filled):
    def macro_enabled(xml):
        return xml.replace(
            b"wordprocessingml.document.main+xml", b"application/vnd.ms-word.document.macroEnabled.main+xml"
        )

    content = repacked(filled, replace={"[Content_Types].xml": macro_enabled})
    assert "macros" in refused(upload(client, programme, content, workgroup1, language="en"))


def test_a_50_mb_file_is_refused_before_it_is_read(client, programme, workgroup1, filled):
    content = repacked(
        filled, extra={"word/media/huge.bin": b"\0" * (50 * 1024 * 1024)}, compression=zipfile.ZIP_STORED
    )
    assert "larger than 10 MB" in refused(upload(client, programme, content, workgroup1, language="en"))


def test_a_zip_bomb_stops_at_the_bound(client, programme, workgroup1, filled):
    content = repacked(filled, extra={"word/media/bomb.bin": b"\0" * (60 * 1024 * 1024)})
    assert len(content) < 1024 * 1024  # small on the wire, 60 MB unpacked
    assert "unpacks to more than" in refused(upload(client, programme, content, workgroup1, language="en"))


def test_a_zip_bomb_whose_directory_lies_about_its_size_is_refused(client, programme, workgroup1, filled):
    content = bytearray(repacked(filled, extra={"word/media/bomb.bin": b"\0" * (60 * 1024 * 1024)}))
    # The central directory claims 1 byte for the bomb (the uncompressed size, 24 bytes into its entry).
    entry = content.rfind(b"PK\x01\x02", 0, content.rfind(b"word/media/bomb.bin"))
    content[entry + 24 : entry + 28] = (1).to_bytes(4, "little")
    assert zipfile.ZipFile(io.BytesIO(content)).getinfo("word/media/bomb.bin").file_size == 1
    message = refused(upload(client, programme, bytes(content), workgroup1, language="en"))
    assert "cannot be read" in message or "unpacks to more than" in message


def test_a_broken_zip_cannot_be_read(client, programme, workgroup1, filled):
    message = refused(upload(client, programme, filled[: len(filled) // 2], workgroup1, language="en"))
    assert "cannot be read" in message


def test_a_damaged_part_cannot_be_read(client, programme, workgroup1, filled):
    content = bytearray(filled)
    start = content.find(b"word/document.xml") + len("word/document.xml")  # the first local header's data
    content[start + 40 : start + 80] = b"\xff" * 40
    message = refused(upload(client, programme, bytes(content), workgroup1, language="en"))
    assert "cannot be read" in message


def test_a_document_without_the_din_headings_says_which_are_missing(client, programme, workgroup1, filled):
    document = Document(io.BytesIO(filled))
    for key in ("goals", "network"):
        paragraph = document.paragraphs[heading_index(document, key)]
        paragraph.text = "Iets anders"
    buffer = io.BytesIO()
    document.save(buffer)
    message = refused(upload(client, programme, buffer.getvalue(), workgroup1, language="en"))
    assert "Goals (Doelen)" in message and "Network (Netwerk)" in message
    assert "Efforts (Inspanningen)" not in message


def test_a_document_with_no_template_at_all_names_every_heading(client, programme, workgroup1, filled):
    document = Document()
    document.add_paragraph("Ons voorstel: meer hulp dichtbij.")
    buffer = io.BytesIO()
    document.save(buffer)
    message = refused(upload(client, programme, buffer.getvalue(), workgroup1, language="en"))
    for heading in ("Title", "Goals (Doelen)", "Efforts (Inspanningen)", "Network (Netwerk)", "Target group"):
        assert heading in message


def test_a_heading_twice_is_refused(client, programme, workgroup1, filled):
    document = Document(io.BytesIO(filled))
    document.add_heading(document.paragraphs[heading_index(document, "goals")].text, level=1)
    buffer = io.BytesIO()
    document.save(buffer)
    assert "more than once" in refused(upload(client, programme, buffer.getvalue(), workgroup1, language="en"))


def test_a_heading_as_plain_text_inside_a_section_does_not_cut_it(client, programme, workgroup1, lead, money):
    """“Aanpak” typed as an ordinary line under Doelen is text, not the heading of the approach."""
    client.force_login(lead)
    content = filled_template(client, programme, texts={"title": "Plan", "goals": "Vooraf\nAanpak\nAchteraf"})
    response = upload(client, programme, content, workgroup1, language="en")
    assert response.context["form"].cleaned_data["goals"] == "Vooraf\nAanpak\nAchteraf"


def test_no_file_at_all_asks_for_one(client, programme, workgroup1, filled):
    response = client.post(reverse("pilots:din_import", args=[programme.pk]), {"workgroup": workgroup1.pk})
    assert refused(response)


W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@pytest.mark.parametrize(
    "document_xml",
    [f'<w:document xmlns:w="{W}"/>', f'<w:body xmlns:w="{W}"/>', "<foo/>"],
    ids=["document-without-body", "body-as-root", "foreign-root"],
)
def test_a_word_file_without_a_body_is_refused_with_a_message(client, programme, workgroup1, filled, document_xml):
    """Issue #21: the template whose word/document.xml has no body gave a 500 (AttributeError)."""
    declaration = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    content = repacked(filled, replace={"word/document.xml": lambda xml: declaration + document_xml.encode()})
    message = refused(upload(client, programme, content, workgroup1))
    assert "geen tekst" in message
