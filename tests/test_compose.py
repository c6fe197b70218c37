"""No Docker engine runs here, so this keeps docker-compose.yml honest against the Procfile and Dockerfile."""

from pathlib import Path

import pytest
import yaml
from django.conf import settings

ROOT = Path(settings.BASE_DIR)


@pytest.fixture(scope="module")
def compose():
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def procfile(name):
    lines = (ROOT / name).read_text().splitlines()
    return dict(line.split(": ", 1) for line in lines if line.strip() and not line.startswith("#"))


def test_the_production_services_are_there(compose):
    assert {"web", "worker", "beat", "db", "redis", "mail"} <= set(compose["services"])


def test_web_worker_and_beat_run_the_procfile_commands(compose):
    processes = procfile("Procfile")
    assert set(processes) == {"web", "worker", "beat"}
    for name, command in processes.items():
        assert compose["services"][name]["command"] == command, name


def test_the_development_procfile_runs_the_same_processes():
    assert set(procfile("Procfile.dev")) == set(procfile("Procfile"))


def test_app_services_share_one_environment(compose):
    environments = [compose["services"][name]["environment"] for name in ("web", "worker", "beat", "migrate")]
    assert all(env == environments[0] for env in environments)
    env = environments[0]
    assert env["DJANGO_ENV"] == "production"
    for key in ("SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "REDIS_URL", "EMAIL_HOST"):
        assert env.get(key), key
    assert env["DATABASE_URL"].startswith("postgres://") and "@db:" in env["DATABASE_URL"]
    assert env["REDIS_URL"].startswith("redis://redis:")
    assert env["EMAIL_HOST"] == "mail"


def test_services_have_health_checks_and_wait_for_them(compose):
    services = compose["services"]
    for name in ("db", "redis", "web", "mail"):
        assert "healthcheck" in services[name], name
    assert "/health/" in " ".join(services["web"]["healthcheck"]["test"])
    for dependency in ("db", "redis"):
        assert services["web"]["depends_on"][dependency]["condition"] == "service_healthy"
    assert services["web"]["depends_on"]["migrate"]["condition"] == "service_completed_successfully"


def test_the_image_is_python_3_11_and_installs_the_pinned_requirements():
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert dockerfile.splitlines()[0].startswith("FROM python:3.11")
    assert "pip install --no-cache-dir -r requirements.txt" in dockerfile
    assert "compile_messages.py" in dockerfile and "collectstatic" in dockerfile


def test_requirements_are_pinned():
    for name in ("requirements.txt", "requirements-dev.txt"):
        for line in (ROOT / name).read_text().splitlines():
            line = line.strip()
            if line and not line.startswith(("#", "-r")):
                assert "==" in line, f"{name}: {line} is not pinned"


def test_a_deploy_migrates_then_fills_an_empty_search_index(compose):
    command = compose["services"]["migrate"]["command"]
    assert command.index("manage.py migrate") < command.index("manage.py rebuild_search_index --if-empty")
    assert " && " in command  # the index is only filled when the migrations succeeded


def test_the_beat_refreshes_the_search_index_daily():
    from django.conf import settings

    entry = settings.CELERY_BEAT_SCHEDULE["refresh-search-index"]
    assert entry["task"] == "search.tasks.refresh_index" and entry["schedule"] == 24 * 3600
