"""On PostgreSQL a condition's history refuses UPDATE and DELETE in the database itself, like the route's events."""

from django.db import migrations

TABLE = "pilots_conditionevent"


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
    dependencies = [("pilots", "0004_conditions_and_assessment")]

    operations = [migrations.RunPython(create, drop)]
