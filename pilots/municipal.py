"""The participating municipalities' decisions on a proposal (seed 004): who takes part, what each decided, how far
the step's rule is, and the agreeing municipalities' share of the money.

Only reads. The act that records a decision and ends the step is pilots.services.record_municipal_decision; the rule
itself is governance.municipal.
"""

from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext as _

from finance.split import participants as split_participants
from finance.split import split_amount, weights
from governance.constants import StepAct
from governance.models import MunicipalDecision
from governance.municipal import tally
from programmes.models import Participation

from .constants import PilotStatus
from .models import Pilot


def participants(programme):
    """The municipalities that take part in the programme's collaboration, by name (as the cost split has them)."""
    return split_participants(programme.collaboration)


def decisions_at(pilot, step):
    """The municipalities' decisions at this step of the pilot's route, in this submission round."""
    return MunicipalDecision.objects.filter(
        subject_type=ContentType.objects.get_for_model(Pilot),
        subject_id=pilot.pk,
        step_order=step.order,
        submission=step.submission,
    ).select_related("municipality", "recorded_by")


def already_decided(decision):
    return _(
        "%(municipality)s has already decided on this proposal at this step. A recorded decision cannot be changed."
    ) % {"municipality": decision.municipality}


def agreeing_amounts(pilot, agreed):
    """({year: amount}, []) or (None, [why not]): per requested year, the agreeing municipalities' shares of the
    requested amount.

    The requested amount is split over all participants by the programme's cost key, to the whole euro
    (finance.split.split_amount: what the budget page's split does), and the shares of those that agreed are added
    up; never more than was requested.
    """
    _key, weighted, problems = weights(pilot.programme)
    if weighted is None:
        return None, problems  # the cost split cannot be made now: the service refuses with these reasons
    agreed_ids = {municipality.pk for municipality in agreed}
    amounts = {}
    for request in pilot.budget_requests.all():
        shares = split_amount(request.amount, weighted)
        share = sum((amount for municipality, amount in shares if municipality.pk in agreed_ids), Decimal(0))
        amounts[request.year] = min(share, request.amount)
    return amounts, []


def section(pilot, user, steps):
    """The "Besluitvorming gemeenten" section of the proposal page: for the step where the municipalities decide,
    every participant with its decision or none yet, the rule and how far it is, and the municipalities this user
    may record a decision for. None when the route has no such step. A fixed number of queries."""
    step = next((s for s in steps if s.act == StepAct.MUNICIPALITIES), None)
    if step is None:
        return None
    municipalities = participants(pilot.programme)
    decisions = {d.municipality_id: d for d in decisions_at(pilot, step)}
    result = tally(step.rule, municipalities, {pk: d.outcome for pk, d in decisions.items()})
    rows = [{"municipality": m, "decision": decisions.get(m.pk)} for m in municipalities]
    taking_part = {m.pk for m in municipalities}
    former = [d for pk, d in decisions.items() if pk not in taking_part]
    at_step = pilot.status == PilotStatus.ON_ROUTE and pilot.current_step == step.order
    may_record = []
    if at_step:
        for municipality in result.pending:
            probe = MunicipalDecision(programme=pilot.programme, body=step.body, municipality=municipality)
            if user.has_perm("governance.record_municipal_decision", probe):
                may_record.append(municipality)
    return {
        "step": step,
        "rows": rows,
        "former": former,
        "tally": result,
        "open": at_step,
        "may_record": may_record,
    }


def waiting_for_municipalities(pilots):
    """Mijn werk: per pilot at a step where the municipalities decide, how many participants have decided and how
    many are still to decide (`pilot.participant_count`, `pilot.still_to_decide`). Three queries, whatever the
    number of pilots or municipalities."""
    pilots = list(pilots)
    if not pilots:
        return pilots
    taking_part = {}
    for collaboration_id, municipality_id in Participation.objects.filter(
        collaboration__in={p.programme.collaboration_id for p in pilots}
    ).values_list("collaboration", "municipality"):
        taking_part.setdefault(collaboration_id, set()).add(municipality_id)
    decided = {}
    for subject_id, order, submission, municipality_id in MunicipalDecision.objects.filter(
        subject_type=ContentType.objects.get_for_model(Pilot), subject_id__in=[p.pk for p in pilots]
    ).values_list("subject_id", "step_order", "submission", "municipality"):
        decided.setdefault((subject_id, order, submission), set()).add(municipality_id)
    for pilot in pilots:
        participants_ = taking_part.get(pilot.programme.collaboration_id, set())
        done = decided.get((pilot.pk, pilot.current_step, pilot.submission), set()) & participants_
        pilot.participant_count = len(participants_)
        pilot.still_to_decide = len(participants_) - len(done)
    return pilots
