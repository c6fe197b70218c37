"""Accounts nobody used for ACCOUNT_INACTIVE_DAYS are deactivated by a daily task, logged, and get no mail; the last
active administrator is never deactivated."""

import datetime

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from accounts import services, tasks
from accounts.constants import AuditKind
from accounts.models import AuditEntry
from jeugdregio.celery import app
from reminders.notify import Audience
from tests import factories as f
from tests.factories import PASSWORD

pytestmark = [pytest.mark.django_db, pytest.mark.dates]
User = get_user_model()
NOW = timezone.now()


def aged(username, days_since_login=None, days_since_joined=400, **fields):
    """A user who last logged in `days_since_login` days ago (None: never), made `days_since_joined` days ago."""
    user = f.UserFactory(username=username, **fields)
    User.objects.filter(pk=user.pk).update(
        last_login=NOW - datetime.timedelta(days=days_since_login) if days_since_login is not None else None,
        date_joined=NOW - datetime.timedelta(days=days_since_joined),
    )
    return user


def active(*users):
    return {u.username for u in User.objects.filter(pk__in=[u.pk for u in users], is_active=True)}


def test_accounts_unused_for_a_year_are_deactivated_and_logged(settings):
    settings.ACCOUNT_INACTIVE_DAYS = 365
    old_login = aged("oud", days_since_login=400)
    never = aged("nooit")  # never logged in, made 400 days ago
    recent = aged("recent", days_since_login=10)
    new = aged("nieuw", days_since_joined=5)  # never logged in, but just made
    keeper = aged("beheer", days_since_login=1, is_superuser=True, is_staff=True)
    assert sorted(services.deactivate_unused(NOW)) == ["nooit", "oud"]
    assert active(old_login, never, recent, new, keeper) == {"recent", "nieuw", "beheer"}
    entries = AuditEntry.objects.filter(kind=AuditKind.ACCOUNT_DEACTIVATED).order_by("subject_name")
    assert [(e.subject_name, e.details["reason"], e.details["days"]) for e in entries] == [
        ("nooit", "unused", 365),
        ("oud", "unused", 365),
    ]
    assert entries[1].subject == old_login and entries[1].actor is None
    assert services.deactivate_unused(NOW) == []  # run again: nothing more


def test_administrators_are_deactivated_too_while_another_is_active(settings):
    stale = aged("oude-beheerder", days_since_login=500, is_superuser=True)
    fresh = aged("beheerder", days_since_login=3, is_superuser=True)
    assert services.deactivate_unused(NOW) == ["oude-beheerder"]
    assert active(stale, fresh) == {"beheerder"}


def test_the_last_active_administrator_is_never_deactivated():
    older = aged("beheerder-2019", days_since_login=900, is_superuser=True)
    newer = aged("beheerder-2024", days_since_login=500, is_superuser=True)
    aged("gewone", days_since_login=500)
    assert sorted(services.deactivate_unused(NOW)) == ["beheerder-2019", "gewone"]
    assert active(older, newer) == {"beheerder-2024"}  # the one used most recently stays
    assert services.deactivate_unused(NOW) == []
    assert active(newer) == {"beheerder-2024"}


def test_an_inactive_administrator_does_not_count_as_the_last_one():
    aged("weg", days_since_login=10, is_superuser=True, is_active=False)
    last = aged("enige", days_since_login=800, is_superuser=True)
    assert services.deactivate_unused(NOW) == []
    assert active(last) == {"enige"}


def test_a_deactivated_account_cannot_sign_in_and_gets_no_notifications(client, reader):
    User.objects.filter(pk=reader.pk).update(last_login=NOW - datetime.timedelta(days=800))
    services.deactivate_unused()
    reader.refresh_from_db()
    assert not reader.is_active
    assert client.post(reverse("login"), {"username": reader.username, "password": PASSWORD}).status_code == 200
    audience = Audience()
    audience.add_users([reader], "pilot_outcome")
    assert audience.people == {}  # reminders.notify leaves inactive accounts out


def test_the_tasks_are_registered_and_scheduled_daily():
    schedule = settings.CELERY_BEAT_SCHEDULE
    assert schedule["deactivate-unused-accounts"]["task"] == "accounts.tasks.deactivate_unused_accounts"
    assert schedule["purge-audit-log"]["task"] == "accounts.tasks.purge_audit_log"
    for name in ("deactivate-unused-accounts", "purge-audit-log"):
        assert schedule[name]["task"] in app.tasks and schedule[name]["schedule"] == 24 * 3600
    assert settings.INVITATION_DAYS == 7 and settings.AUDIT_RETENTION_DAYS == 730


def test_the_task_runs_through_celery():
    aged("oud", days_since_login=800)
    assert tasks.deactivate_unused_accounts.delay().get() == ["oud"]
