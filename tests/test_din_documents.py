"""The DIN documents the product makes: the empty template and a pilot's proposal in Word and PDF."""

import io
from datetime import timedelta

from django.urls import reverse
from django.utils import timezone, translation
from docx import Document
from pypdf import PdfReader

from pilots.din_read import read_proposal
from tests import factories as f


def is_a4(section):
    return (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)


def word(response):
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.wordprocessingml")
    return Document(io.BytesIO(response.content))


def headings(document):
    return [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]


def footer_fields(document):
    xml = document.sections[0].footer._element.xml
    return "PAGE" in xml and "NUMPAGES" in xml


def test_the_template_is_an_a4_document_with_the_din_headings(client, programme, workgroup1, lead, money):
    client.force_login(lead)
    with translation.override("nl"):
        document = word(client.get(reverse("pilots:din_template", args=[programme.pk])))
        titles = headings(document)
    section = document.sections[0]
    assert is_a4(section)
    assert programme.title in section.header.paragraphs[0].text
    assert programme.collaboration.name in section.header.paragraphs[0].text
    assert footer_fields(document)
    for din in ("Doelen", "Inspanningen", "Netwerk", "Doelstelling", "Doelgroep", "Aanpak", "Beoogde effecten"):
        assert din in titles, din
    # The table of money has a row for every year the programme has a pilot budget for, amounts empty.
    assert [[c.text for c in row.cells] for row in document.tables[0].rows[1:]] == [["2026", ""], ["2027", ""]]


def test_the_template_is_made_for_the_person_who_downloads_it(client, programme, workgroup1, lead):
    client.force_login(lead)
    properties = word(client.get(reverse("pilots:din_template", args=[programme.pk]))).core_properties
    assert properties.author == "Lars"
    assert properties.last_modified_by == "Lars"
    assert "python-docx" not in (properties.author + properties.comments + properties.title)
    assert properties.language == "nl-NL"
    assert timezone.now() - properties.created < timedelta(minutes=5)


def test_the_proposal_in_word_holds_the_din_text_and_the_money(client, pilot, manager):
    client.force_login(manager)
    with translation.override("nl"):
        document = word(client.get(reverse("pilots:din_docx", args=[pilot.pk])))
    section = document.sections[0]
    assert is_a4(section)
    assert pilot.programme.title in section.header.paragraphs[0].text
    assert footer_fields(document)
    texts = [p.text for p in document.paragraphs]
    for heading, text in (("Doelen", pilot.goals), ("Inspanningen", pilot.efforts), ("Netwerk", pilot.network)):
        assert texts[texts.index(heading) + 1] == text
    money = [[c.text.replace("\xa0", " ") for c in row.cells] for row in document.tables[1].rows]
    assert ["2026", "€ 30.000"] in money and ["2027", "€ 20.000"] in money
    properties = document.core_properties
    assert properties.author == "Marit" and properties.title == pilot.title


def test_a_proposal_from_the_product_reads_back_as_the_same_proposal(client, pilot, manager):
    client.force_login(manager)
    pilot.approach = "Eerst werven.\n\nDan werken."
    pilot.save()
    proposal = read_proposal(client.get(reverse("pilots:din_docx", args=[pilot.pk])).content)
    assert proposal.fields["title"] == pilot.title
    assert proposal.fields["goals"] == pilot.goals
    assert proposal.fields["approach"] == pilot.approach
    assert [(year, amount.replace("\xa0", " ")) for year, amount in proposal.budget] == [
        ("2026", "€ 30.000"),
        ("2027", "€ 20.000"),
    ]


def test_the_proposal_as_pdf_is_a4_with_the_programme_and_the_din_text(client, pilot, manager):
    client.force_login(manager)
    with translation.override("nl"):
        response = client.get(reverse("pilots:din_pdf", args=[pilot.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    text = "\n".join(page.extract_text() for page in reader.pages).replace("\xa0", " ")
    for expected in (pilot.programme.title, pilot.title, "Doelen", pilot.goals, pilot.network, "€ 30.000"):
        assert expected in text, expected
    assert reader.metadata.title == pilot.title
    assert reader.metadata.author == "Marit"


def test_the_pilot_page_offers_the_downloads(client, pilot, lead):
    client.force_login(lead)
    html = client.get(pilot.get_absolute_url()).content.decode()
    assert reverse("pilots:din_docx", args=[pilot.pk]) in html
    assert reverse("pilots:din_pdf", args=[pilot.pk]) in html


def test_who_may_not_read_the_draft_may_not_download_it(client, pilot, reader, outsider):
    for user in (reader, outsider):
        client.force_login(user)
        assert client.get(reverse("pilots:din_docx", args=[pilot.pk])).status_code == 403
        assert client.get(reverse("pilots:din_pdf", args=[pilot.pk])).status_code == 403
    client.logout()
    assert client.get(reverse("pilots:din_docx", args=[pilot.pk])).status_code == 302
    assert client.get(reverse("pilots:din_docx", args=[999999])).status_code == 302


def test_a_workgroup_member_reads_the_draft_in_word(client, pilot):
    user = f.UserFactory(username="mia")
    f.MembershipFactory(workgroup=pilot.workgroup, person=f.PersonFactory(name="Mia", user=user), role="member")
    client.force_login(user)
    assert word(client.get(reverse("pilots:din_docx", args=[pilot.pk]))).core_properties.author == "Mia"
    assert client.get(reverse("pilots:din_docx", args=[999999])).status_code == 404
