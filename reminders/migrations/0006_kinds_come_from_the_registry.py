"""Reminder and notification kinds come from the registry (reminders.registry) the domain apps fill; the rule
that decisions on one's own proposal always arrive is kept by the model and by notify.record, not by a
constraint that would name a pilot kind here (#15)."""

import reminders.registry
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('reminders', '0005_notifications'),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name='notificationsetting',
            name='notificationsetting_own_proposal_not_never',
        ),
        migrations.AlterField(
            model_name='notification',
            name='kind',
            field=models.CharField(choices=reminders.registry.notification_choices, max_length=20, verbose_name='kind'),
        ),
        migrations.AlterField(
            model_name='notificationsetting',
            name='kind',
            field=models.CharField(choices=reminders.registry.notification_choices, max_length=20, verbose_name='kind'),
        ),
        migrations.AlterField(
            model_name='reminder',
            name='kind',
            field=models.CharField(choices=reminders.registry.reminder_choices, max_length=20, verbose_name='kind'),
        ),
    ]
