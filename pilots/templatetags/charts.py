"""A small server-rendered line chart (SVG) of an indicator's measurements against its target: no JavaScript."""

from django import template
from django.utils.html import format_html, format_html_join

register = template.Library()

WIDTH, HEIGHT, PAD = 320, 120, 24


@register.simple_tag
def indicator_chart(indicator):
    points = [(m.date, float(m.value)) for m in indicator.measurements.all()]
    values = [v for _, v in points]
    for extra in (indicator.target, indicator.baseline):
        if extra is not None:
            values.append(float(extra))
    if not points:
        return ""
    low, high = min(values), max(values)
    span = (high - low) or 1.0
    first, last = points[0][0], points[-1][0]
    days = max((last - first).days, 1)

    def x(day):
        return PAD + (WIDTH - 2 * PAD) * ((day - first).days / days if len(points) > 1 else 0.5)

    def y(value):
        return HEIGHT - PAD - (HEIGHT - 2 * PAD) * (value - low) / span

    line = " ".join(f"{x(d):.1f},{y(v):.1f}" for d, v in points)
    target = ""
    if indicator.target is not None:
        ty = y(float(indicator.target))
        target = format_html(
            '<line x1="{}" x2="{}" y1="{}" y2="{}" class="chart-target"/>'
            '<text x="{}" y="{}" class="chart-label">{}</text>',
            PAD,
            WIDTH - PAD,
            f"{ty:.1f}",
            f"{ty:.1f}",
            WIDTH - PAD,
            f"{ty - 4:.1f}",
            f"{indicator.target:g}",
        )
    dots = format_html_join(
        "",
        '<circle cx="{}" cy="{}" r="3" class="chart-dot"><title>{}: {}</title></circle>',
        ((f"{x(d):.1f}", f"{y(v):.1f}", d.strftime("%d-%m-%Y"), f"{v:g}") for d, v in points),
    )
    return format_html(
        '<svg viewBox="0 0 {} {}" class="indicator-chart" role="img" aria-label="{}">{}'
        '<polyline points="{}" class="chart-line"/>{}</svg>',
        WIDTH,
        HEIGHT,
        indicator.name,
        target,
        line,
        dots,
    )
