"""`make bench`: the national data set, the site under gunicorn, and the latency and query count per page.

SQLite in var/bench/ by default; with DATABASE_URL set, PostgreSQL in a database of its own (<name>_bench),
created when missing. Prints one table and writes var/bench.json. Run it again and it reuses the data set.
"""

import json
import os
import re
import statistics
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.http_session import Session  # noqa: E402

VAR = ROOT / "var" / "bench"
PORT = int(os.environ.get("BENCH_PORT", "8765"))
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "40"))


def environment():
    env = {k: v for k, v in os.environ.items() if k not in ("DJANGO_ENV", "REDIS_URL")}
    env.update(VAR_DIR=str(VAR), DEBUG="False", DJANGO_SETTINGS_MODULE="jeugdregio.settings", AXES_FAILURE_LIMIT="1000")
    if os.environ.get("REDIS_URL"):
        # As in production, the workers share sessions through Redis; a database of its own, emptied before and
        # after, so the tasks the pages queue reach no worker.
        env["REDIS_URL"] = re.sub(r"/\d*$", "", os.environ["REDIS_URL"].rstrip("/")) + "/14"
    url = os.environ.get("DATABASE_URL", "")
    if url:
        parts = urllib.parse.urlsplit(url)
        name = parts.path.lstrip("/") + "_bench"
        ensure_database(parts, name)
        env["DATABASE_URL"] = urllib.parse.urlunsplit(parts._replace(path="/" + name))
    return env


def ensure_database(parts, name):
    import psycopg2

    connection = psycopg2.connect(
        host=parts.hostname, port=parts.port or 5432, user=parts.username, password=parts.password, dbname="postgres"
    )
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if not cursor.fetchone():
            cursor.execute(f'CREATE DATABASE "{name}"')
    connection.close()


def flush_redis(env):
    if env.get("REDIS_URL"):
        import redis

        redis.Redis.from_url(env["REDIS_URL"]).flushdb()


def manage(env, *args):
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)


def timings(session, path):
    for _ in range(3):
        status, _ = session.request("GET", path)
        assert status == 200, f"{path}: {status}"
    samples = []
    for _ in range(REQUESTS):
        started = time.perf_counter()
        session.request("GET", path)
        samples.append((time.perf_counter() - started) * 1000)
    quantiles = statistics.quantiles(samples, n=20)
    return statistics.median(samples), quantiles[18]


