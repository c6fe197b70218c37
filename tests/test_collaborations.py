"""A programme is run by a collaboration (samenwerkingsverband) of municipalities and partner organisations (#22).

A municipality takes part in any number of collaborations, once in each; what is offered on one collaboration's
forms (people, organisations, municipalities) is never another collaboration's, even where they share
municipalities; and seeing one collaboration's programme says nothing about another's."""

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import translation

from programmes.forms import scoped_choices
from programmes.models import Collaboration, Municipality, Organisation, Participation, Person
from tests import factories as f
from tests.factories import PASSWORD

NHN_FROM_ALKMAAR = ["Alkmaar", "Bergen (NH.)", "Castricum", "Dijk en Waard", "Heiloo", "Uitgeest"]


def collaboration_form(name, municipalities, **extra):
    data = {
        "name": name,
        "slug": "",
        "description": "",
        "participations-TOTAL_FORMS": str(len(municipalities)),
        "participations-INITIAL_FORMS": "0",
        "participations-MIN_NUM_FORMS": "0",
        "participations-MAX_NUM_FORMS": "1000",
        "body_kinds-TOTAL_FORMS": "0",
        "body_kinds-INITIAL_FORMS": "0",
        "body_kinds-MIN_NUM_FORMS": "0",
        "body_kinds-MAX_NUM_FORMS": "1000",
        **extra,
    }
    for n, municipality in enumerate(municipalities):
        data[f"participations-{n}-municipality"] = str(municipality.pk)
    return data


@pytest.fixture
def admin_client_(client, admin_user):
    assert client.login(username=admin_user.username, password=PASSWORD)
    return client


@pytest.fixture
def alkmaar_region(db):
    return list(Municipality.objects.filter(name__in=NHN_FROM_ALKMAAR).order_by("name"))


