"""The figures of the dashboards, as plain data: the pages draw them, the JSON API serves them.

Every function asks the database a fixed number of times, whatever the number of pilots, reports or
programmes.
"""

import datetime
from decimal import Decimal

from django.db.models import Count, F, Q, Sum
from django.urls import reverse
from django.utils import timezone

from finance import ledger
from finance.constants import MovementKind
from finance.models import BudgetLine, BudgetMovement
from governance.constants import MeetingStatus
from governance.models import Meeting
from pilots.constants import PilotStatus
from pilots.models import Gate, Indicator, Pilot, PilotStep
from programmes.models import ActionLine, Milestone, Programme
from programmes.risks import Risk
from reports.models import OPEN_STATUSES, Course, ProgressReport, ReportStatus

HORIZON_DAYS = 90
ZERO = Decimal("0")


def _num(value):
    return float(value) if value is not None else None


def pipeline(programme):
    """Pilots per status; those on the route split by the body where they wait now."""
    counts = dict(Pilot.objects.filter(programme=programme).values_list("status").annotate(n=Count("pk")).order_by())
    waiting = (
        PilotStep.objects.filter(
            pilot__programme=programme,
            pilot__status=PilotStatus.ON_ROUTE,
            order=F("pilot__current_step"),
            submission=F("pilot__submission"),
        )
        .values_list("body__abbreviation", "body__name", "body__order")
        .annotate(n=Count("pilot", distinct=True))
        .order_by("body__order")
    )
    bars = [
        {"key": PilotStatus.DRAFT, "label": str(PilotStatus.DRAFT.label), "count": counts.get(PilotStatus.DRAFT, 0)}
    ]
    for abbreviation, name, _order, n in waiting:
        bars.append({"key": "on_route", "label": f"{PilotStatus.ON_ROUTE.label}: {abbreviation or name}", "count": n})
    for status in (
        PilotStatus.APPROVED,
        PilotStatus.RUNNING,
        PilotStatus.COMPLETED,
        PilotStatus.STOPPED,
        PilotStatus.REJECTED,
        PilotStatus.WITHDRAWN,
    ):
        bars.append({"key": status.value, "label": str(status.label), "count": counts.get(status, 0)})
    return bars


def money(programme):
    """Pilot money per year as the ledger reckons it: released (net of returns), spent, still available."""
    rows = []
    for balance in ledger.year_balances(programme):
        rows.append(
            {
                "year": balance.year,
                "budget": _num(balance.budget),
                "released": _num(balance.net_released),
                "spent": _num(balance.spent),
                "released_unspent": _num(balance.unspent),
                "available": _num(balance.available),
            }
        )
    return rows


def indicators(programme):
    """Indicators of running pilots, with their measurements, for small multiples."""
    result = {}
    # One query: each indicator with its measurements (a row per measurement, or one without).
    for pk, pilot_id, pilot_title, name, unit, baseline, target, date, value in (
        Indicator.objects.filter(pilot__programme=programme, pilot__status=PilotStatus.RUNNING)
        .order_by("pilot__title", "name", "pk", "measurements__date", "measurements__pk")
        .values_list(
            "pk",
            "pilot_id",
            "pilot__title",
            "name",
            "unit",
            "baseline",
            "target",
            "measurements__date",
            "measurements__value",
        )
    ):
        if pk not in result:
            result[pk] = {
                "pilot": pilot_title,
                "pilot_url": reverse("pilots:detail", args=[pilot_id]),
                "indicator": name,
                "unit": unit,
                "baseline": _num(baseline),
                "target": _num(target),
                "latest": None,
                "points": [],
            }
        if date is not None:
            result[pk]["points"].append({"date": date.isoformat(), "value": _num(value)})
            result[pk]["latest"] = _num(value)
    return list(result.values())


