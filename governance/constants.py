from django.db import models
from django.utils.translation import gettext_lazy as _


class BodyKind(models.TextChoices):
    CORE_TEAM = "core_team", _("Core team (kernteam)")
    POLICY_MEETING = "policy_meeting", _("Regional policy meeting (RBJ)")
    STRATEGIC_MEETING = "strategic_meeting", _("Strategic meeting (SO)")
    MANAGERS_MEETING = "managers_meeting", _("Managers meeting (MO)")
    ADMINISTRATIVE_MEETING = "administrative_meeting", _("Administrative meeting (BO)")
    STEERING_GROUP = "steering_group", _("Steering group")
    PROJECT_GROUP = "project_group", _("Project group")
    EXECUTION_TEAM = "execution_team", _("Execution team")
    PORTFOLIO_HOLDERS = "portfolio_holders", _("Portfolio holders meeting")
    PROGRAMME_TEAM = "programme_team", _("Programme team")
    OTHER = "other", _("Other")


class StepAct(models.TextChoices):
    ASSESS = "assess", _("assesses")
    ADVISE = "advise", _("advises")
    DECIDE = "decide", _("decides")


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
