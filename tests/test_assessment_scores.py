"""The assessing body's members score a proposal at its step on the programme's criteria; the forward or return act
keeps the joint assessment and freezes the scores. Bad scores and outsiders are refused and nothing is saved."""

import pytest
from django.core.exceptions import ValidationError

from core.refusals import Forbidden
from pilots import assessment, services
from pilots.models import AssessmentCriterion, Score
from tests import factories as f


@pytest.fixture
def criteria(programme):
    return [
        AssessmentCriterion.objects.create(programme=programme, name=name, order=order, axis=axis)
        for order, (name, axis) in enumerate(
            (("Impact", "impact"), ("Uitvoerbaarheid", "feasibility"), ("Urgentie", "urgency")), start=1
        )
    ]


def member_of(body, username, role="member"):
    user = f.UserFactory(username=username)
    f.BodyMembershipFactory(body=body, person=f.PersonFactory(name=username.capitalize(), user=user), role=role)
    return user


@pytest.fixture
def kernteam(route, secretaries):
    """The kernteam: its secretary and two members, Kees and Kim."""
    return {
        "secretary": secretaries["Kernteam"],
        "kees": member_of(route["Kernteam"], "kees"),
        "kim": member_of(route["Kernteam"], "kim"),
    }


@pytest.fixture
def at_kernteam(pilot, lead):
    services.submit(pilot, lead)
    pilot.refresh_from_db()
    return pilot


def scores(criteria, *values, motivation=""):
    return {criterion.pk: (value, motivation) for criterion, value in zip(criteria, values, strict=True)}


def test_a_member_scores_each_criterion_with_a_motivation(at_kernteam, kernteam, criteria):
    assessment.save_scores(at_kernteam, kernteam["kees"], scores(criteria, 4, 3, 5, motivation="Sterk voorstel"))
    saved = Score.objects.filter(member=kernteam["kees"].person).order_by("criterion__order")
    assert [(s.value, s.motivation, s.step_order, s.submission) for s in saved] == [
        (4, "Sterk voorstel", 1, 1),
        (3, "Sterk voorstel", 1, 1),
        (5, "Sterk voorstel", 1, 1),
    ]


@pytest.mark.parametrize("bad", [0, 6, -1, "vier", 4.5])
def test_a_score_outside_the_scale_is_refused_and_nothing_is_saved(at_kernteam, kernteam, criteria, bad):
    with pytest.raises(ValidationError):
        assessment.save_scores(at_kernteam, kernteam["kees"], scores(criteria, 4, bad, 3))
    assert not Score.objects.exists()


def test_a_scale_of_the_programmes_own_is_respected(at_kernteam, kernteam, programme):
    wide = AssessmentCriterion.objects.create(programme=programme, name="Draagvlak", scale_min=0, scale_max=10)
    assessment.save_scores(at_kernteam, kernteam["kim"], {wide.pk: (9, "")})
    with pytest.raises(ValidationError):
        assessment.save_scores(at_kernteam, kernteam["kim"], {wide.pk: (11, "")})
    assert Score.objects.get().value == 9


def test_a_criterion_of_another_programme_is_refused(at_kernteam, kernteam, other_programme):
    foreign = AssessmentCriterion.objects.create(programme=other_programme, name="Impact")
    with pytest.raises(ValidationError):
        assessment.save_scores(at_kernteam, kernteam["kees"], {foreign.pk: (3, "")})
    assert not Score.objects.exists()


@pytest.mark.parametrize("who", ["lead", "rbj", "manager_for_self"])
def test_someone_outside_the_body_cannot_score(at_kernteam, kernteam, criteria, lead, secretaries, manager, who):
    user = {"lead": lead, "rbj": secretaries["RBJ"], "manager_for_self": manager}[who]
    with pytest.raises(Forbidden):
        assessment.save_scores(at_kernteam, user, scores(criteria, 3, 3, 3))
    assert not Score.objects.exists()


