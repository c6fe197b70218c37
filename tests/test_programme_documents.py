"""A programme document (seed 003: Regio Alkmaar's regional vision) travels the route like a pilot.

The programme has no workgroups; its programme manager writes the document in the browser, adds the document itself
as an annex and submits it; the stuurgroep advises, the portefeuillehoudersoverleg decides without money; the
document is on both agendas, in the meeting pack, in the decision log, and its decision is published (Woo). Only the
programme manager writes it; a pilot still needs a workgroup; every page of the document and of the programme
without workgroups opens.
"""

import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from pypdf import PdfReader

from discussion.models import Annex
from finance.models import BudgetMovement
from governance.models import AgendaItem, Decision, DecisionRoute, Meeting, RouteStep
from papers import services as papers_services
from pilots.constants import DocumentType, PilotKind, PilotStatus
from pilots.models import Pilot
from programmes.models import Programme
from publication import services as publication_services
from publication.models import Publication
from reminders.models import Notification
from tests import factories as f
from tests.conftest import secretary_of
from tests.factories import PASSWORD
from tests.test_url_walk import PK_MODELS
from tests.url_walk import routes

pytestmark = pytest.mark.dates

SUMMARY = (
    "De regionale visie sociaal domein: samen sterker in jeugd en Wmo. Het overleg wordt gevraagd haar vast te stellen."
)


def login(client, user):
    assert client.login(username=user.username, password=PASSWORD)


def in_days(days, hour=14):
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


@pytest.fixture
def alkmaar(db):
    """Regio Alkmaar's programme: no workgroups, a stuurgroep that advises and a portefeuillehoudersoverleg that
    decides (in public), a meeting of each ahead."""
    programme = f.ProgrammeFactory(
        title="Plan van aanpak regionale visie sociaal domein", collaboration=f.CollaborationFactory(name="Alkmaar")
    )
    route = DecisionRoute.objects.create(programme=programme, name="Programmadocumenten", is_default=True)
    bodies = {
        "stuurgroep": f.GovernanceBodyFactory(programme=programme, name="Stuurgroep", kind="steering_group"),
        "pho": f.GovernanceBodyFactory(
            programme=programme, name="Portefeuillehoudersoverleg", kind="portfolio_holders", decisions_public=True
        ),
    }
    RouteStep.objects.create(route=route, order=1, body=bodies["stuurgroep"], act="advise")
    RouteStep.objects.create(route=route, order=2, body=bodies["pho"], act="decide")
    meetings = {
        name: Meeting.objects.create(body=body, starts_at=in_days(days), place="Stadskantoor Alkmaar")
        for (name, body), days in zip(bodies.items(), (10, 30), strict=True)
    }
    return {"programme": programme, "bodies": bodies, "meetings": meetings}


@pytest.fixture
def petra(alkmaar):
    """Petra, programme manager of Regio Alkmaar's programme."""
    user = f.UserFactory(username="petra", email="petra@example.org")
    f.PersonFactory(name="Petra", user=user, email="petra@example.org")
    f.ProgrammeAccessFactory(programme=alkmaar["programme"], user=user, role="manager")
    return user


@pytest.fixture
def secretaries(alkmaar):
    return {name: secretary_of(body, f"secr_{name}") for name, body in alkmaar["bodies"].items()}


@pytest.fixture
def alkmaar_reader(alkmaar):
    user = f.UserFactory(username="rik")
    f.ProgrammeAccessFactory(programme=alkmaar["programme"], user=user, role="reader")
    return user


def document_data(**fields):
    return {
        "title": "Regionale visie sociaal domein",
        "document_type": DocumentType.REGIONAL_VISION,
        "summary": SUMMARY,
        "budget-TOTAL_FORMS": "2",
        "budget-INITIAL_FORMS": "0",
        "budget-MIN_NUM_FORMS": "0",
        "budget-MAX_NUM_FORMS": "1000",
        **fields,
    }


def write_in_browser(client, programme):
    """The programme manager's way in: the new-proposal page of her programme without workgroups leads to the
    programme document's form, which she fills in."""
    page = client.get(reverse("pilots:create", args=[programme.pk]), follow=True)
    assert page.status_code == 200
    form = page.content.decode()
    assert 'name="document_type"' in form and 'name="summary"' in form
    assert 'name="workgroup"' not in form and 'name="goals"' not in form  # no DIN workgroup fields
    response = client.post(reverse("pilots:create_document", args=[programme.pk]), document_data())
    assert response.status_code == 302
    return Pilot.objects.get(programme=programme, title="Regionale visie sociaal domein")


