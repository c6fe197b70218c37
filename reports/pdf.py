"""The half-yearly programme report as an A4 PDF (WeasyPrint), from templates/reports/document/.

The same presented figures as the page and the Word file; the charts are embedded as PNG images; headings
become the PDF's bookmarks, the table of contents gets its page numbers from CSS target-counter.
"""

import base64

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from weasyprint import HTML

from core.safe_text import xml_safe, xml_safe_all

from . import charts
from .document import cover


def css_string(text):
    """`text` as a quoted CSS string: every character but letters, digits and spaces escaped (safe in <style>)."""
    escaped = "".join(c if c.isalnum() or c == " " else f"\\{ord(c):x} " for c in str(text))
    return mark_safe(f'"{escaped}"')


def _data_uri(png):
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


def build(report, shown):
    """The PDF bytes of `report` with its presented figures `shown` (reports.document.shown_figures)."""
    shown = xml_safe_all(shown)  # no control character of a stored text in the charts or the PDF (core.safe_text)
    sheet = xml_safe_all(cover(report, shown))
    sections = []
    for section in shown["sections"]:
        images = [(caption, _data_uri(png)) for caption, png in charts.indicator_charts(section)]
        sections.append({**section, "charts": images})
    money_png = charts.money_chart(shown["years"])
    html = render_to_string(
        "reports/document/programme_report.html",
        {
            "report": report,
            "cover": sheet,
            "figures": shown,
            "sections": sections,
            "money_chart": _data_uri(money_png) if money_png else None,
            "css": {
                "header": css_string(f"{sheet.programme} · {sheet.title}"),
                "footer": css_string(f"{sheet.collaboration} · {sheet.status}"),
                "page": css_string(_("Page")),
                "of": css_string(_("of")),
            },
        },
    )
    return HTML(string=xml_safe(html), base_url="/").write_pdf(pdf_variant="pdf/ua-1")
