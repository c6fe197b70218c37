"""Production mode refuses to start without its secrets and passes `check --deploy` cleanly."""

import os
import secrets
import subprocess
import sys

from django.conf import settings


def manage(*args, **env):
    environment = {
        "PATH": os.environ["PATH"],
        "HOME": os.environ.get("HOME", "/tmp"),
        "DJANGO_ENV": "production",
        "REDIS_URL": "redis://redis:6379/0",  # checked for, not connected to
    }
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


SECRET = secrets.token_urlsafe(60)


def test_production_refuses_to_start_without_a_secret_key():
    result = manage("check", ALLOWED_HOSTS="jeugdregio.example.nl")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = manage("check", SECRET_KEY=SECRET)
    assert result.returncode != 0
    assert "ALLOWED_HOSTS" in result.stderr


def test_production_refuses_to_start_without_a_shared_cache():
    result = manage("check", SECRET_KEY=SECRET, ALLOWED_HOSTS="jeugdregio.example.nl", REDIS_URL="")
    assert result.returncode != 0
    assert "REDIS_URL is required in production" in result.stderr


def test_check_deploy_is_clean_in_production():
    result = manage(
        "check", "--deploy", "--fail-level", "WARNING", SECRET_KEY=SECRET, ALLOWED_HOSTS="jeugdregio.example.nl"
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNINGS" not in result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_the_demo_password_does_not_exist_in_production():
    result = manage(
        "shell",
        "-c",
        "from django.conf import settings; print(repr(settings.DEMO_PASSWORD), settings.DEBUG)",
        SECRET_KEY=SECRET,
        ALLOWED_HOSTS="jeugdregio.example.nl",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "None False"


def test_load_demo_refuses_in_production():
    result = manage(
        "load_demo",
        SECRET_KEY=SECRET,
        ALLOWED_HOSTS="jeugdregio.example.nl",
        DATABASE_URL="sqlite:////tmp/jeugdregio-prod-test.sqlite3",
    )
    assert result.returncode != 0
    assert "production" in result.stderr


def test_production_refuses_a_published_short_or_made_up_key():
    for key in (
        "change-me-compose-only-0123456789abcdefghijklmnopqrstuvwxyz",  # docker-compose's old default
        "development-only-not-secret-" + "x" * 40,  # the development default
        "django-insecure-" + secrets.token_urlsafe(50),  # what startproject makes
        secrets.token_urlsafe(20),  # short
        "ab" * 40,  # long but not varied
    ):
        result = manage("check", SECRET_KEY=key, ALLOWED_HOSTS="jeugdregio.example.nl")
        assert result.returncode != 0, key
        assert "SECRET_KEY is too short, too simple or publicly known" in result.stderr, key


def test_docker_compose_and_the_image_carry_no_secret_key():
    compose = (settings.BASE_DIR / "docker-compose.yml").read_text()
    assert "${SECRET_KEY:?" in compose  # compose refuses to start without one
    dockerfile = (settings.BASE_DIR / "Dockerfile").read_text()
    assert "token_urlsafe" in dockerfile  # collectstatic runs under a key made for that build only
