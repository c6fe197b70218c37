"""Reminders go out on the right day, exactly once: run twice, crash and retry, failing mail server."""

import datetime
from decimal import Decimal
from unittest import mock

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

from pilots import services
from pilots.models import BudgetRequest, Gate, Pilot
from reminders import sweep
from reminders.models import Reminder
from tests import factories as f

pytestmark = pytest.mark.dates

TODAY = datetime.date(2026, 11, 22)


@pytest.fixture
def running_pilot(programme, workgroup1, lead, route, secretaries, money):
    for user in secretaries.values():
        user.person.email = f"{user.username}@example.org"
        user.person.save()
    pilot = Pilot.objects.create(
        programme=programme, workgroup=workgroup1, title="JIM", goals="G", efforts="I", network="N"
    )
    BudgetRequest.objects.create(pilot=pilot, year=2026, amount=Decimal("20000"))
    services.submit(pilot, lead)
    services.forward(pilot, secretaries["Kernteam"])
    services.record_advice(pilot, secretaries["RBJ"], "positive")
    services.decide(pilot, secretaries["SO"], "approved")
    services.start(pilot, lead)
    mail.outbox.clear()
    return pilot


def test_a_gate_reminder_goes_14_days_ahead_and_not_the_day_before(running_pilot):
    Gate.objects.create(pilot=running_pilot, planned_date=TODAY + datetime.timedelta(days=15))
    assert sweep.run(TODAY)["sent"] == 0
    assert sweep.run(TODAY + datetime.timedelta(days=1))["sent"] == 1
    message = mail.outbox[0]
    assert message.to == ["secr_so@example.org"] and "JIM" in message.subject
    html = (
        message.alternatives[0][0]
        if hasattr(message.alternatives[0], "__getitem__")
        else message.alternatives[0].content
    )
    assert "Openen in Jeugdregio" in html and "/pilots/" in html


def test_an_overdue_gate_is_a_reminder_of_its_own_kind(running_pilot):
    Gate.objects.create(pilot=running_pilot, planned_date=TODAY - datetime.timedelta(days=3))
    sweep.run(TODAY)
    assert list(Reminder.objects.values_list("kind", flat=True)) == ["gate_overdue"]


def test_running_the_sweep_twice_sends_each_reminder_once(running_pilot):
    Gate.objects.create(pilot=running_pilot, planned_date=TODAY + datetime.timedelta(days=5))
    sweep.run(TODAY)
    sweep.run(TODAY)
    sweep.run(TODAY + datetime.timedelta(days=1))
    assert len(mail.outbox) == 1


def test_a_crash_after_claiming_is_sent_by_the_next_sweep_once(running_pilot):
    Gate.objects.create(pilot=running_pilot, planned_date=TODAY + datetime.timedelta(days=5))
    sweep.claim(TODAY)  # the worker dies here, before sending
    assert len(mail.outbox) == 0 and Reminder.objects.get().status == "pending"
    sweep.run(TODAY)
    sweep.run(TODAY)
    assert len(mail.outbox) == 1 and Reminder.objects.get().status == "sent"


def test_a_failing_mail_server_is_retried_later(running_pilot):
    Gate.objects.create(pilot=running_pilot, planned_date=TODAY + datetime.timedelta(days=5))
    with mock.patch("reminders.sweep.send", side_effect=ConnectionRefusedError("smtp down")):
        assert sweep.run(TODAY)["failed"] == 1
    reminder = Reminder.objects.get()
    assert (reminder.status, reminder.attempts) == ("failed", 1)
    sweep.run(TODAY)
    reminder.refresh_from_db()
    assert (reminder.status, reminder.attempts, len(mail.outbox)) == ("sent", 2, 1)


def test_a_risk_past_its_review_date_reminds_its_owner(programme):
    from programmes.risks import Risk

    owner = f.PersonFactory(email="eigenaar@example.org")
    Risk.objects.create(
        programme=programme,
        title="Capaciteit",
        likelihood=4,
        impact=4,
        owner=owner,
        review_date=TODAY - datetime.timedelta(days=1),
    )
    Risk.objects.create(
        programme=programme,
        title="Later",
        likelihood=1,
        impact=1,
        owner=owner,
        review_date=TODAY + datetime.timedelta(days=1),
    )
    sweep.run(TODAY)
    assert [m.to for m in mail.outbox] == [["eigenaar@example.org"]]


def test_a_proposal_waiting_too_long_reminds_the_bodys_secretary(
    programme, workgroup1, lead, route, secretaries, money, settings
):
    settings.PILOT_WAITING_DAYS = 14
    secretaries["Kernteam"].person.email = "kt@example.org"
    secretaries["Kernteam"].person.save()
    pilot = Pilot.objects.create(
        programme=programme, workgroup=workgroup1, title="Wacht", goals="G", efforts="I", network="N"
    )
    BudgetRequest.objects.create(pilot=pilot, year=2026, amount=1000)
    services.submit(pilot, lead)
    mail.outbox.clear()
    assert sweep.run()["sent"] == 0
    with mock.patch(
        "django.utils.timezone.now", return_value=datetime.datetime.now(datetime.UTC) + datetime.timedelta(days=15)
    ):
        sweep.run()
    assert [m.to for m in mail.outbox] == [["kt@example.org"]]


def test_the_claim_phase_uses_a_bounded_number_of_queries(running_pilot, programme, workgroup1):
    def count():
        with CaptureQueriesContext(connection) as queries:
            sweep.claim(TODAY)
        return len(queries)

    for n in range(10):
        Gate.objects.create(pilot=running_pilot, planned_date=TODAY + datetime.timedelta(days=n % 10))
    count()  # warms the content-type cache
    few = count()
    for n in range(100):
        Gate.objects.create(pilot=running_pilot, planned_date=TODAY + datetime.timedelta(days=n % 10))
    # Not one query per gate: at most the extra INSERT batches the database needs for the larger claim.
    assert count() - few <= 2


def test_the_beat_schedule_runs_the_sweep():
    from django.conf import settings

    from jeugdregio.celery import app

    app.loader.import_default_modules()
    assert settings.CELERY_BEAT_SCHEDULE["reminders"]["task"] in app.tasks


def test_a_deactivated_account_gets_no_reminders(running_pilot, secretaries):
    """The SO's secretary left and her account was deactivated: the go/no-go reminder goes to nobody."""
    Gate.objects.create(pilot=running_pilot, planned_date=TODAY + datetime.timedelta(days=5))
    secretary = secretaries["SO"]
    secretary.is_active = False
    secretary.save()
    assert sweep.run(TODAY)["sent"] == 0
    secretary.is_active = True
    secretary.save()
    assert sweep.run(TODAY)["sent"] == 1 and mail.outbox[0].to == ["secr_so@example.org"]
