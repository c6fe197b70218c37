"""On PostgreSQL the history tables refuse UPDATE and DELETE in the database itself, whatever code runs.

Advice, decisions, budget movements and the pilots' events, frozen steps and versions are append-only
(domain.md); the models refuse it in Python, these triggers refuse it for raw SQL and other clients too.
On SQLite (development) the model-level guard is the only one.
"""

from django.db import migrations

TABLES = [
    "governance_advice",
    "governance_decision",
    "finance_budgetmovement",
    "pilots_pilotevent",
    "pilots_pilotstep",
    "pilots_pilotversion",
]

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
    schema_editor.execute("DROP FUNCTION IF EXISTS jeugdregio_append_only();")


class Migration(migrations.Migration):
    dependencies = [
        ("pilots", "0001_initial"),
        ("governance", "0003_agendaitem_agendadocument_historicalagendaitem"),
        ("finance", "0002_initial"),
    ]

    operations = [migrations.RunPython(create, drop)]
