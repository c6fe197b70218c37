"""Every participating municipality decides (seed 004, #22 step 4).

NHN's stuurgroep offers a proposal to the municipalities; each college or council agrees or declines. The step's
rule (all, a majority, a majority weighted by inhabitants) says when that is the route's decision: then, and only
then, money is released, and where the step says so only the agreeing municipalities' share.
"""

import datetime
import threading
from decimal import Decimal

import pytest
import time_machine
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from finance import ledger
from finance.models import BudgetLine, BudgetMovement, BudgetPost
from governance.constants import MunicipalRule
from governance.models import Decision, DecisionRoute, MunicipalDecision, RouteStep
from pilots import services
from pilots.constants import PilotStatus
from pilots.models import BudgetRequest, Pilot
from programmes.models import Municipality
from tests import factories as f
from tests.factories import PASSWORD

pytestmark = pytest.mark.dates

TODAY = datetime.date(2026, 5, 20)
DECIDED = datetime.date(2026, 5, 12)

# Eight NHN municipalities with round figures (400.000 inhabitants), so every share can be checked by hand.
NHN = {
    "Alkmaar": 112_000,
    "Den Helder": 56_000,
    "Enkhuizen": 18_000,
    "Heiloo": 30_000,
    "Hollands Kroon": 49_000,
    "Hoorn": 74_000,
    "Schagen": 47_000,
    "Texel": 14_000,
}


@pytest.fixture(autouse=True)
def _may_2026():
    with time_machine.travel(datetime.datetime(2026, 5, 20, 10, 0, tzinfo=datetime.UTC), tick=False):
        yield


@pytest.fixture
def nhn(db):
    collaboration = f.CollaborationFactory(name="Bovenregionale samenwerking jeugd Noord-Holland Noord")
    municipalities = {}
    for name, inhabitants in NHN.items():
        municipality = f.MunicipalityFactory(name=name, collaboration=collaboration)
        Municipality.objects.filter(pk=municipality.pk).update(inhabitants=inhabitants)
        municipalities[name] = Municipality.objects.get(pk=municipality.pk)
    return collaboration, municipalities


@pytest.fixture
def towns(nhn):
    return nhn[1]


@pytest.fixture
def nhn_programme(nhn):
    programme = f.ProgrammeFactory(collaboration=nhn[0], title="Bovenregionale jeugdhulp NHN")
    post = BudgetPost.objects.create(programme=programme, name="Projectleiding", holds_pilot_money=True)
    for year in (2026, 2027):
        BudgetLine.objects.create(post=post, year=year, amount=Decimal("80000"))
    return programme


def user_of(username, organisation=None):
    user = f.UserFactory(username=username, first_name=username.capitalize())
    f.PersonFactory(name=username.capitalize(), user=user, **({"organisation": organisation} if organisation else {}))
    return user


@pytest.fixture
def bodies(nhn_programme):
    return {
        "projectgroep": f.GovernanceBodyFactory(programme=nhn_programme, name="Projectgroep", kind="other"),
        "stuurgroep": f.GovernanceBodyFactory(programme=nhn_programme, name="Stuurgroep", kind="other"),
    }


@pytest.fixture
def people(nhn_programme, bodies, towns):
    workgroup = f.WorkgroupFactory(programme=nhn_programme, number=1, name="Crisisdienst")
    lead = user_of("lotte")
    f.MembershipFactory(workgroup=workgroup, person=lead.person, role="lead")
    manager = user_of("pim")
    f.ProgrammeAccessFactory(programme=nhn_programme, user=manager, role="manager")
    secretary = user_of("sanne")  # the project leader: secretary of the stuurgroep (004)
    f.BodyMembershipFactory(body=bodies["stuurgroep"], person=secretary.person, role="secretary")
    texel = f.OrganisationFactory(name="Gemeente Texel", kind="municipality", municipality=towns["Texel"])
    hoorn = f.OrganisationFactory(name="Gemeente Hoorn", kind="municipality", municipality=towns["Hoorn"])
    tess = user_of("tess", texel)  # a civil servant of Texel who reads the programme
    f.ProgrammeAccessFactory(programme=nhn_programme, user=tess, role="reader")
    nel = user_of("nel", hoorn)  # Hoorn's alderman in the stuurgroep
    f.BodyMembershipFactory(body=bodies["stuurgroep"], person=nel.person, role="member")
    return {"workgroup": workgroup, "lead": lead, "manager": manager, "secretary": secretary, "tess": tess, "nel": nel}


