"""Vocabulary is data (#22, step 6): each collaboration has its own kinds of bodies, a programme states its domains,
and West-Brabant-Oost's leading principles and building blocks show only on programmes that use them."""

import re
from datetime import date

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse
from django.utils import timezone

from programmes.models import BodyKind, Collaboration, GovernanceBody, Programme
from programmes.services import default_body_kinds
from tests import factories as f
from tests.factories import PASSWORD

DEMO_PASSWORD = "jeugdregio-demo"
DEFAULT_NAMES = [
    "Kernteam",
    "Regionaal Beleidsoverleg Jeugd (RBJ)",
    "Strategisch Overleg (SO)",
    "Managers Overleg (MO)",
    "Bestuurlijk Overleg (BO)",
    "Stuurgroep",
    "Projectgroep",
    "Uitvoeringsteam",
    "Portefeuillehoudersoverleg",
    "Programmateam",
]


def options(page, name):
    """The labels of the options of the <select name=...> on the page, by value ("" for the empty choice left out)."""
    select = re.search(rf'<select name="{re.escape(name)}"[^>]*>(.*?)</select>', page, re.S)
    assert select is not None, f"no select named {name}"
    return {int(value): label for value, label in re.findall(r'<option value="(\d+)"[^>]*>([^<]*)<', select.group(1))}


@pytest.fixture
def admin_client_(client, admin_user):
    assert client.login(username=admin_user.username, password=PASSWORD)
    return client


# Kinds of bodies belong to the collaboration


@pytest.fixture
def two_collaborations(programme, other_programme):
    """`programme` in one collaboration; `other_programme` in another, which also named a kind of its own."""
    regiegroep = BodyKind.objects.create(collaboration=other_programme.collaboration, name="Regiegroep", order=20)
    return programme, other_programme, regiegroep


def test_a_new_collaboration_starts_with_the_default_kinds_of_bodies(db):
    collaboration = f.CollaborationFactory()
    assert [str(kind) for kind in collaboration.body_kinds.all()] == DEFAULT_NAMES
    assert collaboration.body_kinds.get(code="core_team").name == "Kernteam"


def test_giving_the_defaults_again_keeps_what_the_collaboration_renamed_or_added(db):
    collaboration = f.CollaborationFactory()
    collaboration.body_kinds.filter(code="steering_group").update(name="Bestuurlijke stuurgroep")
    BodyKind.objects.create(collaboration=collaboration, name="Regiegroep")
    default_body_kinds(collaboration)
    names = list(collaboration.body_kinds.values_list("name", flat=True))
    assert len(names) == 11 and "Bestuurlijke stuurgroep" in names and "Stuurgroep" not in names


