"""An existing database moves over to collaborations intact (#22, step 2).

The test brings its database back to the migrations of the main branch before collaborations, writes a region with
its municipalities, a partner's employee in a workgroup, a programme, a publisher, history and a permission the way
that code did, and migrates forward as an upgrade would; then the demo loads on it."""

from datetime import date

import pytest
from django.contrib.auth.models import Permission, User
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

BEFORE_COLLABORATIONS = [
    ("programmes", "0006_load_national_municipalities"),
    ("publication", "0002_public_text"),
]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def content_types_as_before(ContentType):
    """The test database was made at the latest migrations, with their content types; an old database has none of
    the new models and calls the youth-care region `youthcareregion`."""
    ContentType.objects.filter(
        app_label="programmes",
        model__in=["collaboration", "historicalcollaboration", "participation", "historicalparticipation"],
    ).delete()
    youth_care_region = ContentType.objects.filter(app_label="programmes", model="region").first()
    if youth_care_region:
        youth_care_region.model = "youthcareregion"
        youth_care_region.save()
        for permission in Permission.objects.filter(content_type_id=youth_care_region.pk):
            permission.codename = permission.codename.replace("_region", "_youthcareregion")
            permission.save()


def latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


@pytest.mark.django_db(transaction=True)
def test_a_region_becomes_a_collaboration_with_its_municipalities_partners_history_and_permissions():
    old = migrate(BEFORE_COLLABORATIONS)
    Region = old.get_model("programmes", "Region")
    Municipality = old.get_model("programmes", "Municipality")
    region = Region.objects.create(name="Rivierenland", slug="rivierenland", description="Acht gemeenten")
    old.get_model("programmes", "HistoricalRegion").objects.create(
        id=region.pk, name=region.name, slug=region.slug, description="", history_date=timezone.now(), history_type="+"
    )
    Municipality.objects.filter(name="Tiel").update(region=region, purchases_independently=False)
    Municipality.objects.filter(name="Zaltbommel").update(region=region, purchases_independently=True)
    programme = old.get_model("programmes", "Programme").objects.create(
        region=region, title="Uitvoeringsprogramma", start_date=date(2026, 1, 1), end_date=date(2028, 12, 31)
    )
    provider = old.get_model("programmes", "Organisation").objects.create(name="Stichting Jeugdhulp", kind="other")
    old.get_model("programmes", "Organisation").objects.create(name="Elders actief", kind="other")
    person = old.get_model("programmes", "Person").objects.create(name="Mariëlle de Wit", organisation=provider)
    workgroup = old.get_model("programmes", "Workgroup").objects.create(programme=programme, number=1, name="WG 1")
    old.get_model("programmes", "Membership").objects.create(workgroup=workgroup, person=person, role="member")
    old.get_model("publication", "Publisher").objects.create(region=region, name="Regio Rivierenland")
    content_types_as_before(old.get_model("contenttypes", "ContentType"))
    clerk = User.objects.create_user("beheer")
    content_type = old.get_model("contenttypes", "ContentType").objects.create(app_label="programmes", model="region")
    permission = Permission.objects.create(
        content_type_id=content_type.pk, codename="change_region", name="Can change region"
    )
    clerk.user_permissions.add(permission)

    migrate(latest())

    from programmes.models import Collaboration, Participation
    from programmes.models import Programme as NewProgramme
    from publication.models import Publisher

    collaboration = Collaboration.objects.get(pk=region.pk)
    assert (collaboration.name, collaboration.slug, collaboration.description) == (
        "Rivierenland",
        "rivierenland",
        "Acht gemeenten",
    )
    taking_part = {p.municipality.name: p.purchases_independently for p in Participation.objects.all()}
    assert taking_part == {"Tiel": False, "Zaltbommel": True}
    assert [o.name for o in collaboration.partners.all()] == ["Stichting Jeugdhulp"]  # not "Elders actief"
    assert NewProgramme.objects.get(pk=programme.pk).collaboration == collaboration
    assert Publisher.objects.get().collaboration == collaboration
    assert collaboration.history.count() == 1
    assert User.objects.get(pk=clerk.pk).has_perm("programmes.change_collaboration")
    assert not Permission.objects.filter(codename="change_region", content_type__model="collaboration").exists()


@pytest.mark.django_db(transaction=True)
def test_the_demo_loads_on_a_database_made_before_collaborations():
    migrate(BEFORE_COLLABORATIONS)
    migrate(latest())
    call_command("load_demo", verbosity=0)

    from programmes.models import Collaboration

    rivierenland = Collaboration.objects.get(name="Rivierenland")
    assert rivierenland.municipalities.count() == 8
    assert rivierenland.programmes.exists()