def risk_matrix(programme):
    counts = {}
    for likelihood, impact, n in (
        Risk.objects.filter(programme=programme, status__in=["open", "occurred"])
        .values_list("likelihood", "impact")
        .annotate(n=Count("pk"))
        .order_by()
    ):
        counts[likelihood, impact] = n
    rows = []
    for likelihood in range(5, 0, -1):
        cells = []
        for impact in range(1, 6):
            score = likelihood * impact
            level = "high" if score >= 15 else "medium" if score >= 8 else "low"
            cells.append({"impact": impact, "count": counts.get((likelihood, impact), 0), "level": level})
        rows.append({"likelihood": likelihood, "cells": cells})
    high = sum(n for (likelihood, impact), n in counts.items() if likelihood * impact >= 15)
    return {"rows": rows, "high": high, "open": sum(counts.values())}


def upcoming(programme, today):
    until = today + datetime.timedelta(days=HORIZON_DAYS)
    items = []
    for gate in Gate.objects.filter(
        pilot__programme=programme, pilot__status=PilotStatus.RUNNING, outcome="", planned_date__lte=until
    ).select_related("pilot"):
        items.append(
            {
                "kind": "gate",
                "date": gate.planned_date.isoformat(),
                "title": gate.pilot.title,
                "url": gate.pilot.get_absolute_url(),
                "overdue": gate.planned_date < today,
            }
        )
    start = timezone.make_aware(datetime.datetime.combine(today, datetime.time.min))
    for meeting in Meeting.objects.filter(
        body__programme=programme,
        status=MeetingStatus.PLANNED,
        starts_at__gte=start,
        starts_at__lte=start + datetime.timedelta(days=HORIZON_DAYS),
    ).select_related("body"):
        items.append(
            {
                "kind": "meeting",
                "date": timezone.localtime(meeting.starts_at).date().isoformat(),
                "title": str(meeting.body),
                "url": meeting.get_absolute_url(),
                "overdue": False,
            }
        )
    for milestone in Milestone.objects.filter(
        programme=programme, start_date__gte=today, start_date__lte=until
    ).exclude(done=True):
        items.append(
            {
                "kind": "milestone",
                "date": milestone.start_date.isoformat(),
                "title": milestone.description,
                "url": "",
                "overdue": False,
            }
        )
    return sorted(items, key=lambda item: (item["date"], item["kind"], item["title"]))


def overdue_reports(programme, today):
    return [
        {
            "title": str(report.pilot.title if report.pilot_id else report.workgroup),
            "due_date": report.due_date.isoformat(),
            "days": (today - report.due_date).days,
            "url": report.get_absolute_url(),
        }
        for report in ProgressReport.objects.filter(programme=programme, status__in=OPEN_STATUSES, due_date__lt=today)
        .select_related("workgroup", "pilot")
        .order_by("due_date")
    ]


def action_lines(programme):
    """Per action line: its pilots by status, and how the work stands in the latest handed-in reports."""
    # One query: the action lines with their workgroups (a row per pair, or one without).
    lines, line_workgroups = {}, {}
    for pk, title, workgroup_id in (
        ActionLine.objects.filter(programme=programme).order_by("order", "pk").values_list("pk", "title", "workgroups")
    ):
        lines.setdefault(pk, title)
        if workgroup_id is not None:
            line_workgroups.setdefault(pk, set()).add(workgroup_id)
    pilots = {}
    for line_id, status, n in (
        Pilot.objects.filter(programme=programme, action_lines__isnull=False)
        .values_list("action_lines", "status")
        .annotate(n=Count("pk", distinct=True))
        .order_by()
    ):
        pilots.setdefault(line_id, {})[status] = n
    latest = {}
    handed_in = (
        ProgressReport.objects.filter(programme=programme, status__in=[ReportStatus.SUBMITTED, ReportStatus.ACCEPTED])
        .order_by("workgroup_id", "pilot_id", "due_date")
        .values_list("workgroup_id", "pilot_id", "course")
    )
    for workgroup_id, pilot_id, course in handed_in:
        latest[workgroup_id, pilot_id] = course  # the last one per subject wins
    rows = []
    for line_pk, title in lines.items():
        courses = {c.value: 0 for c in Course}
        for (workgroup_id, _pilot_id), course in latest.items():
            if workgroup_id in line_workgroups.get(line_pk, ()) and course in courses:
                courses[course] += 1
        by_status = pilots.get(line_pk, {})
        rows.append(
            {
                "title": title,
                "pilots_running": by_status.get(PilotStatus.RUNNING, 0),
                "pilots_on_route": by_status.get(PilotStatus.ON_ROUTE, 0),
                "pilots_total": sum(by_status.values()),
                "on_track": courses[Course.ON_TRACK],
                "attention": courses[Course.ATTENTION],
                "delayed": courses[Course.DELAYED],
            }
        )
    return rows


