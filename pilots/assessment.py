"""The assessing body's scores on the programme's own criteria, its joint assessment, and the prioritisation matrix.

Seed 002 §5.1: the kernteam chooses "op basis van impact, uitvoerbaarheid en urgentie". Each member scores a
proposal at the body's step on each criterion, with a short motivation; the scores can change until the body
forwards or returns the proposal, whose act then keeps the joint assessment (per criterion the mean and spread).
Individual scores are for the body and the programme manager only (pilots.rules.sees_scores).
"""

import re
from decimal import ROUND_HALF_UP, Decimal

from django.db import transaction
from django.db.models import Avg, Count, F, Max, Min
from django.utils.translation import gettext as _

from core.refusals import Forbidden, Refused
from governance.constants import StepAct
from programmes.models import BodyMembership

from .constants import CriterionAxis, PilotStatus
from .models import AssessmentCriterion, Pilot, Score
from .rules import records_for, sits_in

MOTIVATION_LENGTH = 500
# Scores this far apart on one criterion are worth talking through before the body decides together.
WIDE_SPREAD = 2


def criteria_of(programme):
    return list(AssessmentCriterion.objects.filter(programme=programme).order_by("order", "name"))


def assessing_step(pilot):
    """The step the proposal waits at, when that step assesses; otherwise None (nothing to score now)."""
    step = pilot.step() if pilot.status == PilotStatus.ON_ROUTE else None
    return step if step is not None and step.act == StepAct.ASSESS else None


