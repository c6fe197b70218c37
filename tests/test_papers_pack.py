"""The meeting pack: one A4 PDF per meeting with cover, agenda, contents, the proposals as submitted, the route so
far, and the PDF annexes merged in place; read back with pypdf."""

import datetime
import io
import os
import threading
from pathlib import Path
from unittest import mock

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader, PdfWriter
from weasyprint import HTML

from governance.models import AgendaDocument, AgendaItem, Meeting
from papers import annexes, services
from papers.contents import collect
from papers.models import MeetingPack
from pilots import conditions
from pilots import services as pilot_services
from tests import factories as f

pytestmark = pytest.mark.django_db

# PACK_OUT=/tmp/papers keeps the PDFs made here, to look at them (pdftoppm -png -r 60 ...).
OUT = os.environ.get("PACK_OUT")
A4 = (595.28, 841.89)


def pdf_bytes(html, size="A4"):
    return HTML(string=f"<style>@page {{ size: {size} }}</style>{html}").write_pdf()


def encrypted_pdf():
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes("<p>Geheim</p>"))))
    writer.encrypt("geheim")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def attach(item, name, data, title=""):
    return AgendaDocument.objects.create(item=item, title=title, file=ContentFile(data, name=name))


def read(pack):
    with pack.file.open("rb") as handle:
        data = handle.read()
    if OUT:
        Path(OUT).mkdir(parents=True, exist_ok=True)
        (Path(OUT) / f"pack-{pack.meeting_id}.pdf").write_bytes(data)
    return PdfReader(io.BytesIO(data))


def outline_titles(reader):
    titles = []

    def walk(entries):
        for entry in entries:
            if isinstance(entry, list):
                walk(entry)
            else:
                titles.append(entry.title)

    walk(reader.outline)
    return titles


def page_texts(reader):
    return [(page.extract_text() or "").replace("\xa0", " ") for page in reader.pages]


def in_days(days, hour=14):
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


@pytest.fixture
def so_meeting(route):
    return Meeting.objects.create(body=route["SO"], starts_at=in_days(20), place="Gemeentehuis Zaltbommel")


@pytest.fixture
def advised_pilot(pilot, lead, secretaries, so_meeting):
    """The proposal at the SO: assessed by the kernteam, conditional advice of the RBJ; scheduled on the SO meeting."""
    pilot_services.submit(pilot, lead)
    pilot_services.forward(pilot, secretaries["Kernteam"], "Past binnen actielijn 1.")
    pilot_services.record_advice(
        pilot,
        secretaries["RBJ"],
        "conditional",
        "Goed voorstel, maar de inzet na 2027 is onduidelijk.",
        conditions="Leg vóór de start vast wie de contactpersonen na 2027 betaalt.",
    )
    return pilot


@pytest.fixture
def item(so_meeting, advised_pilot):
    return AgendaItem.objects.get(meeting=so_meeting, subject_id=advised_pilot.pk)


def test_a_meeting_without_items_makes_a_valid_pack(so_meeting, settings):
    settings.LANGUAGE_CODE = "en"  # the pack is always in the site's language, whoever downloads it
    reader = read(services.current_pack(so_meeting))
    assert len(reader.pages) == 2  # cover; agenda with contents
    assert all(round(float(p.mediabox.width), 1) == 595.3 for p in reader.pages)
    texts = page_texts(reader)
    assert "SO" in texts[0] and "Gemeentehuis Zaltbommel" in texts[0]
    assert outline_titles(reader)[:2] == ["Meeting papers", "Agenda"]
    # Tagged for assistive technology (structure tree, language, title), as far as WeasyPrint tags.
    catalog = reader.trailer["/Root"]
    assert "/StructTreeRoot" in catalog and catalog["/MarkInfo"]["/Marked"] and catalog["/Lang"] == "en"
    assert reader.metadata.title.startswith("Meeting papers SO, ")


def test_the_pack_has_cover_agenda_contents_and_the_proposal_with_its_route(so_meeting, item, settings):
    settings.LANGUAGE_CODE = "en"
    AgendaItem.objects.filter(pk=item.pk).update(order=2, presenter="Lars", duration_minutes=30)
    AgendaItem.objects.create(meeting=so_meeting, order=1, title="Opening", presenter="Voorzitter", duration_minutes=15)
    reader = read(services.current_pack(so_meeting))
    texts = page_texts(reader)
    first = texts[0]
    assert "Meeting papers" in first and "Papers deadline" in first and "Gemeentehuis Zaltbommel" in first
    agenda = texts[1]
    # Times follow from the start (14:00) and the minutes of the items before.
    assert "14:00" in agenda and "14:15" in agenda and "Opening" in agenda and "Lars" in agenda
    assert "Contents" in agenda
    proposal = "\n".join(texts[2:])
    assert "Eén vast gezicht voor gezinnen" in proposal  # Doelen, as frozen at submission
    assert "€ 30.000" in proposal and "€ 20.000" in proposal  # requested per year
    assert "€ 80.000" in proposal  # left of the year's pilot budget (nothing released yet)
    assert "Goed voorstel, maar de inzet na 2027 is onduidelijk." in proposal
    assert "Leg vóór de start vast wie de contactpersonen na 2027 betaalt." in proposal
    assert "Past binnen actielijn 1." in proposal
    titles = outline_titles(reader)
    assert titles[:4] == ["Meeting papers", "Agenda", "Contents", "1. Opening"]
    assert f"2. {item.title}" in titles and "The route so far" in titles


