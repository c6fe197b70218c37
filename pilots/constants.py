from django.db import models
from django.utils.translation import gettext_lazy as _


class ExperimentStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    RUNNING = "running", _("Running")
    FINISHED = "finished", _("Finished")


class PilotKind(models.TextChoices):
    PILOT = "pilot", _("Pilot")
    NEW_INITIATIVE = "new_initiative", _("New initiative")
    PROGRAMME_DOCUMENT = "programme_document", _("Programme document")


# What a workgroup writes (in the DIN format); a programme document is the programme's own, written by its manager.
WORKGROUP_KINDS = (PilotKind.PILOT, PilotKind.NEW_INITIATIVE)


class DocumentType(models.TextChoices):
    """What a programme document is (seed 003: the regional vision on its way to the portefeuillehoudersoverleg)."""

    REGIONAL_VISION = "regional_vision", _("Regional vision")
    PLAN_OF_APPROACH = "plan_of_approach", _("Plan of approach")
    BUDGET_AMENDMENT = "budget_amendment", _("Budget amendment")
    REPORT_ADOPTION = "report_adoption", _("Adoption of the programme report")
    OTHER = "other", _("Other")


class PilotStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    ON_ROUTE = "on_route", _("On the decision route")
    APPROVED = "approved", _("Approved")
    RUNNING = "running", _("Running")
    STOPPED = "stopped", _("Stopped")
    COMPLETED = "completed", _("Completed (embedded)")
    REJECTED = "rejected", _("Rejected")
    WITHDRAWN = "withdrawn", _("Withdrawn")


# A pilot can be withdrawn until the deciding body has approved it.
WITHDRAWABLE = {PilotStatus.DRAFT, PilotStatus.ON_ROUTE}


class EventKind(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    RETURNED = "returned", _("Returned for revision")
    FORWARDED = "forwarded", _("Assessed and forwarded")
    ADVISED = "advised", _("Advice recorded")
    MUNICIPALITY_DECIDED = "municipality", _("Decision of a municipality recorded")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")
    STARTED = "started", _("Started")
    GATE = "gate", _("Go/no-go decided")
    COMPLETED = "completed", _("Completed")
    STOPPED = "stopped", _("Stopped")


class GateOutcome(models.TextChoices):
    CONTINUE = "continue", _("Continue")
    ADJUST = "adjust", _("Adjust")
    STOP = "stop", _("Stop")


class PilotRoleKind(models.TextChoices):
    LEADS = "leads", _("Leads")
    DECIDES = "decides", _("Decides")
    ADVISES = "advises", _("Advises")
    INFORMED = "informed", _("Kept informed")


class PilotReminder(models.TextChoices):
    """The reminders pilots send (registered with reminders in PilotsConfig.ready)."""

    GATE_DUE = "gate_due", _("Go/no-go moment coming up")
    GATE_OVERDUE = "gate_overdue", _("Go/no-go moment overdue")
    PILOT_WAITING = "pilot_waiting", _("Proposal waiting at your body")
    MUNICIPALITY_TO_DECIDE = "municipal_waiting", _("Proposal waiting for your municipality's decision")


class PilotNotification(models.TextChoices):
    """What a pilot's acts tell people; the rank says which kind decides for someone concerned in several ways."""

    OWN_PROPOSAL = "own_proposal", _("Outcomes of my proposals")
    MY_BODY = "my_body", _("Proposals that reach my body, with the advice so far")
    INFORMED = "informed", _("Pilots I am kept informed of (RACI)")
    CONDITIONS = "conditions", _("Conditions of advice: set, marked as met, confirmed or reopened")


class ConditionState(models.TextChoices):
    """Where a condition of a conditional advice stands; it is followed until met or dropped."""

    OPEN = "open", _("Open")
    CLAIMED = "claimed", _("Met according to the lead, awaiting confirmation")
    MET = "met", _("Met")
    DROPPED = "dropped", _("Dropped")


# Conditions still to be followed: the deciding body sees these, the lead and the body act on them.
UNSETTLED = (ConditionState.OPEN, ConditionState.CLAIMED)


class ConditionAct(models.TextChoices):
    SET = "set", _("Set by the advice")
    MARKED_MET = "marked_met", _("Marked as met")
    CONFIRMED = "confirmed", _("Confirmed as met")
    REOPENED = "reopened", _("Reopened")
    DROPPED = "dropped", _("Dropped")
    ADDRESSED = "addressed", _("Dealt with at the decision")


class CriterionAxis(models.TextChoices):
    """The place of a criterion in the prioritisation matrix."""

    IMPACT = "impact", _("Impact (horizontal axis)")
    FEASIBILITY = "feasibility", _("Feasibility (vertical axis)")
    URGENCY = "urgency", _("Urgency (bubble size)")