def _rounded(value):
    return str(Decimal(str(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)) if value is not None else None


def summary(pilot, step_order, submission=None, criteria=None):
    """Per criterion: mean (one decimal), lowest, highest, number of scores, and whether the spread is wide."""
    criteria = criteria if criteria is not None else criteria_of(pilot.programme)
    figures = {
        row["criterion"]: row
        for row in Score.objects.filter(pilot=pilot, submission=submission or pilot.submission, step_order=step_order)
        .values("criterion")
        .annotate(mean=Avg("value"), low=Min("value"), high=Max("value"), count=Count("pk"))
    }
    return [_row(criterion, figures.get(criterion.pk)) for criterion in criteria]


def _row(criterion, figures):
    figures = figures or {}
    low, high = figures.get("low"), figures.get("high")
    return {
        "criterion": criterion.name,
        "axis": criterion.axis,
        "scale": f"{criterion.scale_min}–{criterion.scale_max}",
        "mean": _rounded(figures.get("mean")),
        "low": low,
        "high": high,
        "count": figures.get("count", 0),
        "wide": low is not None and high - low >= WIDE_SPREAD,
    }


def _whole(value):
    """A score is a whole number: 4 or "4", not 4.5, "vier" or True."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and re.fullmatch(r"-?[0-9]{1,4}", value.strip()):
        return int(value)
    return None


def joint_assessment(pilot, step):
    """What the forward or return act keeps: the summary of the scores at the step (None when nobody scored)."""
    rows = summary(pilot, step.order)
    if not any(row["count"] for row in rows):
        return None
    members = (
        Score.objects.filter(pilot=pilot, submission=pilot.submission, step_order=step.order)
        .values("member")
        .distinct()
        .count()
    )
    return {"members": members, "criteria": [{k: v for k, v in row.items() if k != "wide"} for row in rows]}


def body_members(body):
    return [
        m.person for m in BodyMembership.objects.filter(body=body).select_related("person").order_by("person__name")
    ]


@transaction.atomic
def save_scores(pilot, user, entries, member=None, via="web"):
    """Saves one member's scores of the proposal at the assessing step: {criterion: (value or None, motivation)}.

    The member is the user's own person, or, for the body's chair or secretary or the programme manager, a member
    they record for (scores given in the meeting). Nothing is saved unless every entry is valid.
    """
    pilot = Pilot.objects.select_for_update().select_related("programme").get(pk=pilot.pk)
    step = assessing_step(pilot)
    if step is None:
        raise Refused(_("This proposal is not waiting at an assessing step: scores can no longer be given or changed."))
    own = getattr(user, "person", None)
    member = member or own
    if member is None or member != own:
        if not records_for(user, step.body):
            raise Forbidden(
                _("Only the chair or secretary of %(body)s or the programme manager records scores for a member.")
                % {"body": step.body}
            )
    elif not sits_in(user, step.body):
        raise Forbidden(_("Only members of %(body)s score proposals at its step.") % {"body": step.body})
    if member is None or not BodyMembership.objects.filter(body=step.body, person=member).exists():
        raise Forbidden(_("%(person)s is not a member of %(body)s.") % {"person": member or "-", "body": step.body})
    criteria = {criterion.pk: criterion for criterion in criteria_of(pilot.programme)}
    valid = []
    for criterion, (value, motivation) in entries.items():
        criterion = criteria.get(getattr(criterion, "pk", criterion))
        if criterion is None:
            raise Refused(_("Score only on the criteria of this programme."))
        motivation = (motivation or "").strip()
        if len(motivation) > MOTIVATION_LENGTH:
            raise Refused(_("A motivation is at most %(max)s characters long.") % {"max": MOTIVATION_LENGTH})
        if value in (None, ""):
            continue
        value = _whole(value)
        if value is None or not criterion.scale_min <= value <= criterion.scale_max:
            raise Refused(
                _("Give %(criterion)s a score from %(min)s to %(max)s.")
                % {"criterion": criterion.name, "min": criterion.scale_min, "max": criterion.scale_max}
            )
        valid.append((criterion, value, motivation))
    if not valid:
        raise Refused(_("Give a score on at least one criterion."))
    for criterion, value, motivation in valid:
        Score.objects.update_or_create(
            pilot=pilot,
            submission=pilot.submission,
            step_order=step.order,
            criterion=criterion,
            member=member,
            defaults={"value": value, "motivation": motivation, "recorded_by": user},
        )
    return len(valid)


def score_grid(pilot, step_order, criteria):
    """All scores at the step side by side: one row per member, one cell per criterion (value and motivation)."""
    scores = Score.objects.filter(pilot=pilot, submission=pilot.submission, step_order=step_order).select_related(
        "member"
    )
    rows = {}
    for score in scores:
        row = rows.setdefault(score.member_id, {"member": score.member, "cells": {}})
        row["cells"][score.criterion_id] = score
    return [
        {"member": row["member"], "cells": [row["cells"].get(criterion.pk) for criterion in criteria]}
        for row in sorted(rows.values(), key=lambda row: row["member"].name)
    ]


def waiting_at(programme, body):
    """The proposals waiting at the body's assessing step (the current submission)."""
    return (
        Pilot.objects.filter(
            programme=programme,
            status=PilotStatus.ON_ROUTE,
            steps__body=body,
            steps__act=StepAct.ASSESS,
            steps__order=F("current_step"),
            steps__submission=F("submission"),
        )
        .select_related("workgroup")
        .distinct()
        .order_by("title")
    )


def matrix(programme, body):
    """The prioritisation matrix of all proposals at the body's step: per proposal the mean per criterion.

    Three queries whatever the number of proposals: criteria, proposals, and the scores aggregated per proposal.
    """
    criteria = criteria_of(programme)
    pilots = list(waiting_at(programme, body))
    figures = {}
    for row in (
        Score.objects.filter(
            pilot__in=[pilot.pk for pilot in pilots],
            submission=F("pilot__submission"),
            step_order=F("pilot__current_step"),
        )
        .values("pilot", "criterion")
        .annotate(mean=Avg("value"), low=Min("value"), high=Max("value"), count=Count("pk"))
    ):
        figures[(row["pilot"], row["criterion"])] = row
    axes = {criterion.axis: criterion for criterion in criteria if criterion.axis}
    rows = []
    for pilot in pilots:
        cells = [_row(criterion, figures.get((pilot.pk, criterion.pk))) for criterion in criteria]
        by_axis = {cell["axis"]: cell["mean"] for cell in cells if cell["axis"]}
        rows.append(
            {
                "pilot": pilot,
                "cells": cells,
                "scored": max((cell["count"] for cell in cells), default=0),
                "x": by_axis.get(CriterionAxis.IMPACT),
                "y": by_axis.get(CriterionAxis.FEASIBILITY),
                "r": by_axis.get(CriterionAxis.URGENCY),
            }
        )
    chart = {
        "axes": {
            axis: {"label": criterion.name, "min": criterion.scale_min, "max": criterion.scale_max}
            for axis, criterion in axes.items()
        },
        "points": [
            {"label": row["pilot"].title, "x": row["x"], "y": row["y"], "r": row["r"]}
            for row in rows
            if row["x"] is not None and row["y"] is not None
        ],
    }
    return criteria, rows, chart
