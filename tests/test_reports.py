"""Progress reports: schedules make slots, reporters submit in the fixed format, the kernteam reviews,
reminders go out per stage exactly once, and a muted kind stays quiet (escalations never)."""

import datetime
import re
import zoneinfo
from decimal import Decimal

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from pilots.models import Indicator, Measurement
from reminders import sweep
from reminders.models import Reminder, ReminderPreference
from reports import services
from reports.forms import ScheduleForm
from reports.models import (
    Frequency,
    ProgressReport,
    ReportingSchedule,
    ReportReview,
    ReportStatus,
    ReportSubmission,
)
from reports.schedules import create_slots, due_dates
from tests import factories as f

pytestmark = pytest.mark.dates

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")
D = datetime.date


def schedule(workgroup, **fields):
    fields = {"frequency": Frequency.QUARTERLY, "first_due": D(2026, 3, 31), **fields}
    return ReportingSchedule.objects.create(programme=workgroup.programme, workgroup=workgroup, **fields)


@pytest.fixture
def people(programme, workgroup1, manager, lead, route, secretaries):
    """Lars leads workgroup 1 and reports; Marit manages; the kernteam's secretary reviews."""
    for user in [manager, lead, *secretaries.values()]:
        user.email = f"{user.username}@example.org"
        user.save()
        user.person.email = user.email
        user.person.save()
    route["Kernteam"].kind = f.kind_of(programme, "core_team")
    route["Kernteam"].save()
    return {"lead": lead, "manager": manager, "kernteam": secretaries["Kernteam"]}


def sent_to(kind):
    return sorted(Reminder.objects.filter(kind=kind, status="sent").values_list("recipient", flat=True))


# Slots ------------------------------------------------------------------------------------------


def test_monthly_slots_keep_their_day_and_fall_on_the_last_day_of_shorter_months(workgroup1):
    s = schedule(workgroup1, frequency=Frequency.MONTHLY, first_due=D(2026, 1, 31))
    assert due_dates(s, until=D(2026, 5, 31)) == [
        D(2026, 1, 31),
        D(2026, 2, 28),
        D(2026, 3, 31),
        D(2026, 4, 30),
        D(2026, 5, 31),
    ]


def test_quarterly_half_yearly_and_set_dates(workgroup1):
    assert due_dates(schedule(workgroup1), until=D(2027, 1, 1)) == [
        D(2026, 3, 31),
        D(2026, 6, 30),
        D(2026, 9, 30),
        D(2026, 12, 31),
    ]
    half = schedule(workgroup1, frequency=Frequency.HALF_YEARLY, first_due=D(2026, 7, 15))
    assert due_dates(half, until=D(2027, 7, 15)) == [D(2026, 7, 15), D(2027, 1, 15), D(2027, 7, 15)]
    fixed = schedule(workgroup1, frequency=Frequency.DATES, first_due=D(2026, 4, 1), dates="01-10-2026\n15-02-2027")
    assert due_dates(fixed, until=D(2026, 12, 31)) == [D(2026, 4, 1), D(2026, 10, 1)]


def test_the_sweep_creates_slots_a_month_ahead_with_consecutive_periods(workgroup1):
    s = schedule(workgroup1, frequency=Frequency.MONTHLY, first_due=D(2026, 9, 30))
    create_slots(D(2026, 10, 15))
    slots = list(ProgressReport.objects.filter(schedule=s).order_by("due_date"))
    assert [(r.period_start, r.due_date) for r in slots] == [
        (D(2026, 9, 1), D(2026, 9, 30)),  # a month-end schedule covers calendar months
        (D(2026, 10, 1), D(2026, 10, 31)),
    ]
    create_slots(D(2026, 10, 15))  # a second sweep adds nothing
    assert ProgressReport.objects.filter(schedule=s).count() == 2
    create_slots(D(2026, 10, 31))
    latest = ProgressReport.objects.filter(schedule=s).latest("due_date")
    assert (latest.period_start, latest.due_date) == (D(2026, 11, 1), D(2026, 11, 30))