def route_to_municipalities(programme, bodies, rule, only_agreeing=False):
    route = DecisionRoute.objects.create(programme=programme, name="Bestuursopdracht")
    RouteStep.objects.create(route=route, order=1, body=bodies["projectgroep"], act="advise")
    RouteStep.objects.create(
        route=route,
        order=2,
        body=bodies["stuurgroep"],
        act="municipal",
        organ="college",
        rule=rule,
        only_agreeing=only_agreeing,
    )
    return route


@pytest.fixture
def offered(nhn_programme, bodies, people):
    """A proposal the stuurgroep has offered to the colleges, under the rule asked for: € 50.000 for 2026 (the
    project leader of 004) and € 1.000 for 2027."""

    def offer(rule, only_agreeing=False):
        route_to_municipalities(nhn_programme, bodies, rule, only_agreeing)
        pilot = Pilot.objects.create(
            programme=nhn_programme,
            workgroup=people["workgroup"],
            title="Integrale crisisdienst jeugd",
            goals="Eén crisisdienst voor de drie regio's",
            efforts="Projectleider 20 weken",
            network="17 gemeenten en instellingen",
        )
        BudgetRequest.objects.create(pilot=pilot, year=2026, amount=Decimal("50000"))
        BudgetRequest.objects.create(pilot=pilot, year=2027, amount=Decimal("1000"))
        services.submit(pilot, people["lead"])
        services.record_advice(pilot, people["manager"], "positive")  # the projectgroep prepares
        pilot.refresh_from_db()
        assert pilot.step().act == "municipal"
        return pilot

    return offer


def record(pilot, user, municipality, outcome="agreed", rationale="", **extra):
    return services.record_municipal_decision(
        Pilot.objects.get(pk=pilot.pk),
        user,
        municipality,
        outcome,
        extra.pop("decided_on", DECIDED),
        extra.pop("organ", "college"),
        rationale=rationale,
        **extra,
    )


def released(pilot, year):
    return ledger.subject_balance(pilot.programme, year, pilot.ledger_key)["released"]


def login(client, user):
    assert client.login(username=user.username, password=PASSWORD)


# The rules


def test_all_municipalities_must_agree_before_anything_is_released(offered, towns, people):
    pilot = offered(MunicipalRule.ALL)
    names = sorted(towns)
    for name in names[:-1]:
        record(pilot, people["manager"], towns[name])
    pilot.refresh_from_db()
    assert pilot.status == PilotStatus.ON_ROUTE
    assert not BudgetMovement.objects.exists()  # seven of eight colleges release nothing

    record(pilot, people["manager"], towns[names[-1]])

    pilot.refresh_from_db()
    assert pilot.status == PilotStatus.APPROVED
    assert released(pilot, 2026) == Decimal("50000") and released(pilot, 2027) == Decimal("1000")
    decision = Decision.objects.get(subject_id=pilot.pk)
    assert decision.body.name == "Stuurgroep" and decision.outcome == "approved"
    assert decision.date == DECIDED
    assert all(name in decision.rationale for name in NHN)


def test_under_all_one_college_that_declines_rejects_the_proposal(offered, towns, people):
    pilot = offered(MunicipalRule.ALL)
    record(pilot, people["manager"], towns["Alkmaar"])
    record(pilot, people["tess"], towns["Texel"], "declined", rationale="Past niet in onze begroting")

    pilot.refresh_from_db()
    assert pilot.status == PilotStatus.REJECTED
    assert not BudgetMovement.objects.exists()
    decision = Decision.objects.get(subject_id=pilot.pk)
    assert decision.outcome == "rejected" and "Texel" in decision.rationale and "Alkmaar" in decision.rationale
    with pytest.raises(services.ActRefused):  # the step has ended: no further decisions
        record(pilot, people["manager"], towns["Hoorn"])
    assert MunicipalDecision.objects.count() == 2