def programme_figures(programme, today=None):
    today = today or timezone.localdate()
    return {
        "programme": {"id": programme.pk, "title": programme.title, "collaboration": str(programme.collaboration)},
        "date": today.isoformat(),
        "pipeline": pipeline(programme),
        "money": money(programme),
        "indicators": indicators(programme),
        "risks": risk_matrix(programme),
        "upcoming": upcoming(programme, today),
        "overdue_reports": overdue_reports(programme, today),
        "action_lines": action_lines(programme),
    }


def overview(programmes, today=None):
    """One row per programme with its key figures: the collaboration and national views. Fixed number of queries."""
    today = today or timezone.localdate()
    programmes = list(
        Programme.objects.filter(pk__in=[p.pk for p in programmes])
        .select_related("collaboration")
        .annotate(
            running=Count("pilots", filter=Q(pilots__status=PilotStatus.RUNNING), distinct=True),
            on_route=Count("pilots", filter=Q(pilots__status=PilotStatus.ON_ROUTE), distinct=True),
            pilots_total=Count("pilots", distinct=True),
        )
        .order_by("collaboration__name", "title")
    )
    ids = [p.pk for p in programmes]
    budgets = dict(
        BudgetLine.objects.filter(post__programme__in=ids, post__holds_pilot_money=True)
        .values_list("post__programme")
        .annotate(total=Sum("amount"))
        .order_by()
    )
    moved, reservations = {}, {}
    for programme_id, kind, subject_key, year, total in (
        BudgetMovement.objects.filter(programme__in=ids)
        .values_list("programme", "kind", "subject_key", "year")
        .annotate(total=Sum("amount"))
        .order_by()
    ):
        moved[programme_id, kind] = moved.get((programme_id, kind), ZERO) + total
        if kind in (MovementKind.RESERVE, MovementKind.RELEASE):
            # Reserved and not yet released keeps money from being available, as in finance.ledger.
            key = (programme_id, year, subject_key)
            reservations[key] = reservations.get(key, ZERO) + (total if kind == MovementKind.RESERVE else -total)
    reserved = {}
    for (programme_id, _year, _subject), amount in reservations.items():
        reserved[programme_id] = reserved.get(programme_id, ZERO) + max(ZERO, amount)
    overdue = dict(
        ProgressReport.objects.filter(programme__in=ids, status__in=OPEN_STATUSES, due_date__lt=today)
        .values_list("programme")
        .annotate(n=Count("pk"))
        .order_by()
    )
    high_risks = dict(
        Risk.objects.filter(programme__in=ids, status__in=["open", "occurred"])
        .annotate(score=F("likelihood") * F("impact"))
        .filter(score__gte=15)
        .values_list("programme")
        .annotate(n=Count("pk"))
        .order_by()
    )
    rows = []
    for programme in programmes:
        released = moved.get((programme.pk, MovementKind.RELEASE), ZERO) - moved.get(
            (programme.pk, MovementKind.RETURN), ZERO
        )
        budget = budgets.get(programme.pk, ZERO)
        rows.append(
            {
                "id": programme.pk,
                "title": programme.title,
                "collaboration": str(programme.collaboration),
                "url": programme.get_absolute_url(),
                "pilots_total": programme.pilots_total,
                "running": programme.running,
                "on_route": programme.on_route,
                "budget": _num(budget),
                "released": _num(released),
                "spent": _num(moved.get((programme.pk, MovementKind.SPEND), ZERO)),
                "available": _num(budget - released - reserved.get(programme.pk, ZERO)),
                "overdue_reports": overdue.get(programme.pk, 0),
                "high_risks": high_risks.get(programme.pk, 0),
            }
        )
    return rows
