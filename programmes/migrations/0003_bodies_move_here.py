"""The bodies and their members move to programmes, the ground floor (#15). Their tables keep their
names (governance_*), so no row moves: only Django's idea of which app owns them changes."""

import django.core.validators
import django.db.models.deletion
import simple_history.models
from decimal import Decimal
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('programmes', '0002_historicalrisk_risk_mitigation_historicalmitigation_and_more'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ('governance', '0003_agendaitem_agendadocument_historicalagendaitem'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='GovernanceBody',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(max_length=200, verbose_name='name')),
                        ('abbreviation', models.CharField(blank=True, max_length=20, verbose_name='abbreviation')),
                        ('kind', models.CharField(choices=[('core_team', 'Core team (kernteam)'), ('policy_meeting', 'Regional policy meeting (RBJ)'), ('strategic_meeting', 'Strategic meeting (SO)'), ('managers_meeting', 'Managers meeting (MO)'), ('administrative_meeting', 'Administrative meeting (BO)'), ('steering_group', 'Steering group'), ('project_group', 'Project group'), ('execution_team', 'Execution team'), ('portfolio_holders', 'Portfolio holders meeting'), ('programme_team', 'Programme team'), ('other', 'Other')], default='other', max_length=30, verbose_name='kind')),
                        ('description', models.TextField(blank=True, verbose_name='description')),
                        ('decision_authority', models.TextField(blank=True, help_text='What this body may decide (gezaghebbendheid).', verbose_name='decision authority')),
                        ('submission_deadline_days', models.PositiveSmallIntegerField(default=7, validators=[django.core.validators.MaxValueValidator(90)], verbose_name='papers deadline (days before a meeting)')),
                        ('order', models.PositiveSmallIntegerField(default=0, verbose_name='order')),
                        ('programme', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='bodies', to='programmes.programme', verbose_name='programme')),
                    ],
                    options={
                        'verbose_name': 'governance body',
                        'verbose_name_plural': 'governance bodies',
                        'db_table': 'governance_governancebody',
                        'ordering': ['programme', 'order', 'name'],
                    },
                ),
                migrations.CreateModel(
                    name='BodyMembership',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('role', models.CharField(choices=[('lead', 'Lead (trekker)'), ('member', 'Member'), ('chair', 'Chair'), ('secretary', 'Secretary')], default='member', max_length=20, verbose_name='role')),
                        ('contribution', models.CharField(blank=True, max_length=300, verbose_name='contribution')),
                        ('hours_per_week', models.DecimalField(blank=True, decimal_places=1, max_digits=4, null=True, validators=[django.core.validators.MinValueValidator(Decimal('0'), message='Hours per week cannot be negative.'), django.core.validators.MaxValueValidator(Decimal('40'), message='More than 40 hours a week is not a realistic contribution.')], verbose_name='hours per week')),
                        ('person', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to='programmes.person', verbose_name='person')),
                        ('body', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='memberships', to='programmes.governancebody', verbose_name='body')),
                    ],
                    options={
                        'verbose_name': 'body membership',
                        'verbose_name_plural': 'body memberships',
                        'db_table': 'governance_bodymembership',
                        'ordering': ['body', 'role', 'person__name'],
                    },
                ),
                migrations.CreateModel(
                    name='HistoricalBodyMembership',
                    fields=[
                        ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                        ('role', models.CharField(choices=[('lead', 'Lead (trekker)'), ('member', 'Member'), ('chair', 'Chair'), ('secretary', 'Secretary')], default='member', max_length=20, verbose_name='role')),
                        ('contribution', models.CharField(blank=True, max_length=300, verbose_name='contribution')),
                        ('hours_per_week', models.DecimalField(blank=True, decimal_places=1, max_digits=4, null=True, validators=[django.core.validators.MinValueValidator(Decimal('0'), message='Hours per week cannot be negative.'), django.core.validators.MaxValueValidator(Decimal('40'), message='More than 40 hours a week is not a realistic contribution.')], verbose_name='hours per week')),
                        ('history_id', models.AutoField(primary_key=True, serialize=False)),
                        ('history_date', models.DateTimeField(db_index=True)),
                        ('history_change_reason', models.CharField(max_length=100, null=True)),
                        ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                        ('body', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='programmes.governancebody', verbose_name='body')),
                        ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('person', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='programmes.person', verbose_name='person')),
                    ],
                    options={
                        'verbose_name': 'historical body membership',
                        'verbose_name_plural': 'historical body memberships',
                        'db_table': 'governance_historicalbodymembership',
                        'ordering': ('-history_date', '-history_id'),
                        'get_latest_by': ('history_date', 'history_id'),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name='HistoricalGovernanceBody',
                    fields=[
                        ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                        ('name', models.CharField(max_length=200, verbose_name='name')),
                        ('abbreviation', models.CharField(blank=True, max_length=20, verbose_name='abbreviation')),
                        ('kind', models.CharField(choices=[('core_team', 'Core team (kernteam)'), ('policy_meeting', 'Regional policy meeting (RBJ)'), ('strategic_meeting', 'Strategic meeting (SO)'), ('managers_meeting', 'Managers meeting (MO)'), ('administrative_meeting', 'Administrative meeting (BO)'), ('steering_group', 'Steering group'), ('project_group', 'Project group'), ('execution_team', 'Execution team'), ('portfolio_holders', 'Portfolio holders meeting'), ('programme_team', 'Programme team'), ('other', 'Other')], default='other', max_length=30, verbose_name='kind')),
                        ('description', models.TextField(blank=True, verbose_name='description')),
                        ('decision_authority', models.TextField(blank=True, help_text='What this body may decide (gezaghebbendheid).', verbose_name='decision authority')),
                        ('submission_deadline_days', models.PositiveSmallIntegerField(default=7, validators=[django.core.validators.MaxValueValidator(90)], verbose_name='papers deadline (days before a meeting)')),
                        ('order', models.PositiveSmallIntegerField(default=0, verbose_name='order')),
                        ('history_id', models.AutoField(primary_key=True, serialize=False)),
                        ('history_date', models.DateTimeField(db_index=True)),
                        ('history_change_reason', models.CharField(max_length=100, null=True)),
                        ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                        ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('programme', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='programmes.programme', verbose_name='programme')),
                    ],
                    options={
                        'verbose_name': 'historical governance body',
                        'verbose_name_plural': 'historical governance bodies',
                        'db_table': 'governance_historicalgovernancebody',
                        'ordering': ('-history_date', '-history_id'),
                        'get_latest_by': ('history_date', 'history_id'),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.AddConstraint(
                    model_name='governancebody',
                    constraint=models.UniqueConstraint(fields=('programme', 'name'), name='body_unique_name'),
                ),
                migrations.AddConstraint(
                    model_name='bodymembership',
                    constraint=models.UniqueConstraint(fields=('body', 'person'), name='bodymembership_unique_person'),
                ),
            ],
        ),
    ]
