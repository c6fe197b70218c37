"""The programme report's figures as plain data: one source for the page, the Word file and the PDF.

`record` reads the sources (reports.compilation, the finance ledger) once and returns JSON-able data: amounts
and numbers as strings, dates as ISO strings, statuses as their keys. That is what an adopted report keeps in
`ProgrammeReport.frozen_figures`. `present` turns either kind (live or frozen) into what templates and the
document builders read: Decimals, dates and the labels of the statuses in the active language.
"""

import datetime
from decimal import Decimal

from django.utils import timezone

from finance import ledger
from governance.constants import DecisionOutcome
from pilots.constants import PilotStatus
from programmes.constants import AccessRole, RiskStatus
from programmes.models import Person

from .compilation import contents
from .models import Course

VERSION = 1


def _s(value):
    return None if value is None else str(value)


def _money(value):
    return str(Decimal(value or 0).quantize(Decimal("0.01")))


def _day(value):
    return None if value is None else value.isoformat()


def author_of(report):
    """The programme manager who signs the document: the adopter or compiler if they manage it, else the first."""
    managers = list(
        Person.objects.filter(
            user__programme_access__programme_id=report.programme_id,
            user__programme_access__role=AccessRole.MANAGER,
        ).values_list("user_id", "name")
    )
    names = dict(managers)
    if report.compiled_by_id in names:
        return names[report.compiled_by_id]
    if managers:
        return managers[0][1]
    person = Person.objects.filter(user_id=report.compiled_by_id).first() if report.compiled_by_id else None
    return person.name if person else str(report.programme.collaboration)


def record(report, now=None):
    """What the report says now, from its sources; JSON-able, to freeze or to show."""
    data = contents(report)
    years = ledger.year_balances(report.programme)
    return {
        "version": VERSION,
        "made_at": (now or timezone.now()).isoformat(),
        "collaboration": str(report.programme.collaboration),
        "programme": report.programme.title,
        "author": author_of(report),
        "period_start": _day(report.period_start),
        "period_end": _day(report.period_end),
        "summary": report.summary,
        "released": _money(data.released),
        "spent": _money(data.spent),
        "reports_in": data.reports_in,
        "reports_due": data.reports_due,
        "years": [
            {
                "year": b.year,
                "budget": _money(b.budget),
                "released": _money(b.net_released),
                "spent": _money(b.spent),
                "available": _money(b.available),
            }
            for b in years
        ],
        "sections": [
            {
                "action_line": section.action_line.pk,
                "title": section.action_line.title,
                "summary_pk": section.summary.pk,
                "summary": section.summary.summary,
                "reports": [
                    {
                        "pk": p.pk,
                        "subject": p.pilot.title if p.pilot_id else str(p.workgroup),
                        "period_start": _day(p.period_start),
                        "period_end": _day(p.period_end),
                        "course": p.course,
                        "progress": p.progress,
                    }
                    for p in section.reports
                ],
                "pilots": [
                    {
                        "pk": line.pilot.pk,
                        "title": line.pilot.title,
                        "status": line.pilot.status,
                        "indicators": [
                            {
                                "name": i.name,
                                "unit": i.unit,
                                "baseline": _s(i.baseline),
                                "target": _s(i.target),
                                "latest": _s(i.latest),
                                "latest_date": _day(i.latest_date),
                                "points": [[_day(day), _s(value)] for day, value in i.points],
                            }
                            for i in line.indicators
                        ],
                    }
                    for line in section.pilots
                ],
                "decisions": [
                    {
                        "date": _day(d.date),
                        "body": str(d.body),
                        "subject": d.subject_title,
                        "outcome": d.outcome,
                        "rationale": d.rationale,
                    }
                    for d in section.decisions
                ],
            }
            for section in data.sections
        ],
        "risks": [
            {"title": r.title, "likelihood": r.likelihood, "impact": r.impact, "status": r.status} for r in data.risks
        ],
        "bottlenecks": [
            {"subject": p.pilot.title if p.pilot_id else str(p.workgroup), "text": p.bottlenecks}
            for p in data.bottlenecks
        ],
    }


def figures_of(report):
    """The frozen figures of an adopted report; the live ones of a concept."""
    return report.frozen_figures if report.is_adopted else record(report)


def _dec(value):
    return None if value is None else Decimal(value)


def _date(value):
    return None if value is None else datetime.date.fromisoformat(value)


def _label(choices, key):
    try:
        return choices(key).label
    except ValueError:
        return key or ""


def present(data):
    """Figures (live or frozen) with Decimals, dates and labels, for the page and the documents."""
    shown = dict(data)
    shown["made_at"] = datetime.datetime.fromisoformat(data["made_at"])
    shown["period_start"], shown["period_end"] = _date(data["period_start"]), _date(data["period_end"])
    shown["released"], shown["spent"] = _dec(data["released"]), _dec(data["spent"])
    shown["years"] = [
        {**y, **{k: _dec(y[k]) for k in ("budget", "released", "spent", "available")}} for y in data["years"]
    ]
    sections = []
    for section in data["sections"]:
        section = dict(section)
        section["reports"] = [
            {
                **p,
                "period_start": _date(p["period_start"]),
                "period_end": _date(p["period_end"]),
                "course_label": _label(Course, p["course"]),
            }
            for p in section["reports"]
        ]
        section["pilots"] = [
            {
                **line,
                "status_label": _label(PilotStatus, line["status"]),
                "indicators": [
                    {
                        **i,
                        "baseline": _dec(i["baseline"]),
                        "target": _dec(i["target"]),
                        "latest": _dec(i["latest"]),
                        "latest_date": _date(i["latest_date"]),
                        "points": [(_date(day), _dec(value)) for day, value in i["points"]],
                    }
                    for i in line["indicators"]
                ],
            }
            for line in section["pilots"]
        ]
        section["decisions"] = [
            {**d, "date": _date(d["date"]), "outcome_label": _label(DecisionOutcome, d["outcome"])}
            for d in section["decisions"]
        ]
        sections.append(section)
    shown["sections"] = sections
    shown["risks"] = [{**r, "status_label": _label(RiskStatus, r["status"])} for r in data["risks"]]
    return shown
