"""The only way a pilot changes state. One function per act, called by views, admin actions and tasks alike.

Each act locks the pilot row, checks who may act, enforces the rules of domain.md, writes an
append-only PilotEvent (and the governance Advice or Decision), and queues notifications after commit.
"""

import functools
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.forms.models import model_to_dict
from django.utils import timezone
from django.utils.translation import gettext as _

from core.amounts import parse_euro
from core.refusals import Forbidden, Refused, allow, require
from core.templatetags.money import euro
from finance import ledger
from finance.models import BudgetLine
from governance.constants import (
    DECIDING_ACTS,
    AdviceOutcome,
    DecisionOutcome,
    MunicipalOrgan,
    MunicipalOutcome,
    StepAct,
)
from governance.models import Advice, Decision, DecisionRoute, MunicipalDecision
from governance.municipal import FAILED, MET, OPEN, can_ever_be_met

from . import agenda, assessment, conditions, municipal, tasks
from .constants import WITHDRAWABLE, EventKind, GateOutcome, PilotStatus
from .models import Experiment, Gate, Pilot, PilotEvent, PilotStep, PilotVersion
from .notifications import recipients
from .rules import records_for

REQUIRED_FIELDS = {
    "goals": _("Goals (Doelen)"),
    "efforts": _("Efforts (Inspanningen)"),
    "network": _("Network (Netwerk)"),
}


class ActRefused(Refused):
    """An act that is not allowed now, or with this input. The message is for the user."""


class ActForbidden(ActRefused, Forbidden):
    """An act this user may not do on this pilot: the web answers 403 with the message."""


_require = functools.partial(require, refusal=ActRefused)
_allow = functools.partial(allow, refusal=ActForbidden)


def _lock(pilot):
    # Only the pilot's row is locked: its workgroup is empty for a programme document, and PostgreSQL locks no
    # row on the nullable side of an outer join.
    pilot = Pilot.objects.select_for_update(of=("self",)).select_related("programme", "workgroup").get(pk=pilot.pk)
    # An act changes only the state (status, step), which the proposal's edit history leaves out: the act's
    # readable record is its PilotEvent, not an empty "changed" row in that history (web and admin alike).
    pilot.skip_history_when_saving = True
    return pilot


def _event(
    pilot,
    kind,
    user,
    via,
    note="",
    step=None,
    advice=None,
    decision=None,
    joint_assessment=None,
    municipal_decision=None,
):
    event = PilotEvent.objects.create(
        pilot=pilot,
        kind=kind,
        actor=user if user and user.is_authenticated else None,
        via=via,
        note=note,
        step_order=step.order if step else None,
        body=step.body if step else None,
        advice=advice,
        decision=decision,
        assessment=joint_assessment,
        municipal_decision=municipal_decision,
    )
    # Who to tell is decided now, where the pilot stands after this act, not when the worker gets to it.
    to = recipients(event)
    transaction.on_commit(lambda: tasks.notify_event.delay(event.pk, to))
    return event


def _freeze(pilot, user, reason):
    data = model_to_dict(pilot, exclude=["id", "parties", "action_lines", "experiment"])
    data = {key: (value.isoformat() if isinstance(value, date) else value) for key, value in data.items()}
    data["action_lines"] = [str(line) for line in pilot.action_lines.all()]
    data["parties"] = [str(party) for party in pilot.parties.all()]
    data["budget"] = {str(r.year): str(r.amount) for r in pilot.budget_requests.all()}
    number = pilot.versions.count() + 1
    return PilotVersion.objects.create(pilot=pilot, number=number, reason=reason, data=data, created_by=user)


def _current_step(pilot):
    step = pilot.step()
    _require(
        pilot.status == PilotStatus.ON_ROUTE and step is not None,
        _("This proposal is not waiting at a step of the route."),
    )
    return step


def _may_act_at(user, step):
    _allow(
        records_for(user, step.body),
        _("Only %(body)s (its chair or secretary), the programme manager or an administrator can act at this step.")
        % {"body": step.body},
    )


def _advance(pilot):
    steps = pilot.steps_now()
    pilot.current_step = min((s.order for s in steps if s.order > pilot.current_step), default=None)