def test_a_municipality_takes_part_in_two_collaborations(admin_client_, alkmaar_region):
    nhn = f.CollaborationFactory(name="Bovenregionale samenwerking jeugd Noord-Holland Noord")
    for municipality in alkmaar_region:
        f.ParticipationFactory(collaboration=nhn, municipality=municipality)

    response = admin_client_.post(
        reverse("admin:programmes_collaboration_add"), collaboration_form("Regio Alkmaar", alkmaar_region)
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    alkmaar = Collaboration.objects.get(name="Regio Alkmaar")
    assert set(alkmaar.municipalities.all()) == set(alkmaar_region)
    heiloo = Municipality.objects.get(name="Heiloo")
    assert set(heiloo.collaborations.values_list("name", flat=True)) == {nhn.name, "Regio Alkmaar"}
    assert Municipality.objects.filter(name="Heiloo").count() == 1  # never duplicated


def test_a_municipality_recorded_twice_in_one_collaboration_is_refused_in_dutch(admin_client_, alkmaar_region):
    heiloo = next(m for m in alkmaar_region if m.name == "Heiloo")
    with translation.override("nl"):
        response = admin_client_.post(
            reverse("admin:programmes_collaboration_add"),
            collaboration_form("Regio Alkmaar", [heiloo, heiloo]),
            HTTP_ACCEPT_LANGUAGE="nl",
        )

    assert response.status_code == 200
    assert "dubbele" in response.content.decode().lower()  # Django's Dutch "Corrigeer de dubbele gegevens …"
    assert not Collaboration.objects.filter(name="Regio Alkmaar").exists()
    assert not Participation.objects.filter(municipality=heiloo).exists()


def test_the_database_refuses_a_second_participation_as_well(db):
    collaboration = f.CollaborationFactory()
    heiloo = Municipality.objects.get(name="Heiloo")
    f.ParticipationFactory(collaboration=collaboration, municipality=heiloo)
    with pytest.raises(IntegrityError), transaction.atomic():
        Participation.objects.create(collaboration=collaboration, municipality=heiloo)
    with translation.override("nl"), pytest.raises(Exception, match="neemt al deel"):
        Participation(collaboration=collaboration, municipality=heiloo).validate_constraints()


@pytest.fixture
def nhn_and_alkmaar(db, alkmaar_region):
    """NHN and Regio Alkmaar share Alkmaar's six municipalities; each has its own programme, partner and people."""
    nhn_programme = f.ProgrammeFactory(
        collaboration=f.CollaborationFactory(name="NHN"), title="Bovenregionale samenwerking jeugd"
    )
    alkmaar_programme = f.ProgrammeFactory(
        collaboration=f.CollaborationFactory(name="Regio Alkmaar"), title="Regionale visie sociaal domein"
    )
    for municipality in alkmaar_region:
        f.ParticipationFactory(collaboration=nhn_programme.collaboration, municipality=municipality)
        f.ParticipationFactory(collaboration=alkmaar_programme.collaboration, municipality=municipality)
    den_helder = Municipality.objects.get(name="Den Helder")
    f.ParticipationFactory(collaboration=nhn_programme.collaboration, municipality=den_helder)

    provider = f.OrganisationFactory(name="Parlan")
    nhn_programme.collaboration.partners.add(provider)
    ggd = f.OrganisationFactory(name="GGD Hollands Noorden")
    alkmaar_programme.collaboration.partners.add(ggd)

    heiloo = Organisation.objects.create(
        name="Gemeente Heiloo", kind="municipality", municipality=Municipality.objects.get(name="Heiloo")
    )
    official = f.PersonFactory(name="Wethouder Heiloo", organisation=heiloo)
    nhn_lead = f.PersonFactory(name="Projectleider NHN")
    f.MembershipFactory(workgroup=f.WorkgroupFactory(programme=nhn_programme), person=nhn_lead)
    return nhn_programme, alkmaar_programme, official, nhn_lead


def test_choice_lists_offer_only_the_collaborations_own_records(nhn_and_alkmaar):
    nhn, alkmaar, official, nhn_lead = nhn_and_alkmaar

    municipalities = set(scoped_choices(Municipality.objects.all(), alkmaar).values_list("name", flat=True))
    assert municipalities == set(NHN_FROM_ALKMAAR)  # not Den Helder, which takes part in NHN only

    organisations = set(scoped_choices(Organisation.objects.all(), alkmaar).values_list("name", flat=True))
    assert "GGD Hollands Noorden" in organisations and "Gemeente Heiloo" in organisations
    assert "Parlan" not in organisations  # NHN's partner

    people = set(scoped_choices(Person.objects.all(), alkmaar))
    assert official in people  # an official of a shared municipality can be seated on both sides
    assert nhn_lead not in people  # known in NHN only
    assert official in set(scoped_choices(Person.objects.all(), nhn))


def test_a_reader_of_nhn_sees_nothing_of_alkmaars_programme(client, nhn_and_alkmaar):
    nhn, alkmaar, official, _ = nhn_and_alkmaar
    user = f.UserFactory(username="lezer-nhn")
    official.user = user
    official.save()
    f.ProgrammeAccessFactory(programme=nhn, user=user, role="reader")
    assert client.login(username="lezer-nhn", password=PASSWORD)

    assert client.get(reverse("programmes:detail", args=[nhn.pk])).status_code == 200
    assert client.get(reverse("programmes:detail", args=[alkmaar.pk])).status_code in (403, 404)
    listing = client.get(reverse("programmes:list"), follow=True).content.decode()
    assert nhn.title in listing and alkmaar.title not in listing
    assert client.get(reverse("search:results", args=[alkmaar.pk]), {"q": "visie"}).status_code in (403, 404)


def test_the_programme_page_lists_the_participating_municipalities_with_their_purchasing(client, manager, programme):
    tiel = Municipality.objects.get(name="Tiel")
    f.ParticipationFactory(collaboration=programme.collaboration, municipality=tiel, purchases_independently=True)
    other = f.CollaborationFactory()
    f.ParticipationFactory(collaboration=other, municipality=Municipality.objects.get(name="Culemborg"))
    assert client.login(username="marit", password=PASSWORD)

    page = client.get(reverse("programmes:detail", args=[programme.pk])).content.decode()

    assert "Tiel" in page and "Culemborg" not in page
    assert "purchases partly independently" in page or "koopt deels zelf in" in page.lower()
