"""Vocabulary is data (#22, step 6): the kinds of governance bodies become each collaboration's own list, and a
programme states its domains (youth care, Wmo, the social domain as a whole).

Every collaboration gets the default kinds; every body's fixed kind becomes the kind with the same code in its
programme's collaboration (the same Dutch name and abbreviation as the old label), in its history rows too; "other"
becomes no kind. Existing programmes are about youth care. Going back turns each kind into its code again."""

import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models
from django.utils import timezone


# The defaults as they were when this migration was written (code, name, abbreviation): the old fixed kinds' labels.
DEFAULT_BODY_KINDS = (
    ("core_team", "Kernteam", ""),
    ("policy_meeting", "Regionaal Beleidsoverleg Jeugd", "RBJ"),
    ("strategic_meeting", "Strategisch Overleg", "SO"),
    ("managers_meeting", "Managers Overleg", "MO"),
    ("administrative_meeting", "Bestuurlijk Overleg", "BO"),
    ("steering_group", "Stuurgroep", ""),
    ("project_group", "Projectgroep", ""),
    ("execution_team", "Uitvoeringsteam", ""),
    ("portfolio_holders", "Portefeuillehoudersoverleg", ""),
    ("programme_team", "Programmateam", ""),
)
OTHER = "other"  # the old fixed kind for "none of these": no kind now


def kinds_become_data(apps, schema_editor):
    Collaboration = apps.get_model("programmes", "Collaboration")
    Programme = apps.get_model("programmes", "Programme")
    BodyKind = apps.get_model("programmes", "BodyKind")
    HistoricalBodyKind = apps.get_model("programmes", "HistoricalBodyKind")
    GovernanceBody = apps.get_model("programmes", "GovernanceBody")
    HistoricalGovernanceBody = apps.get_model("programmes", "HistoricalGovernanceBody")
    now = timezone.now()
    programmes_of = {}
    for programme_id, collaboration_id in Programme.objects.values_list("pk", "collaboration_id"):
        programmes_of.setdefault(collaboration_id, []).append(programme_id)
    for collaboration in Collaboration.objects.all():
        programme_ids = programmes_of.get(collaboration.pk, [])
        for order, (code, name, abbreviation) in enumerate(DEFAULT_BODY_KINDS, start=1):
            kind = BodyKind.objects.create(
                collaboration=collaboration, code=code, name=name, abbreviation=abbreviation, order=order
            )
            HistoricalBodyKind.objects.create(
                id=kind.pk,
                collaboration_id=collaboration.pk,
                code=code,
                name=name,
                abbreviation=abbreviation,
                order=order,
                history_date=now,
                history_type="+",
                history_change_reason="Standaardsoorten bij de overgang (#22)",
            )
            GovernanceBody.objects.filter(programme_id__in=programme_ids, kind=code).update(kind_of_body=kind)
            HistoricalGovernanceBody.objects.filter(programme_id__in=programme_ids, kind=code).update(kind_of_body=kind)
    # A history row of a body whose programme is gone keeps no kind: there is no collaboration to take it from. A
    # body of a kind this list does not know (none should be) is listed, and keeps no kind.
    unknown = set(GovernanceBody.objects.filter(kind_of_body__isnull=True).exclude(kind=OTHER).values_list("kind"))
    if unknown:
        print(f"\n  Kinds of bodies not known, left empty: {', '.join(sorted(k for (k,) in unknown))}")


def kinds_become_codes(apps, schema_editor):
    BodyKind = apps.get_model("programmes", "BodyKind")
    GovernanceBody = apps.get_model("programmes", "GovernanceBody")
    HistoricalGovernanceBody = apps.get_model("programmes", "HistoricalGovernanceBody")
    codes = dict(BodyKind.objects.values_list("pk", "code"))
    for model in (GovernanceBody, HistoricalGovernanceBody):
        model.objects.update(kind=OTHER)
        for kind_id, code in codes.items():
            if code:
                model.objects.filter(kind_of_body_id=kind_id).update(kind=code)