def test_a_collaboration_added_in_the_admin_gets_the_default_kinds(admin_client_):
    data = {"name": "Regio Alkmaar", "slug": "", "description": ""}
    for prefix in ("participations", "body_kinds"):
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"})
    response = admin_client_.post(reverse("admin:programmes_collaboration_add"), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    alkmaar = Collaboration.objects.get(name="Regio Alkmaar")
    assert [str(kind) for kind in alkmaar.body_kinds.all()] == DEFAULT_NAMES


def test_the_body_form_offers_only_its_own_collaborations_kinds(admin_client_, two_collaborations):
    programme, other, regiegroep = two_collaborations
    body = f.GovernanceBodyFactory(programme=programme, name="Kernteam")
    page = admin_client_.get(reverse("admin:programmes_governancebody_change", args=[body.pk])).content.decode()
    offered = options(page, "kind")
    assert set(offered) == set(programme.collaboration.body_kinds.values_list("pk", flat=True))
    assert regiegroep.pk not in offered and "Regiegroep" not in offered.values()
    assert body.kind_id in offered


def body_post(body, **changes):
    data = {
        "programme": body.programme_id,
        "name": body.name,
        "abbreviation": body.abbreviation,
        "kind": body.kind_id or "",
        "description": "",
        "decision_authority": "",
        "submission_deadline_days": "7",
        "publication_delay_days": "5",
        "order": "0",
        "memberships-TOTAL_FORMS": "0",
        "memberships-INITIAL_FORMS": "0",
    }
    data.update(changes)
    return data


def test_another_collaborations_kind_is_refused_with_a_dutch_error(admin_client_, two_collaborations):
    programme, other, regiegroep = two_collaborations
    body = f.GovernanceBodyFactory(programme=programme, name="Kernteam")
    url = reverse("admin:programmes_governancebody_change", args=[body.pk])
    response = admin_client_.post(url, body_post(body, kind=regiegroep.pk))
    assert response.status_code == 200
    assert "Selecteer een geldige keuze" in response.content.decode()
    body.refresh_from_db()
    assert body.kind.code == "core_team"


def test_a_body_added_in_the_admin_takes_a_kind_of_its_programmes_collaboration(admin_client_, two_collaborations):
    programme, other, regiegroep = two_collaborations
    page = admin_client_.get(reverse("admin:programmes_governancebody_add")).content.decode()
    assert f"Regiegroep – {other.collaboration}" in options(page, "kind").values()  # each with its collaboration
    new = GovernanceBody(programme=programme, name="Regiegroep")
    response = admin_client_.post(reverse("admin:programmes_governancebody_add"), body_post(new, kind=regiegroep.pk))
    assert response.status_code == 200
    assert "Kies alleen wat bij" in response.content.decode()
    assert not GovernanceBody.objects.filter(name="Regiegroep").exists()
    own = programme.collaboration.body_kinds.get(code="steering_group")
    response = admin_client_.post(reverse("admin:programmes_governancebody_add"), body_post(new, kind=own.pk))
    assert response.status_code == 302
    assert GovernanceBody.objects.get(name="Regiegroep").kind == own


def test_the_kernteam_is_found_by_its_code_whatever_the_collaboration_calls_it(programme):
    from reports.services import reviewing_body

    body = f.GovernanceBodyFactory(programme=programme, name="Regionaal kernteam")
    programme.collaboration.body_kinds.filter(code="core_team").update(name="Kernteam jeugd en Wmo")
    assert reviewing_body(programme.pk) == body


def test_the_governance_page_names_a_bodys_kind_in_its_collaborations_words(client, manager, programme):
    kind = programme.collaboration.body_kinds.get(code="steering_group")
    kind.name = "Bestuurlijke stuurgroep"
    kind.save()
    f.GovernanceBodyFactory(programme=programme, name="Overleg wethouders", kind=kind)
    assert client.login(username=manager.username, password=PASSWORD)
    page = client.get(reverse("governance:overview", args=[programme.pk])).content.decode()
    assert re.search(r"Overleg wethouders.*?data-kind>Bestuurlijke stuurgroep<", page, re.S)


# A programme states its domains


def programme_post(programme, **changes):
    data = {
        "title": programme.title,
        "start_date": programme.start_date.isoformat(),
        "end_date": programme.end_date.isoformat(),
        "goal": programme.goal,
    }
    data.update(changes)
    return data


def test_an_existing_programme_is_about_youth_care_and_its_page_says_so(client, reader, programme):
    f.MunicipalityFactory(collaboration=programme.collaboration, collaboration__purchases_independently=True)
    assert client.login(username=reader.username, password=PASSWORD)
    page = client.get(programme.get_absolute_url()).content.decode()
    assert re.search(r"data-domains>.*Domeinen:</span> Jeugd</div>", page)
    assert "Koopt bepaalde vormen van jeugdhulp zelfstandig in" in page


def test_the_manager_sets_the_domains_and_the_page_stops_speaking_of_youth_care(client, manager, programme):
    f.MunicipalityFactory(collaboration=programme.collaboration, collaboration__purchases_independently=True)
    assert client.login(username=manager.username, password=PASSWORD)
    edit = reverse("programmes:edit", args=[programme.pk])
    form = client.get(edit).content.decode()
    assert re.search(r'name="domains" value="youth"[^>]*checked', form)
    assert "Sociaal domein breed" in form
    response = client.post(
        edit, programme_post(programme, goal="Passende ondersteuning", domains=["wmo", "social_domain"])
    )
    assert response.status_code == 302
    programme.refresh_from_db()
    assert programme.domains == ["wmo", "social_domain"]
    page = client.get(programme.get_absolute_url()).content.decode()
    assert "Domeinen:</span> Wmo, Sociaal domein breed</div>" in page
    programme_doc = re.search(r"<article.*?</article>", page, re.S).group()  # not the product's footer
    assert "jeugdhulp" not in programme_doc
    assert "Koopt bepaalde vormen van zorg en ondersteuning zelfstandig in" in page


def test_a_programme_without_a_domain_is_refused_in_dutch(client, manager, programme):
    assert client.login(username=manager.username, password=PASSWORD)
    response = client.post(reverse("programmes:edit", args=[programme.pk]), programme_post(programme, goal="Anders"))
    assert response.status_code == 200
    assert "Kies minstens één domein: jeugd, Wmo of sociaal domein breed." in response.content.decode()
    programme.refresh_from_db()
    assert programme.goal != "Anders" and programme.domains == ["youth"]


# Leading principles and building blocks only where a programme uses them


def test_west_brabant_oosts_principles_show_on_its_page_only(demo_module, client):
    wbo = Programme.objects.get(collaboration__name="West-Brabant-Oost")
    riv = Programme.objects.get(collaboration__name="Rivierenland")
    assert client.login(username="beheerder", password=DEMO_PASSWORD)
    wbo_page = client.get(wbo.get_absolute_url()).content.decode()
    assert 'id="principles"' in wbo_page and wbo.principles.first().title in wbo_page
    assert 'id="building-blocks"' in wbo_page and wbo.building_blocks.first().title in wbo_page
    riv_page = client.get(riv.get_absolute_url()).content.decode()
    assert "Leidende principes" not in riv_page and "Bouwstenen" not in riv_page
    assert wbo.principles.first().title not in riv_page


def test_the_manager_adds_a_first_principle_from_the_programmes_edit_page(demo_module, client):
    riv = Programme.objects.get(collaboration__name="Rivierenland")
    wbo = Programme.objects.get(collaboration__name="West-Brabant-Oost")
    assert client.login(username="programmamanager", password=DEMO_PASSWORD)
    form = client.get(reverse("programmes:edit", args=[riv.pk])).content.decode()
    add = reverse("programmes:item_create", args=[riv.pk, "principles"])
    assert f'href="{add}"' in form and "Nieuw leidend principe" in form
    assert reverse("programmes:item_create", args=[riv.pk, "building-blocks"]) in form
    assert client.login(username="wbo", password=DEMO_PASSWORD)
    form = client.get(reverse("programmes:edit", args=[wbo.pk])).content.decode()
    assert "data-unused-parts" not in form  # it has both already: they are edited on its page


# An existing database moves over


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


@pytest.mark.django_db(transaction=True)
def test_the_fixed_kinds_of_existing_bodies_become_their_collaborations_kinds():
    old = migrate([("programmes", "0009_youthcareregion_is_region")])
    try:
        collaboration = old.get_model("programmes", "Collaboration").objects.create(name="Rivierenland")
        elsewhere = old.get_model("programmes", "Collaboration").objects.create(name="Elders")
        programme = old.get_model("programmes", "Programme").objects.create(
            collaboration=collaboration,
            title="Uitvoeringsprogramma",
            start_date=date(2026, 1, 1),
            end_date=date(2028, 12, 31),
        )
        Body = old.get_model("programmes", "GovernanceBody")
        kernteam = Body.objects.create(programme=programme, name="Kernteam", kind="core_team")
        rbj = Body.objects.create(programme=programme, name="RBJ", kind="policy_meeting")
        klankbord = Body.objects.create(programme=programme, name="Klankbordgroep", kind="other")
        old.get_model("programmes", "HistoricalGovernanceBody").objects.create(
            id=kernteam.pk,
            programme_id=programme.pk,
            name="Kernteam",
            abbreviation="",
            kind="core_team",
            submission_deadline_days=7,
            publication_delay_days=5,
            decisions_public=False,
            order=0,
            history_date=timezone.now(),
            history_type="+",
        )
    finally:
        migrate(latest())

    kernteam_kind = BodyKind.objects.get(collaboration_id=collaboration.pk, name="Kernteam")
    assert GovernanceBody.objects.get(pk=kernteam.pk).kind == kernteam_kind
    assert kernteam_kind.code == "core_team"
    assert str(GovernanceBody.objects.get(pk=rbj.pk).kind) == "Regionaal Beleidsoverleg Jeugd (RBJ)"
    assert GovernanceBody.objects.get(pk=klankbord.pk).kind is None  # "other" was no kind
    assert GovernanceBody.history.get(id=kernteam.pk).kind_id == kernteam_kind.pk
    assert BodyKind.objects.filter(collaboration_id=elsewhere.pk).count() == len(DEFAULT_NAMES)
    assert Programme.objects.get(pk=programme.pk).domains == ["youth"]

    back = migrate([("programmes", "0009_youthcareregion_is_region")])  # and back again: each kind its code
    try:
        codes = dict(back.get_model("programmes", "GovernanceBody").objects.values_list("name", "kind"))
        assert codes == {"Kernteam": "core_team", "RBJ": "policy_meeting", "Klankbordgroep": "other"}
    finally:
        migrate(latest())
