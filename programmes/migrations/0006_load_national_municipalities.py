"""Loads the national reference of programmes/reference/: the 42 youth-care regions and every municipality with
its CBS code, province, region and inhabitants (docs/collaborations.md, step 1). Existing municipalities are matched
by code or name and keep their figure in use. Going back removes the municipalities no region uses (a database
from before had none; the step before requires a region again) and keeps those of the regions."""

from django.db import migrations

from programmes.reference_data import read_reference
from programmes.reference_load import SHIPPED_POPULATION_SOURCE, sync_reference


def load(apps, schema_editor):
    sync_reference(
        read_reference(),
        region_model=apps.get_model("programmes", "YouthCareRegion"),
        municipality_model=apps.get_model("programmes", "Municipality"),
        population_model=apps.get_model("programmes", "Population"),
        source=SHIPPED_POPULATION_SOURCE,
        region_field="youth_care_region",
    )


def unload(apps, schema_editor):
    apps.get_model("programmes", "Municipality").objects.filter(region__isnull=True).delete()
    apps.get_model("programmes", "HistoricalMunicipality").objects.filter(region__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("programmes", "0005_national_municipalities")]

    operations = [migrations.RunPython(load, unload)]
