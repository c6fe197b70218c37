"""The demo's other shapes (#22, step 7): NHN (seed 004) whose colleges decide, and Regio Alkmaar (seed 003) whose
regional vision travels the route; they share six municipalities and nothing else."""

import pytest
from django.urls import reverse

from finance.models import BudgetMovement
from governance.models import AgendaItem, MunicipalDecision
from pilots.models import Pilot
from programmes.models import Municipality, Programme

NHN = "Bovenregionale samenwerking jeugd Noord-Holland Noord"
DEMO_PASSWORD = "jeugdregio-demo"

pytestmark = pytest.mark.django_db


@pytest.fixture
def nhn(demo_module):
    return Programme.objects.get(collaboration__name=NHN)


@pytest.fixture
def alkmaar(demo_module):
    return Programme.objects.get(collaboration__name="Regio Alkmaar")


def login(client, username):
    assert client.login(username=username, password=DEMO_PASSWORD)


def test_nhn_has_seventeen_municipalities_in_three_youth_care_regions_shared_in_part_with_alkmaar(nhn, alkmaar):
    municipalities = nhn.collaboration.municipalities.all()
    assert municipalities.count() == 17
    assert {m.region.name for m in municipalities} == {
        "Kop van Noord-Holland",
        "West Friesland",
        "Alkmaar (Noord-Kennemerland)",
    }
    shared = Municipality.objects.filter(collaborations=nhn.collaboration).filter(collaborations=alkmaar.collaboration)
    assert {m.name for m in shared} == {"Alkmaar", "Bergen (NH.)", "Castricum", "Dijk en Waard", "Heiloo", "Uitgeest"}
    assert Municipality.objects.filter(name="Heiloo").count() == 1
    assert alkmaar.domains == ["youth", "wmo"] and not alkmaar.workgroups.exists()


def test_the_project_leader_is_split_over_the_seventeen_by_inhabitants_with_a_subtotal_per_region(client, nhn):
    login(client, "nhn")
    page = client.get(reverse("finance:budget", args=[nhn.pk])).content.decode()
    assert page.count("Subtotaal") >= 3 or page.count("Subtotal") >= 3
    assert "Texel" in page and "Den Helder" in page


def test_the_colleges_decided_one_proposal_a_college_declined_another_and_texel_has_yet_to_decide(client, nhn):
    decided = Pilot.objects.get(programme=nhn, title__startswith="Ontwikkelagenda")
    waiting = Pilot.objects.get(programme=nhn, title__startswith="Inhuur projectleider")
    declined = Pilot.objects.get(programme=nhn, title__startswith="Bovenregionale crisisdienst")

    assert decided.status == "approved"
    assert MunicipalDecision.objects.filter(subject_id=decided.pk, outcome="agreed").count() == 17
    released = BudgetMovement.objects.filter(programme=nhn, kind="release", subject_key=waiting.ledger_key)
    assert not released.exists()  # nothing before the last college has decided
    assert declined.status == "rejected"
    assert MunicipalDecision.objects.get(subject_id=declined.pk, outcome="declined").municipality.name == "Enkhuizen"
    assert waiting.status == "on_route"
    still = set(nhn.collaboration.municipalities.values_list("name", flat=True)) - set(
        MunicipalDecision.objects.filter(subject_id=waiting.pk).values_list("municipality__name", flat=True)
    )
    assert still == {"Texel"}

    login(client, "texel")
    page = client.get(reverse("pilots:detail", args=[waiting.pk])).content.decode()
    assert "16 van 17" in page or "16 of 17" in page
    assert "nog te besluiten" in page.lower() or "still to decide" in page.lower()


def test_the_regional_vision_is_on_the_agenda_of_the_portefeuillehoudersoverleg(alkmaar):
    vision = Pilot.objects.get(programme=alkmaar, kind="programme_document")
    assert vision.workgroup is None and vision.document_type == "regional_vision"
    assert vision.step().body.name == "Regionaal portefeuillehoudersoverleg sociaal domein"
    item = AgendaItem.objects.get(subject_id=vision.pk, meeting__body__programme=alkmaar)
    assert item.meeting.status == "planned"


def test_a_reader_of_nhn_sees_nothing_of_alkmaar(client, nhn, alkmaar):
    login(client, "lezer-nhn")
    assert client.get(reverse("programmes:detail", args=[nhn.pk])).status_code == 200
    vision = Pilot.objects.get(programme=alkmaar)
    for url in (
        reverse("programmes:detail", args=[alkmaar.pk]),
        reverse("pilots:detail", args=[vision.pk]),
        reverse("search:results", args=[alkmaar.pk]) + "?q=visie",
        reverse("finance:budget", args=[alkmaar.pk]),
    ):
        assert client.get(url).status_code in (403, 404), url
    listing = client.get(reverse("programmes:list"), follow=True).content.decode()
    assert alkmaar.title not in listing
