"""/health/ tells a load balancer (and docker compose) whether the database and the broker answer."""

import os

import pytest
from django.urls import reverse

from core.tasks import heartbeat
from jeugdregio.celery import app


def test_health_is_ok_with_database_and_broker(client, db):
    response = client.get(reverse("health"))
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["checks"] == {"database": "ok", "broker": "ok"}


def test_an_unreachable_broker_gives_503_and_names_it(client, db, monkeypatch):
    monkeypatch.setitem(app.conf, "broker_url", "redis://127.0.0.1:1/0")
    monkeypatch.setitem(app.conf, "broker_transport_options", {})
    response = client.get(reverse("health"))
    assert response.status_code == 503
    body = response.json()
    assert body["checks"]["database"] == "ok"
    assert body["checks"]["broker"].startswith("error")


def test_a_missing_broker_folder_gives_503(client, db, monkeypatch, tmp_path):
    monkeypatch.setitem(app.conf, "broker_url", "filesystem://")
    monkeypatch.setitem(app.conf, "broker_transport_options", {"data_folder_in": str(tmp_path / "gone")})
    response = client.get(reverse("health"))
    assert response.status_code == 503


def test_the_heartbeat_task_shows_on_the_health_page(client, db):
    assert client.get(reverse("health")).json()["last_worker_heartbeat"] is None
    heartbeat()
    assert client.get(reverse("health")).json()["last_worker_heartbeat"] is not None


@pytest.mark.redis
def test_with_redis_url_the_broker_is_redis_and_answers(client, db):
    assert app.conf.broker_url == os.environ["REDIS_URL"]
    body = client.get(reverse("health")).json()
    assert body["broker"] == "redis"
    assert body["checks"]["broker"] == "ok"


@pytest.mark.postgres
def test_with_database_url_the_database_is_postgresql(client, db):
    from django.db import connection

    assert connection.vendor == "postgresql"
    assert client.get(reverse("health")).json()["checks"]["database"] == "ok"