def test_a_schedule_on_the_15th_keeps_its_day_and_periods_run_from_due_date_to_due_date(workgroup1):
    s = schedule(workgroup1, frequency=Frequency.QUARTERLY, first_due=D(2026, 1, 15))
    create_slots(D(2026, 4, 1))
    assert [(r.period_start, r.due_date) for r in ProgressReport.objects.filter(schedule=s)] == [
        (D(2025, 10, 16), D(2026, 1, 15)),
        (D(2026, 1, 16), D(2026, 4, 15)),
    ]


@pytest.mark.parametrize(
    "moment",
    [
        datetime.datetime(2026, 3, 29, 0, 30, tzinfo=AMSTERDAM),  # the night clocks go forward
        datetime.datetime(2026, 10, 25, 2, 30, tzinfo=AMSTERDAM),  # the night clocks go back
        datetime.datetime(2026, 10, 31, 23, 30, tzinfo=AMSTERDAM),  # still 31 October in Dutch time, 1 Nov UTC
    ],
)
def test_a_frozen_clock_across_dst_uses_the_dutch_calendar_day(people, workgroup1, moment):
    due = moment.date() + datetime.timedelta(days=7)
    schedule(workgroup1, frequency=Frequency.DATES, first_due=due, remind_before=7)
    with time_machine.travel(moment, tick=False):
        sweep.run()
    assert sent_to("report_soon") == ["lars@example.org"]
    with time_machine.travel(moment - datetime.timedelta(days=1), tick=False):
        Reminder.objects.all().delete()
        sweep.run()
    assert sent_to("report_soon") == []


def test_a_schedule_of_a_pilot_that_stopped_makes_no_new_slots(workgroup1):
    pilot = f.PilotFactory(programme=workgroup1.programme, workgroup=workgroup1, status="stopped")
    schedule(workgroup1, pilot=pilot)
    create_slots(D(2026, 11, 1))
    assert not ProgressReport.objects.exists()


# Reminders --------------------------------------------------------------------------------------


def test_each_report_reminder_on_its_day_and_not_the_day_before(people, workgroup1):
    schedule(
        workgroup1,
        frequency=Frequency.DATES,
        first_due=D(2026, 12, 1),
        remind_before=7,
        remind_after=3,
        escalate_after=14,
    )
    days = {
        "report_soon": D(2026, 11, 24),
        "report_today": D(2026, 12, 1),
        "report_overdue": D(2026, 12, 4),
        "report_escalation": D(2026, 12, 15),
    }
    for kind, day in days.items():
        sweep.run(day - datetime.timedelta(days=1))
        assert sent_to(kind) == [], f"{kind} went out a day early"
        sweep.run(day)
        expected = ["lars@example.org", "marit@example.org"] if kind == "report_escalation" else ["lars@example.org"]
        assert sent_to(kind) == expected, kind
    subjects = [m.subject for m in mail.outbox]
    assert any("Escalatie" in s for s in subjects) and any("Te laat" in s for s in subjects)


def test_the_sweep_run_twice_sends_each_report_reminder_once(people, workgroup1):
    schedule(workgroup1, frequency=Frequency.DATES, first_due=D(2026, 12, 1))
    sweep.run(D(2026, 12, 1))
    sweep.run(D(2026, 12, 1))
    to_lars = [m for m in mail.outbox if m.to == ["lars@example.org"]]
    assert len(to_lars) == 1 and Reminder.objects.filter(kind__startswith="report_").count() == 1


def test_named_reporters_instead_of_the_leads(people, workgroup1):
    s = schedule(workgroup1, frequency=Frequency.DATES, first_due=D(2026, 12, 1))
    sara = f.PersonFactory(name="Sara", email="sara@example.org")
    f.MembershipFactory(workgroup=workgroup1, person=sara, role="member")
    s.reporters.add(sara)
    sweep.run(D(2026, 12, 1))
    assert sent_to("report_today") == ["sara@example.org"]


def test_a_submitted_report_gets_no_overdue_reminder_but_a_review_reminder(people, workgroup1):
    schedule(workgroup1, frequency=Frequency.DATES, first_due=D(2026, 12, 1))
    create_slots(D(2026, 11, 20))
    report = ProgressReport.objects.get()
    services.submit(report, people["lead"], {"progress": "Loopt", "course": "on_track"})
    sweep.run(D(2026, 12, 10))
    assert sent_to("report_overdue") == []
    assert sent_to("report_review") == ["secr_kernteam@example.org"]