def test_a_majority_of_municipalities_approves_with_five_of_eight(offered, towns, people):
    pilot = offered(MunicipalRule.MAJORITY)
    for name in ("Den Helder", "Schagen", "Texel"):
        record(pilot, people["manager"], towns[name])
    record(pilot, people["manager"], towns["Enkhuizen"], "declined", rationale="Eigen aanpak")
    record(pilot, people["manager"], towns["Hoorn"])
    pilot.refresh_from_db()
    assert pilot.status == PilotStatus.ON_ROUTE and not BudgetMovement.objects.exists()  # 4 of 8 is no majority

    record(pilot, people["manager"], towns["Alkmaar"])

    pilot.refresh_from_db()
    assert pilot.status == PilotStatus.APPROVED
    assert released(pilot, 2026) == Decimal("50000")  # the step does not limit the money: all that was requested


def test_a_majority_that_can_no_longer_be_reached_rejects(offered, towns, people):
    pilot = offered(MunicipalRule.MAJORITY)
    record(pilot, people["manager"], towns["Alkmaar"])
    for name in ("Den Helder", "Enkhuizen", "Heiloo"):
        record(pilot, people["manager"], towns[name], "declined", rationale="Geen dekking")
    pilot.refresh_from_db()
    assert pilot.status == PilotStatus.ON_ROUTE  # 1 agreed, 4 to go: 5 of 8 is still possible

    record(pilot, people["manager"], towns["Hollands Kroon"], "declined", rationale="Geen dekking")

    pilot.refresh_from_db()
    assert pilot.status == PilotStatus.REJECTED  # at most 4 of 8 can still agree
    assert not BudgetMovement.objects.exists()


def test_a_majority_weighted_by_inhabitants_counts_people_not_municipalities(offered, towns, people):
    pilot = offered(MunicipalRule.WEIGHTED)
    record(pilot, people["manager"], towns["Alkmaar"])  # 112.000
    record(pilot, people["manager"], towns["Hoorn"])  # 74.000: 186.000 of 400.000
    pilot.refresh_from_db()
    assert pilot.status == PilotStatus.ON_ROUTE

    record(pilot, people["manager"], towns["Texel"])  # 14.000 more: exactly half is no majority
    pilot.refresh_from_db()
    assert pilot.status == PilotStatus.ON_ROUTE

    record(pilot, people["manager"], towns["Enkhuizen"])  # 218.000 of 400.000, four of eight municipalities

    pilot.refresh_from_db()
    assert pilot.status == PilotStatus.APPROVED
    assert released(pilot, 2026) == Decimal("50000")


def test_a_weighted_majority_that_can_no_longer_be_reached_rejects(offered, towns, people):
    pilot = offered(MunicipalRule.WEIGHTED)
    record(pilot, people["manager"], towns["Alkmaar"], "declined", rationale="Nee")
    record(pilot, people["manager"], towns["Hoorn"], "declined", rationale="Nee")
    pilot.refresh_from_db()
    assert pilot.status == PilotStatus.ON_ROUTE  # 214.000 can still agree

    record(pilot, people["manager"], towns["Texel"], "declined", rationale="Nee")  # 200.000 left: not more than half

    pilot.refresh_from_db()
    assert pilot.status == PilotStatus.REJECTED and not BudgetMovement.objects.exists()