def advise(client, document, secretary):
    client.force_login(secretary)
    client.post(
        reverse("pilots:act", args=[document.pk, "advise"]),
        {"outcome": "positive", "rationale": "De stuurgroep adviseert de visie vast te stellen."},
    )


@pytest.fixture
def submitted(client, alkmaar, petra):
    """The regional vision written in the browser by Petra, with the document itself as an annex, and submitted."""
    login(client, petra)
    document = write_in_browser(client, alkmaar["programme"])
    upload = SimpleUploadedFile("regionale-visie.pdf", b"%PDF-1.4 visie", content_type="application/pdf")
    client.post(
        reverse("discussion:annex_create", args=["pilot", document.pk]),
        {"title": "Regionale visie (document)", "file": upload},
    )
    client.post(reverse("pilots:act", args=[document.pk, "submit"]), {"confirmed": "1"})
    document.refresh_from_db()
    return document


@pytest.fixture
def decided(client, submitted, secretaries):
    """Advised by the stuurgroep and adopted by the portefeuillehoudersoverleg, on the web pages."""
    advise(client, submitted, secretaries["stuurgroep"])
    client.force_login(secretaries["pho"])
    response = client.post(
        reverse("pilots:act", args=[submitted.pk, "decide"]),
        {"outcome": "approved", "rationale": "Vastgesteld.", "confirmed": "1"},
    )
    assert response.status_code == 302
    submitted.refresh_from_db()
    return submitted


def test_the_programme_manager_writes_a_regional_vision_without_workgroup_or_money(client, alkmaar, petra):
    login(client, petra)
    document = write_in_browser(client, alkmaar["programme"])
    assert (document.kind, document.document_type, document.workgroup) == (
        PilotKind.PROGRAMME_DOCUMENT,
        DocumentType.REGIONAL_VISION,
        None,
    )
    assert document.summary == SUMMARY and not document.budget_requests.exists()
    assert document.status == PilotStatus.DRAFT
    page = client.get(document.get_absolute_url()).content.decode()
    assert SUMMARY in page and "Regionale visie" in page and "Programmadocument" in page
    edit = client.get(reverse("pilots:edit", args=[document.pk])).content.decode()
    assert "Programmadocument bewerken" in edit and 'name="workgroup"' not in edit
    listing = client.get(reverse("pilots:list", args=[alkmaar["programme"].pk])).content.decode()
    assert "Regionale visie sociaal domein" in listing and "Nieuw programmadocument" in listing


def test_a_document_without_type_or_summary_is_a_dutch_form_error_or_refused_at_submission(client, alkmaar, petra):
    login(client, petra)
    response = client.post(
        reverse("pilots:create_document", args=[alkmaar["programme"].pk]), document_data(document_type="")
    )
    assert response.status_code == 200 and "Kies wat voor programmadocument dit is." in response.content.decode()
    assert not Pilot.objects.exists()
    client.post(reverse("pilots:create_document", args=[alkmaar["programme"].pk]), document_data(summary=""))
    document = Pilot.objects.get()
    response = client.post(reverse("pilots:act", args=[document.pk, "submit"]), {"confirmed": "1"}, follow=True)
    assert "Schrijf de samenvatting voordat u indient" in response.content.decode()
    document.refresh_from_db()
    assert document.status == PilotStatus.DRAFT


def test_it_travels_the_route_to_a_decision_without_money_and_the_manager_is_told(decided, alkmaar, petra):
    assert decided.status == PilotStatus.APPROVED
    kinds = [event.kind for event in decided.events.all()]
    assert kinds == ["submitted", "advised", "approved"]
    advice = decided.events.get(kind="advised").advice
    assert (advice.body, advice.outcome) == (alkmaar["bodies"]["stuurgroep"], "positive")
    decision = Decision.objects.get(subject_id=decided.pk, outcome="approved")
    assert decision.body == alkmaar["bodies"]["pho"] and decision.subject_title == "Regionale visie sociaal domein"
    assert not BudgetMovement.objects.exists()  # nothing requested, nothing released
    # The notifications a workgroup's leads get of their pilot go to the programme manager of her document.
    told = Notification.objects.filter(user=petra)
    assert told.filter(title__contains="Regionale visie sociaal domein").count() >= 2  # advice and decision
    assert Annex.objects.get(pilot=decided).version == 1  # the document itself went with the submission