def _record_decision(pilot, body, user, outcome, rationale, step_order=None, meeting=None, date=None):
    decision = Decision(
        meeting=meeting,
        programme=pilot.programme,
        body=body,
        outcome=outcome,
        rationale=rationale or "",
        subject=pilot,
        subject_title=pilot.title,
        action_line=pilot.action_lines.first(),
        date=date or timezone.localdate(),
        recorded_by=user,
        step_order=step_order,
    )
    decision.full_clean()
    decision.save()
    return decision


def _may_not_write(pilot):
    if pilot.is_programme_document:
        return _("Only the programme manager submits or withdraws a programme document.")
    return _("You may not submit proposals of this workgroup.")


def pilot_budget_years(programme):
    """The years the programme's pilot post has money for: the only years a proposal may request money for."""
    lines = BudgetLine.objects.filter(post__programme=programme, post__holds_pilot_money=True)
    return sorted(set(lines.values_list("year", flat=True)))


@transaction.atomic
def submit(pilot, user, via="web"):
    pilot = _lock(pilot)
    _allow(user.has_perm("pilots.change_pilot", pilot), _may_not_write(pilot))
    _require(pilot.status == PilotStatus.DRAFT, _("Only a draft can be submitted."))
    if pilot.is_programme_document:
        # The programme's own document: a summary says what the body decides on; money is asked for or not.
        _require(pilot.summary.strip(), _("Write the summary before submitting: what the body is asked to decide."))
    else:
        empty = [str(label) for field, label in REQUIRED_FIELDS.items() if not getattr(pilot, field).strip()]
        _require(not empty, _("Fill in the DIN format before submitting: %(fields)s.") % {"fields": ", ".join(empty)})
        _require(pilot.budget_requests.exists(), _("Request a budget for at least one year before submitting."))
    budget_years = pilot_budget_years(pilot.programme)
    outside = sorted(set(pilot.budget_requests.values_list("year", flat=True)) - set(budget_years))
    _require(
        not outside,
        _("Money can be requested only for the programme's budget years (%(years)s), not for %(outside)s.")
        % {
            "years": ", ".join(map(str, budget_years)) or "-",
            "outside": ", ".join(map(str, outside)),
        },
    )
    route = DecisionRoute.objects.filter(programme=pilot.programme, is_default=True).first()
    _require(route is not None and route.steps.exists(), _("The programme has no decision route yet."))
    steps = list(route.steps.select_related("body"))
    for step in steps:
        _require(
            step.act != StepAct.MUNICIPALITIES or can_ever_be_met(step.rule, municipal.participants(pilot.programme)),
            _(
                "The municipalities cannot decide on this proposal: %(collaboration)s has no participating "
                "municipalities (with inhabitants, where they weigh)."
            )
            % {"collaboration": pilot.programme.collaboration},
        )
    pilot.submission += 1
    for step in steps:
        PilotStep.objects.create(
            pilot=pilot,
            submission=pilot.submission,
            order=step.order,
            body=step.body,
            act=step.act,
            organ=step.organ,
            rule=step.rule,
            only_agreeing=step.only_agreeing,
        )
    pilot.status = PilotStatus.ON_ROUTE
    pilot.current_step = min(route.steps.values_list("order", flat=True))
    pilot.save(update_fields=["status", "current_step", "submission"])
    _freeze(pilot, user, _("Submitted"))
    _event(pilot, EventKind.SUBMITTED, user, via, step=pilot.step())
    agenda.schedule(pilot)
    return pilot


@transaction.atomic
def withdraw(pilot, user, reason="", via="web"):
    pilot = _lock(pilot)
    _allow(
        user.has_perm("pilots.change_pilot", pilot),
        _may_not_write(pilot) if pilot.is_programme_document else _("You may not withdraw this proposal."),
    )
    _require(pilot.status in WITHDRAWABLE, _("A proposal can be withdrawn only before it is approved."))
    _require((reason or "").strip(), _("Say why the proposal is withdrawn: a reason is required."))
    if pilot.step() is not None:
        agenda.unschedule(pilot, pilot.step().body)
    pilot.status, pilot.current_step = PilotStatus.WITHDRAWN, None
    pilot.save(update_fields=["status", "current_step"])
    _event(pilot, EventKind.WITHDRAWN, user, via, note=reason)
    return pilot