def test_money_only_for_the_municipalities_that_agreed_to_the_euro(offered, towns, people):
    """Split by inhabitants: € 0,125 a head of the € 50.000, € 0,0025 of the € 1.000. Of the € 1.000 Schagen's
    € 117,50 and Hollands Kroon's € 122,50 both leave 50 cents; the euro left goes to Hollands Kroon (more
    inhabitants), so Schagen's share is € 117."""
    pilot = offered(MunicipalRule.MAJORITY, only_agreeing=True)
    for name in ("Den Helder", "Schagen", "Texel", "Hoorn"):
        record(pilot, people["manager"], towns[name])
    record(pilot, people["manager"], towns["Heiloo"], "declined", rationale="Eigen crisisdienst")
    assert not BudgetMovement.objects.exists()

    record(pilot, people["manager"], towns["Alkmaar"])

    pilot.refresh_from_db()
    assert pilot.status == PilotStatus.APPROVED
    # 2026: 7.000 + 5.875 + 1.750 + 9.250 + 14.000; 2027: 140 + 117 + 35 + 185 + 280
    assert released(pilot, 2026) == Decimal("37875")
    assert released(pilot, 2027) == Decimal("757")
    assert set(BudgetMovement.objects.values_list("amount", flat=True)) == {Decimal("37875"), Decimal("757")}


# Bad input: a Dutch reason, nothing saved


def post_decision(client, pilot, municipality, **data):
    payload = {
        "municipality": municipality.pk,
        "outcome": "agreed",
        "organ": "college",
        "decided_on": DECIDED.isoformat(),
        "rationale": "",
        **data,
    }
    with translation.override("nl"):
        return client.post(reverse("pilots:act", args=[pilot.pk, "municipal"]), payload, HTTP_ACCEPT_LANGUAGE="nl")


def test_a_second_decision_of_the_same_municipality_is_refused_in_dutch(client, offered, towns, people):
    pilot = offered(MunicipalRule.ALL)
    login(client, people["tess"])
    assert post_decision(client, pilot, towns["Texel"]).status_code == 302

    response = post_decision(client, pilot, towns["Texel"], outcome="declined", rationale="Toch niet")

    assert response.status_code == 200
    assert "Texel heeft al besloten over dit voorstel" in response.content.decode()
    assert list(MunicipalDecision.objects.values_list("outcome", flat=True)) == ["agreed"]
    assert pilot.events.filter(kind="municipality").count() == 1


def test_a_municipality_outside_the_collaboration_cannot_decide(client, offered, people):
    pilot = offered(MunicipalRule.ALL)
    zaltbommel = f.MunicipalityFactory(name="Zaltbommel")  # Rivierenland, not NHN
    login(client, people["manager"])

    response = post_decision(client, pilot, zaltbommel)

    assert response.status_code == 200
    assert "Zaltbommel neemt niet deel aan Bovenregionale samenwerking jeugd Noord-Holland Noord" in (
        response.content.decode()
    )
    assert not MunicipalDecision.objects.exists()


def test_a_decision_dated_in_the_future_is_refused(client, offered, towns, people):
    pilot = offered(MunicipalRule.ALL)
    login(client, people["manager"])

    response = post_decision(client, pilot, towns["Hoorn"], decided_on="2026-05-21")

    assert response.status_code == 200
    assert "De datum van het besluit kan niet in de toekomst liggen" in response.content.decode()
    assert not MunicipalDecision.objects.exists()
    with pytest.raises(services.ActRefused):  # the service itself refuses it too
        record(pilot, people["manager"], towns["Hoorn"], decided_on=datetime.date(2026, 5, 21))
    assert not MunicipalDecision.objects.exists()


def test_declining_needs_a_rationale(offered, towns, people):
    pilot = offered(MunicipalRule.ALL)
    with pytest.raises(services.ActRefused):
        record(pilot, people["manager"], towns["Hoorn"], "declined", rationale=" ")
    assert not MunicipalDecision.objects.exists()


# Who may record


@pytest.mark.parametrize("who", ["tess_for_hoorn", "nel_for_texel", "lead", "reader_of_texel_not_seated"])
def test_others_get_403_and_nothing_is_saved(client, offered, towns, people, nhn_programme, who):
    pilot = offered(MunicipalRule.ALL)
    texel = towns["Texel"]
    if who == "tess_for_hoorn":
        user, municipality = people["tess"], towns["Hoorn"]
    elif who == "nel_for_texel":  # a stuurgroep member of Hoorn does not speak for Texel
        user, municipality = people["nel"], texel
    elif who == "lead":
        user, municipality = people["lead"], texel
    else:  # a person of Texel with a login but no seat in the programme: cannot even see the proposal
        user, municipality = user_of("teun", texel.organisation), texel
    login(client, user)

    response = post_decision(client, pilot, municipality)

    assert response.status_code == 403
    assert not MunicipalDecision.objects.exists()


