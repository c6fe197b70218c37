"""The bodies and their members now belong to programmes (#15). State only: the tables, their rows and their
history stay where they are. The content types follow, so permissions and admin log entries keep pointing
at the same models."""

import django.db.models.deletion
from django.db import migrations, models


MOVED = ["governancebody", "bodymembership", "historicalgovernancebody", "historicalbodymembership"]


def content_types_follow(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in MOVED:
        if ContentType.objects.filter(app_label="programmes", model=model).exists():
            continue  # made by an earlier migrate run; the old one then has no rows pointing at it
        ContentType.objects.filter(app_label="governance", model=model).update(app_label="programmes")


def content_types_go_back(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in MOVED:
        if not ContentType.objects.filter(app_label="governance", model=model).exists():
            ContentType.objects.filter(app_label="programmes", model=model).update(app_label="governance")


class Migration(migrations.Migration):

    dependencies = [
        ('governance', '0003_agendaitem_agendadocument_historicalagendaitem'),
        ('programmes', '0003_bodies_move_here'),
        ('pilots', '0003_body_is_on_the_ground_floor'),
        ('reports', '0003_body_is_on_the_ground_floor'),
        ('contenttypes', '0002_remove_content_type_name'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name='governancebody',
                    name='programme',
                ),
                migrations.AlterField(
                    model_name='historicalroutestep',
                    name='body',
                    field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='programmes.governancebody', verbose_name='body'),
                ),
                migrations.AlterField(
                    model_name='meeting',
                    name='body',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='meetings', to='programmes.governancebody', verbose_name='body'),
                ),
                migrations.AlterField(
                    model_name='advice',
                    name='body',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, to='programmes.governancebody', verbose_name='body'),
                ),
                migrations.AlterField(
                    model_name='decision',
                    name='body',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, to='programmes.governancebody', verbose_name='body'),
                ),
                migrations.AlterField(
                    model_name='historicalmeeting',
                    name='body',
                    field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='programmes.governancebody', verbose_name='body'),
                ),
                migrations.RemoveField(
                    model_name='historicalbodymembership',
                    name='body',
                ),
                migrations.AlterField(
                    model_name='routestep',
                    name='body',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='route_steps', to='programmes.governancebody', verbose_name='body'),
                ),
                migrations.RemoveField(
                    model_name='historicalbodymembership',
                    name='history_user',
                ),
                migrations.RemoveField(
                    model_name='historicalbodymembership',
                    name='person',
                ),
                migrations.RemoveField(
                    model_name='historicalgovernancebody',
                    name='history_user',
                ),
                migrations.RemoveField(
                    model_name='historicalgovernancebody',
                    name='programme',
                ),
                migrations.DeleteModel(
                    name='BodyMembership',
                ),
                migrations.DeleteModel(
                    name='GovernanceBody',
                ),
                migrations.DeleteModel(
                    name='HistoricalBodyMembership',
                ),
                migrations.DeleteModel(
                    name='HistoricalGovernanceBody',
                ),
            ],
        ),
        migrations.RunPython(content_types_follow, content_types_go_back),
    ]