class Migration(migrations.Migration):
    dependencies = [
        ("programmes", "0009_youthcareregion_is_region"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="BodyKind",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("name", models.CharField(max_length=100, verbose_name="name")),
                ("abbreviation", models.CharField(blank=True, max_length=20, verbose_name="abbreviation")),
                (
                    "code",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("core_team", "Core team (kernteam)"),
                            ("policy_meeting", "Regional policy meeting (RBJ)"),
                            ("strategic_meeting", "Strategic meeting (SO)"),
                            ("managers_meeting", "Managers meeting (MO)"),
                            ("administrative_meeting", "Administrative meeting (BO)"),
                            ("steering_group", "Steering group"),
                            ("project_group", "Project group"),
                            ("execution_team", "Execution team"),
                            ("portfolio_holders", "Portfolio holders meeting"),
                            ("programme_team", "Programme team"),
                        ],
                        help_text="Set on the default kinds; what the application does for a kind (the kernteam) follows it.",
                        max_length=30,
                        verbose_name="code",
                    ),
                ),
                ("order", models.PositiveSmallIntegerField(default=0, verbose_name="order")),
            ],
            options={
                "verbose_name": "kind of body",
                "verbose_name_plural": "kinds of bodies",
                "ordering": ["collaboration__name", "order", "name"],
            },
        ),
        migrations.CreateModel(
            name="HistoricalBodyKind",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                ("name", models.CharField(max_length=100, verbose_name="name")),
                ("abbreviation", models.CharField(blank=True, max_length=20, verbose_name="abbreviation")),
                (
                    "code",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("core_team", "Core team (kernteam)"),
                            ("policy_meeting", "Regional policy meeting (RBJ)"),
                            ("strategic_meeting", "Strategic meeting (SO)"),
                            ("managers_meeting", "Managers meeting (MO)"),
                            ("administrative_meeting", "Administrative meeting (BO)"),
                            ("steering_group", "Steering group"),
                            ("project_group", "Project group"),
                            ("execution_team", "Execution team"),
                            ("portfolio_holders", "Portfolio holders meeting"),
                            ("programme_team", "Programme team"),
                        ],
                        help_text="Set on the default kinds; what the application does for a kind (the kernteam) follows it.",
                        max_length=30,
                        verbose_name="code",
                    ),
                ),
                ("order", models.PositiveSmallIntegerField(default=0, verbose_name="order")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1),
                ),
            ],
            options={
                "verbose_name": "historical kind of body",
                "verbose_name_plural": "historical kinds of bodies",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.AddField(
            model_name="historicalprogramme",
            name="covers_social_domain",
            field=models.BooleanField(default=False, verbose_name="social domain as a whole"),
        ),
        migrations.AddField(
            model_name="historicalprogramme",
            name="covers_wmo",
            field=models.BooleanField(default=False, verbose_name="social support (Wmo)"),
        ),
        migrations.AddField(
            model_name="historicalprogramme",
            name="covers_youth",
            field=models.BooleanField(default=True, verbose_name="youth care (jeugd)"),
        ),
        migrations.AddField(
            model_name="programme",
            name="covers_social_domain",
            field=models.BooleanField(default=False, verbose_name="social domain as a whole"),
        ),
        migrations.AddField(
            model_name="programme",
            name="covers_wmo",
            field=models.BooleanField(default=False, verbose_name="social support (Wmo)"),
        ),
        migrations.AddField(
            model_name="programme",
            name="covers_youth",
            field=models.BooleanField(default=True, verbose_name="youth care (jeugd)"),
        ),
        migrations.AddConstraint(
            model_name="programme",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("covers_youth", True), ("covers_wmo", True), ("covers_social_domain", True), _connector="OR"
                ),
                name="programme_has_a_domain",
                violation_error_message="Choose at least one domain: youth care, social support (Wmo) or the social domain as a whole.",
            ),
        ),
        migrations.AddField(
            model_name="bodykind",
            name="collaboration",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="body_kinds",
                to="programmes.collaboration",
                verbose_name="collaboration",
            ),
        ),
        migrations.AddField(
            model_name="historicalbodykind",
            name="collaboration",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="programmes.collaboration",
                verbose_name="collaboration",
            ),
        ),
        migrations.AddField(
            model_name="historicalbodykind",
            name="history_user",
            field=models.ForeignKey(
                null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to=settings.AUTH_USER_MODEL
            ),
        ),
        migrations.AddConstraint(
            model_name="bodykind",
            constraint=models.UniqueConstraint(
                fields=("collaboration", "name"),
                name="bodykind_unique_name_per_collaboration",
                violation_error_message="This collaboration already has a kind of body with this name.",
            ),
        ),
        migrations.AddConstraint(
            model_name="bodykind",
            constraint=models.UniqueConstraint(
                condition=models.Q(("code", ""), _negated=True),
                fields=("collaboration", "code"),
                name="bodykind_unique_code_per_collaboration",
                violation_error_message="This collaboration already has a kind of body with this code.",
            ),
        ),
        migrations.AddField(
            model_name="governancebody",
            name="kind_of_body",
            field=models.ForeignKey(
                blank=True,
                help_text="One of the collaboration's kinds of bodies; leave empty when none fits.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="bodies",
                to="programmes.bodykind",
                verbose_name="kind",
            ),
        ),
        migrations.AddField(
            model_name="historicalgovernancebody",
            name="kind_of_body",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                help_text="One of the collaboration's kinds of bodies; leave empty when none fits.",
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="programmes.bodykind",
                verbose_name="kind",
            ),
        ),
    ]
