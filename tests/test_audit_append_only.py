"""The audit log cannot be changed or deleted, not even with raw SQL (database triggers on PostgreSQL and SQLite),
except by the retention task for entries older than the retention period."""

import datetime

import pytest
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from accounts import services, triggers
from accounts.constants import AuditKind
from accounts.models import AuditEntry

pytestmark = pytest.mark.django_db


def entry(days_old=0, kind=AuditKind.LOGIN):
    return AuditEntry.objects.create(kind=kind, at=timezone.now() - datetime.timedelta(days=days_old))


def raw(statement, *params):
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(statement, list(params))
        return cursor.rowcount


@pytest.mark.parametrize("days_old", [0, 800])
def test_raw_sql_cannot_update_an_entry_however_old(days_old):
    row = entry(days_old)
    with pytest.raises(DatabaseError):
        raw("UPDATE accounts_auditentry SET kind = 'login_failed' WHERE id = %s", row.pk)
    with pytest.raises(DatabaseError):
        raw(
            "UPDATE accounts_auditentry SET at = %s WHERE id = %s",
            timezone.now() - datetime.timedelta(days=900),
            row.pk,
        )
    assert AuditEntry.objects.get(pk=row.pk).kind == AuditKind.LOGIN


@pytest.mark.parametrize("days_old", [0, 100, 729])
def test_raw_sql_cannot_delete_an_entry_younger_than_the_retention_period(days_old):
    row = entry(days_old)
    with pytest.raises(DatabaseError):
        raw("DELETE FROM accounts_auditentry WHERE id = %s", row.pk)
    with pytest.raises(DatabaseError):
        raw("DELETE FROM accounts_auditentry")
    assert AuditEntry.objects.filter(pk=row.pk).exists()


def test_raw_sql_may_delete_only_what_retention_would_remove():
    old = entry(800)
    assert raw("DELETE FROM accounts_auditentry WHERE id = %s", old.pk) == 1


def test_the_model_refuses_changes_too():
    row = entry()
    with pytest.raises(PermissionError):
        row.save()
    with pytest.raises(PermissionError):
        row.delete()
    with pytest.raises(PermissionError):
        AuditEntry.objects.filter(pk=row.pk).update(kind=AuditKind.LOGIN_FAILED)
    with pytest.raises(PermissionError):
        AuditEntry.objects.all().delete()


def test_retention_removes_old_entries_only_and_says_so(settings):
    settings.AUDIT_RETENTION_DAYS = 730
    old, older = entry(732), entry(2000)
    young, edge = entry(5), entry(729)
    assert services.purge_audit_log() == 2
    assert not AuditEntry.objects.filter(pk__in=[old.pk, older.pk]).exists()
    assert AuditEntry.objects.filter(pk__in=[young.pk, edge.pk]).count() == 2
    note = AuditEntry.objects.get(kind=AuditKind.RETENTION)
    assert note.details["removed"] == 2 and note.details["days"] == 730 and note.actor is None
    assert services.purge_audit_log() == 0
    assert AuditEntry.objects.filter(kind=AuditKind.RETENTION).count() == 1  # nothing removed: nothing to say


def test_a_shorter_retention_takes_effect_with_migrate(settings):
    """The trigger keeps the period of the last migrate: a shorter setting alone cannot delete younger rows."""
    row = entry(100)
    settings.AUDIT_RETENTION_DAYS = 30
    with pytest.raises(DatabaseError), transaction.atomic():
        services.purge_audit_log()
    assert AuditEntry.objects.filter(pk=row.pk).exists()
    try:
        triggers.install(connection)  # what post_migrate does
        assert services.purge_audit_log() == 1
    finally:
        triggers.install(connection, days=730)


@pytest.mark.django_db(transaction=True)
def test_emptying_the_whole_database_stays_possible():
    """`manage.py flush` (the test runner's reset) empties the log; on PostgreSQL it is a TRUNCATE."""
    entry()
    call_command("flush", "--noinput", verbosity=0)
    assert not AuditEntry.objects.exists()
    assert triggers.install(connection)  # still guarded afterwards
    row = entry()
    with pytest.raises(DatabaseError):
        raw("DELETE FROM accounts_auditentry WHERE id = %s", row.pk)
