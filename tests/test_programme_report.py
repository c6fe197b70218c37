"""The half-yearly programme report says what its sources say, exports to a Word file with Dutch headings,
and report due dates reach the calendar feed."""

import datetime
import io
import zoneinfo
from decimal import Decimal

import pytest
import time_machine
from django.urls import reverse
from docx import Document
from icalendar import Calendar

from finance.models import BudgetMovement
from governance.models import Decision
from pilots.models import Indicator, Measurement
from programmes.risks import Risk
from reminders.models import CalendarToken
from reports import services
from reports.models import ProgressReport
from tests import factories as f

pytestmark = pytest.mark.dates

D = datetime.date
IN_PERIOD = datetime.datetime(2026, 3, 15, 12, tzinfo=zoneinfo.ZoneInfo("Europe/Amsterdam"))
AFTER = datetime.datetime(2026, 8, 15, 12, tzinfo=zoneinfo.ZoneInfo("Europe/Amsterdam"))


@pytest.fixture
def sources(programme, workgroup1, workgroup2, manager, lead, route):
    """H1 2026: one accepted report on action line 1, a draft, a report of H2; a pilot with an indicator;
    a decision, money released and spent, a risk changed; and the same kinds of things outside the period."""
    line1 = f.ActionLineFactory(programme=programme, title="Eerder en dichtbij", order=1)
    line2 = f.ActionLineFactory(programme=programme, title="Specialistische zorg", order=2)
    workgroup1.action_lines.add(line1)
    workgroup2.action_lines.add(line2)

    def report(workgroup, end, status, progress="", bottlenecks="", course=""):
        return ProgressReport.objects.create(
            programme=programme,
            workgroup=workgroup,
            due_date=end,
            period_start=end - datetime.timedelta(days=89),
            period_end=end,
            status=status,
            progress=progress,
            bottlenecks=bottlenecks,
            course=course,
        )

    report(workgroup1, D(2026, 3, 31), "accepted", "Instroomtafel draait", "Wachtlijst GGZ", "attention")
    report(workgroup2, D(2026, 6, 30), "draft", "Nog niet klaar")
    report(workgroup1, D(2026, 9, 30), "submitted", "Later kwartaal")

    pilot = f.PilotFactory(programme=programme, workgroup=workgroup1, title="JIM-aanpak", status="running")
    pilot.action_lines.add(line1)
    indicator = Indicator.objects.create(pilot=pilot, name="Wachttijd", unit="weken", target=Decimal("4"))
    Measurement.objects.create(indicator=indicator, date=D(2026, 5, 1), value=Decimal("6"))
    Measurement.objects.create(indicator=indicator, date=D(2026, 9, 1), value=Decimal("3"))

    for day, title in ((D(2026, 4, 2), "Start JIM"), (D(2026, 7, 2), "Later besluit")):
        Decision.objects.create(
            programme=programme,
            body=route["SO"],
            subject_title=title,
            action_line=line1,
            outcome="approved",
            date=day,
        )
    for moment, amount in ((IN_PERIOD, "20000"), (AFTER, "5000")):
        with time_machine.travel(moment, tick=False):
            for kind in ("release", "spend"):
                BudgetMovement.objects.create(
                    programme=programme, year=2026, kind=kind, amount=Decimal(amount), subject_label="JIM"
                )
    with time_machine.travel(IN_PERIOD, tick=False):
        Risk.objects.create(programme=programme, title="Uitval trekkers", likelihood=3, impact=4)
    with time_machine.travel(AFTER, tick=False):
        Risk.objects.create(programme=programme, title="Later risico", likelihood=2, impact=2)
    return services.compile_programme_report(programme, manager, D(2026, 1, 1), D(2026, 6, 30))


def test_the_contents_match_the_sources(sources):
    from reports.compilation import contents

    data = contents(sources)
    first, second = data.sections
    assert first.action_line.title == "Eerder en dichtbij"
    assert [r.progress for r in first.reports] == ["Instroomtafel draait"]
    assert second.reports == []  # a draft is not handed in
    assert [(line.pilot.title, line.indicators[0].latest, line.indicators[0].target) for line in first.pilots] == [
        ("JIM-aanpak", Decimal("6.00"), Decimal("4.00"))
    ]  # the latest measurement up to the period's end, not the one after it
    assert [d.subject_title for d in first.decisions] == ["Start JIM"]
    assert (data.released, data.spent) == (Decimal("20000.00"), Decimal("20000.00"))
    assert [r.title for r in data.risks] == ["Uitval trekkers"]
    assert [b.bottlenecks for b in data.bottlenecks] == ["Wachtlijst GGZ"]
    assert (data.reports_in, data.reports_due) == (1, 2)


def test_a_period_is_compiled_once_and_only_by_the_manager(sources, programme, manager, lead):
    with pytest.raises(services.ReportRefused):
        services.compile_programme_report(programme, manager, D(2026, 1, 1), D(2026, 6, 30))
    with pytest.raises(services.ReportRefused):
        services.compile_programme_report(programme, lead, D(2026, 7, 1), D(2026, 12, 31))
    with pytest.raises(services.ReportRefused):
        services.compile_programme_report(programme, manager, D(2026, 12, 31), D(2026, 7, 1))


def test_the_manager_writes_summaries_and_downloads_a_word_file_with_dutch_headings(client, sources, manager):
    client.force_login(manager)
    summary = sources.summaries.get(action_line__title="Eerder en dichtbij")
    response = client.post(
        sources.get_absolute_url(),
        {"summary": "Een goed halfjaar.", f"summary_{summary.pk}": "De instroomtafel werkt."},
    )
    assert response.status_code == 302
    page = client.get(sources.get_absolute_url()).content.decode()
    assert "Een goed halfjaar." in page and "De instroomtafel werkt." in page and "Wachtlijst GGZ" in page

    response = client.get(reverse("reports:programme_report_docx", args=[sources.pk]))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.wordprocessingml")
    document = Document(io.BytesIO(response.content))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings[:2] == ["Algemene samenvatting", "Geld in deze periode"]
    assert "Actielijn: Eerder en dichtbij" in headings and "Openstaande knelpunten" in headings
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Een goed halfjaar." in text and "De instroomtafel werkt." in text
    cells = {cell.text for table in document.tables for row in table.rows for cell in row.cells}
    assert {"€\u00a020.000", "JIM-aanpak", "Start JIM", "Instroomtafel draait"} <= cells


def test_a_reader_reads_but_cannot_write_summaries_an_outsider_sees_nothing(client, sources, reader, outsider):
    client.force_login(reader)
    assert client.get(sources.get_absolute_url()).status_code == 200
    assert client.post(sources.get_absolute_url(), {"summary": "Ingebroken"}).status_code == 403
    client.force_login(outsider)
    assert client.get(sources.get_absolute_url()).status_code == 403
    assert client.get(reverse("reports:programme_report_docx", args=[sources.pk])).status_code == 403
    sources.refresh_from_db()
    assert sources.summary == ""


def test_open_report_due_dates_are_in_the_calendar_feed(client, sources, reader):
    token = CalendarToken.objects.create(user=reader)
    calendar = Calendar.from_ical(client.get(reverse("calendar_user", args=[token.token])).content)
    due = {str(e.get("summary")): e.decoded("dtstart") for e in calendar.walk("VEVENT")}
    assert due["Voortgangsrapportage in te leveren: 2. Gezamenlijke Instap"] == D(2026, 6, 30)  # the draft
    assert not any("Instroom" in s and "in te leveren" in s for s in due)  # accepted and submitted are not due
