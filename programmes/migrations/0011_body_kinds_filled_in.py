"""Every collaboration gets the default body kinds, and every body its collaboration's kind for its old fixed kind.

Data only, in a migration of its own between the schema changes of 0010 and 0012: PostgreSQL refuses to alter a
table in the transaction that updated its rows (pending foreign-key trigger events), both ways."""

import importlib

from django.db import migrations

_kinds = importlib.import_module("programmes.migrations.0010_body_kinds_and_domains")


class Migration(migrations.Migration):
    dependencies = [
        ("programmes", "0010_body_kinds_and_domains"),
    ]

    operations = [
        migrations.RunPython(_kinds.kinds_become_data, _kinds.kinds_become_codes),
    ]
