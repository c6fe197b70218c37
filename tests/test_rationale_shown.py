"""Every advice and decision shows its rationale and conditions wherever it is shown (issue #11, item 3)."""

import datetime
import io
import re

from django.urls import reverse
from django.utils import timezone
from docx import Document

from pilots import services
from reports import services as report_services
from tests import factories as f
from tests.factories import PASSWORD


def section(html, section_id):
    return re.search(rf'<section[^>]*id="{section_id}".*?</section>', html, re.S).group(0)


def test_the_so_approval_shows_its_rationale_in_the_stepper_and_the_history(client, pilot, lead, secretaries):
    services.submit(pilot, lead)
    services.forward(pilot, secretaries["Kernteam"], note="Goed uitgewerkt")
    services.record_advice(
        pilot,
        secretaries["RBJ"],
        "conditional",
        rationale="Past in actielijn 1",
        conditions="Evalueer na een half jaar",
    )
    services.decide(
        pilot,
        secretaries["SO"],
        "approved",
        rationale="Sluit aan bij de regionale koers",
        conditions_note="De voorwaarde wordt bij de eerste voortgangsrapportage getoetst.",
    )
    assert client.login(username=lead.username, password=PASSWORD)
    html = client.get(reverse("pilots:detail", args=[pilot.pk])).content.decode().replace("\u00a0", " ")
    for part in (section(html, "route"), section(html, "history")):
        assert "Sluit aan bij de regionale koers" in part
        assert "€ 30.000" in part  # the released amounts stay
        assert "Past in actielijn 1" in part
        assert "Evalueer na een half jaar" in part


LONG_RATIONALE = " ".join(["Het SO besluit na een lange bespreking."] * 10) + " Laatste zin: evaluatie in juni."


def test_the_decision_log_and_the_programme_report_show_the_whole_rationale(client, pilot, lead, secretaries, manager):
    line = f.ActionLineFactory(programme=pilot.programme, title="Eerder en dichtbij")
    pilot.action_lines.add(line)
    services.submit(pilot, lead)
    services.forward(pilot, secretaries["Kernteam"])
    services.record_advice(pilot, secretaries["RBJ"], "positive")
    services.decide(pilot, secretaries["SO"], "rejected", rationale=LONG_RATIONALE)
    client.force_login(manager)
    log = client.get(reverse("governance:decisions", args=[pilot.programme_id])).content.decode()
    assert "Laatste zin: evaluatie in juni." in log
    today = timezone.localdate()
    report = report_services.compile_programme_report(
        pilot.programme, manager, today.replace(month=1, day=1), today.replace(month=12, day=31)
    )
    page = client.get(report.get_absolute_url()).content.decode()
    assert "Laatste zin: evaluatie in juni." in page
    document = Document(io.BytesIO(client.get(reverse("reports:programme_report_docx", args=[report.pk])).content))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert LONG_RATIONALE in cells


def test_the_meeting_page_shows_the_advice_recorded_there_with_rationale_and_conditions(
    client, pilot, lead, secretaries, route, reader
):
    from governance.models import Meeting

    meeting = Meeting.objects.create(body=route["RBJ"], starts_at=timezone.now() + datetime.timedelta(days=7))
    services.submit(pilot, lead)
    services.forward(pilot, secretaries["Kernteam"])
    services.record_advice(
        pilot,
        secretaries["RBJ"],
        "conditional",
        rationale="Goed plan, maar dun op meten",
        conditions="Meetplan voor de start",
        meeting=meeting,
    )
    client.force_login(reader)
    page = client.get(meeting.get_absolute_url()).content.decode()
    records = re.search(r'<h2 class="h5" id="records">.*?</ul>', page, re.S).group(0)
    assert "Goed plan, maar dun op meten" in records and "Meetplan voor de start" in records
