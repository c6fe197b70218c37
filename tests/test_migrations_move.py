"""Moving the bodies to the ground floor (#15) keeps an existing database intact.

The test brings its database back to the migrations of the main branch before the move, writes a body, a seat,
their history, a route step and a permission the way that code did, and migrates forward as an upgrade would.
"""

from datetime import date

import pytest
from django.contrib.auth.models import Permission, User
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

BEFORE_THE_MOVE = [
    ("programmes", "0002_historicalrisk_risk_mitigation_historicalmitigation_and_more"),
    ("governance", "0003_agendaitem_agendadocument_historicalagendaitem"),
    ("pilots", "0002_append_only_triggers"),
    ("reports", "0002_append_only_triggers"),
]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_an_upgraded_database_keeps_its_bodies_seats_history_steps_and_permissions():
    old = migrate(BEFORE_THE_MOVE)
    OldBody = old.get_model("governance", "GovernanceBody")
    assert OldBody._meta.db_table == "governance_governancebody"
    region = old.get_model("programmes", "Region").objects.create(name="Rivierenland")
    programme = old.get_model("programmes", "Programme").objects.create(
        region=region, title="Uitvoeringsprogramma", start_date=date(2026, 1, 1), end_date=date(2028, 12, 31)
    )
    person = old.get_model("programmes", "Person").objects.create(name="Mariëlle de Wit")
    body = OldBody.objects.create(programme=programme, name="Regionaal Beleidsoverleg Jeugd", abbreviation="RBJ")
    old.get_model("governance", "BodyMembership").objects.create(body=body, person=person, role="secretary")
    old.get_model("governance", "HistoricalGovernanceBody").objects.create(
        id=body.pk,
        programme_id=programme.pk,
        name=body.name,
        abbreviation="RBJ",
        kind="other",
        submission_deadline_days=7,
        order=0,
        history_date=timezone.now(),
        history_type="+",
    )
    route = old.get_model("governance", "DecisionRoute").objects.create(programme=programme, name="Route")
    old.get_model("governance", "RouteStep").objects.create(route=route, order=1, body=body, act="advise")
    clerk = User.objects.create_user("griffie")
    old_type = old.get_model("contenttypes", "ContentType").objects.get(app_label="governance", model="governancebody")
    clerk.user_permissions.add(Permission.objects.get(content_type_id=old_type.pk, codename="change_governancebody"))

    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())

    from governance.models import RouteStep
    from programmes.models import BodyMembership, GovernanceBody

    moved = GovernanceBody.objects.get(pk=body.pk)
    assert (moved.name, moved.programme_id) == ("Regionaal Beleidsoverleg Jeugd", programme.pk)
    assert BodyMembership.objects.get(body=moved).person_id == person.pk
    assert [h.name for h in moved.history.all()] == ["Regionaal Beleidsoverleg Jeugd"]
    assert RouteStep.objects.get(route_id=route.pk).body == moved
    assert User.objects.get(pk=clerk.pk).has_perm("programmes.change_governancebody")


@pytest.mark.django_db(transaction=True)
def test_the_demo_region_loads_on_a_database_made_before_the_move():
    migrate(BEFORE_THE_MOVE)
    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
    call_command("load_demo", verbosity=0)

    from programmes.models import GovernanceBody

    assert set(
        GovernanceBody.objects.filter(programme__collaboration__name="Rivierenland").values_list(
            "abbreviation", flat=True
        )
    ) >= {
        "RBJ",
        "SO",
    }