@transaction.atomic
def return_for_revision(pilot, user, rationale, via="web", meeting=None):
    pilot = _lock(pilot)
    step = _current_step(pilot)
    _may_act_at(user, step)
    _require(rationale.strip(), _("Say why the proposal goes back: a rationale is required."))
    joint = assessment.joint_assessment(pilot, step) if step.act == StepAct.ASSESS else None
    decision = _record_decision(pilot, step.body, user, DecisionOutcome.RETURNED, rationale, step.order, meeting)
    pilot.status, pilot.current_step = PilotStatus.DRAFT, None
    pilot.save(update_fields=["status", "current_step"])
    _event(pilot, EventKind.RETURNED, user, via, note=rationale, step=step, decision=decision, joint_assessment=joint)
    agenda.unschedule(pilot, step.body, keep_meeting=meeting)
    return pilot


def _advise_and_move_on(pilot, step, user, outcome, rationale, conditions_text, kind, via, meeting, joint=None):
    """Records the body's advice (or assessment) at its step and sends the proposal to the next step.

    A conditional advice's conditions become separate items on the pilot, followed until met (pilots.conditions).
    """
    advice = Advice(
        meeting=meeting,
        programme=pilot.programme,
        body=step.body,
        outcome=outcome,
        rationale=rationale,
        conditions=conditions_text,
        subject=pilot,
        subject_title=pilot.title,
        date=timezone.localdate(),
        recorded_by=user,
        step_order=step.order,
    )
    advice.full_clean()
    advice.save()
    if outcome == AdviceOutcome.CONDITIONAL:
        conditions.create_from_advice(pilot, advice, user, via)
    _advance(pilot)
    pilot.save(update_fields=["current_step"])
    _event(pilot, kind, user, via, note=rationale, step=step, advice=advice, joint_assessment=joint)
    agenda.unschedule(pilot, step.body, keep_meeting=meeting)
    agenda.schedule(pilot)
    return pilot


@transaction.atomic
def forward(pilot, user, note="", via="web", meeting=None):
    """An assessing body (e.g. the kernteam) has assessed the proposal and sends it on."""
    pilot = _lock(pilot)
    step = _current_step(pilot)
    _may_act_at(user, step)
    _require(step.act == StepAct.ASSESS, _("%(body)s does not assess at this step.") % {"body": step.body})
    joint = assessment.joint_assessment(pilot, step)
    return _advise_and_move_on(
        pilot, step, user, AdviceOutcome.POSITIVE, note, "", EventKind.FORWARDED, via, meeting, joint
    )


@transaction.atomic
def record_advice(pilot, user, outcome, rationale="", conditions="", via="web", meeting=None):
    pilot = _lock(pilot)
    step = _current_step(pilot)
    _may_act_at(user, step)
    _require(step.act == StepAct.ADVISE, _("%(body)s does not advise at this step.") % {"body": step.body})
    return _advise_and_move_on(pilot, step, user, outcome, rationale, conditions, EventKind.ADVISED, via, meeting)


@transaction.atomic
def decide(pilot, user, outcome, rationale="", amounts=None, via="web", meeting=None, conditions_note=""):
    """The deciding body approves (releasing budget), rejects, or returns the proposal.

    Approving while conditions of an advice are still open needs `conditions_note`: how they are dealt with.
    """
    pilot = _lock(pilot)
    step = _current_step(pilot)
    _may_act_at(user, step)
    _require(step.act == StepAct.DECIDE, _("%(body)s does not decide at this step.") % {"body": step.body})
    _require(
        outcome in (DecisionOutcome.APPROVED, DecisionOutcome.REJECTED, DecisionOutcome.RETURNED),
        _("A proposal is approved, rejected or returned."),
    )
    if outcome == DecisionOutcome.RETURNED:
        decision = _record_decision(pilot, step.body, user, outcome, rationale, step.order, meeting)
        pilot.status, pilot.current_step = PilotStatus.DRAFT, None
        pilot.save(update_fields=["status", "current_step"])
        _event(pilot, EventKind.RETURNED, user, via, note=rationale, step=step, decision=decision)
        agenda.unschedule(pilot, step.body, keep_meeting=meeting)
        return pilot
    return _conclude(pilot, step, user, outcome, rationale, via, amounts, meeting, conditions_note)


