"""The audit log refuses UPDATE, and DELETE of rows younger than AUDIT_RETENTION_DAYS, in the database itself
(PostgreSQL and SQLite), like the decisions (pilots/migrations/0002). post_migrate refreshes the triggers with the
period in force after every migrate; see accounts/triggers.py."""

from django.db import migrations

from accounts import triggers


def create(apps, schema_editor):
    triggers.install(schema_editor.connection)


def drop(apps, schema_editor):
    triggers.uninstall(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("accounts", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
