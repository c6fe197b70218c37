"""What the Word file and the PDF of a programme report share: the cover's words, the title, the dates.

Both documents are written in the site's language (Dutch), whatever language the person who downloads or
adopts the report has chosen: an adopted report is one document for every reader, kept as it was.
"""

from dataclasses import dataclass

from django.utils import formats, timezone
from django.utils.translation import gettext as _

from .figures import figures_of, present


def long_date(day):
    return formats.date_format(day, "j F Y") if day else "–"


def short_date(day):
    return day.strftime("%d-%m-%Y") if day else "–"


def number(value):
    """A measurement as the page shows it (floatformat:"-2g"): 1.200, 6, 6,50; None → '–'."""
    if value is None:
        return "–"
    sign = "-" if value < 0 else ""
    value = abs(value)
    if value == value.to_integral():
        return sign + f"{int(value):,}".replace(",", ".")
    whole, fraction = f"{value:,.2f}".split(".")
    return sign + whole.replace(",", ".") + "," + fraction


@dataclass
class Cover:
    collaboration: str
    programme: str
    title: str
    period: str
    status: str
    status_line: str
    date: str
    author: str
    adopted: bool


def cover(report, shown):
    period = f"{long_date(shown['period_start'])} – {long_date(shown['period_end'])}"
    decision = report.decision if report.is_adopted else None
    if decision is not None:
        status = _("Adopted")
        status_line = _("Adopted by %(body)s on %(date)s") % {
            "body": decision.body.name,
            "date": long_date(decision.date),
        }
    else:
        status = _("Concept")
        status_line = _("Concept: not yet adopted by a body; the figures are those of %(date)s.") % {
            "date": long_date(timezone.localtime(shown["made_at"]).date())
        }
    return Cover(
        collaboration=shown["collaboration"],
        programme=shown["programme"],
        title=_("Programme report %(start)s – %(end)s")
        % {"start": short_date(shown["period_start"]), "end": short_date(shown["period_end"])},
        period=period,
        status=status,
        status_line=status_line,
        date=long_date(timezone.localtime(shown["made_at"]).date()),
        author=shown["author"],
        adopted=decision is not None,
    )


def shown_figures(report):
    """The presented figures of the report: frozen if it is adopted, else read now."""
    return present(figures_of(report))
