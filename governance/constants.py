from django.db import models
from django.utils.translation import gettext_lazy as _


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
