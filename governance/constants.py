from django.db import models
from django.utils.translation import gettext_lazy as _


class StepAct(models.TextChoices):
    ASSESS = "assess", _("assesses")
    ADVISE = "advise", _("advises")
    DECIDE = "decide", _("decides")
    # Seed 004: the body offers the proposal to the participating municipalities, whose colleges or councils each
    # decide; the step's rule says when that is a decision of the route (governance.municipal).
    MUNICIPALITIES = "municipal", _("puts it to the municipalities, who decide")


# The acts that end a route with a decision: a body's own, or the participating municipalities' under a rule.
DECIDING_ACTS = (StepAct.DECIDE, StepAct.MUNICIPALITIES)


class MunicipalOrgan(models.TextChoices):
    """Who decides in each municipality: "het is aan de individuele gemeenten om voor besluitvorming in college of
    raad te zorgen" (004)."""

    COLLEGE = "college", _("college of mayor and aldermen")
    COUNCIL = "council", _("municipal council")


class MunicipalRule(models.TextChoices):
    ALL = "all", _("all participating municipalities agree")
    MAJORITY = "majority", _("a majority of the participating municipalities agrees")
    WEIGHTED = "weighted", _("a majority weighted by inhabitants agrees")


class MunicipalOutcome(models.TextChoices):
    AGREED = "agreed", _("Agreed")
    DECLINED = "declined", _("Declined")


class AdviceOutcome(models.TextChoices):
    POSITIVE = "positive", _("Positive")
    CONDITIONAL = "conditional", _("Conditional")
    NEGATIVE = "negative", _("Negative")


class DecisionOutcome(models.TextChoices):
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")
    RETURNED = "returned", _("Returned for revision")
    CONTINUE = "continue", _("Continue")
    ADJUST = "adjust", _("Adjust")
    STOP = "stop", _("Stop")
    ADOPTED = "adopted", _("Adopted")


# Outcomes that need no rationale; every other outcome must say why (domain.md).
PLAINLY_POSITIVE = {AdviceOutcome.POSITIVE, DecisionOutcome.APPROVED, DecisionOutcome.CONTINUE, DecisionOutcome.ADOPTED}


class MeetingStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    HELD = "held", _("Held")
    CLOSED = "closed", _("Closed")
