"""Reporting in a real browser: the lead files a progress report and the kernteam accepts it; the programme
manager compiles the half-yearly programme report, downloads it as Word and looks at the dashboard."""

import datetime

import docx
import pytest
from django.utils import timezone

from reports import services
from reports.models import ProgrammeReport, ProgressReport, ReportReview, ReportSubmission
from tests import factories as f
from tests.conftest import SCREENSHOTS
from tests.test_browser_pilot_journey import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

D = datetime.date


def test_the_lead_files_a_progress_report_and_the_kernteam_accepts_it(
    live_server, page, programme, workgroup1, manager, lead, route, secretaries
):
    route["Kernteam"].kind = f.kind_of(programme, "core_team")  # the kernteam reviews progress reports
    route["Kernteam"].save()
    due = timezone.localdate() + datetime.timedelta(days=14)
    report = services.request_report(programme, manager, workgroup1, due, note="Voortgang instroomtafel")
    base = live_server.url

    log_in(page, base, lead.username)
    page.wait_for_selector("h1:has-text('Mijn werk')")
    page.click("[data-work=report] a:has-text('Gecoördineerde Instroom')")
    page.wait_for_selector("#report-form")
    assert page.url == f"{base}/reports/{report.pk}/"

    # Bad input: no progress written. The page says so in Dutch and nothing is submitted.
    page.fill("textarea[name=bottlenecks]", "Wachtlijst GGZ loopt op.")
    page.select_option("select[name=course]", "attention")
    page.click("#report-form button:has-text('Indienen bij het kernteam')")
    error = page.wait_for_selector(".alert-danger").inner_text()
    assert "Beschrijf de voortgang van de periode." in error
    assert page.input_value("textarea[name=bottlenecks]") == "Wachtlijst GGZ loopt op."  # what was typed stays
    report.refresh_from_db()
    assert report.status == "open"
    assert not ReportSubmission.objects.filter(report=report).exists()

    page.fill("textarea[name=progress]", "De instroomtafel draait wekelijks; 14 gezinnen besproken.")
    page.fill("textarea[name=bottlenecks]", "Wachtlijst GGZ loopt op.")
    page.fill("textarea[name=lessons]", "Vroeg aanschuiven van de huisarts werkt.")
    page.select_option("select[name=course]", "attention")
    page.click("#report-form button:has-text('Indienen bij het kernteam')")
    page.wait_for_selector(".alert-success:has-text('Uw rapportage is ingediend bij het kernteam.')")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "report_submitted.png"), full_page=True)
    assert page.locator("[data-status]").first.inner_text() == "Ingediend"
    assert page.locator("#report-form").count() == 0  # a submitted report is no longer open to the lead
    report.refresh_from_db()
    assert report.status == "submitted"

    log_in(page, base, secretaries["Kernteam"].username)
    page.wait_for_selector("h1:has-text('Mijn werk')")
    page.click("[data-work=review] a:has-text('Gecoördineerde Instroom')")
    page.wait_for_selector("#review-form")
    card = page.locator("main .card").first.inner_text()
    assert "De instroomtafel draait wekelijks; 14 gezinnen besproken." in card
    assert "Aandacht nodig" in card
    page.check("#review-form input[name=outcome][value=accepted]")
    page.fill("#review-form textarea[name=comment]", "Helder, dank.")
    page.click("#review-form button:has-text('Beoordeling vastleggen')")
    page.wait_for_selector(".alert-success:has-text('De beoordeling is vastgelegd.')")
    assert page.locator("[data-status]").first.inner_text() == "Geaccepteerd"
    assert "Geaccepteerd" in page.locator("[data-row=submission]").inner_text()
    assert page.locator("#review-form").count() == 0
    report.refresh_from_db()
    assert report.status == "accepted"
    review = ReportReview.objects.get(report=report)
    assert (review.outcome, review.reviewed_by, review.body) == ("accepted", secretaries["Kernteam"], route["Kernteam"])