@pytest.mark.parametrize("who", ["tess", "nel", "manager", "secretary"])
def test_the_municipality_its_programme_manager_and_the_stuurgroep_secretary_may_record(
    client, offered, towns, people, who
):
    pilot = offered(MunicipalRule.ALL)
    municipality = towns["Hoorn"] if who == "nel" else towns["Texel"]
    login(client, people[who])

    assert post_decision(client, pilot, municipality).status_code == 302

    decision = MunicipalDecision.objects.get()
    assert (decision.municipality, decision.recorded_by) == (municipality, people[who])


def test_a_decision_document_is_stored_and_served_to_readers(client, offered, towns, people):
    pilot = offered(MunicipalRule.ALL)
    login(client, people["tess"])
    document = SimpleUploadedFile("Collegebesluit Texel 12-05-2026.pdf", b"%PDF-1.4 besluit", "application/pdf")

    assert post_decision(client, pilot, towns["Texel"], document=document).status_code == 302

    decision = MunicipalDecision.objects.get()
    assert decision.document.name.startswith(f"municipal_decisions/{pilot.programme_id}/")
    login(client, people["nel"])
    response = client.get(reverse("governance:municipal_document", args=[decision.pk]))
    assert response.status_code == 200 and b"".join(response.streaming_content) == b"%PDF-1.4 besluit"


# History


def test_municipal_decisions_are_append_only(offered, towns, people):
    pilot = offered(MunicipalRule.ALL)
    record(pilot, people["manager"], towns["Hoorn"])
    decision = MunicipalDecision.objects.get()
    decision.outcome = "declined"
    with pytest.raises(PermissionError):
        decision.save()
    with pytest.raises(PermissionError):
        decision.delete()
    with pytest.raises(PermissionError):
        MunicipalDecision.objects.update(outcome="declined")
    with pytest.raises(PermissionError):
        MunicipalDecision.objects.all().delete()
    assert MunicipalDecision.objects.get().outcome == "agreed"


@pytest.mark.postgres
def test_the_database_refuses_to_rewrite_a_municipal_decision(offered, towns, people):
    from django.db import DatabaseError, transaction

    pilot = offered(MunicipalRule.ALL)
    record(pilot, people["manager"], towns["Hoorn"])
    decision = MunicipalDecision.objects.get()
    for statement in (
        "UPDATE governance_municipaldecision SET outcome = 'declined' WHERE id = %s",
        "DELETE FROM governance_municipaldecision WHERE id = %s",
    ):
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(statement, [decision.pk])
    assert MunicipalDecision.objects.get().outcome == "agreed"


# One outcome


def test_a_stale_page_cannot_decide_after_the_step_has_ended(offered, towns, people):
    """Both read the proposal while one municipality was still to decide; the row lock makes the second see the end."""
    pilot = offered(MunicipalRule.ALL)
    names = sorted(towns)
    for name in names[:-2]:
        record(pilot, people["manager"], towns[name])
    stale = Pilot.objects.get(pk=pilot.pk)
    record(pilot, people["secretary"], towns[names[-2]], "declined", rationale="Nee")  # ends the step: rejected

    with pytest.raises(services.ActRefused):
        services.record_municipal_decision(stale, people["manager"], towns[names[-1]], "agreed", DECIDED, "college")

    assert Decision.objects.filter(subject_id=pilot.pk).count() == 1
    assert MunicipalDecision.objects.count() == len(names) - 1


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_the_last_two_colleges_recorded_at_once_give_one_outcome(offered, towns, people):
    pilot = offered(MunicipalRule.MAJORITY)
    for name in ("Alkmaar", "Den Helder", "Enkhuizen", "Heiloo"):
        record(pilot, people["manager"], towns[name])
    racers = [(people["tess"], towns["Texel"]), (people["nel"], towns["Hoorn"]), (people["manager"], towns["Schagen"])]
    barrier, outcomes = threading.Barrier(len(racers)), []

    def act(user, municipality):
        try:
            barrier.wait()
            record(pilot, user, municipality)
            outcomes.append("recorded")
        except services.ActRefused:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=act, args=racer) for racer in racers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["recorded", "refused", "refused"]  # the fifth agreement ends the step
    assert Decision.objects.filter(subject_id=pilot.pk).count() == 1
    assert BudgetMovement.objects.filter(subject_key=pilot.ledger_key, year=2026).count() == 1