def recovery_codes(user, count=40):
    """The bench's managers and administrators owe a second factor (DEBUG is off): recovery codes, one per session
    (a TOTP code works once per 30 seconds, too few for twenty sessions signing in at once)."""
    from django_otp.plugins.otp_static.models import StaticDevice, StaticToken

    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name="bench", confirmed=True)
    codes = [StaticToken.random_token() for _ in range(count)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def load_run(username, paths, codes, users=20, seconds=None):
    """USERS concurrent users for SECONDS, each going round the pages: throughput, p95 and error responses."""
    import threading

    seconds = seconds or int(os.environ.get("BENCH_LOAD_SECONDS", "60"))
    samples, errors, lock = [], [], threading.Lock()
    deadline = time.monotonic() + seconds

    def user(index):
        session = Session(PORT)
        session.login(username, "bench-password")
        session.second_factor(codes.pop())
        n = index
        while time.monotonic() < deadline:
            path = paths[n % len(paths)]
            n += 1
            started = time.perf_counter()
            try:
                status, _ = session.request("GET", path)
            except OSError as error:
                status = str(error)
            elapsed = (time.perf_counter() - started) * 1000
            with lock:
                samples.append(elapsed)
                if status != 200:
                    errors.append((path, status))

    threads = [threading.Thread(target=user, args=(i,)) for i in range(users)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    duration = time.monotonic() - started
    return {
        "users": users,
        "seconds": round(duration, 1),
        "requests": len(samples),
        "throughput_rps": round(len(samples) / duration, 1),
        "p50_ms": round(statistics.median(samples), 1),
        "p95_ms": round(statistics.quantiles(samples, n=20)[18], 1),
        "errors": len(errors),
        "error_examples": errors[:5],
    }


def main():
    VAR.mkdir(parents=True, exist_ok=True)
    env = environment()
    os.environ.update(env)
    manage(env, "migrate", "-v0")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings

    from programmes.models import Programme

    if not Programme.objects.exists():
        manage(env, "bench_data")
    User = get_user_model()
    admin, _ = User.objects.get_or_create(username="benchadmin", defaults={"is_staff": True, "is_superuser": True})
    admin.set_password("bench-password")
    admin.save()
    programme = Programme.objects.order_by("pk").first()
    manager = programme.access.get(role="manager").user
    codes = {user.username: recovery_codes(user) for user in (manager, admin)}
    pilot = programme.pilots.filter(status="running").first()
    workgroup = programme.workgroups.order_by("number").first()
    pages = [
        ("dashboard", f"/programmes/{programme.pk}/dashboard/", manager),
        (
            "pilot list, two filters",
            f"/programmes/{programme.pk}/pilots/?status=running&workgroup={workgroup.pk}",
            manager,
        ),
        ("pilot detail", f"/pilots/{pilot.pk}/", manager),
        ("decision log", f"/programmes/{programme.pk}/decisions/", manager),
        ("budget", f"/programmes/{programme.pk}/budget/", manager),
        ("risk list", f"/programmes/{programme.pk}/risks/", manager),
        ("search", f"/programmes/{programme.pk}/search/?q=werkgroep", manager),
        ("my work", "/", manager),
        ("trivial", "/ping/", manager),
        ("admin changelist", "/admin/pilots/pilot/", admin),
    ]

    queries = {}
    clients = {}
    # Query counts of the pages themselves, in-process; each user's session shows one of its recovery codes, as
    # whoever has a second factor must (even where it is not required).
    with override_settings(ALLOWED_HOSTS=["*"], AXES_ENABLED=False, TWO_FACTOR_REQUIRED=False):
        for name, path, user in pages:
            if user not in clients:
                clients[user] = Client()
                clients[user].force_login(user)
                verified = clients[user].post("/account/twofactor/recovery/", {"code": codes[user.username].pop()})
                assert verified.status_code == 302, "second factor refused"
            client = clients[user]
            client.get(path)
            with CaptureQueriesContext(connection) as captured:
                response = client.get(path)
                assert response.status_code == 200, (path, response.status_code, response.get("Location"))
            queries[name] = len(captured)

    flush_redis(env)
    server = subprocess.Popen(
        [
            str(Path(sys.executable).with_name("gunicorn")),
            "jeugdregio.wsgi",
            "-b",
            f"127.0.0.1:{PORT}",
            # Two workers share sessions only through Redis; without it one worker with threads (one cache).
            *(["-w", "2"] if env.get("REDIS_URL") else ["-w", "1", "--threads", "4"]),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    try:
        for _ in range(100):
            try:
                Session(PORT).request("GET", "/ping/")
                break
            except OSError:
                time.sleep(0.2)
        sessions = {}
        for username in (manager.username, admin.username):
            sessions[username] = Session(PORT)
            sessions[username].login(username, "bench-password")
            sessions[username].second_factor(codes[username].pop())
        measured = {name: timings(sessions[user.username], path) for name, path, user in pages}
        load = load_run(
            manager.username, [path for name, path, user in pages if user == manager], codes[manager.username]
        )
    finally:
        server.terminate()
        server.wait(timeout=30)
        flush_redis(env)

    from django.core import mail

    from reminders import sweep
    from reminders.models import Reminder

    with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
        mail.outbox = []
        Reminder.objects.all().delete()  # a rerun of the bench starts from the same backlog
        started = time.perf_counter()
        first = sweep.run()  # the first sweep sends the whole backlog of reminders
        first_seconds = time.perf_counter() - started
        started = time.perf_counter()
        result = sweep.run()  # a daily sweep: every slot checked, what is new claimed and sent
        sweep_seconds = time.perf_counter() - started

    from pilots.models import Pilot
    from reports.models import ProgressReport

    trivial, admin_p50 = measured["trivial"][0], measured["admin changelist"][0]
    rows = [
        {
            "page": name,
            "p50_ms": round(p50, 1),
            "p95_ms": round(p95, 1),
            "queries": queries[name],
            "ratio_trivial": round(p50 / trivial, 2),
            "ratio_admin": round(p50 / admin_p50, 2),
        }
        for name, (p50, p95) in measured.items()
    ]
    from governance.models import Decision

    result_json = {
        "database": connection.vendor,
        "pages": rows,
        "reminder_sweep_s": round(sweep_seconds, 2),
        "reminder_sweep": result,
        "load": load,
        "reminder_sweep_first_s": round(first_seconds, 2),
        "reminder_sweep_first": first,
        "dataset": {
            "collaborations": Programme.objects.values("collaboration").distinct().count(),
            "programmes": Programme.objects.count(),
            "pilots": Pilot.objects.count(),
            "progress_reports": ProgressReport.objects.count(),
            "decisions": Decision.objects.count(),
            "users": User.objects.count(),
        },
    }
    (ROOT / "var" / "bench.json").write_text(json.dumps(result_json, indent=2))
    print(f"{'page':26} {'p50 ms':>8} {'p95 ms':>8} {'queries':>8} {'÷ trivial':>10} {'÷ admin':>8}")
    for row in rows:
        print(
            f"{row['page']:26} {row['p50_ms']:8.1f} {row['p95_ms']:8.1f} {row['queries']:8d} "
            f"{row['ratio_trivial']:10.2f} {row['ratio_admin']:8.2f}"
        )
    slots = result_json["dataset"]["progress_reports"]
    print(f"reminder sweep over {slots} report slots: {sweep_seconds:.2f} s ({result})")
    print(f"first sweep, sending the backlog: {first_seconds:.2f} s ({first})")
    print(
        f"load run: {load['users']} users for {load['seconds']} s: {load['requests']} requests, "
        f"{load['throughput_rps']} per second, p95 {load['p95_ms']} ms, {load['errors']} errors"
    )
    print(f"database: {connection.vendor}; written to var/bench.json")


if __name__ == "__main__":
    main()