def test_it_goes_on_each_bodys_agenda_and_into_the_meeting_pack(client, submitted, alkmaar, secretaries, settings):
    assert submitted.status == PilotStatus.ON_ROUTE
    item = AgendaItem.objects.get(meeting=alkmaar["meetings"]["stuurgroep"], subject_id=submitted.pk)
    assert item.presenter == "Programma"  # the programme, where a pilot names its workgroup
    advise(client, submitted, secretaries["stuurgroep"])
    assert AgendaItem.objects.filter(meeting=alkmaar["meetings"]["pho"], subject_id=submitted.pk).exists()
    settings.LANGUAGE_CODE = "en"
    pack = papers_services.current_pack(alkmaar["meetings"]["pho"])
    with pack.file.open("rb") as handle:
        text = "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(handle.read())).pages)
    text = " ".join(text.split())
    assert "Regionale visie sociaal domein" in text
    assert "Programme document: regional vision" in text
    assert "samen sterker in jeugd en Wmo" in text  # the summary as submitted
    assert "Regionale visie (document)" in text  # the annex it was submitted with
    assert "This proposal requests no money." in text
    assert "De stuurgroep adviseert de visie vast te stellen." in text  # the route so far
    assert "None" not in text


def test_its_decision_is_in_the_decision_log_and_published(client, decided, alkmaar, secretaries):
    log = client.get(reverse("governance:decisions", args=[alkmaar["programme"].pk])).content.decode()
    assert "Regionale visie sociaal domein" in log
    decision = Decision.objects.get(subject_id=decided.pk, outcome="approved")
    publication_services.publish(decision, secretaries["pho"])
    assert Publication.objects.get(decision=decision).state == "published"
    client.logout()
    collaboration = alkmaar["programme"].collaboration
    public = client.get(reverse("publication:list", args=[collaboration.slug]))
    assert public.status_code == 200 and "Regionale visie sociaal domein" in public.content.decode()


def test_leads_of_other_programmes_and_readers_may_not_write_or_move_it(client, alkmaar, petra, alkmaar_reader):
    login(client, petra)
    document = write_in_browser(client, alkmaar["programme"])
    other_lead = f.UserFactory(username="olga")
    f.MembershipFactory(workgroup=f.WorkgroupFactory(), person=f.PersonFactory(user=other_lead), role="lead")
    for user in (other_lead, alkmaar_reader):
        client.force_login(user)
        create = reverse("pilots:create_document", args=[alkmaar["programme"].pk])
        assert client.get(create).status_code == 403
        assert client.post(create, document_data(title="Van een ander")).status_code == 403
        assert client.get(reverse("pilots:create", args=[alkmaar["programme"].pk])).status_code == 403
        assert client.post(reverse("pilots:edit", args=[document.pk]), document_data(title="Anders")).status_code == 403
        for act in ("submit", "withdraw"):
            response = client.post(
                reverse("pilots:act", args=[document.pk, act]), {"confirmed": "1", "rationale": "Weg ermee"}
            )
            assert response.status_code == 403
    document.refresh_from_db()
    assert (document.title, document.status) == ("Regionale visie sociaal domein", PilotStatus.DRAFT)
    assert not document.events.exists() and Pilot.objects.count() == 1


def test_a_lead_of_the_same_programme_may_not_write_the_programme_document(client, programme, manager, lead, route):
    document = Pilot.objects.create(
        programme=programme, kind=PilotKind.PROGRAMME_DOCUMENT, document_type="plan_of_approach", title="Pva"
    )
    login(client, lead)
    assert client.get(reverse("pilots:edit", args=[document.pk])).status_code == 403
    assert lead.has_perm("pilots.change_pilot", document) is False
    assert manager.has_perm("pilots.change_pilot", document) is True


