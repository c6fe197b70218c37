from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("publication", "0002_public_text"),
        ("programmes", "0007_region_becomes_collaboration"),
    ]

    operations = [
        migrations.RenameField(model_name="publisher", old_name="region", new_name="collaboration"),
    ]
