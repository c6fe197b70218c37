"""On PostgreSQL the municipalities' decisions refuse UPDATE and DELETE in the database itself, like advice and
decisions, with the trigger function made by pilots/migrations/0002_append_only_triggers.py (so going back past that
migration drops this trigger first)."""

from django.db import migrations

TABLE = "governance_municipaldecision"

def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f"CREATE TRIGGER {TABLE}_append_only BEFORE UPDATE OR DELETE ON {TABLE} "
        f"FOR EACH ROW EXECUTE FUNCTION jeugdregio_append_only();"
    )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP TRIGGER IF EXISTS {TABLE}_append_only ON {TABLE};")


class Migration(migrations.Migration):
    dependencies = [("governance", "0005_municipalities_decide"), ("pilots", "0002_append_only_triggers")]

    operations = [migrations.RunPython(create, drop)]
