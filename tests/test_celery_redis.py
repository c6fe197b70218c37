"""The reminder sweep on a real Celery worker, real Redis and real PostgreSQL: run twice, then once more after
the worker is killed in the middle of sending; every expected email arrives exactly once."""

import datetime
import email
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.utils import timezone

from reminders.models import Reminder
from reports.models import Frequency, ReportingSchedule
from tests import factories as f

CELERY = str(Path(sys.executable).with_name("celery"))
SEPARATOR = "\n" + "-" * 79 + "\n"

pytestmark = [pytest.mark.redis, pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def database_url():
    db = connection.settings_dict
    return f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def start_worker(var_dir, name):
    env = {
        **os.environ,
        "DATABASE_URL": database_url(),  # the test database, where this test's rows are committed
        "VAR_DIR": str(var_dir),
        "EMAIL_BACKEND": "tests.slow_mail.EmailBackend",
        "MAIL_DELAY_SECONDS": "0.25",
        "DJANGO_SETTINGS_MODULE": "jeugdregio.settings",
    }
    env.pop("CELERY_TASK_ALWAYS_EAGER", None)
    return subprocess.Popen(
        [CELERY, "-A", "jeugdregio", "worker", "--pool", "solo", "-n", f"{name}@%h", "--loglevel", "WARNING"],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its own process group, so a kill takes everything it started
    )


def received(var_dir):
    """Recipient → number of messages in the mail folder."""
    counts = {}
    for path in (var_dir / "mail").glob("*.log"):
        for chunk in path.read_text().split(SEPARATOR):
            if chunk.strip():
                to = email.message_from_string(chunk)["To"]
                counts[to] = counts.get(to, 0) + 1
    return counts


def wait_for(condition, worker, seconds=90):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        assert worker.poll() is None, worker.stderr.read().decode()[-3000:]
        time.sleep(0.2)
    raise AssertionError("timed out")


def leads_due_today(programme, start, count):
    today = timezone.localdate()
    for number in range(start, start + count):
        workgroup = f.WorkgroupFactory(programme=programme, number=number, name=f"Werkgroep {number}")
        person = f.PersonFactory(name=f"Trekker {number}", email=f"trekker{number}@example.org")
        f.MembershipFactory(workgroup=workgroup, person=person, role="lead")
        ReportingSchedule.objects.create(
            programme=programme, workgroup=workgroup, frequency=Frequency.DATES, first_due=today
        )
    return {f"trekker{n}@example.org" for n in range(start, start + count)}


@pytest.fixture
def queued():
    """Tasks go to Redis, for the real worker, instead of running in the test."""
    from jeugdregio.celery import app

    app.conf.task_always_eager = False
    yield
    app.conf.task_always_eager = True


def test_a_real_worker_sends_each_reminder_exactly_once_even_when_killed_mid_batch(tmp_path, programme, queued):
    from reminders.tasks import sweep_reminders

    (tmp_path / "mail").mkdir()
    expected = leads_due_today(programme, 1, 8)
    worker = start_worker(tmp_path, "first")
    try:
        # Run 1: every lead gets "due today".
        sweep_reminders.delay()
        wait_for(lambda: sum(received(tmp_path).values()) >= len(expected), worker)
        # Run 2: nothing new is due, so nothing more arrives.
        sweep_reminders.delay()
        time.sleep(4)
        assert received(tmp_path) == {address: 1 for address in expected}

        # Run 3: forty more due today; kill the worker while it is sending them.
        more = leads_due_today(programme, 9, 40)
        sweep_reminders.delay()
        wait_for(lambda: 3 <= sum(received(tmp_path).get(a, 0) for a in more), worker)
        os.killpg(worker.pid, signal.SIGKILL)
        worker.wait(timeout=20)
        sent_before_the_crash = sum(received(tmp_path).get(a, 0) for a in more)
        assert sent_before_the_crash < len(more), "the worker finished before it could be killed"
        assert Reminder.objects.filter(status="pending").exists()

        # The next sweep, on a new worker, sends what is left, and nothing twice.
        worker = start_worker(tmp_path, "second")
        sweep_reminders.delay()
        wait_for(lambda: not Reminder.objects.filter(status="pending").exists(), worker)
        time.sleep(1)
        assert received(tmp_path) == {address: 1 for address in expected | more}
        assert Reminder.objects.filter(status="sent").count() == len(expected | more)
    finally:
        if worker.poll() is None:
            os.killpg(worker.pid, signal.SIGTERM)
            worker.wait(timeout=30)


def test_the_worker_runs_late_acknowledged_with_prefetch_one():
    from jeugdregio.celery import app

    assert app.conf.task_acks_late is True
    assert app.conf.worker_prefetch_multiplier == 1
    assert app.conf.task_soft_time_limit < app.conf.task_time_limit
    assert datetime.timedelta(seconds=app.conf.task_time_limit) <= datetime.timedelta(minutes=10)
