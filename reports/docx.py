"""The half-yearly programme report as a Word document (python-docx): Dutch headings, editable in Word."""

import io

from django.utils.translation import gettext as _
from docx import Document
from docx.shared import Pt

from core.templatetags.money import euro

from .compilation import contents


def _d(day):
    return day.strftime("%d-%m-%Y") if day else "–"


def _n(value):
    return "–" if value is None else str(value).replace(".", ",")


def _table(document, headers, rows):
    table = document.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    for cell, header in zip(table.rows[0].cells, headers, strict=True):
        cell.text = str(header)
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for row in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, row, strict=True):
            cell.text = str(value)
    return table


def build(programme_report):
    """Returns the .docx bytes."""
    report, data = programme_report, contents(programme_report)
    document = Document()
    document.styles["Normal"].font.size = Pt(10)
    document.core_properties.title = str(report)
    document.core_properties.language = "nl-NL"
    document.add_heading(report.programme.title, level=0)
    document.add_paragraph(
        _("Programme report %(start)s – %(end)s") % {"start": _d(report.period_start), "end": _d(report.period_end)}
    )

    document.add_heading(_("General summary"), level=1)
    document.add_paragraph(report.summary or _("(no summary written yet)"))

    document.add_heading(_("Money in this period"), level=1)
    _table(
        document,
        [_("Released"), _("Spent")],
        [[euro(data.released), euro(data.spent)]],
    )
    document.add_paragraph(_("Released: what the deciding bodies released, minus the unspent money that has returned."))
    document.add_paragraph(
        _("%(in)s of %(due)s progress reports of the period have been handed in.")
        % {"in": data.reports_in, "due": data.reports_due}
    )

    for section in data.sections:
        document.add_heading(_("Action line: %(title)s") % {"title": section.action_line.title}, level=1)
        document.add_heading(_("Summary"), level=2)
        document.add_paragraph(section.summary.summary or _("(no summary written yet)"))
        document.add_heading(_("Progress reports"), level=2)
        if section.reports:
            _table(
                document,
                [_("Workgroup or pilot"), _("Period"), _("Status of the work"), _("Progress")],
                [
                    [
                        str(p.pilot or p.workgroup),
                        f"{_d(p.period_start)} – {_d(p.period_end)}",
                        p.get_course_display(),
                        p.progress,
                    ]
                    for p in section.reports
                ],
            )
        else:
            document.add_paragraph(_("No reports handed in for this period."))
        document.add_heading(_("Pilots and indicators"), level=2)
        if section.pilots:
            rows = []
            for line in section.pilots:
                if not line.indicators:
                    rows.append([line.pilot.title, line.pilot.get_status_display(), "–", "–", "–"])
                for indicator in line.indicators:
                    rows.append(
                        [
                            line.pilot.title,
                            line.pilot.get_status_display(),
                            indicator.name,
                            _n(indicator.target),
                            _n(indicator.latest),
                        ]
                    )
            _table(document, [_("Pilot"), _("Status"), _("Indicator"), _("Target"), _("Latest measurement")], rows)
        else:
            document.add_paragraph(_("No pilots in this action line."))
        document.add_heading(_("Decisions"), level=2)
        if section.decisions:
            _table(
                document,
                [_("Date"), _("Body"), _("Subject"), _("Outcome"), _("Rationale")],
                [
                    [_d(d.date), str(d.body), d.subject_title, d.get_outcome_display(), d.rationale]
                    for d in section.decisions
                ],
            )
        else:
            document.add_paragraph(_("No decisions in this period."))

    document.add_heading(_("Risks that changed"), level=1)
    if data.risks:
        _table(
            document,
            [_("Risk"), _("Likelihood"), _("Impact"), _("Status")],
            [[r.title, r.likelihood, r.impact, r.get_status_display()] for r in data.risks],
        )
    else:
        document.add_paragraph(_("No risks changed in this period."))

    document.add_heading(_("Open bottlenecks"), level=1)
    if data.bottlenecks:
        for p in data.bottlenecks:
            document.add_paragraph(f"{p.pilot or p.workgroup}: {p.bottlenecks}", style="List Bullet")
    else:
        document.add_paragraph(_("No open bottlenecks."))

    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