# Routes


def route_form(programme, body, rule="all", act="municipal", organ="college"):
    return {
        "name": "Bestuursopdracht",
        "description": "",
        "steps-TOTAL_FORMS": "1",
        "steps-INITIAL_FORMS": "0",
        "steps-MIN_NUM_FORMS": "0",
        "steps-MAX_NUM_FORMS": "1000",
        "steps-0-order": "1",
        "steps-0-body": str(body.pk),
        "steps-0-act": act,
        "steps-0-organ": organ,
        "steps-0-rule": rule,
    }


@pytest.mark.parametrize("rule", ["all", "majority", "weighted"])
def test_a_rule_over_no_municipalities_is_refused_when_the_route_is_saved(client, db, rule):
    empty = f.ProgrammeFactory(collaboration=f.CollaborationFactory(name="Nog zonder gemeenten"))
    manager = user_of("mara")
    f.ProgrammeAccessFactory(programme=empty, user=manager, role="manager")
    stuurgroep = f.GovernanceBodyFactory(programme=empty, name="Stuurgroep")
    login(client, manager)

    with translation.override("nl"):
        response = client.post(
            reverse("governance:route_create", args=[empty.pk]),
            route_form(empty, stuurgroep, rule),
            HTTP_ACCEPT_LANGUAGE="nl",
        )

    assert response.status_code == 200
    assert "deze regel kan nooit worden gehaald" in response.content.decode()
    assert not DecisionRoute.objects.filter(programme=empty).exists()


def test_a_weighted_rule_over_municipalities_without_inhabitants_is_refused_in_the_admin(client, admin_user):
    collaboration = f.CollaborationFactory(name="Zonder inwonertallen")
    unknown = f.MunicipalityFactory(name="Gemeente Onbekend", collaboration=collaboration)
    Municipality.objects.filter(pk=unknown.pk).update(inhabitants=None)
    programme = f.ProgrammeFactory(collaboration=collaboration)
    stuurgroep = f.GovernanceBodyFactory(programme=programme, name="Stuurgroep")
    login(client, admin_user)
    data = {"programme": programme.pk, "is_default": "on"}
    data.update({key: value for key, value in route_form(programme, stuurgroep, "weighted").items()})

    with translation.override("nl"):
        response = client.post(reverse("admin:governance_decisionroute_add"), data, HTTP_ACCEPT_LANGUAGE="nl")

    assert response.status_code == 200
    assert "deze regel kan nooit worden gehaald" in response.content.decode()
    assert not DecisionRoute.objects.filter(programme=programme).exists()
    data["steps-0-rule"] = "majority"  # one municipality, without a figure, can make a majority of municipalities
    assert client.post(reverse("admin:governance_decisionroute_add"), data).status_code == 302


def test_a_route_where_the_municipalities_decide_needs_the_organ_and_the_rule(client, nhn_programme, bodies, people):
    login(client, people["manager"])
    with translation.override("nl"):
        response = client.post(
            reverse("governance:route_create", args=[nhn_programme.pk]),
            route_form(nhn_programme, bodies["stuurgroep"], rule="", organ=""),
            HTTP_ACCEPT_LANGUAGE="nl",
        )
    assert response.status_code == 200
    assert "kies de regel waarmee de gemeenten besluiten" in response.content.decode()
    assert not DecisionRoute.objects.exists()

    response = client.post(
        reverse("governance:route_create", args=[nhn_programme.pk]), route_form(nhn_programme, bodies["stuurgroep"])
    )
    assert response.status_code == 302
    assert RouteStep.objects.get().rule == "all"


