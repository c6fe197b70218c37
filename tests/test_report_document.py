"""The half-yearly programme report as an A4 document (Word and PDF), and its adoption (vaststelling) by a body,
after which the report and its figures no longer change."""

import datetime
import io
import threading
import zoneinfo
from decimal import Decimal

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from docx import Document
from docx.shared import Cm
from pypdf import PdfReader

from finance.models import BudgetMovement
from governance.models import Decision
from pilots.models import Indicator, Measurement
from reminders.models import Notification
from reports import services
from reports.models import ActionLineSummary, ProgressReport
from tests import factories as f

pytestmark = pytest.mark.dates

D = datetime.date
AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")
IN_PERIOD = datetime.datetime(2026, 3, 15, 12, tzinfo=AMSTERDAM)
TODAY = datetime.datetime(2026, 9, 10, 10, tzinfo=AMSTERDAM)
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@pytest.fixture(autouse=True)
def _september():
    with time_machine.travel(TODAY, tick=False):
        yield


@pytest.fixture
def report(programme, workgroup1, manager, route, money):
    """H1 2026 of "Uitvoeringsprogramma test": an accepted report, a running pilot with a measured indicator,
    a decision, € 20.000 released and € 8.000 spent in the period."""
    line = f.ActionLineFactory(programme=programme, title="Eerder en dichtbij", order=1)
    workgroup1.action_lines.add(line)
    ProgressReport.objects.create(
        programme=programme,
        workgroup=workgroup1,
        due_date=D(2026, 3, 31),
        period_start=D(2026, 1, 1),
        period_end=D(2026, 3, 31),
        status="accepted",
        progress="Instroomtafel draait in drie gemeenten",
        bottlenecks="Wachtlijst GGZ",
        course="attention",
    )
    pilot = f.PilotFactory(programme=programme, workgroup=workgroup1, title="JIM-aanpak", status="running")
    pilot.action_lines.add(line)
    indicator = Indicator.objects.create(
        pilot=pilot, name="Wachttijd", unit="weken", baseline=Decimal("9"), target=Decimal("4")
    )
    for day, value in ((D(2026, 2, 1), "8"), (D(2026, 4, 1), "7"), (D(2026, 6, 1), "6")):
        Measurement.objects.create(indicator=indicator, date=day, value=Decimal(value))
    Decision.objects.create(
        programme=programme,
        body=route["SO"],
        subject_title="Start JIM",
        action_line=line,
        outcome="approved",
        date=D(2026, 4, 2),
    )
    with time_machine.travel(IN_PERIOD, tick=False):
        for kind, amount in (("release", "20000"), ("spend", "8000")):
            BudgetMovement.objects.create(
                programme=programme, year=2026, kind=kind, amount=Decimal(amount), subject_label="JIM"
            )
    report = services.compile_programme_report(programme, manager, D(2026, 1, 1), D(2026, 6, 30))
    report.summary = "Een goed halfjaar."
    report.save()
    return report


@pytest.fixture
def bo(programme):
    return f.GovernanceBodyFactory(programme=programme, name="Bestuurlijk Overleg", abbreviation="BO")


def word(client, report):
    response = client.get(reverse("reports:programme_report_docx", args=[report.pk]))
    assert response.status_code == 200
    return Document(io.BytesIO(b"".join(response.streaming_content) if response.streaming else response.content))