def _conclude(pilot, step, user, outcome, rationale, via, amounts, meeting=None, conditions_note="", date=None):
    """Ends the route at its deciding step: approved releases `amounts`, rejected releases nothing.

    The one path by which a route's decision is recorded and money released, whether a body decides (`decide`) or
    the participating municipalities together (`record_municipal_decision`). `amounts` as `decide` reads them
    (None: what was requested).
    """
    if outcome == DecisionOutcome.APPROVED:
        conditions.address_at_decision(pilot, None, user, conditions_note, via)
    decision = _record_decision(pilot, step.body, user, outcome, rationale, step.order, meeting, date=date)
    if outcome == DecisionOutcome.REJECTED:
        pilot.status, pilot.current_step = PilotStatus.REJECTED, None
        pilot.save(update_fields=["status", "current_step"])
        _event(pilot, EventKind.REJECTED, user, via, note=rationale, step=step, decision=decision)
        agenda.unschedule(pilot, step.body, keep_meeting=meeting)
        return pilot
    requested = {r.year: r.amount for r in pilot.budget_requests.all()}
    amounts = dict(requested) if amounts is None else _stated_amounts(amounts, requested)
    for year, amount in amounts.items():
        _require(year in requested, _("No budget was requested for %(year)s.") % {"year": year})
        _require(
            amount <= requested[year],
            _("%(amount)s is more than the %(requested)s requested for %(year)s.")
            % {"amount": euro(amount), "requested": euro(requested[year]), "year": year},
        )
    for year, amount in sorted(amounts.items()):
        ledger.release(pilot.programme, year, amount, pilot.ledger_key, pilot.title, decision, user)
    conditions.address_at_decision(pilot, decision, user, conditions_note, via)
    pilot.status, pilot.current_step = PilotStatus.APPROVED, None
    pilot.save(update_fields=["status", "current_step"])
    released = ", ".join(f"{year}: {euro(amount)}" for year, amount in sorted(amounts.items()))
    _event(pilot, EventKind.APPROVED, user, via, note=released, step=step, decision=decision)
    agenda.unschedule(pilot, step.body, keep_meeting=meeting)
    return pilot


def _stated_amounts(amounts, requested):
    """An approval states the amount for every requested year (0 where nothing is released) and releases money.

    `amounts=None` (the admin action, a meeting's outcome) releases exactly what was requested; a partial dict,
    a missing year or an approval of € 0 is refused rather than read as "nothing".
    """
    stated = {}
    for year, amount in amounts.items():
        if amount in (None, ""):
            continue
        try:
            stated[int(year)] = parse_euro(amount)
        except (TypeError, ValueError):
            raise ActRefused(_("Choose a year.")) from None
    missing = [str(year) for year in sorted(requested) if year not in stated]
    _require(
        not missing,
        _("State the amount released for %(years)s (0 if nothing is released that year).")
        % {"years": ", ".join(missing)},
    )
    _require(
        not requested or any(stated.values()),
        _("An approval releases money: state an amount for at least one year, or reject or return the proposal."),
    )
    return {year: amount for year, amount in stated.items() if amount}