# Pages


def page(client, pilot):
    with translation.override("nl"):
        response = client.get(reverse("pilots:detail", args=[pilot.pk]), HTTP_ACCEPT_LANGUAGE="nl")
    assert response.status_code == 200
    return response.content.decode()


def row_of(html, name):
    start = html.index(f'data-municipality="{name}"')
    return html[start : html.index("</tr>", start)]


def test_the_page_shows_who_still_has_to_decide(client, offered, towns, people):
    pilot = offered(MunicipalRule.ALL)
    record(pilot, people["tess"], towns["Texel"])
    record(pilot, people["manager"], towns["Hoorn"], organ="council")
    login(client, people["tess"])

    html = page(client, pilot)

    assert "Besluitvorming gemeenten" in html
    assert "2 van 8 akkoord; nodig: alle 8" in html
    assert "Akkoord" in row_of(html, "Texel") and "12 mei 2026" in row_of(html, "Texel")
    assert "Tess" in row_of(html, "Texel")
    assert "gemeenteraad" in row_of(html, "Hoorn")
    for name in ("Alkmaar", "Den Helder", "Enkhuizen", "Heiloo", "Hollands Kroon", "Schagen"):
        assert "nog te besluiten" in row_of(html, name)
    # Tess speaks for Texel only, which has decided: nothing is offered to her
    assert 'act/municipal/"' not in html
    login(client, people["manager"])
    html = page(client, pilot)
    assert 'act/municipal/"' in html and "kan achteraf niet worden gewijzigd" in html


def test_the_form_offers_only_the_municipalities_the_user_may_record(client, offered, towns, people):
    pilot = offered(MunicipalRule.ALL)
    login(client, people["nel"])
    html = page(client, pilot)
    form = html[html.index('id="id_municipality"') : html.index("</select>", html.index('id="id_municipality"'))]
    assert ">Hoorn<" in form and ">Texel<" not in form

    login(client, people["manager"])
    html = page(client, pilot)
    form = html[html.index('id="id_municipality"') : html.index("</select>", html.index('id="id_municipality"'))]
    assert all(f">{name}<" in form for name in NHN)


def test_the_section_stays_as_history_after_the_step(client, offered, towns, people):
    pilot = offered(MunicipalRule.ALL)
    record(pilot, people["manager"], towns["Texel"], "declined", rationale="Te duur voor Texel")
    login(client, people["manager"])

    html = page(client, pilot)

    assert "Besluitvorming gemeenten" in html and "Te duur voor Texel" in html
    assert "nog te besluiten" not in html and 'act/municipal/"' not in html
    # the timeline has the municipality's decision and the rejection that followed
    history = html[html.index('id="history"') :]
    assert "Texel – niet akkoord (college van B&amp;W, 12 mei 2026)" in history
    assert 'data-event="rejected"' in history


def test_the_page_query_count_does_not_grow_with_the_municipalities(client, offered, towns, people, nhn):
    pilot = offered(MunicipalRule.WEIGHTED)
    for name in ("Texel", "Hoorn"):
        record(pilot, people["manager"], towns[name])
    login(client, people["manager"])

    def count():
        with CaptureQueriesContext(connection) as queries:
            page(client, pilot)
        return len(queries)

    few = count()
    # The other nine of NHN's seventeen join, and two of them decide.
    more = ["Bergen (NH.)", "Castricum", "Dijk en Waard", "Uitgeest", "Drechterland", "Koggenland", "Medemblik"]
    more += ["Opmeer", "Stede Broec"]
    for name in more:
        f.MunicipalityFactory(name=name, collaboration=nhn[0])
    Municipality.objects.filter(name__in=more).update(inhabitants=20_000)
    for name in ("Medemblik", "Opmeer"):
        record(pilot, people["manager"], Municipality.objects.get(name=name))
    assert Municipality.objects.of_collaboration(nhn[0]).count() == 17
    assert count() == few


