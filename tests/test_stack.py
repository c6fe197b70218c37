"""The production shape without Docker: the Procfile's gunicorn, Celery worker and Celery beat (the commands
docker-compose.yml runs) under production settings, on PostgreSQL and Redis, with an SMTP mail catcher.

One pilot travels the route over HTTP (lead submits, kernteam forwards, RBJ advises, SO approves with the
money), the worker mails each body's secretary when the pilot reaches it, and beat's sweep reminds the lead
of the report due today exactly once, however many sweeps run."""

import json
import os
import re
import secrets
import shlex
import signal
import socket
import subprocess
import sys
import threading
import time
from decimal import Decimal
from email import message_from_bytes
from email.header import decode_header, make_header
from pathlib import Path

import pytest
import redis
from aiosmtpd.controller import Controller
from django.conf import settings
from django.db import connection
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from finance.models import BudgetMovement
from pilots.models import Pilot
from reminders.models import Reminder
from reports.models import Frequency, ReportingSchedule
from tests.factories import PASSWORD
from tests.http_session import Session

pytestmark = [pytest.mark.redis, pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

BIN = Path(sys.executable).parent
PROCFILE = Path(settings.BASE_DIR) / "Procfile"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Catcher:
    """The mail catcher of docker compose, in the test: an SMTP server that keeps every message."""

    def __init__(self):
        self.messages, self.lock = [], threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        message = message_from_bytes(envelope.original_content)
        with self.lock:
            for to in envelope.rcpt_tos:
                self.messages.append((to, str(make_header(decode_header(message["Subject"])))))
        return "250 OK"

    def to(self, address):
        with self.lock:
            return [subject for recipient, subject in self.messages if recipient == address]


def procfile_commands(port, var_dir):
    """The Procfile's commands, bound to a free loopback port and with beat's schedule file in var_dir."""
    commands = {}
    for line in PROCFILE.read_text().splitlines():
        name, _, command = line.partition(":")
        command = command.replace("0.0.0.0:8000", f"127.0.0.1:{port}")
        command = command.replace("/tmp/celerybeat-schedule", str(var_dir / "celerybeat-schedule"))
        argv = shlex.split(command)
        argv[0] = str(BIN / argv[0])
        commands[name.strip()] = argv
    return commands


@pytest.fixture
def stack(tmp_path):
    db = connection.settings_dict
    mail = Catcher()
    smtp = Controller(mail, hostname="127.0.0.1", port=free_port())
    smtp.start()
    port = free_port()
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("CELERY_", "PYTEST", "DJANGO_"))},
        "DJANGO_ENV": "production",
        "DJANGO_SETTINGS_MODULE": "jeugdregio.settings",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "CSRF_TRUSTED_ORIGINS": f"http://127.0.0.1:{port}",
        "SITE_URL": f"http://127.0.0.1:{port}",
        "SECURE_SSL_REDIRECT": "false",
        # The test database, where this test's rows are committed; a Redis database of its own.
        "DATABASE_URL": f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/"
        f"{db['NAME']}",
        "REDIS_URL": re.sub(r"/\d*$", "", os.environ["REDIS_URL"]) + "/13",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(smtp.port),
        "VAR_DIR": str(tmp_path),
        "REMINDER_SWEEP_SECONDS": "2",
        "HEARTBEAT_SECONDS": "2",
    }
    redis.Redis.from_url(env["REDIS_URL"]).flushdb()
    # As the Dockerfile does: static files collected (the manifest storage needs them).
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"],
        cwd=settings.BASE_DIR,
        env=env,
        check=True,
    )
    processes = {}
    for name, argv in procfile_commands(port, tmp_path).items():
        log = open(tmp_path / f"{name}.log", "wb")
        processes[name] = subprocess.Popen(
            argv, cwd=settings.BASE_DIR, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
    try:
        wait(lambda: up(port), processes, tmp_path, "gunicorn answering /health/")
        yield port, mail, processes, tmp_path
    finally:
        for process in processes.values():
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in processes.values():
            try:
                process.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
        smtp.stop()


def up(port):
    try:
        return Session(port).get("/health/")[0] == 200
    except OSError:
        return False


def wait(condition, processes, var_dir, what, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        for name, process in processes.items():
            if process.poll() is not None:
                pytest.fail(f"{name} stopped:\n" + (var_dir / f"{name}.log").read_text()[-3000:])
        time.sleep(0.25)
    logs = "\n".join(f"--- {n}\n" + (var_dir / f"{n}.log").read_text()[-1500:] for n in processes)
    pytest.fail(f"timed out waiting for {what}\n{logs}")


def sweeps_run(var_dir):
    log = (var_dir / "worker.log").read_text()
    return len(re.findall(r"Task reminders\.tasks\.sweep_reminders\[[^\]]+\] succeeded", log))


@pytest.fixture
def people(settings, programme, workgroup1, lead, secretaries, money):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]  # what gunicorn checks with
    for user in (lead, *secretaries.values()):
        user.set_password(PASSWORD)
        user.save()
        user.person.email = f"{user.username}@example.org"
        user.person.save()
    for user in secretaries.values():  # they record advice and decisions: production asks them for a second factor
        TOTPDevice.objects.create(user=user, name="Authenticator-app", confirmed=True)
    ReportingSchedule.objects.create(
        programme=programme, workgroup=workgroup1, frequency=Frequency.DATES, first_due=timezone.localdate()
    )
    return lead, secretaries


def test_the_production_shape_runs_a_pilot_through_the_route_and_sends_the_mail(stack, programme, workgroup1, people):
    port, mail, processes, var_dir = stack
    lead, secretaries = people

    # Health: database, Redis as broker, and a heartbeat that beat scheduled and the worker ran.
    wait(lambda: json.loads(Session(port).get("/health/")[1])["last_worker_heartbeat"], processes, var_dir, "heartbeat")
    health = json.loads(Session(port).get("/health/")[1])
    assert health["checks"] == {"database": "ok", "broker": "ok"} and health["broker"] == "redis"

    writer = Session(port)
    writer.login(lead.username, PASSWORD)
    status, _ = writer.post(
        f"/programmes/{programme.pk}/pilots/new/",
        {
            "kind": "pilot",
            "title": "Vaste contactpersoon voor gezinnen",
            "workgroup": workgroup1.pk,
            "goals": "Eén vast gezicht voor elk gezin.",
            "efforts": "Twee consulenten.",
            "network": "Lokale teams en aanbieders.",
            "budget-TOTAL_FORMS": "1",
            "budget-INITIAL_FORMS": "0",
            "budget-0-year": "2026",
            "budget-0-amount": "25000",
        },
    )
    assert status == 302, "the proposal was not saved"
    pilot = Pilot.objects.get(title="Vaste contactpersoon voor gezinnen")
    acts = [
        (writer, "submit", {"confirmed": "1"}),
        (secretaries["Kernteam"], "forward", {"rationale": "Goed uitgewerkt."}),
        (secretaries["RBJ"], "advise", {"outcome": "positive"}),
        (
            secretaries["SO"],
            "decide",
            {"outcome": "approved", "amount_2026": "20000", "rationale": "Deels.", "confirmed": "1"},
        ),
    ]
    for actor, act, data in acts:
        if not isinstance(actor, Session):
            session = Session(port)
            session.login(actor.username, PASSWORD)
            device = TOTPDevice.objects.get(user=actor)
            assert session.post("/account/twofactor/verify/", {"token": f"{totp(device.bin_key):06d}"})[0] == 302
            actor = session
        assert actor.post(f"/pilots/{pilot.pk}/act/{act}/", data)[0] == 302
    status, page = writer.get(f"/pilots/{pilot.pk}/")
    assert status == 200 and b"Goedgekeurd" in page

    pilot.refresh_from_db()
    assert pilot.status == "approved"
    released = BudgetMovement.objects.filter(subject_key=pilot.ledger_key, kind="release").values_list(
        "amount", flat=True
    )
    assert list(released) == [Decimal("20000.00")]

    # The worker mailed each body's secretary when the pilot reached it.
    for name in ("Kernteam", "RBJ", "SO"):
        address = f"{secretaries[name].username}@example.org"
        wait(lambda a=address: mail.to(a), processes, var_dir, f"mail to the {name} secretary")
        assert all(subject.startswith("Vaste contactpersoon voor gezinnen: ") for subject in mail.to(address))

    # Beat's sweep reminds the lead of today's report, once, however many sweeps run after it.
    lead_address = f"{lead.username}@example.org"
    wait(lambda: Reminder.objects.filter(recipient=lead_address, status="sent").exists(), processes, var_dir, "sweep")
    claimed, swept = Reminder.objects.count(), sweeps_run(var_dir)
    wait(lambda: sweeps_run(var_dir) >= swept + 2, processes, var_dir, "two more sweeps")
    reminders = [subject for subject in mail.to(lead_address) if "rapportage" in subject.lower()]
    assert len(reminders) == 1, mail.to(lead_address)
    assert Reminder.objects.count() == claimed