@transaction.atomic
def record_municipal_decision(
    pilot, user, municipality, outcome, decided_on, organ, rationale="", document=None, via="web"
):
    """Records one participating municipality's decision (its college or council) at a step where the
    municipalities decide, and ends the step once its rule is met (approved) or can no longer be met (rejected).

    The step ends through the same path as a body's decision (`_conclude`): the route's Decision, with a rationale
    listing who agreed and who declined, and money released only on approval. Where the step says money goes only to
    the municipalities that agreed, the amount released per year is the requested amount split over all
    participants by the programme's cost key, to the whole euro (finance.split: rounded down, the euros left to the
    largest remainders), and of that split the shares of the municipalities that agreed added up; never more than
    was requested. Otherwise what was requested is released.
    """
    pilot = _lock(pilot)
    step = _current_step(pilot)
    _require(
        step.act == StepAct.MUNICIPALITIES,
        _("The municipalities do not decide at this step: %(body)s %(act)s.")
        % {"body": step.body, "act": step.get_act_display()},
    )
    record = MunicipalDecision(
        programme=pilot.programme,
        body=step.body,
        subject=pilot,
        subject_title=pilot.title,
        step_order=step.order,
        submission=step.submission,
        municipality=municipality,
        outcome=outcome,
        decided_on=decided_on,
        organ=organ,
        rationale=(rationale or "").strip(),
        recorded_by=user if user and user.is_authenticated else None,
    )
    _allow(
        user.has_perm("governance.record_municipal_decision", record),
        _(
            "Only a person of %(municipality)s seated in the programme or in %(body)s, the programme manager or the "
            "secretary of %(body)s can record the decision of %(municipality)s."
        )
        % {"municipality": municipality, "body": step.body},
    )
    participants = municipal.participants(pilot.programme)
    _require(
        municipality in participants,
        _("%(municipality)s does not take part in %(collaboration)s: only its participating municipalities decide.")
        % {"municipality": municipality, "collaboration": pilot.programme.collaboration},
    )
    _require(outcome in MunicipalOutcome.values, _("Choose whether the municipality agreed or declined."))
    _require(organ in MunicipalOrgan.values, _("Choose whether the college or the council decided."))
    decisions = list(municipal.decisions_at(pilot, step))
    earlier = next((d for d in decisions if d.municipality_id == municipality.pk), None)
    if earlier is not None:
        raise ActRefused(municipal.already_decided(earlier))
    if document:
        record.document = document
    try:
        record.full_clean()
        with transaction.atomic():
            record.save()
    except IntegrityError:  # decided at the same moment by someone else, where the row lock does not hold
        raise ActRefused(municipal.already_decided(record)) from None
    except ValidationError as error:
        raise ActRefused(error.messages) from None
    kind = EventKind.MUNICIPALITY_DECIDED
    _event(pilot, kind, user, via, note=record.rationale, step=step, municipal_decision=record)
    decisions.append(record)
    result = municipal.tally(step.rule, participants, {d.municipality_id: d.outcome for d in decisions})
    if result.state == OPEN:
        return pilot
    counted = [d for d in decisions if d.municipality in participants]
    date = max(d.decided_on for d in counted)
    summary = result.summary()
    if result.state == FAILED:
        return _conclude(pilot, step, user, DecisionOutcome.REJECTED, summary, via, None, date=date)
    assert result.state == MET
    amounts = None
    if step.only_agreeing:
        amounts, problems = municipal.agreeing_amounts(pilot, result.agreed)
        _require(amounts is not None, " ".join(problems))
    return _conclude(
        pilot, step, user, DecisionOutcome.APPROVED, summary, via, amounts, conditions_note=summary, date=date
    )


@transaction.atomic
def start(pilot, user, via="web"):
    pilot = _lock(pilot)
    _allow(user.has_perm("pilots.change_pilot", pilot), _("You may not start this pilot."))
    _require(pilot.status == PilotStatus.APPROVED, _("Only an approved pilot can start."))
    _require(
        not pilot.is_programme_document or pilot.budget_requests.exists(),
        _("A programme document without money is done once it is decided: there is nothing to start."),
    )
    pilot.status = PilotStatus.RUNNING
    pilot.save(update_fields=["status"])
    _event(pilot, EventKind.STARTED, user, via)
    return pilot


def _return_all_unspent(pilot, user, decision):
    for year in sorted(pilot.budget_requests.values_list("year", flat=True)):
        ledger.return_unspent(pilot.programme, year, pilot.ledger_key, pilot.title, user, decision=decision)


def deciding_body(pilot):
    """The body of the route's deciding step; where the municipalities decide, the body that follows them."""
    steps = pilot.steps_now()
    return next((s.body for s in steps if s.act in DECIDING_ACTS), None)


@transaction.atomic
def record_gate(gate, user, outcome, rationale="", via="web"):
    """Continue, adjust (a revised plan: a new version) or stop (unspent money returns) at a go/no-go moment."""
    gate = Gate.objects.select_for_update().get(pk=gate.pk)
    pilot = _lock(gate.pilot)
    body = gate.body or deciding_body(pilot)
    _allow(
        records_for(user, body),
        _("Only %(body)s, the programme manager or an administrator decides this go/no-go moment.") % {"body": body},
    )
    _require(pilot.status == PilotStatus.RUNNING, _("Only a running pilot meets a go/no-go moment."))
    _require(not gate.outcome, _("This go/no-go moment has already been decided."))
    _require(outcome in GateOutcome.values, _("Choose continue, adjust or stop."))
    decision = _record_decision(pilot, body, user, outcome, rationale)
    gate.outcome, gate.decision = outcome, decision
    gate.save(update_fields=["outcome", "decision"])
    _event(
        pilot,
        EventKind.GATE,
        user,
        via,
        note=f"{GateOutcome(outcome).label}: {rationale}".strip(": "),
        decision=decision,
    )
    if outcome == GateOutcome.STOP:
        _return_all_unspent(pilot, user, decision)
        pilot.status = PilotStatus.STOPPED
        pilot.save(update_fields=["status"])
        _event(pilot, EventKind.STOPPED, user, via, decision=decision)
    elif outcome == GateOutcome.ADJUST:
        _freeze(pilot, user, _("Adjusted at a go/no-go moment"))
    elif gate.is_final:
        _return_all_unspent(pilot, user, decision)
        pilot.status = PilotStatus.COMPLETED
        pilot.save(update_fields=["status"])
        _event(pilot, EventKind.COMPLETED, user, via, decision=decision)
    return pilot