def pdf(client, report):
    response = client.get(reverse("reports:programme_report_pdf", args=[report.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('programmarapportage-2026-01-01-2026-06-30.pdf"')
    return PdfReader(io.BytesIO(b"".join(response.streaming_content) if response.streaming else response.content))


def cells(document):
    return [cell.text.replace("\u00a0", " ") for table in document.tables for row in table.rows for cell in row.cells]


def test_the_word_file_is_a4_with_a_cover_contents_and_page_numbers(client, report, manager):
    client.force_login(manager)
    document = word(client, report)
    section = document.sections[0]
    assert (round(section.page_width.cm, 2), round(section.page_height.cm, 2)) == (21.0, 29.7)  # A4
    assert section.left_margin >= Cm(2) and section.right_margin >= Cm(2)
    assert section.different_first_page_header_footer  # the cover has no header or footer
    footer = section.footer._element.xml
    assert 'w:instr="PAGE"' in footer and 'w:instr="NUMPAGES"' in footer
    assert "Uitvoeringsprogramma test" in section.header.paragraphs[0].text
    body = document.element.body.xml
    assert 'w:instr="TOC' in body  # the table of contents, filled by Word
    assert document.settings.element.find(f"{{{W}}}updateFields").get(f"{{{W}}}val") == "true"
    paragraphs = [p.text for p in document.paragraphs if p.text.strip()]
    cover = paragraphs[: paragraphs.index(next(p for p in paragraphs if "Marit" in p)) + 1]
    assert "Uitvoeringsprogramma test" in cover and str(report.programme.collaboration) in cover
    assert "1 januari 2026 – 30 juni 2026" in cover
    assert any(p.startswith("Status: Concept") for p in cover)
    # The cover ends with a page break, the contents too: the body starts on the third page.
    breaks = document.element.body.xml.count('w:type="page"')
    assert breaks >= 2


def test_the_word_file_has_dutch_properties_with_the_programme_manager_as_author(client, report, reader):
    client.force_login(reader)  # whoever downloads it, the programme manager signs it
    properties = word(client, report).core_properties
    assert properties.author == "Marit" and properties.last_modified_by == "Marit"
    assert properties.title == "Programmarapportage 01-01-2026 – 30-06-2026 – Uitvoeringsprogramma test"
    assert properties.language == "nl-NL"
    assert properties.created == datetime.datetime(2026, 9, 10, 8, 0, tzinfo=datetime.UTC)  # now


def test_the_word_file_tables_fit_the_page_and_the_charts_are_images(client, report, manager):
    client.force_login(manager)
    document = word(client, report)
    text_width = Cm(21.0 - 2.2 * 2)
    for table in document.tables:
        layout = table._tbl.tblPr.find(f"{{{W}}}tblLayout")
        assert layout is not None and layout.get(f"{{{W}}}type") == "fixed"
        assert sum(cell.width for cell in table.rows[0].cells) <= text_width + Cm(0.05)
    assert len(document.inline_shapes) == 2  # the money chart and the one measured indicator
    for shape in document.inline_shapes:
        assert shape.width <= text_width
    shown = cells(document)
    assert {"€ 20.000", "€ 8.000", "JIM-aanpak", "Wachttijd (weken)", "Start JIM"} <= set(shown)
    assert "6\n(01-06-2026)" in shown  # the latest measurement of the period, with its date
    assert "€ 80.000" in shown  # the pilot budget of 2026 in the table per year


def test_the_pdf_is_a4_with_the_cover_contents_and_page_numbers(client, report, manager):
    client.force_login(manager)
    reader = pdf(client, report)
    assert len(reader.pages) >= 4  # cover, contents, summary and money, the action line, risks
    for page in reader.pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)
    cover = reader.pages[0].extract_text()
    assert "Uitvoeringsprogramma test" in cover and str(report.programme.collaboration) in cover
    assert "1 januari 2026 – 30 juni 2026" in cover and "Marit" in cover
    assert "Pagina" not in cover  # no footer on the cover
    last = len(reader.pages)
    assert f" {last} van {last}" in reader.pages[-1].extract_text()  # "Pagina 5 van 5"
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Instroomtafel draait in drie gemeenten" in text and "€ 20.000" in text.replace("\u00a0", " ")
    assert [item.title for item in reader.outline if not isinstance(item, list)][:3] == [
        "Inhoud",
        "Algemene samenvatting",
        "Geld in deze periode",
    ]
    assert reader.metadata.author == "Marit"


def record_adoption(client, report, body, **extra):
    data = {"body": body.pk if body else "", "date": "2026-09-08", "rationale": "", **extra}
    return client.post(reverse("reports:programme_report_adopt", args=[report.pk]), {**data, "confirmed": "1"})


def test_adopting_records_a_decision_of_the_body_and_keeps_the_documents(client, report, manager, bo):
    f.BodyMembershipFactory(body=bo, person=f.PersonFactory(name="Wethouder", user=f.UserFactory(username="weth")))
    client.force_login(manager)
    url = reverse("reports:programme_report_adopt", args=[report.pk])
    assert client.get(url).status_code == 200
    confirm = client.post(url, {"body": bo.pk, "date": "2026-09-08"})
    assert confirm.status_code == 200 and b'name="confirmed"' in confirm.content
    assert not Decision.objects.filter(outcome="adopted").exists()  # the confirmation page asks first

    response = record_adoption(client, report, bo)
    assert response.status_code == 302
    report.refresh_from_db()
    decision = Decision.objects.get(outcome="adopted")
    assert report.decision == decision and decision.subject == report and decision.body == bo
    assert decision.date == D(2026, 9, 8) and decision.recorded_by == manager
    assert report.is_adopted and report.frozen_figures["released"] == "20000.00"
    assert report.word_file.name.endswith(".docx") and report.pdf_file.name.endswith(".pdf")
    document = word(client, report)
    cover = [p.text for p in document.paragraphs]
    status = next(p for p in cover if p.startswith("Status: "))
    assert "Bestuurlijk Overleg" in status and "8 september 2026" in status  # "Vastgesteld door ... op ..."
    assert "Bestuurlijk Overleg" in pdf(client, report).pages[0].extract_text()
    told = Notification.objects.filter(kind="report_adopted").values_list("user__username", flat=True)
    assert "weth" in told and "marit" not in told  # the body's members; not the one who recorded it


def test_after_adoption_the_figures_stay_as_they_were_when_the_sources_change(client, report, manager, bo):
    client.force_login(manager)
    report = services.adopt_programme_report(report, manager, bo, D(2026, 9, 8))
    frozen_word = report.word_file.read()
    with time_machine.travel(IN_PERIOD, tick=False):
        BudgetMovement.objects.create(
            programme=report.programme, year=2026, kind="release", amount=Decimal("5000"), subject_label="Later"
        )
    Measurement.objects.create(indicator=Indicator.objects.get(name="Wachttijd"), date=D(2026, 6, 20), value=3)
    report.programme.title = "Andere titel"
    report.programme.save()

    page = client.get(report.get_absolute_url()).content.decode().replace("\u00a0", " ")
    assert "€ 20.000" in page and "€ 25.000" not in page
    response = client.get(reverse("reports:programme_report_docx", args=[report.pk]))
    assert b"".join(response.streaming_content) == frozen_word  # the very file kept at adoption
    shown = cells(word(client, report))
    assert "€ 20.000" in shown and "€ 25.000" not in shown and "6\n(01-06-2026)" in shown
    text = "\n".join(p.extract_text() for p in pdf(client, report).pages).replace("\u00a0", " ")
    assert "€ 20.000" in text and "€ 25.000" not in text and "Uitvoeringsprogramma test" in text


def test_after_adoption_editing_is_refused_and_nothing_changes(client, report, manager, bo):
    services.adopt_programme_report(report, manager, bo, D(2026, 9, 8))
    summary = report.summaries.get()
    client.force_login(manager)
    with translation.override("en"):
        response = client.post(
            report.get_absolute_url(),
            {"summary": "Herschreven", f"summary_{summary.pk}": "Ook herschreven"},
            follow=True,
            HTTP_ACCEPT_LANGUAGE="en",
        )
    assert response.status_code == 200
    messages = [str(m) for m in response.context["messages"]]
    assert any("adopted (vastgesteld); it no longer changes" in m or "vastgesteld" in m for m in messages)
    report.refresh_from_db()
    assert report.summary == "Een goed halfjaar."
    assert ActionLineSummary.objects.get(pk=summary.pk).summary == ""
    assert "?edit=1" not in client.get(report.get_absolute_url()).content.decode()
    with pytest.raises(services.ReportRefused):
        services.save_programme_report(report, manager, None)


def test_adopting_twice_gives_one_decision(client, report, manager, bo, route):
    services.adopt_programme_report(report, manager, bo, D(2026, 9, 8))
    with pytest.raises(services.ReportRefused):
        services.adopt_programme_report(report, manager, route["SO"], D(2026, 9, 9))
    client.force_login(manager)
    response = record_adoption(client, report, route["SO"])
    assert response.status_code in (200, 302)
    assert Decision.objects.filter(outcome="adopted").count() == 1
    report.refresh_from_db()
    assert report.decision.body == bo


def test_only_the_programme_manager_or_an_administrator_records_adoption(
    client, report, bo, lead, reader, secretaries, admin_user
):
    for user in (lead, reader, secretaries["SO"]):  # a body's secretary records advice, not this
        with pytest.raises(services.ReportForbidden):
            services.adopt_programme_report(report, user, bo)
        client.force_login(user)
        assert client.get(reverse("reports:programme_report_adopt", args=[report.pk])).status_code == 403
        assert record_adoption(client, report, bo).status_code == 403
    assert not Decision.objects.filter(outcome="adopted").exists()
    services.adopt_programme_report(report, admin_user, bo)
    assert Decision.objects.get(outcome="adopted").recorded_by == admin_user


def test_a_body_of_the_programme_must_be_chosen(client, report, manager, other_programme):
    elsewhere = f.GovernanceBodyFactory(programme=other_programme, name="BO elders")
    with pytest.raises(services.ReportRefused):
        services.adopt_programme_report(report, manager, None)
    with pytest.raises(services.ReportRefused):
        services.adopt_programme_report(report, manager, elsewhere)
    client.force_login(manager)
    for body in (None, elsewhere):
        response = record_adoption(client, report, body)
        assert response.status_code == 200 and response.context["form"].errors["body"]
    assert not Decision.objects.filter(outcome="adopted").exists()
    report.refresh_from_db()
    assert not report.is_adopted and not report.word_file


def test_a_date_in_the_future_is_refused(client, report, manager, bo):
    client.force_login(manager)
    response = record_adoption(client, report, bo, date="2026-09-11")
    assert response.status_code == 200 and response.context["form"].non_field_errors()
    assert not Decision.objects.filter(outcome="adopted").exists()


def test_the_admin_cannot_change_an_adopted_report(client, report, manager, bo, admin_user):
    services.adopt_programme_report(report, manager, bo)
    client.force_login(admin_user)
    url = reverse("admin:reports_programmereport_change", args=[report.pk])
    client.post(url, {"summary": "Via de admin"})
    report.refresh_from_db()
    assert report.summary == "Een goed halfjaar."


def test_the_page_and_the_documents_show_the_same_figures(client, report, manager):
    client.force_login(manager)
    page = client.get(report.get_absolute_url()).content.decode().replace("\u00a0", " ")
    shown = cells(word(client, report))
    text = "\n".join(p.extract_text() for p in pdf(client, report).pages).replace("\u00a0", " ")
    for figure in ("€ 20.000", "€ 8.000", "€ 80.000", "€ 60.000"):
        assert figure in page and figure in shown and figure in text, figure
    assert timezone.localdate() == D(2026, 9, 10)


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_managers_adopting_at_once_give_one_decision(report, manager, bo, route, admin_user):
    results, barrier = [], threading.Barrier(2)

    def attempt(user, body):
        try:
            barrier.wait()
            services.adopt_programme_report(report, user, body, D(2026, 9, 8))
            results.append("adopted")
        except services.ReportRefused:
            results.append("refused")
        finally:
            connection.close()

    threads = [
        threading.Thread(target=attempt, args=(manager, bo)),
        threading.Thread(target=attempt, args=(admin_user, route["SO"])),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == ["adopted", "refused"]
    assert Decision.objects.filter(outcome="adopted").count() == 1


def test_the_report_page_asks_the_database_a_fixed_number_of_times(client, report, manager, programme, workgroup1):
    client.force_login(manager)
    client.get(report.get_absolute_url())  # warm up: sessions, roles
    with CaptureQueriesContext(connection) as one:
        assert client.get(report.get_absolute_url()).status_code == 200
    line = report.summaries.get().action_line
    for n in range(6):
        pilot = f.PilotFactory(programme=programme, workgroup=workgroup1, title=f"Pilot {n}", status="running")
        pilot.action_lines.add(line)
        indicator = Indicator.objects.create(pilot=pilot, name=f"Indicator {n}", target=Decimal("10"))
        Measurement.objects.create(indicator=indicator, date=D(2026, 5, 1), value=Decimal(n))
    with CaptureQueriesContext(connection) as seven:
        page = client.get(report.get_absolute_url())
    assert "Pilot 5" in page.content.decode()
    assert len(seven) == len(one)