def test_muted_kinds_stay_quiet_but_escalations_always_go(people, workgroup1):
    ReminderPreference.objects.create(user=people["lead"], muted=["report_today", "report_overdue"])
    schedule(workgroup1, frequency=Frequency.DATES, first_due=D(2026, 12, 1))
    sweep.run(D(2026, 12, 1))
    sweep.run(D(2026, 12, 4))
    assert [m for m in mail.outbox if m.to == ["lars@example.org"]] == []
    sweep.run(D(2026, 12, 15))
    assert sent_to("report_escalation") == ["lars@example.org", "marit@example.org"]


def test_escalations_cannot_be_muted(people):
    with pytest.raises(ValidationError):
        ReminderPreference.objects.create(user=people["lead"], muted=["report_escalation"])
    client_form = {"muted": ["report_escalation"]}
    from reminders.forms import PreferenceForm

    assert not PreferenceForm(client_form).is_valid()


def test_the_half_yearly_programme_report_reminder_until_it_is_compiled(people, programme):
    sweep.run(D(2026, 7, 1))
    assert sent_to("programme_report") == ["marit@example.org"]
    services.compile_programme_report(programme, people["manager"], D(2026, 1, 1), D(2026, 6, 30))
    Reminder.objects.all().delete()
    sweep.run(D(2026, 7, 2))
    assert sent_to("programme_report") == []


