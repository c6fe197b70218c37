"""One English word, two Dutch meanings: a report is "teruggestuurd", money "teruggevloeid" (issue #11, item 4).
After a return the kernteam reads that the report was returned, when and why, not that it was never written."""

import datetime
import re
import zoneinfo

import pytest
import time_machine
from django.urls import reverse

from reports import services
from reports.models import ProgressReport
from tests.test_reports import people  # noqa: F401  (fixture)

pytestmark = pytest.mark.dates

RETURNED_AT = datetime.datetime(2026, 11, 24, 10, tzinfo=zoneinfo.ZoneInfo("Europe/Amsterdam"))


def a_report(workgroup):
    return ProgressReport.objects.create(
        programme=workgroup.programme,
        workgroup=workgroup,
        due_date=datetime.date(2026, 12, 1),
        period_start=datetime.date(2026, 9, 1),
        period_end=datetime.date(2026, 11, 30),
    )


def test_the_review_offers_teruggestuurd_and_the_budget_page_teruggevloeid(client, people, workgroup1, money):  # noqa: F811
    report = a_report(workgroup1)
    services.submit(report, people["lead"], {"progress": "Eerste versie", "course": "attention"})
    client.force_login(people["kernteam"])
    page = client.get(report.get_absolute_url()).content.decode()
    review = re.search(r'<form[^>]*id="review-form".*?</form>', page, re.S).group(0)
    assert "Teruggestuurd" in review and "Teruggevloeid" not in review
    client.force_login(people["manager"])
    budget = client.get(reverse("finance:budget", args=[workgroup1.programme_id])).content.decode()
    assert "Teruggevloeid" in budget and "Teruggestuurd" not in budget


def test_after_a_return_the_kernteam_reads_when_and_why(client, people, workgroup1):  # noqa: F811
    report = a_report(workgroup1)
    services.submit(report, people["lead"], {"progress": "Eerste versie", "course": "attention"})
    with time_machine.travel(RETURNED_AT, tick=False):
        services.review(report, people["kernteam"], "returned", "Graag de cijfers van oktober")
    client.force_login(people["kernteam"])
    page = client.get(report.get_absolute_url()).content.decode()
    assert "Deze rapportage is nog niet geschreven" not in page
    assert "Teruggestuurd op 24 november 2026 door Kernteam" in page
    assert "Graag de cijfers van oktober" in page
    assert "teruggestuurd naar de schrijvers" in page
