"""The programme report's charts as PNG images (matplotlib, Agg backend), drawn from its presented figures.

Numbers on the axes are written the Dutch way (€ 80.000, 12,5). Labels come from the active language.
"""

import io
import os
import tempfile
from decimal import Decimal

os.environ.setdefault("MPLCONFIGDIR", os.path.join(tempfile.gettempdir(), "jeugdregio-matplotlib"))

import matplotlib  # noqa: E402

matplotlib.use("Agg")

from django.utils.translation import gettext as _  # noqa: E402
from matplotlib.dates import DateFormatter  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.ticker import FuncFormatter, MaxNLocator  # noqa: E402

from core.templatetags.money import euro  # noqa: E402

BLUE, GREEN, GREY, ORANGE = "#1f5f99", "#2e7d32", "#9e9e9e", "#c75b12"
DPI = 200


def dutch_number(value, _position=None):
    """12.5 → '12,5'; 1200 → '1.200'."""
    text = f"{value:,.1f}" if abs(value - round(value)) > 1e-9 else f"{round(value):,}"
    return text.replace(",", "\u2009").replace(".", ",").replace("\u2009", ".")


def _euro_axis(value, _position=None):
    return euro(Decimal(str(round(value))))


def _png(figure):
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI, bbox_inches="tight")
    return buffer.getvalue()


def _figure(width_cm, height_cm):
    figure = Figure(figsize=(width_cm / 2.54, height_cm / 2.54), facecolor="white")
    figure.set_layout_engine("constrained")
    return figure


def money_chart(years):
    """Pilot money per year: budget, released (net of returns) and spent, as grouped bars."""
    if not years:
        return None
    figure = _figure(16, 7)
    axes = figure.add_subplot()
    labels = [str(y["year"]) for y in years]
    series = [
        (_("Budget"), [float(y["budget"]) for y in years], GREY),
        (_("Released"), [float(y["released"]) for y in years], BLUE),
        (_("Spent"), [float(y["spent"]) for y in years], GREEN),
    ]
    width = 0.26
    for index, (name, values, colour) in enumerate(series):
        positions = [n + (index - 1) * width for n in range(len(years))]
        axes.bar(positions, values, width, label=name, color=colour)
    axes.set_xticks(range(len(years)), labels)
    axes.yaxis.set_major_formatter(FuncFormatter(_euro_axis))
    axes.yaxis.set_major_locator(MaxNLocator(nbins=5))
    axes.set_ylim(bottom=0)
    axes.spines[["top", "right"]].set_visible(False)
    axes.grid(axis="y", color="#e0e0e0", linewidth=0.6)
    axes.set_axisbelow(True)
    axes.legend(frameon=False, ncols=3, loc="upper center", bbox_to_anchor=(0.5, -0.1), fontsize=8)
    axes.tick_params(labelsize=8)
    axes.set_title(_("Pilot money per year"), fontsize=10, loc="left")
    return _png(figure)


def indicator_chart(pilot_title, indicator):
    """One indicator: its measurements up to the period's end against its baseline and target."""
    points = indicator["points"]
    if not points:
        return None
    figure = _figure(8, 5.5)
    axes = figure.add_subplot()
    days = [day for day, _value in points]
    values = [float(value) for _day, value in points]
    axes.plot(days, values, marker="o", color=BLUE, linewidth=1.5, markersize=3.5, label=_("Measured"))
    if indicator["target"] is not None:
        axes.axhline(float(indicator["target"]), color=GREEN, linestyle="--", linewidth=1, label=_("Target"))
    if indicator["baseline"] is not None:
        axes.axhline(float(indicator["baseline"]), color=ORANGE, linestyle=":", linewidth=1, label=_("Baseline"))
    axes.yaxis.set_major_formatter(FuncFormatter(dutch_number))
    axes.yaxis.set_major_locator(MaxNLocator(nbins=4))
    axes.xaxis.set_major_formatter(DateFormatter("%m-%Y"))
    axes.xaxis.set_major_locator(MaxNLocator(nbins=4))
    if len(days) == 1:
        axes.set_xticks(days)
    axes.spines[["top", "right"]].set_visible(False)
    axes.grid(axis="y", color="#e0e0e0", linewidth=0.6)
    axes.tick_params(labelsize=7)
    unit = f" ({indicator['unit']})" if indicator["unit"] else ""
    axes.set_title(f"{indicator['name']}{unit}\n{pilot_title}", fontsize=8, loc="left")
    axes.legend(frameon=False, fontsize=6, loc="best")
    return _png(figure)


def indicator_charts(section):
    """[(caption, png)] for the section's indicators that have measurements."""
    charts = []
    for line in section["pilots"]:
        for indicator in line["indicators"]:
            png = indicator_chart(line["title"], indicator)
            if png:
                charts.append((f"{line['title']}: {indicator['name']}", png))
    return charts
