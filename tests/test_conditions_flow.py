"""A conditional advice's conditions are followed on the pilot: the lead marks met, the setting body confirms, and
approving with conditions still open needs a statement of how they are dealt with (web, admin and service alike)."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core.exceptions import ValidationError
from django.db import DatabaseError, connection, transaction
from django.urls import reverse

from core.refusals import Forbidden
from finance.models import BudgetMovement
from governance.models import Advice, Decision
from pilots import conditions, services
from pilots.constants import ConditionState, PilotStatus
from pilots.models import Condition, ConditionEvent
from reminders.models import Notification
from tests import factories as f
from tests.conftest import secretary_of
from tests.factories import PASSWORD

CONDITIONS = "Werf eerst tien gezinnen\n- Rapporteer elk kwartaal aan het kernteam\n\n"


@pytest.fixture
def at_so(pilot, lead, secretaries):
    """The pilot at the SO, with a conditional advice of the RBJ naming two conditions."""
    services.submit(pilot, lead)
    services.forward(pilot, secretaries["Kernteam"], "Goed uitgewerkt")
    services.record_advice(pilot, secretaries["RBJ"], "conditional", "Positief mits", CONDITIONS)
    pilot.refresh_from_db()
    return pilot


def first(pilot):
    return pilot.conditions.order_by("number").first()


def test_each_line_of_a_conditional_advice_becomes_an_open_condition(at_so, route, secretaries):
    found = list(at_so.conditions.order_by("number"))
    assert [c.text for c in found] == ["Werf eerst tien gezinnen", "Rapporteer elk kwartaal aan het kernteam"]
    assert {(c.state, c.body, c.submission) for c in found} == {("open", route["RBJ"], 1)}
    assert all(c.events.get().act == "set" and c.events.get().actor == secretaries["RBJ"] for c in found)
    # The advice keeps its text too: the decision log and the meetings show it.
    assert Advice.objects.get(pk=found[0].advice_id).conditions == CONDITIONS


def test_a_positive_advice_sets_no_conditions(pilot, lead, secretaries):
    services.submit(pilot, lead)
    services.forward(pilot, secretaries["Kernteam"])
    services.record_advice(pilot, secretaries["RBJ"], "positive")
    assert not Condition.objects.exists()


def test_the_lead_marks_met_and_the_body_that_set_it_confirms(at_so, lead, secretaries):
    condition = first(at_so)
    conditions.mark_met(condition, lead, "Twaalf gezinnen geworven")
    condition.refresh_from_db()
    assert condition.state == ConditionState.CLAIMED
    conditions.confirm(condition, secretaries["RBJ"])
    condition.refresh_from_db()
    assert condition.state == ConditionState.MET
    assert list(condition.events.values_list("act", "explanation")) == [
        ("set", ""),
        ("marked_met", "Twaalf gezinnen geworven"),
        ("confirmed", ""),
    ]


def test_marking_met_needs_an_explanation(at_so, lead):
    with pytest.raises(ValidationError):
        conditions.mark_met(first(at_so), lead, "   ")
    assert first(at_so).state == ConditionState.OPEN and first(at_so).events.count() == 1


@pytest.mark.parametrize("who", ["RBJ", "SO", "reader"])
def test_only_the_lead_marks_a_condition_met(at_so, secretaries, reader, who):
    user = reader if who == "reader" else secretaries[who]
    with pytest.raises(Forbidden):
        conditions.mark_met(first(at_so), user, "Klaar")
    assert first(at_so).state == ConditionState.OPEN


@pytest.mark.parametrize("who", ["SO", "Kernteam", "lead"])
def test_only_the_body_that_set_it_confirms(at_so, lead, secretaries, who):
    conditions.mark_met(first(at_so), lead, "Klaar")
    user = lead if who == "lead" else secretaries[who]
    with pytest.raises(Forbidden):
        conditions.confirm(first(at_so), user)
    assert first(at_so).state == ConditionState.CLAIMED


def test_a_member_of_the_setting_body_and_the_programme_manager_may_confirm(at_so, lead, manager, route):
    member = f.UserFactory(username="rbjlid")
    f.BodyMembershipFactory(body=route["RBJ"], person=f.PersonFactory(user=member), role="member")
    one, two = at_so.conditions.order_by("number")
    conditions.mark_met(one, lead, "Klaar")
    conditions.mark_met(two, lead, "Klaar")
    conditions.confirm(one, member)
    conditions.confirm(two, manager)
    assert set(at_so.conditions.values_list("state", flat=True)) == {"met"}


def test_a_condition_not_met_is_reopened_with_a_reason(at_so, lead, secretaries):
    conditions.mark_met(first(at_so), lead, "Klaar")
    with pytest.raises(ValidationError):
        conditions.reopen(first(at_so), secretaries["RBJ"], "")
    conditions.reopen(first(at_so), secretaries["RBJ"], "Pas zes gezinnen")
    assert first(at_so).state == ConditionState.OPEN
    with pytest.raises(ValidationError):
        conditions.confirm(first(at_so), secretaries["RBJ"])  # open: nothing to confirm


def test_the_deciding_body_drops_a_condition_with_a_reason(at_so, secretaries):
    with pytest.raises(Forbidden):
        conditions.drop(first(at_so), secretaries["RBJ"], "Niet meer nodig")
    with pytest.raises(ValidationError):
        conditions.drop(first(at_so), secretaries["SO"], "")
    conditions.drop(first(at_so), secretaries["SO"], "Landelijk geregeld")
    assert first(at_so).state == ConditionState.DROPPED
    assert first(at_so).events.last().explanation == "Landelijk geregeld"


def test_condition_history_is_append_only(at_so):
    event = ConditionEvent.objects.first()
    with pytest.raises(PermissionError):
        event.save()
    with pytest.raises(PermissionError):
        ConditionEvent.objects.all().delete()


def test_approving_with_open_conditions_needs_a_statement_and_saves_nothing_without(at_so, secretaries):
    with pytest.raises(ValidationError):
        services.decide(at_so, secretaries["SO"], "approved")
    at_so.refresh_from_db()
    assert at_so.status == PilotStatus.ON_ROUTE
    assert not Decision.objects.exists() and not BudgetMovement.objects.exists()
    services.decide(at_so, secretaries["SO"], "approved", conditions_note="Kernteam bewaakt ze per kwartaal")
    at_so.refresh_from_db()
    assert at_so.status == PilotStatus.APPROVED
    decision = Decision.objects.get()
    addressed = ConditionEvent.objects.filter(act="addressed")
    assert addressed.count() == 2
    assert {(e.explanation, e.decision_id) for e in addressed} == {("Kernteam bewaakt ze per kwartaal", decision.pk)}
    # Followed until met: approval leaves them open, and the lead can still mark them met.
    assert set(at_so.conditions.values_list("state", flat=True)) == {"open"}


def test_rejecting_or_approving_once_all_are_settled_needs_no_statement(at_so, lead, secretaries):
    one, two = at_so.conditions.order_by("number")
    conditions.mark_met(one, lead, "Klaar")
    conditions.confirm(one, secretaries["RBJ"])
    conditions.drop(two, secretaries["SO"], "Vervalt")
    services.decide(at_so, secretaries["SO"], "approved")
    at_so.refresh_from_db()
    assert at_so.status == PilotStatus.APPROVED


def test_a_meeting_states_it_in_its_recorded_outcome(at_so, secretaries):
    with pytest.raises(ValidationError):
        services.decide(at_so, secretaries["SO"], "approved", via="meeting", conditions_note="")
    assert at_so.conditions.filter(events__act="addressed").count() == 0


def test_the_admin_approval_needs_the_statement_too(client, admin_user, at_so):
    client.login(username=admin_user.username, password=PASSWORD)
    changelist = reverse("admin:pilots_pilot_changelist")
    intermediate = client.post(changelist, {"action": "act_decide", ACTION_CHECKBOX_NAME: [at_so.pk]})
    assert "Werf eerst tien gezinnen" in intermediate.content.decode()
    amounts = {f"amount_{at_so.pk}_{r.year}": str(r.amount) for r in at_so.budget_requests.all()}
    payload = {"action": "act_decide", ACTION_CHECKBOX_NAME: [at_so.pk], "apply": "1", "outcome": "approved", **amounts}
    client.post(changelist, payload, follow=True)
    at_so.refresh_from_db()
    assert at_so.status == PilotStatus.ON_ROUTE and not Decision.objects.exists()
    client.post(changelist, {**payload, "conditions_note": "Het kernteam volgt ze"}, follow=True)
    at_so.refresh_from_db()
    assert at_so.status == PilotStatus.APPROVED
    assert ConditionEvent.objects.filter(act="addressed", via="admin").count() == 2


def test_the_decide_form_lists_open_conditions_and_requires_the_statement(client, at_so, secretaries):
    client.login(username=secretaries["SO"].username, password=PASSWORD)
    page = client.get(at_so.get_absolute_url()).content.decode()
    assert 'id="decide-conditions"' in page and "Werf eerst tien gezinnen" in page
    assert 'name="conditions_note"' in page
    url = reverse("pilots:act", args=[at_so.pk, "decide"])
    data = {"outcome": "approved", "rationale": "", "amount_2026": "30000", "amount_2027": "20000"}
    refused = client.post(url, data)
    assert refused.status_code == 200 and 'href="#id_conditions_note"' in refused.content.decode()
    at_so.refresh_from_db()
    assert at_so.status == PilotStatus.ON_ROUTE
    client.post(url, {**data, "conditions_note": "Kernteam volgt ze", "confirmed": "1"})
    at_so.refresh_from_db()
    assert at_so.status == PilotStatus.APPROVED


def test_the_body_hears_of_a_condition_marked_met_and_the_lead_of_its_confirmation(at_so, lead, secretaries, route):
    Notification.objects.all().delete()
    conditions.mark_met(first(at_so), lead, "Klaar")
    told = set(Notification.objects.filter(kind="conditions").values_list("user__username", flat=True))
    assert told == {secretaries["RBJ"].username}
    Notification.objects.all().delete()
    conditions.confirm(first(at_so), secretaries["RBJ"])
    told = set(Notification.objects.filter(kind="conditions").values_list("user__username", flat=True))
    assert lead.username in told and secretaries["RBJ"].username not in told


def test_the_lead_hears_of_the_conditions_with_the_advice(at_so, lead):
    mail = Notification.objects.filter(user=lead, title__icontains=at_so.title).order_by("pk").last()
    assert "Werf eerst tien gezinnen" in mail.body


def test_a_second_secretary_of_another_programme_cannot_confirm(at_so, lead, other_programme):
    stranger = secretary_of(f.GovernanceBodyFactory(programme=other_programme, name="RBJ"), "vreemd")
    conditions.mark_met(first(at_so), lead, "Klaar")
    with pytest.raises(Forbidden):
        conditions.confirm(first(at_so), stranger)


@pytest.mark.postgres
@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE pilots_conditionevent SET explanation = 'anders' WHERE id = %s",
        "DELETE FROM pilots_conditionevent WHERE id = %s",
    ],
)
def test_raw_sql_cannot_rewrite_a_conditions_history(at_so, statement):
    event = ConditionEvent.objects.first()
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(statement, [event.pk])
    assert ConditionEvent.objects.filter(pk=event.pk, explanation=event.explanation).exists()