def test_a_pilot_without_workgroup_is_still_refused(client, programme, workgroup1, lead):
    with pytest.raises(IntegrityError), transaction.atomic():
        Pilot.objects.create(programme=programme, kind=PilotKind.PILOT, title="Zonder werkgroep")
    with pytest.raises(IntegrityError), transaction.atomic():
        Pilot.objects.create(
            programme=programme,
            workgroup=workgroup1,
            kind=PilotKind.PROGRAMME_DOCUMENT,
            document_type="other",
            title="Document met werkgroep",
        )
    with translation.override("nl"), pytest.raises(ValidationError) as refused:
        Pilot(programme=programme, kind=PilotKind.PILOT, title="Zonder").full_clean()
    # The model's own check, in Dutch, on the workgroup field, before the database says no.
    assert "Een pilot of nieuw initiatief hoort bij een werkgroep" in " ".join(refused.value.message_dict["workgroup"])
    login(client, lead)
    data = {
        "kind": "pilot",
        "title": "Zonder werkgroep",
        "workgroup": "",
        "budget-TOTAL_FORMS": "0",
        "budget-INITIAL_FORMS": "0",
        "budget-MIN_NUM_FORMS": "0",
        "budget-MAX_NUM_FORMS": "1000",
    }
    response = client.post(reverse("pilots:create", args=[programme.pk]), data)
    assert response.status_code == 200
    # A lead cannot make a programme document through the pilot form either.
    response = client.post(
        reverse("pilots:create", args=[programme.pk]),
        {**data, "kind": PilotKind.PROGRAMME_DOCUMENT, "workgroup": workgroup1.pk},
    )
    assert response.status_code == 200
    assert not Pilot.objects.exists()


def _pilot_routes():
    """The routes of one proposal, as tests/test_url_walk.py finds them: every route whose id is a pilot's."""
    for route in routes():
        kwargs = route.kwargs
        if route.is_admin or route.name in ("pilots:act",):
            continue  # acts are POSTs, walked above
        if set(kwargs) == {"pk"} and PK_MODELS.get(route.name) is Pilot:
            yield route, {"pk": "{pilot}"}
        elif set(kwargs) == {"kind", "pk"} and route.name.startswith("discussion:"):
            yield route, {"kind": "pilot", "pk": "{pilot}"}


def _programme_routes():
    """Every page of a programme reached by its id alone (programmes/<programme_pk>/..., the dashboard)."""
    for route in routes():
        kwargs = route.kwargs
        if route.is_admin:
            continue
        if set(kwargs) == {"programme_pk"}:
            yield route, {"programme_pk": "{programme}"}
        elif set(kwargs) == {"pk"} and PK_MODELS.get(route.name) is Programme:
            yield route, {"pk": "{programme}"}


def test_every_page_of_the_document_and_of_the_programme_without_workgroups_opens(
    client, decided, alkmaar, petra, alkmaar_reader, admin_user
):
    values = {"{pilot}": decided.pk, "{programme}": alkmaar["programme"].pk}
    pages = [
        (route.name, route.url({name: values.get(value, value) for name, value in kwargs.items()}))
        for route, kwargs in [*_pilot_routes(), *_programme_routes()]
    ]
    export = reverse("pilots:list", args=[values["{programme}"]]) + "?export=csv"
    pages += [("home", reverse("home")), ("export", export)]
    assert len(pages) > 30
    # Refused with the reason, for administrators too: a decided proposal is no longer edited (a state rule), and
    # experiments need a workgroup. Pages that only take a POST answer 405 to a GET.
    refused = {
        "pilots:edit": "geen concept meer",
        "pilots:experiment_create": "Experimenten worden uitgeprobeerd in een werkgroep",
    }
    failures = []
    for user in (petra, alkmaar_reader, admin_user):
        client.force_login(user)
        for name, url in pages:
            response = client.get(url, follow=True)
            if response.status_code == 405:
                continue
            expected = {403} if name in refused else {200, 403} if user == alkmaar_reader else {200}
            if response.status_code not in expected:
                failures.append((user.username, url, response.status_code))
            elif name in refused and user != alkmaar_reader and refused[name] not in response.content.decode():
                failures.append((user.username, url, "403 without its reason"))
            elif response.get("Content-Type", "").startswith("text/html") and response.status_code == 200:
                main = response.content.decode().split("<main", 1)[-1]
                if ">None<" in main or " None " in main:
                    failures.append((user.username, url, "shows None"))
    assert not failures, failures
