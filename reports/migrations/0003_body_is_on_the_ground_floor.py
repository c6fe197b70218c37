"""Foreign keys to a body now name programmes.GovernanceBody; the column and the table stay as they were."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('programmes', '0003_bodies_move_here'),
        ('reports', '0002_append_only_triggers'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='reportreview',
                    name='body',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='programmes.governancebody'),
                ),
            ],
        ),
    ]
