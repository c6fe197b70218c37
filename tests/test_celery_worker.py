"""`make run` needs no Redis: a real Celery worker and beat share kombu's filesystem broker under var/."""

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from django.conf import settings

from jeugdregio.celery import app

CELERY = str(Path(sys.executable).with_name("celery"))


def environment(var_dir):
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL", "DJANGO_ENV")}
    env.update(VAR_DIR=str(var_dir), HEARTBEAT_SECONDS="1", DJANGO_SETTINGS_MODULE="jeugdregio.settings")
    return env


def heartbeats(var_dir):
    database = var_dir / "jeugdregio.sqlite3"
    with sqlite3.connect(database) as conn:
        return conn.execute("SELECT count(*) FROM core_heartbeat").fetchone()[0]


def test_beat_schedules_and_a_real_worker_runs_on_the_filesystem_broker(tmp_path):
    env = environment(tmp_path)
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "-v0"], cwd=settings.BASE_DIR, env=env, check=True, timeout=120
    )
    processes = [
        subprocess.Popen(
            [CELERY, "-A", "jeugdregio", "worker", "--pool", "solo", "--loglevel", "WARNING"],
            cwd=settings.BASE_DIR,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        ),
        subprocess.Popen(
            [
                CELERY,
                "-A",
                "jeugdregio",
                "beat",
                "--loglevel",
                "WARNING",
                "--schedule",
                str(tmp_path / "beat-schedule"),
            ],
            cwd=settings.BASE_DIR,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        ),
    ]
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and heartbeats(tmp_path) == 0:
            assert all(p.poll() is None for p in processes), [p.stderr.read().decode() for p in processes]
            time.sleep(0.5)
        assert heartbeats(tmp_path) == 1
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=20)


def test_the_beat_schedule_names_registered_tasks():
    assert "heartbeat" in settings.CELERY_BEAT_SCHEDULE
    app.loader.import_default_modules()  # what a worker does at start: autodiscover the apps' tasks
    for entry in settings.CELERY_BEAT_SCHEDULE.values():
        assert entry["task"] in app.tasks, entry["task"]


def test_tasks_are_acknowledged_late_with_time_limits():
    assert app.conf.task_acks_late is True
    assert app.conf.worker_prefetch_multiplier == 1
    assert 0 < app.conf.task_soft_time_limit < app.conf.task_time_limit