def test_mijn_werk_lists_the_proposals_waiting_for_the_municipalities(client, offered, towns, people):
    pilot = offered(MunicipalRule.ALL)
    record(pilot, people["manager"], towns["Texel"])
    login(client, people["manager"])

    with translation.override("nl"):
        html = client.get(reverse("home"), HTTP_ACCEPT_LANGUAGE="nl").content.decode()

    item = html[html.index('data-work="municipal"') :]
    assert pilot.title in item[:400] and "7 van 8 gemeenten moeten nog besluiten" in item[:800]

    login(client, people["tess"])  # not the programme manager: not her list
    with translation.override("nl"):
        assert 'data-work="municipal"' not in client.get(reverse("home")).content.decode()


def test_the_decision_log_shows_the_municipal_decisions(client, offered, towns, people):
    pilot = offered(MunicipalRule.ALL)
    record(pilot, people["tess"], towns["Texel"])
    record(pilot, people["manager"], towns["Hoorn"], "declined", rationale="Eigen crisisdienst in West-Friesland")
    login(client, people["tess"])

    with translation.override("nl"):
        html = client.get(
            reverse("governance:decisions", args=[pilot.programme_id]), HTTP_ACCEPT_LANGUAGE="nl"
        ).content.decode()

    section = html[html.index('id="municipal-decisions"') :]
    assert section.count('data-row="municipal-decision"') == 2
    assert "Eigen crisisdienst in West-Friesland" in section and "Texel" in section
    assert 'data-row="decision"' in html  # and the route's decision that followed: rejected


def test_the_admin_shows_municipal_decisions_read_only(client, admin_user, offered, towns, people):
    pilot = offered(MunicipalRule.ALL)
    record(pilot, people["manager"], towns["Texel"])
    decision = MunicipalDecision.objects.get()
    login(client, admin_user)
    assert client.get(reverse("admin:governance_municipaldecision_changelist")).status_code == 200
    assert client.get(reverse("admin:governance_municipaldecision_add")).status_code == 403
    assert client.get(reverse("admin:governance_municipaldecision_change", args=[decision.pk])).status_code == 200
    response = client.post(reverse("admin:governance_municipaldecision_delete", args=[decision.pk]), {"post": "yes"})
    assert response.status_code == 403
    assert MunicipalDecision.objects.filter(subject_type=ContentType.objects.get_for_model(Pilot)).count() == 1


def test_the_officials_of_municipalities_still_to_decide_are_reminded_once(offered, towns, people, settings):
    from django.core import mail

    from reminders import sweep

    settings.PILOT_WAITING_DAYS = 14
    for key, address in (("tess", "tess@texel.example"), ("nel", "nel@hoorn.example")):
        people[key].person.email = address
        people[key].person.save()
    helder = f.OrganisationFactory(name="Gemeente Den Helder", kind="municipality", municipality=towns["Den Helder"])
    f.PersonFactory(name="Not seated", organisation=helder, email="elders@helder.example")  # no seat in the programme
    pilot = offered(MunicipalRule.ALL)
    record(pilot, people["manager"], towns["Hoorn"])  # Hoorn has decided; Texel and the others have not
    mail.outbox.clear()

    def to_officials():
        return [m for m in mail.outbox if {"tess@texel.example", "nel@hoorn.example"} & set(m.to)]

    sweep.run()
    assert to_officials() == []  # not waiting long enough yet
    with time_machine.travel(datetime.datetime(2026, 6, 8, 10, 0, tzinfo=datetime.UTC), tick=False):
        sweep.run()
        sweep.run()

    reminded = to_officials()
    assert [m.to for m in reminded] == [["tess@texel.example"]]  # once, and only the municipality still to decide
    assert "Integrale crisisdienst jeugd" in reminded[0].subject
    assert not [m for m in mail.outbox if "elders@helder.example" in m.to]
