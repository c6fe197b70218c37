"""On PostgreSQL, submitted reports and their reviews refuse UPDATE and DELETE in the database itself."""

from django.db import migrations

TABLES = ["reports_reportsubmission", "reports_reportreview"]

FUNCTION = """
CREATE OR REPLACE FUNCTION jeugdregio_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'rows of %% are append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
"""


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(FUNCTION)
    for table in TABLES:
        schema_editor.execute(
            f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION jeugdregio_append_only();"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in TABLES:
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table};")


class Migration(migrations.Migration):
    dependencies = [("reports", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
