"""The glossary's name: a jeugdzorgregio is a `Region` (CBS, JZxx), now that the collaboration has the old name's
place (0007). A municipality's `region` is its youth-care region."""

from django.db import migrations

# model (after the renames) → the model name its permissions still carry from before
RENAMED = {"collaboration": "region", "historicalcollaboration": "historicalregion", "region": "youthcareregion"}
VERBOSE = {
    "collaboration": "collaboration",
    "historicalcollaboration": "historical collaboration",
    "region": "youth-care region (CBS)",
}


def permissions_follow_their_models(apps, schema_editor):
    """Django renames a model's content type with it, not its permissions: `change_region` on the collaboration
    would stay, and a new `change_collaboration` nobody holds would be made beside it. So each permission takes its
    model's new name; users and groups keep what they had."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    for model, old in RENAMED.items():  # in this order: the old "region" is renamed before the new one takes it
        content_type = ContentType.objects.filter(app_label="programmes", model=model).first()
        if content_type is None:
            # `manage.py migrate` renames content types with their models; a migration run without its signals
            # (an executor, as the tests do) does not, so it is done here.
            content_type = ContentType.objects.filter(app_label="programmes", model=old).first()
            if content_type is None:
                continue  # a new database: the permissions are made after migrating, with the new names
            content_type.model = model
            content_type.save(update_fields=["model"])
        for permission in Permission.objects.filter(content_type=content_type, codename__endswith=f"_{old}"):
            action = permission.codename[: -len(old) - 1]
            if Permission.objects.filter(content_type=content_type, codename=f"{action}_{model}").exists():
                continue
            permission.codename = f"{action}_{model}"
            permission.name = f"Can {action} {VERBOSE[model]}"
            permission.save(update_fields=["codename", "name"])


class Migration(migrations.Migration):
    dependencies = [
        ("programmes", "0008_participations"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        migrations.RenameModel("YouthCareRegion", "Region"),
        migrations.RenameField(model_name="municipality", old_name="youth_care_region", new_name="region"),
        migrations.RenameField(model_name="historicalmunicipality", old_name="youth_care_region", new_name="region"),
        migrations.RunPython(permissions_follow_their_models, migrations.RunPython.noop),
    ]