@transaction.atomic
def record_spending(pilot, user, year, amount, note=""):
    pilot = _lock(pilot)
    _allow(user.has_perm("pilots.change_pilot", pilot), _("You may not record spending for this pilot."))
    _require(pilot.status == PilotStatus.RUNNING, _("Spending is recorded against a running pilot."))
    try:
        year = int(year)
    except (TypeError, ValueError):
        raise ActRefused(_("Choose a year.")) from None
    return ledger.spend(pilot.programme, year, amount, pilot.ledger_key, pilot.title, user, note=note)


def promotion_fields(experiment):
    """How an experiment's write-up reads as a DIN proposal, the way a lead would copy it over.

    The problem is the context of the goals, the hypothesis what the pilot wants to achieve; the test set-up,
    what came out and the lessons learned (still called lessons) inform the approach. The lead sees and
    corrects this before the draft is made.
    """

    def paragraphs(*parts):
        return "\n\n".join(part for part in parts if part)

    def labelled(label, text):
        text = (text or "").strip()
        return f"{label}: {text}" if text else ""

    title = experiment.title
    if Pilot.objects.filter(programme=experiment.programme, title=title).exists():
        title = f"{title} (pilot)"
    return {
        "title": title,
        "goals": paragraphs(labelled(_("Context"), experiment.problem), experiment.hypothesis.strip()),
        "objective": "",
        "approach": paragraphs(
            experiment.test_setup.strip(),
            labelled(_("Outcome of the experiment"), experiment.outcome),
            labelled(_("Lessons learned from the experiment"), experiment.lessons),
        ),
        "intended_effects": "",
    }


PROMOTION_FIELDS = ("title", "goals", "objective", "approach", "intended_effects")


@transaction.atomic
def promote(experiment, user, fields=None):
    """Turns an experiment into a draft pilot, pre-filled, keeping the link both ways. Once.

    `fields` are the texts as the lead corrected them on the confirmation page; without them the mapping of
    promotion_fields is used as it is.
    """
    experiment = Experiment.objects.select_for_update().select_related("workgroup__programme").get(pk=experiment.pk)
    _allow(
        user.has_perm(
            "pilots.change_pilot", Pilot(workgroup=experiment.workgroup, programme=experiment.workgroup.programme)
        ),
        _("You may not promote experiments of this workgroup."),
    )
    _require(
        not Pilot.objects.filter(experiment=experiment).exists(),
        _("This experiment has already been promoted to a pilot."),
    )
    values = promotion_fields(experiment)
    values.update({key: value for key, value in (fields or {}).items() if key in PROMOTION_FIELDS})
    _require(values["title"].strip(), _("Give the pilot a title."))
    _require(
        not Pilot.objects.filter(programme=experiment.programme, title=values["title"]).exists(),
        _("The programme already has a pilot with this title: choose another one."),
    )
    pilot = Pilot.objects.create(
        programme=experiment.programme, workgroup=experiment.workgroup, experiment=experiment, **values
    )
    pilot.action_lines.set(experiment.workgroup.action_lines.all())
    return pilot


def money_per_year(pilot):
    """Requested, released, spent and returned per year, for the pilot page."""
    requested = {r.year: r.amount for r in pilot.budget_requests.all()}
    balances = ledger.subject_balances(pilot.programme, sorted(requested), pilot.ledger_key)
    return [{"year": year, "requested": requested[year], **balances[year]} for year in sorted(requested)]


ZERO = Decimal("0")