@pytest.mark.parametrize("count", [10, 1000])
def test_the_sweep_asks_the_database_a_bounded_number_of_times(people, workgroup1, count):
    ReportingSchedule.objects.bulk_create(
        ReportingSchedule(
            programme=workgroup1.programme,
            workgroup=workgroup1,
            frequency=Frequency.DATES,
            first_due=D(2026, 12, 1) + datetime.timedelta(days=i % 2),
        )
        for i in range(count)
    )
    with CaptureQueriesContext(connection) as slots_run:
        sweep.claim(D(2026, 11, 25))
    assert ProgressReport.objects.count() == count
    assert Reminder.objects.filter(kind="report_soon").count() == count  # one "due soon" per slot, to Lars
    # Batches of 500 schedules and 2,000 slots: a fixed handful of reads each, not one per schedule; the
    # bulk inserts write many rows per statement (SQLite caps a statement at 999 parameters, PostgreSQL does not).
    sql = [q["sql"] for q in slots_run.captured_queries]
    reads = [q for q in sql if not q.startswith("INSERT")]
    tables = [(re.search(r'FROM "(\w+)"', q) or re.search(r"^\w+", q)).group(0) for q in reads]
    # 23 at 10 schedules, 25 at 1,000: one read per registered source (the meeting papers added one), and the
    # content types once per process
    assert len(reads) <= 20 + 4 * -(-count // 500), " ".join(tables)
    assert len(sql) - len(reads) <= 4 + count // 30  # 1,000 slots and 1,000 reminders: 31 inserts on SQLite


# Writing and reviewing --------------------------------------------------------------------------


@pytest.fixture
def report(people, workgroup1):
    return ProgressReport.objects.create(
        programme=workgroup1.programme,
        workgroup=workgroup1,
        due_date=D(2026, 12, 1),
        period_start=D(2026, 9, 1),
        period_end=D(2026, 11, 30),
    )


def test_review_flow_returned_reopens_the_slot_and_versions_are_kept(people, report):
    services.submit(report, people["lead"], {"progress": "Eerste versie", "course": "attention"})
    with pytest.raises(ValidationError):
        services.review(report, people["kernteam"], "returned", "")  # a return needs a reason
    services.review(report, people["kernteam"], "returned", "Graag cijfers")
    report.refresh_from_db()
    assert report.status == ReportStatus.DRAFT and report.is_open
    services.submit(report, people["lead"], {"progress": "Tweede versie met cijfers", "course": "on_track"})
    services.review(report, people["kernteam"], "accepted")
    report.refresh_from_db()
    assert report.status == ReportStatus.ACCEPTED
    assert list(ReportSubmission.objects.filter(report=report).values_list("number", "progress")) == [
        (1, "Eerste versie"),
        (2, "Tweede versie met cijfers"),
    ]
    assert list(ReportReview.objects.values_list("outcome", flat=True)) == ["returned", "accepted"]
    with pytest.raises(PermissionError):
        ReportSubmission.objects.first().delete()


@pytest.mark.parametrize(
    "who, data, message",
    [
        ("manager", {"progress": "x", "course": "on_track"}, "Alleen de rapporteurs"),
        ("other_lead", {"progress": "x", "course": "on_track"}, "Alleen de rapporteurs"),
        ("lead", {"progress": "  ", "course": "on_track"}, "Beschrijf de voortgang"),
        ("lead", {"progress": "x", "course": "perfect"}, "Kies op koers"),
    ],
)
def test_a_bad_submission_is_refused_and_changes_nothing(people, report, workgroup2, who, data, message):
    users = dict(people)
    users["other_lead"] = f.UserFactory(username="olga")
    f.MembershipFactory(
        workgroup=workgroup2, person=f.PersonFactory(name="Olga", user=users["other_lead"]), role="lead"
    )
    with pytest.raises(ValidationError) as refused:
        services.submit(report, users[who], data)
    assert message in " ".join(refused.value.messages)
    report.refresh_from_db()
    assert report.status == ReportStatus.OPEN and report.progress == "" and not ReportSubmission.objects.exists()


def test_a_report_that_is_not_open_cannot_be_submitted_again(people, report):
    services.submit(report, people["lead"], {"progress": "x", "course": "on_track"})
    with pytest.raises(ValidationError, match="niet meer open"):
        services.submit(report, people["lead"], {"progress": "y", "course": "on_track"})
    assert ReportSubmission.objects.count() == 1


def test_only_the_kernteam_or_the_manager_reviews(people, report, reader):
    services.submit(report, people["lead"], {"progress": "x", "course": "on_track"})
    for user in (people["lead"], reader):
        with pytest.raises(ValidationError):
            services.review(report, user, "accepted")
    assert not ReportReview.objects.exists()


def test_indicator_updates_become_measurements_of_the_pilot(people, workgroup1):
    pilot = f.PilotFactory(programme=workgroup1.programme, workgroup=workgroup1, status="running")
    indicator = Indicator.objects.create(pilot=pilot, name="Wachttijd", unit="weken", target=Decimal("4"))
    report = services.request_report(workgroup1.programme, people["manager"], workgroup1, D(2099, 1, 1), pilot=pilot)
    with pytest.raises(ValidationError):
        services.submit(report, people["lead"], {"progress": "x", "course": "on_track"}, {indicator.pk: "veel"})
    assert not Measurement.objects.exists()
    services.submit(report, people["lead"], {"progress": "x", "course": "on_track"}, {indicator.pk: "5,5"})
    assert list(Measurement.objects.values_list("indicator", "value")) == [(indicator.pk, Decimal("5.50"))]
    assert ReportSubmission.objects.get().measurements == [
        {"indicator": indicator.pk, "name": "Wachttijd", "value": "5.50"}
    ]


def test_a_one_off_request_is_for_a_workgroup_of_the_programme_and_not_in_the_past(people, programme, other_programme):
    foreign = f.WorkgroupFactory(programme=other_programme, number=9, name="Elders")
    with pytest.raises(ValidationError):
        services.request_report(programme, people["manager"], foreign, D(2099, 1, 1))
    with pytest.raises(ValidationError):
        services.request_report(programme, people["manager"], programme.workgroups.first(), D(2000, 1, 1))
    with pytest.raises(ValidationError):
        services.request_report(programme, people["lead"], programme.workgroups.first(), D(2099, 1, 1))
    assert not ProgressReport.objects.exists()


@pytest.mark.parametrize(
    "fields, error_field",
    [
        ({"remind_before": "-1"}, "remind_before"),
        ({"remind_before": "40", "frequency": "monthly"}, "remind_before"),
        ({"remind_after": "100", "frequency": "quarterly"}, "remind_after"),
        ({"escalate_after": "2", "remind_after": "3"}, "escalate_after"),
        ({"frequency": "dates", "dates": "31-02-2026"}, "dates"),
    ],
)
def test_a_schedule_with_impossible_reminder_days_is_refused(programme, workgroup1, fields, error_field):
    data = {
        "workgroup": workgroup1.pk,
        "frequency": "quarterly",
        "first_due": "2026-12-31",
        "remind_before": "7",
        "remind_after": "3",
        "escalate_after": "14",
        "active": "on",
        **fields,
    }
    form = ScheduleForm(data, instance=ReportingSchedule(programme=programme), programme=programme)
    assert not form.is_valid()
    assert error_field in form.errors


# Pages ------------------------------------------------------------------------------------------


def test_the_lead_submits_through_the_page_and_an_empty_report_gets_a_dutch_message(client, people, report):
    client.force_login(people["lead"])
    response = client.post(report.get_absolute_url(), {"action": "submit", "progress": "", "course": "on_track"})
    assert response.status_code == 200
    assert "Beschrijf de voortgang van de periode." in response.content.decode()
    assert not ReportSubmission.objects.exists()
    response = client.post(
        report.get_absolute_url(),
        {"action": "submit", "progress": "Tien gezinnen geholpen", "bottlenecks": "Wachtlijst", "course": "attention"},
    )
    assert response.status_code == 302
    client.force_login(people["kernteam"])
    page = client.get(report.get_absolute_url()).content.decode()
    assert "Tien gezinnen geholpen" in page and 'id="review-form"' in page
    client.post(report.get_absolute_url(), {"action": "review", "outcome": "accepted"})
    report.refresh_from_db()
    assert report.status == ReportStatus.ACCEPTED


def test_an_outsider_cannot_read_or_write_a_report_by_id(client, report, outsider):
    client.force_login(outsider)
    assert client.get(report.get_absolute_url()).status_code == 403
    assert client.post(report.get_absolute_url(), {"action": "submit", "progress": "x"}).status_code == 403


def test_the_report_list_keeps_its_query_count(client, people, workgroup1, django_assert_max_num_queries):
    def add(n):
        ProgressReport.objects.bulk_create(
            ProgressReport(
                programme=workgroup1.programme,
                workgroup=workgroup1,
                due_date=D(2026, 1, 1) + datetime.timedelta(days=i),
                period_start=D(2025, 10, 1),
                period_end=D(2026, 1, 1),
            )
            for i in range(n)
        )

    client.force_login(people["manager"])
    url = reverse("reports:list", args=[workgroup1.programme.pk])
    add(2)
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    add(40)
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert len(many.captured_queries) == len(few.captured_queries)


def test_my_work_lists_reports_to_write_for_the_lead_and_to_review_for_the_kernteam(client, people, report):
    with time_machine.travel(datetime.datetime(2026, 11, 25, 12, tzinfo=AMSTERDAM)):
        client.force_login(people["lead"])
        assert 'data-work="report"' in client.get("/").content.decode()
    services.submit(report, people["lead"], {"progress": "x", "course": "on_track"})
    client.force_login(people["kernteam"])
    assert 'data-work="review"' in client.get("/").content.decode()
    client.force_login(people["manager"])
    assert 'data-work="report"' not in client.get("/").content.decode()


def test_the_overdue_filter_shows_only_open_reports_past_their_due_date(client, people, workgroup1):
    def add(due, status):
        return ProgressReport.objects.create(
            programme=workgroup1.programme,
            workgroup=workgroup1,
            due_date=due,
            period_start=due - datetime.timedelta(days=90),
            period_end=due,
            status=status,
        )

    late, _on_time, _done = add(D(2026, 9, 30), "open"), add(D(2099, 1, 1), "open"), add(D(2026, 6, 30), "accepted")
    with time_machine.travel(datetime.datetime(2026, 11, 25, 12, tzinfo=AMSTERDAM)):
        client.force_login(people["manager"])
        page = client.get(reverse("reports:list", args=[workgroup1.programme.pk]), {"overdue": "yes"}).content.decode()
    assert page.count('data-row="report"') == 1 and late.get_absolute_url() in page
