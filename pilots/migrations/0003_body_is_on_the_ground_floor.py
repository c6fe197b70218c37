"""Foreign keys to a body now name programmes.GovernanceBody; the column and the table stay as they were."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('pilots', '0002_append_only_triggers'),
        ('programmes', '0003_bodies_move_here'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='gate',
                    name='body',
                    field=models.ForeignKey(blank=True, help_text="Empty: the route's deciding body.", null=True, on_delete=django.db.models.deletion.PROTECT, related_name='gates', to='programmes.governancebody', verbose_name='deciding body'),
                ),
                migrations.AlterField(
                    model_name='pilotevent',
                    name='body',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='programmes.governancebody'),
                ),
                migrations.AlterField(
                    model_name='pilotstep',
                    name='body',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='programmes.governancebody'),
                ),
            ],
        ),
    ]
