"""The party that runs a programme is a collaboration (samenwerkingsverband), not a region (#22, step 2).

Renames only: the table, its history table, and the programme's foreign key keep their rows and ids, so every
programme, history row and permission stays as it was. The participations and partners follow in 0008/0009."""

from django.db import migrations


class Migration(migrations.Migration):
    # After the publisher exists: a rename must see every foreign key to the model, or migrating back on SQLite
    # points the publisher at the wrong table (the state would resolve its "programmes.region" to the CBS region).
    dependencies = [
        ("programmes", "0006_load_national_municipalities"),
        ("publication", "0001_initial"),
    ]

    operations = [
        migrations.RemoveConstraint(model_name="programme", name="programme_unique_title_per_region"),
        migrations.RenameModel("Region", "Collaboration"),
        migrations.RenameModel("HistoricalRegion", "HistoricalCollaboration"),
        migrations.RenameField(model_name="programme", old_name="region", new_name="collaboration"),
        migrations.RenameField(model_name="historicalprogramme", old_name="region", new_name="collaboration"),
    ]