def test_the_secretary_records_a_members_scores_but_a_member_cannot_for_another(at_kernteam, kernteam, criteria):
    assessment.save_scores(at_kernteam, kernteam["secretary"], scores(criteria, 2, 2, 2), member=kernteam["kim"].person)
    assert Score.objects.filter(member=kernteam["kim"].person, recorded_by=kernteam["secretary"]).count() == 3
    with pytest.raises(Forbidden):
        assessment.save_scores(at_kernteam, kernteam["kees"], scores(criteria, 5, 5, 5), member=kernteam["kim"].person)
    assert set(Score.objects.values_list("value", flat=True)) == {2}


def test_nobody_records_scores_for_someone_outside_the_body(at_kernteam, kernteam, criteria, lead):
    with pytest.raises(Forbidden):
        assessment.save_scores(at_kernteam, kernteam["secretary"], scores(criteria, 3, 3, 3), member=lead.person)
    assert not Score.objects.exists()


def test_scores_change_until_the_body_forwards_then_they_are_frozen(at_kernteam, kernteam, criteria):
    assessment.save_scores(at_kernteam, kernteam["kees"], scores(criteria, 2, 2, 2))
    assessment.save_scores(at_kernteam, kernteam["kees"], scores(criteria, 4, 3, 5))
    assert sorted(Score.objects.values_list("value", flat=True)) == [3, 4, 5]
    services.forward(at_kernteam, kernteam["secretary"], "Prioriteit hoog")
    with pytest.raises(ValidationError):
        assessment.save_scores(at_kernteam, kernteam["kees"], scores(criteria, 1, 1, 1))
    assert sorted(Score.objects.values_list("value", flat=True)) == [3, 4, 5]


def test_the_forward_act_keeps_the_joint_assessment(at_kernteam, kernteam, criteria):
    assessment.save_scores(at_kernteam, kernteam["kees"], scores(criteria, 4, 3, 5))
    assessment.save_scores(at_kernteam, kernteam["kim"], scores(criteria, 5, 2, 4))
    assessment.save_scores(at_kernteam, kernteam["secretary"], scores(criteria, 4, 4, None))
    services.forward(at_kernteam, kernteam["secretary"], "Samen: hoge prioriteit")
    event = at_kernteam.events.get(kind="forwarded")
    assert event.note == "Samen: hoge prioriteit"
    assert event.assessment["members"] == 3
    rows = {row["criterion"]: row for row in event.assessment["criteria"]}
    assert (rows["Impact"]["mean"], rows["Impact"]["low"], rows["Impact"]["high"]) == ("4.3", 4, 5)
    assert (rows["Uitvoerbaarheid"]["mean"], rows["Uitvoerbaarheid"]["count"]) == ("3.0", 3)
    assert (rows["Urgentie"]["mean"], rows["Urgentie"]["count"]) == ("4.5", 2)


def test_the_return_act_keeps_it_too_and_a_resubmission_starts_afresh(at_kernteam, kernteam, criteria, lead):
    assessment.save_scores(at_kernteam, kernteam["kees"], scores(criteria, 1, 2, 1))
    services.return_for_revision(at_kernteam, kernteam["secretary"], "Eerst de doelgroep scherper")
    assert at_kernteam.events.get(kind="returned").assessment["criteria"][0]["mean"] == "1.0"
    services.submit(at_kernteam, lead)
    at_kernteam.refresh_from_db()
    assert assessment.summary(at_kernteam, 1)[0]["count"] == 0
    assessment.save_scores(at_kernteam, kernteam["kees"], scores(criteria, 4, 4, 4))
    assert Score.objects.count() == 6


def test_forwarding_without_scores_keeps_no_assessment(at_kernteam, kernteam, criteria):
    services.forward(at_kernteam, kernteam["secretary"])
    assert at_kernteam.events.get(kind="forwarded").assessment is None


def test_no_scores_at_an_advising_step(at_kernteam, kernteam, criteria, secretaries, route):
    services.forward(at_kernteam, kernteam["secretary"])
    rbj = member_of(route["RBJ"], "rita")
    with pytest.raises(ValidationError):
        assessment.save_scores(at_kernteam, rbj, scores(criteria, 3, 3, 3))
