"""The audit log's guard in the database itself: no UPDATE ever, and no DELETE of a row younger than the retention
period (AUDIT_RETENTION_DAYS), whatever client sends the SQL. The retention task's delete of older rows passes.

The period is written into the trigger when `migrate` runs (the migration, then every post_migrate), so a changed
setting takes effect at the next deploy; until then the database keeps rows at least as long as before. Shortening
the period therefore needs a deploy, i.e. whoever may change the code and run migrate, not whoever reaches the
database through the application.

SQLite (development and tests) has the same two triggers. Emptying the whole database (`manage.py flush`, which the
test runner calls between tests) is the one exception: on PostgreSQL flush is TRUNCATE, which row triggers do not
see; on SQLite it is DELETE, so our flush command (accounts/management/commands/flush.py) raises a flag that a SQL
function of this process, jeugdregio_audit_flushing(), reports to the trigger. Another process or the sqlite3 shell
does not have that function, so its DELETE fails.
"""

from contextlib import contextmanager

from django.conf import settings
from django.db import connections

TABLE = "accounts_auditentry"
_flushing = {"on": False}


def _flushing_now():
    return 1 if _flushing["on"] else 0


@contextmanager
def flushing():
    _flushing["on"] = True
    try:
        yield
    finally:
        _flushing["on"] = False


def register_sqlite_function(connection):
    if connection.vendor == "sqlite" and connection.connection is not None:
        connection.connection.create_function("jeugdregio_audit_flushing", 0, _flushing_now)


def connection_created(sender, connection, **kwargs):
    register_sqlite_function(connection)


def _postgresql(days):
    return [
        f"""
        CREATE OR REPLACE FUNCTION accounts_audit_append_only() RETURNS trigger AS $$
        BEGIN
            IF TG_OP = 'DELETE' AND OLD."at" < now() - interval '{days} days' THEN
                RETURN OLD;
            END IF;
            RAISE EXCEPTION 'rows of % are append-only; only rows older than {days} days can be deleted',
                TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
        END;
        $$ LANGUAGE plpgsql;
        """,
        f"DROP TRIGGER IF EXISTS {TABLE}_append_only ON {TABLE};",
        f"CREATE TRIGGER {TABLE}_append_only BEFORE UPDATE OR DELETE ON {TABLE} "
        f"FOR EACH ROW EXECUTE FUNCTION accounts_audit_append_only();",
    ]


def _sqlite(days):
    return [
        f"DROP TRIGGER IF EXISTS {TABLE}_no_update;",
        f"CREATE TRIGGER {TABLE}_no_update BEFORE UPDATE ON {TABLE} "
        f"BEGIN SELECT RAISE(ABORT, 'rows of {TABLE} are append-only'); END;",
        f"DROP TRIGGER IF EXISTS {TABLE}_no_delete;",
        f"CREATE TRIGGER {TABLE}_no_delete BEFORE DELETE ON {TABLE} "
        f"WHEN OLD.\"at\" >= strftime('%Y-%m-%d %H:%M:%f', 'now', '-{days} days') AND NOT jeugdregio_audit_flushing() "
        f"BEGIN SELECT RAISE(ABORT, 'rows of {TABLE} younger than {days} days cannot be deleted'); END;",
    ]


def install(connection, days=None):
    """Creates or refreshes the triggers with the retention period in days (default: the setting)."""
    days = int(settings.AUDIT_RETENTION_DAYS if days is None else days)
    if days < 1:
        raise ValueError("AUDIT_RETENTION_DAYS must be at least 1")
    statements = {"postgresql": _postgresql, "sqlite": _sqlite}.get(connection.vendor)
    if statements is None or TABLE not in connection.introspection.table_names():
        return False
    connection.ensure_connection()
    register_sqlite_function(connection)
    with connection.cursor() as cursor:
        for statement in statements(days):
            cursor.execute(statement)
    return True


def uninstall(connection):
    if connection.vendor == "postgresql":
        statements = [f"DROP TRIGGER IF EXISTS {TABLE}_append_only ON {TABLE};"]
        statements.append("DROP FUNCTION IF EXISTS accounts_audit_append_only();")
    elif connection.vendor == "sqlite":
        statements = [f"DROP TRIGGER IF EXISTS {TABLE}_no_update;", f"DROP TRIGGER IF EXISTS {TABLE}_no_delete;"]
    else:
        return
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def post_migrate(sender, using="default", **kwargs):
    """After every migrate: the triggers carry the retention period in force (and survive SQLite table rebuilds)."""
    install(connections[using])