def test_the_manager_compiles_the_programme_report_downloads_it_as_word_and_opens_the_dashboard(
    live_server, page, tmp_path, programme, workgroup1, manager, money
):
    line = f.ActionLineFactory(programme=programme, title="Eerder en dichtbij", order=1)
    workgroup1.action_lines.add(line)
    ProgressReport.objects.create(
        programme=programme,
        workgroup=workgroup1,
        due_date=D(2026, 3, 31),
        period_start=D(2026, 1, 1),
        period_end=D(2026, 3, 31),
        status="accepted",
        progress="Instroomtafel draait",
        course="on_track",
    )
    summary = "Het eerste halfjaar liep de instroom via de tafel; de pilots liggen op koers."
    base = live_server.url

    log_in(page, base, manager.username, programme.get_absolute_url())
    page.click("nav a.nav-link:has-text('Rapportages')")
    compile_form = page.locator("form[action$='/programme-reports/new/']")
    compile_form.locator("input[name=period_start]").fill("2026-01-01")
    compile_form.locator("input[name=period_end]").fill("2026-06-30")
    compile_form.locator("button:has-text('Opstellen')").click()
    page.wait_for_selector(".alert-success:has-text('De programmarapportage is samengesteld')")
    assert page.locator("h1").inner_text() == "Programmarapportage 1 januari 2026 – 30 juni 2026"

    page.click("a:has-text('Samenvattingen schrijven')")
    page.fill("#summary-form textarea[name=summary]", summary)
    page.fill(f"[data-action-line='{line.pk}'] textarea", "Instroomtafel in alle gemeenten gestart.")
    page.click("#summary-form button:has-text('Opslaan')")
    page.wait_for_selector(".alert-success:has-text('De samenvattingen zijn opgeslagen.')")
    headings = page.locator("main h2").all_inner_texts()
    assert headings[:2] == ["Algemene samenvatting", "Geld in deze periode"]
    assert "Actielijn: Eerder en dichtbij" in headings
    assert summary in page.locator("main section").first.inner_text()
    assert "Instroomtafel draait" in page.locator(f"[data-action-line='{line.pk}'] [data-row=report]").inner_text()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "programme_report.png"), full_page=True)
    assert ProgrammeReport.objects.get(programme=programme).summary == summary

    with page.expect_download() as info:
        page.click("a:has-text('Downloaden als Word')")
    download = info.value
    assert download.suggested_filename == "programmarapportage-2026-01-01-2026-06-30.docx"
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    document = docx.Document(path)
    paragraphs = [p for p in document.paragraphs if p.text.strip()]
    word_headings = [p.text for p in paragraphs if p.style.name.startswith(("Heading", "Title"))]
    assert word_headings[0] == "Uitvoeringsprogramma test"
    assert "Algemene samenvatting" in word_headings
    assert "Actielijn: Eerder en dichtbij" in word_headings
    texts = [p.text for p in paragraphs]
    assert texts[texts.index("Algemene samenvatting") + 1] == summary
    word_cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert "Instroomtafel draait" in word_cells  # the accepted report of the period, in the action line's table

    page.goto(f"{base}/programmes/{programme.pk}/dashboard/")
    page.wait_for_selector("h1:has-text('Dashboard')")
    page.wait_for_function("() => window.Chart && Chart.getChart(document.getElementById('chart-money'))")
    canvas = page.locator("canvas#chart-money")
    assert canvas.is_visible() and canvas.bounding_box()["height"] > 100
    fallback = page.locator("#table-money")  # visually hidden for sighted users, read by screen readers and printed
    assert fallback.locator("caption").text_content() == "Pilotbudget per jaar"
    cells = fallback.locator("tbody tr", has_text="2026").locator("td").all_text_contents()
    assert [cell.replace("\xa0", " ") for cell in cells] == ["2026", "€ 80.000", "€ 0", "€ 0", "€ 80.000"]
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "dashboard.png"), full_page=True)
