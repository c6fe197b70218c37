"""The pilot route of domain.md, act by act: who may act, in which state, and what each act leaves behind."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from finance import ledger
from finance.models import BudgetMovement
from governance.models import Advice, Decision, DecisionRoute
from pilots import services
from pilots.constants import PilotStatus
from pilots.models import Experiment, Gate, PilotEvent
from tests import factories as f


def refused(act, *args, **kwargs):
    with pytest.raises(services.ActRefused):
        act(*args, **kwargs)


def test_the_whole_route_releases_money_only_at_the_decision(pilot, lead, secretaries, programme):
    services.submit(pilot, lead)
    pilot.refresh_from_db()
    assert (pilot.status, pilot.step().body.name) == (PilotStatus.ON_ROUTE, "Kernteam")
    services.forward(pilot, secretaries["Kernteam"], note="Goed uitgewerkt")
    services.record_advice(pilot, secretaries["RBJ"], "positive", rationale="")
    pilot.refresh_from_db()
    assert pilot.step().body.name == "SO"
    assert not BudgetMovement.objects.exists()  # advice releases nothing
    services.decide(pilot, secretaries["SO"], "approved")
    pilot.refresh_from_db()
    assert pilot.status == PilotStatus.APPROVED and pilot.current_step is None
    assert ledger.subject_balance(programme, 2026, pilot.ledger_key)["released"] == Decimal("30000")
    assert ledger.subject_balance(programme, 2027, pilot.ledger_key)["released"] == Decimal("20000")
    kinds = list(pilot.events.values_list("kind", flat=True))
    assert kinds == ["submitted", "forwarded", "advised", "approved"]
    assert Decision.objects.get(subject_id=pilot.pk).body.name == "SO"
    assert Advice.objects.filter(subject_id=pilot.pk).count() == 2


def test_only_the_steps_body_acts_at_it(pilot, lead, secretaries, reader, route):
    plain_member = f.UserFactory(username="bea")
    f.BodyMembershipFactory(body=route["Kernteam"], person=f.PersonFactory(user=plain_member), role="member")
    services.submit(pilot, lead)
    for user in (lead, reader, secretaries["RBJ"], secretaries["SO"], plain_member):
        refused(services.forward, pilot, user)
    services.forward(pilot, secretaries["Kernteam"])
    refused(services.record_advice, pilot, secretaries["Kernteam"], "positive")
    refused(services.decide, pilot, secretaries["RBJ"], "approved")


def test_the_programme_manager_and_an_admin_may_act_on_behalf_of_a_body(pilot, lead, manager, admin_user):
    services.submit(pilot, lead)
    services.forward(pilot, manager)
    services.record_advice(pilot, admin_user, "conditional", rationale="Mits gemeten", conditions="Meetplan")
    pilot.refresh_from_db()
    assert pilot.step().act == "decide"


@pytest.mark.parametrize("field", ["goals", "efforts", "network"])
def test_submitting_with_an_empty_din_field_is_refused(pilot, lead, field):
    setattr(pilot, field, " ")
    pilot.save()
    refused(services.submit, pilot, lead)
    pilot.refresh_from_db()
    assert pilot.status == PilotStatus.DRAFT and not pilot.events.exists()


def test_a_lead_cannot_submit_another_workgroups_proposal(pilot, workgroup2, route):
    other_lead = f.UserFactory(username="olga")
    f.MembershipFactory(workgroup=workgroup2, person=f.PersonFactory(user=other_lead), role="lead")
    refused(services.submit, pilot, other_lead)


def test_a_rationale_is_required_for_negative_and_conditional_outcomes(pilot, lead, secretaries):
    services.submit(pilot, lead)
    services.forward(pilot, secretaries["Kernteam"])
    with pytest.raises(ValidationError):
        services.record_advice(pilot, secretaries["RBJ"], "negative", rationale="")
    services.record_advice(pilot, secretaries["RBJ"], "negative", rationale="Te duur")
    with pytest.raises(ValidationError):
        services.decide(pilot, secretaries["SO"], "rejected", rationale="")
    services.decide(pilot, secretaries["SO"], "rejected", rationale="Past niet in de begroting")
    pilot.refresh_from_db()
    assert pilot.status == PilotStatus.REJECTED and not BudgetMovement.objects.exists()


def test_approving_more_than_requested_is_refused(pilot, lead, secretaries):
    services.submit(pilot, lead)
    services.forward(pilot, secretaries["Kernteam"])
    services.record_advice(pilot, secretaries["RBJ"], "positive")
    refused(services.decide, pilot, secretaries["SO"], "approved", amounts={2026: "30000.01"})
    refused(services.decide, pilot, secretaries["SO"], "approved", amounts={2028: "100"})
    pilot.refresh_from_db()
    assert pilot.status == PilotStatus.ON_ROUTE and not BudgetMovement.objects.exists()
    assert not Decision.objects.exists()  # the refused decision left nothing behind


def test_approving_more_than_the_post_has_left_is_refused(pilot, lead, secretaries, programme, route):
    other = Decision.objects.create(
        programme=programme,
        body=route["SO"],
        outcome="approved",
        subject_title="Andere pilot",
        date=datetime.date(2026, 1, 5),
    )
    ledger.release(programme, 2026, "60000", "pilot-other", "Andere pilot", other, None)
    services.submit(pilot, lead)
    services.forward(pilot, secretaries["Kernteam"])
    services.record_advice(pilot, secretaries["RBJ"], "positive")
    with pytest.raises(ledger.LedgerError):
        services.decide(pilot, secretaries["SO"], "approved")
    pilot.refresh_from_db()
    assert pilot.status == PilotStatus.ON_ROUTE
    services.decide(pilot, secretaries["SO"], "approved", amounts={2026: "20000", 2027: "20000"})
    assert ledger.year_balance(programme, 2026).available == 0


def test_return_for_revision_and_resubmit_uses_a_new_submission(pilot, lead, secretaries):
    services.submit(pilot, lead)
    refused(services.return_for_revision, pilot, secretaries["Kernteam"], rationale="")
    services.return_for_revision(pilot, secretaries["Kernteam"], rationale="Meetplan ontbreekt")
    pilot.refresh_from_db()
    assert pilot.status == PilotStatus.DRAFT
    pilot.efforts = "2 fte, training, meetplan"
    pilot.save()
    services.submit(pilot, lead)
    pilot.refresh_from_db()
    assert pilot.submission == 2 and pilot.step().body.name == "Kernteam"
    versions = list(pilot.versions.values_list("data", flat=True))
    assert [v["efforts"] for v in versions] == ["2 fte, training", "2 fte, training, meetplan"]


def test_a_route_changed_later_does_not_strand_a_submitted_pilot(pilot, lead, secretaries, programme, route):
    services.submit(pilot, lead)
    DecisionRoute.objects.get(programme=programme).steps.filter(order=2).delete()
    services.forward(pilot, secretaries["Kernteam"])
    pilot.refresh_from_db()
    assert pilot.step().body.name == "RBJ"  # the route as it was at submission


@pytest.mark.parametrize("status_acts", ["draft", "on_route"])
def test_withdraw_before_approval_only(pilot, lead, secretaries, status_acts):
    if status_acts == "on_route":
        services.submit(pilot, lead)
    services.withdraw(pilot, lead, reason="Niet meer nodig")
    pilot.refresh_from_db()
    assert pilot.status == PilotStatus.WITHDRAWN
    refused(services.submit, pilot, lead)


def approved(pilot, lead, secretaries):
    services.submit(pilot, lead)
    services.forward(pilot, secretaries["Kernteam"])
    services.record_advice(pilot, secretaries["RBJ"], "positive")
    services.decide(pilot, secretaries["SO"], "approved")
    pilot.refresh_from_db()
    return pilot


def test_an_approved_pilot_cannot_be_withdrawn(pilot, lead, secretaries):
    approved(pilot, lead, secretaries)
    refused(services.withdraw, pilot, lead)


def test_a_stop_at_a_gate_returns_unspent_money(pilot, lead, secretaries, programme):
    approved(pilot, lead, secretaries)
    services.start(pilot, lead)
    services.record_spending(pilot, lead, 2026, "12000")
    gate = Gate.objects.create(pilot=pilot, planned_date=datetime.date(2026, 9, 1))
    refused(services.record_gate, gate, lead, "stop", rationale="Werkt niet")
    with pytest.raises(ValidationError):
        services.record_gate(gate, secretaries["SO"], "stop", rationale="")
    services.record_gate(gate, secretaries["SO"], "stop", rationale="Onvoldoende effect")
    pilot.refresh_from_db()
    assert pilot.status == PilotStatus.STOPPED
    assert ledger.subject_balance(programme, 2026, pilot.ledger_key) == {
        "released": Decimal("30000"),
        "net_released": Decimal("12000"),  # released minus returned: what every page calls "vrijgegeven"
        "spent": Decimal("12000"),
        "returned": Decimal("18000"),
        "unspent": 0,
    }
    assert ledger.subject_balance(programme, 2027, pilot.ledger_key)["returned"] == Decimal("20000")
    refused(services.record_gate, gate, secretaries["SO"], "continue")


def test_adjust_keeps_running_with_a_new_version_and_a_final_continue_completes(pilot, lead, secretaries):
    approved(pilot, lead, secretaries)
    services.start(pilot, lead)
    interim = Gate.objects.create(pilot=pilot, planned_date=datetime.date(2026, 9, 1))
    final = Gate.objects.create(pilot=pilot, planned_date=datetime.date(2027, 12, 1), is_final=True)
    services.record_gate(interim, secretaries["SO"], "adjust", rationale="Doelgroep verbreden")
    pilot.refresh_from_db()
    assert pilot.status == PilotStatus.RUNNING and pilot.versions.count() == 2
    services.record_gate(final, secretaries["SO"], "continue")
    pilot.refresh_from_db()
    assert pilot.status == PilotStatus.COMPLETED
    assert pilot.events.filter(kind="completed").exists()


def test_a_gate_on_a_pilot_that_is_not_running_is_refused(pilot, lead, secretaries):
    gate = Gate.objects.create(pilot=pilot, planned_date=datetime.date(2026, 9, 1))
    refused(services.record_gate, gate, secretaries["SO"], "continue")
    approved(pilot, lead, secretaries)
    refused(services.record_gate, gate, secretaries["SO"], "continue")  # approved, not yet started


def test_an_experiment_is_promoted_once_and_keeps_the_link(programme, workgroup1, lead):
    experiment = Experiment.objects.create(
        workgroup=workgroup1,
        title="Steunouders",
        problem="Overbelaste gezinnen",
        hypothesis="Steunouders voorkomen uithuisplaatsing",
        test_setup="Tien gezinnen",
        lessons="Matching kost tijd",
    )
    pilot = services.promote(experiment, lead)
    assert (pilot.experiment, experiment.pilot, pilot.status) == (experiment, pilot, PilotStatus.DRAFT)
    assert pilot.goals == "Aanleiding: Overbelaste gezinnen\n\nSteunouders voorkomen uithuisplaatsing"
    assert pilot.approach == "Tien gezinnen\n\nLeerpunten uit het experiment: Matching kost tijd"
    refused(services.promote, experiment, lead)


def test_history_rows_are_append_only(pilot, lead):
    services.submit(pilot, lead)
    event = PilotEvent.objects.get()
    with pytest.raises(PermissionError):
        event.delete()
    with pytest.raises(PermissionError):
        PilotEvent.objects.update(note="x")


def test_each_act_is_mailed_to_the_body_the_pilot_reached_then_even_when_sent_later(
    pilot, lead, secretaries, django_capture_on_commit_callbacks, mailoutbox
):
    """The worker may send after the next act already happened (or, in load_demo, after the whole route):
    the submission still goes to the kernteam, the forward to the RBJ."""
    for name, body in (("Kernteam", "kernteam"), ("RBJ", "rbj"), ("SO", "so")):
        secretaries[name].person.email = f"secretaris-{body}@example.org"
        secretaries[name].person.save()
    with django_capture_on_commit_callbacks(execute=True):
        services.submit(pilot, lead)
        services.forward(pilot, secretaries["Kernteam"], note="Goed uitgewerkt")
    sent = {(message.to[0], message.subject.split(": ")[-1]) for message in mailoutbox}
    assert sent == {
        ("secretaris-kernteam@example.org", "Ingediend"),
        ("secretaris-rbj@example.org", "Beoordeeld en doorgezet"),
        ("lars@example.org", "Beoordeeld en doorgezet"),  # the proposer is told of every outcome
    }
