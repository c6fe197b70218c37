"""What the half-yearly programme report says, read from its sources at the moment it is shown or exported.

Per action line: the reports submitted for the period, the pilots with their status and indicators against
target, the decisions of the period; for the programme: money released and spent in the period, risks that
changed, open bottlenecks. A fixed number of queries whatever the size of the programme.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Prefetch, Sum
from django.utils import timezone

from finance.constants import MovementKind
from finance.models import BudgetMovement
from governance.models import Decision
from pilots.models import Indicator, Measurement, Pilot
from programmes.risks import Risk

from .models import Course, ProgressReport, ReportStatus


@dataclass
class IndicatorLine:
    name: str
    unit: str
    baseline: Decimal | None
    target: Decimal | None
    latest: Decimal | None
    latest_date: datetime.date | None
    points: list = field(default_factory=list)  # (date, value) up to the period's end, oldest first


@dataclass
class PilotLine:
    pilot: Pilot
    indicators: list = field(default_factory=list)


@dataclass
class Section:
    action_line: object
    summary: object
    reports: list = field(default_factory=list)
    pilots: list = field(default_factory=list)
    decisions: list = field(default_factory=list)


@dataclass
class Contents:
    sections: list
    released: Decimal
    spent: Decimal
    risks: list
    bottlenecks: list
    reports_due: int
    reports_in: int


def _aware(day, end=False):
    moment = datetime.datetime.combine(day, datetime.time.max if end else datetime.time.min)
    return timezone.make_aware(moment)


def contents(programme_report):
    report = programme_report
    programme, start, end = report.programme, report.period_start, report.period_end
    summaries = list(report.summaries.select_related("action_line"))

    progress = list(
        ProgressReport.objects.filter(
            programme=programme,
            period_end__gte=start,
            period_end__lte=end,
        )
        .select_related("workgroup", "pilot")
        .prefetch_related("workgroup__action_lines", "pilot__action_lines")
        .order_by("due_date", "workgroup__name")
    )
    handed_in = [p for p in progress if p.status in (ReportStatus.SUBMITTED, ReportStatus.ACCEPTED)]

    measurements = Measurement.objects.filter(date__lte=end).order_by("-date", "-pk")
    pilots = list(
        Pilot.objects.filter(programme=programme)
        .exclude(status__in=["draft", "withdrawn"])
        .prefetch_related(
            "action_lines",
            Prefetch("indicators", queryset=Indicator.objects.prefetch_related(Prefetch("measurements", measurements))),
        )
        .order_by("title")
    )
    decisions = list(
        Decision.objects.filter(programme=programme, date__gte=start, date__lte=end)
        .select_related("body", "action_line")
        .order_by("date", "pk")
    )

    sections = []
    for summary in summaries:
        line = summary.action_line
        section = Section(action_line=line, summary=summary)
        section.reports = [
            p
            for p in handed_in
            if line in p.workgroup.action_lines.all() or (p.pilot and line in p.pilot.action_lines.all())
        ]
        for pilot in pilots:
            if line in pilot.action_lines.all():
                indicators = []
                for indicator in pilot.indicators.all():
                    measured = list(indicator.measurements.all())  # newest first
                    latest = next(iter(measured), None)
                    indicators.append(
                        IndicatorLine(
                            indicator.name,
                            indicator.unit,
                            indicator.baseline,
                            indicator.target,
                            latest.value if latest else None,
                            latest.date if latest else None,
                            [(m.date, m.value) for m in reversed(measured)],
                        )
                    )
                section.pilots.append(PilotLine(pilot, indicators))
        section.decisions = [d for d in decisions if d.action_line_id == line.pk]
        sections.append(section)

    money = dict(
        BudgetMovement.objects.filter(
            programme=programme,
            recorded_at__gte=_aware(start),
            recorded_at__lte=_aware(end, end=True),
            kind__in=[MovementKind.RELEASE, MovementKind.RETURN, MovementKind.SPEND],
        )
        .values("kind")
        .annotate(total=Sum("amount"))
        .values_list("kind", "total")
    )
    changed = Risk.history.filter(
        programme_id=programme.pk, history_date__gte=_aware(start), history_date__lte=_aware(end, end=True)
    ).values_list("id", flat=True)
    risks = list(Risk.objects.filter(pk__in=changed).select_related("owner").order_by("-likelihood", "-impact"))
    bottlenecks = [p for p in handed_in if p.bottlenecks and p.course != Course.ON_TRACK]
    return Contents(
        sections=sections,
        # "Released" means the same on every page: released by decisions minus what returned (finance.ledger).
        released=money.get(MovementKind.RELEASE, Decimal("0")) - money.get(MovementKind.RETURN, Decimal("0")),
        spent=money.get(MovementKind.SPEND, Decimal("0")),
        risks=risks,
        bottlenecks=bottlenecks,
        reports_due=len(progress),
        reports_in=len(handed_in),
    )
