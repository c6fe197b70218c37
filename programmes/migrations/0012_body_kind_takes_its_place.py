"""The old fixed kind gives way to the collaboration's kind (0011 filled it in).

A migration of its own: PostgreSQL refuses to alter a table in the transaction that just updated its rows (pending
foreign-key trigger events), so the data of 0011 is committed before the columns change here."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("programmes", "0011_body_kinds_filled_in"),
    ]

    operations = [
        migrations.RemoveField(model_name="governancebody", name="kind"),
        migrations.RemoveField(model_name="historicalgovernancebody", name="kind"),
        migrations.RenameField(model_name="governancebody", old_name="kind_of_body", new_name="kind"),
        migrations.RenameField(model_name="historicalgovernancebody", old_name="kind_of_body", new_name="kind"),
    ]