def test_the_proposal_is_shown_as_submitted_not_as_edited_since(so_meeting, item, advised_pilot):
    type(advised_pilot).objects.filter(pk=advised_pilot.pk).update(goals="Later veranderd")
    text = "\n".join(page_texts(read(services.current_pack(so_meeting))))
    assert "Eén vast gezicht voor gezinnen" in text and "Later veranderd" not in text


def test_pdf_annexes_are_merged_in_place_and_others_listed(so_meeting, item, settings):
    settings.LANGUAGE_CODE = "en"
    attach(item, "begroting.pdf", pdf_bytes("<h1>Begroting</h1><p style='break-after:page'>Een</p><p>Twee</p>"))
    attach(item, "brief.pdf", pdf_bytes("<p>Brief van de aanbieder</p>", size="letter landscape"), title="Brief")
    attach(item, "toelichting.docx", b"PK\x03\x04 not really a word file", title="Toelichting in Word")
    attach(item, "geheim.pdf", encrypted_pdf(), title="Versleuteld")
    attach(item, "kapot.pdf", b"%PDF-1.7\nthis is not a pdf at all", title="Kapot")
    pack = services.current_pack(so_meeting)
    reader = read(pack)
    texts = page_texts(reader)
    assert len(reader.pages) == pack.pages
    begroting = [i for i, t in enumerate(texts) if "Begroting" in t and "Een" in t]
    assert len(begroting) == 1
    index = begroting[0]
    assert "Twee" in texts[index + 1] and "Brief van de aanbieder" in texts[index + 2]
    assert index + 3 == len(texts)  # the annexes close the item; nothing of the broken ones is merged
    # Every page is A4, the annex pages too (scaled into the page, under the pack's caption and footer).
    assert {(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in reader.pages} == {(595, 842)}
    for number, text in enumerate(texts[1:], start=2):
        assert f"page {number} of {len(texts)}" in text
        assert "Meeting papers SO" in text
    listing = "\n".join(texts[2:index])
    assert "Toelichting in Word" in listing and "not a PDF" in listing
    assert "Versleuteld" in listing and "password" in listing
    assert "Kapot" in listing and "cannot be read" in listing
    titles = outline_titles(reader)
    assert "Annex: begroting.pdf" in titles and "Annex: Brief" in titles
    assert "Annex: Versleuteld" not in titles and "Annex: Kapot" not in titles
    # The outline entry of an annex points at its first page.
    entries = [e for e in _flat(reader.outline) if e.title == "Annex: Brief"]
    assert reader.get_destination_page_number(entries[0]) == index + 2


def _flat(entries):
    for entry in entries:
        if isinstance(entry, list):
            yield from _flat(entry)
        else:
            yield entry


def test_the_pack_is_made_again_only_when_its_inputs_change(so_meeting, item):
    first = services.current_pack(so_meeting)
    made_at, name = first.made_at, first.file.name
    again = services.current_pack(Meeting.objects.get(pk=so_meeting.pk))
    assert (again.made_at, again.file.name) == (made_at, name)
    attach(item, "bijlage.pdf", pdf_bytes("<p>Nieuwe bijlage</p>"))
    changed = services.current_pack(Meeting.objects.get(pk=so_meeting.pk))
    assert changed.fingerprint != first.fingerprint and changed.file.name != name
    assert "Nieuwe bijlage" in "\n".join(page_texts(read(changed)))
    Meeting.objects.filter(pk=so_meeting.pk).update(place="Stadhuis Tiel")
    moved = services.current_pack(Meeting.objects.get(pk=so_meeting.pk))
    assert "Stadhuis Tiel" in page_texts(read(moved))[0]
    assert MeetingPack.objects.count() == 1


def test_a_closed_meeting_keeps_its_pack_as_it_was(so_meeting, item):
    pack = services.current_pack(so_meeting)
    Meeting.objects.filter(pk=so_meeting.pk).update(status="closed", place="Elders")
    assert services.current_pack(Meeting.objects.get(pk=so_meeting.pk)).fingerprint == pack.fingerprint


def test_an_agenda_change_makes_the_pack_again_after_commit(so_meeting, item, django_capture_on_commit_callbacks):
    services.current_pack(so_meeting)
    with django_capture_on_commit_callbacks(execute=True):
        AgendaItem.objects.create(meeting=so_meeting, order=9, title="Rondvraag")
    pack = MeetingPack.objects.get(meeting=so_meeting)
    assert "Rondvraag" in page_texts(read(pack))[1]


def test_body_members_the_manager_and_administrators_download_the_pack(
    client, so_meeting, route, manager, admin_user, reader, secretaries
):
    member = f.UserFactory(username="sonja")
    f.BodyMembershipFactory(body=route["SO"], person=f.PersonFactory(name="Sonja", user=member))
    url = reverse("papers:pack", args=[so_meeting.pk])
    for user in (member, manager, admin_user):
        client.force_login(user)
        response = client.get(url)
        assert response.status_code == 200
        assert b"".join(response.streaming_content).startswith(b"%PDF")
        assert "attachment" in response["Content-Disposition"] and ".pdf" in response["Content-Disposition"]
    assert MeetingPack.objects.count() == 1


def test_readers_and_members_of_other_bodies_may_not(client, so_meeting, reader, secretaries):
    url = reverse("papers:pack", args=[so_meeting.pk])
    for user in (reader, secretaries["RBJ"]):
        client.force_login(user)
        assert client.get(url).status_code == 403
    assert not MeetingPack.objects.exists()  # nothing is made for someone who may not have it
    client.logout()
    assert client.get(url).status_code == 302
    assert client.get(reverse("papers:pack", args=[999999])).status_code in (302, 404)


def test_the_meeting_page_links_the_pack_for_those_who_may_download_it(client, so_meeting, manager, reader):
    client.force_login(manager)
    page = client.get(so_meeting.get_absolute_url()).content.decode()
    assert reverse("papers:pack", args=[so_meeting.pk]) in page
    client.force_login(reader)
    page = client.get(so_meeting.get_absolute_url()).content.decode()
    assert reverse("papers:pack", args=[so_meeting.pk]) not in page


def test_reading_the_pack_contents_takes_the_same_queries_for_many_items(so_meeting, item, django_assert_num_queries):
    with CaptureQueriesContext(connection) as one:
        collect(so_meeting)
    for order in range(5):
        extra = AgendaItem.objects.create(
            meeting=so_meeting, order=10 + order, title=f"Punt {order}", subject=item.subject
        )
        attach(extra, f"bijlage-{order}.pdf", b"%PDF-1.7")
    with django_assert_num_queries(len(one.captured_queries)):
        collect(so_meeting)


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_downloads_at_once_make_one_pack(so_meeting, item, settings):
    barrier, errors = threading.Barrier(2), []
    real_render = services.render

    def download():
        try:
            barrier.wait()
            services.current_pack(
                Meeting.objects.select_related("body__programme__collaboration").get(pk=so_meeting.pk)
            )
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)
        finally:
            connection.close()

    with mock.patch.object(services, "render", side_effect=real_render) as render:
        threads = [threading.Thread(target=download) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert errors == []
    assert render.call_count == 1
    assert MeetingPack.objects.count() == 1
    assert len(list((Path(settings.MEDIA_ROOT) / "papers" / str(so_meeting.pk)).iterdir())) == 1


def test_an_annex_that_fails_while_merging_is_listed_and_the_pack_still_renders(so_meeting, item, settings):
    settings.LANGUAGE_CODE = "en"
    attach(item, "lastig.pdf", pdf_bytes("<p>Lastige bijlage</p>"), title="Lastig")
    real_merge = annexes.merge

    def fail_once(pdf, placements):
        if placements:
            raise annexes.AnnexFailed(next(iter(placements)))
        return real_merge(pdf, placements)

    with mock.patch.object(annexes, "merge", side_effect=fail_once):
        pack = services.current_pack(so_meeting)
    texts = page_texts(read(pack))
    assert "Lastige bijlage" not in "\n".join(texts)
    assert "Lastig" in texts[-1] and "cannot be read" in texts[-1]


def test_an_annex_whose_file_is_gone_is_listed_as_missing(so_meeting, item, settings):
    settings.LANGUAGE_CODE = "en"
    document = attach(item, "weg.pdf", pdf_bytes("<p>Weg</p>"), title="Verdwenen")
    document.file.storage.delete(document.file.name)
    texts = page_texts(read(services.current_pack(so_meeting)))
    assert "Verdwenen" in texts[-1] and "missing" in texts[-1]


def test_the_deciding_body_reads_the_conditions_still_open_and_not_those_confirmed(
    so_meeting, item, advised_pilot, lead, secretaries, settings
):
    settings.LANGUAGE_CODE = "en"
    condition = advised_pilot.conditions.get()
    text = "\n".join(page_texts(read(services.current_pack(so_meeting))))
    assert "Conditions still open" in text and "set by RBJ" in text.replace("\n", " ")
    conditions.mark_met(condition, lead, "Gemeente Tiel betaalt vanaf 2028.")
    conditions.confirm(condition, secretaries["RBJ"])
    text = "\n".join(page_texts(read(services.current_pack(so_meeting))))  # the pack is made again
    assert "Conditions still open" not in text
