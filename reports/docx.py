"""The half-yearly programme report as a Word document (python-docx), fit for the table of a body.

A4 with margins; a cover on its own page (a different first page: no header or footer there); a table of
contents that Word fills when the file is opened; headers with the programme and the period, footers with
"Pagina X van Y" as PAGE and NUMPAGES fields; tables as wide as the text with fixed columns and a header row
that repeats on every page; the charts as images; Dutch document properties with the programme manager as
author. Built from the report's presented figures (reports.figures), like the page and the PDF.
"""

import datetime
import io

from django.utils.translation import gettext as _
from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from core.safe_text import xml_safe_all
from core.templatetags.money import euro

from . import charts
from .document import cover, number, short_date

A4_WIDTH, A4_HEIGHT = Cm(21.0), Cm(29.7)
MARGIN_SIDE, MARGIN_TOP, MARGIN_BOTTOM = Cm(2.2), Cm(2.5), Cm(2.2)
TEXT_WIDTH_CM = 21.0 - 2 * 2.2
ACCENT = RGBColor(0x1F, 0x5F, 0x99)
MUTED = RGBColor(0x59, 0x59, 0x59)
GREEN, AMBER = RGBColor(0x2E, 0x7D, 0x32), RGBColor(0x8A, 0x4B, 0x00)
HEADER_FILL = "DCE6F1"


def _field(paragraph, instruction, placeholder="1"):
    """A simple field (PAGE, NUMPAGES, TOC) whose result Word computes; the placeholder shows until then."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.set(qn("xml:space"), "preserve")
    text.text = placeholder
    run.append(text)
    field.append(run)
    paragraph._p.append(field)
    return field


def _update_fields_on_open(document):
    """Word asks to update the fields (the table of contents, the page count) when the file is opened."""
    settings = document.settings.element
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    settings.append(update)


def _styles(document):
    styles = document.styles
    normal = styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(10.5)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.15
    # Spelling and grammar in Dutch for every style that inherits from Normal.
    rpr = normal.element.get_or_add_rPr()
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "nl-NL")
    lang.set(qn("w:eastAsia"), "nl-NL")
    rpr.append(lang)
    for name, size in (("Heading 1", 16), ("Heading 2", 12.5), ("Heading 3", 11)):
        style = styles[name]
        style.font.name = "Calibri"
        style.font.size = Pt(size)
        style.font.color.rgb = ACCENT
        style.paragraph_format.space_before = Pt(14 if name == "Heading 1" else 10)
        style.paragraph_format.space_after = Pt(4)
        style.paragraph_format.keep_with_next = True
    styles["Heading 1"].paragraph_format.page_break_before = False
    title = styles["Title"]
    title.font.name = "Calibri"
    title.font.size = Pt(30)
    title.font.color.rgb = ACCENT
    for name in ("Cover line", "Contents heading", "Caption text", "Small print", "Table text"):
        if name not in [s.name for s in styles]:
            styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH).base_style = normal
    styles["Cover line"].font.size = Pt(13)
    styles["Cover line"].font.color.rgb = MUTED
    contents_heading = styles["Contents heading"]
    contents_heading.font.size = Pt(16)
    contents_heading.font.bold = True
    contents_heading.font.color.rgb = ACCENT
    styles["Caption text"].font.size = Pt(8.5)
    styles["Caption text"].font.italic = True
    styles["Caption text"].font.color.rgb = MUTED
    styles["Small print"].font.size = Pt(8.5)
    styles["Small print"].font.color.rgb = MUTED
    table_text = styles["Table text"]
    table_text.font.size = Pt(9)
    table_text.paragraph_format.space_after = Pt(0)
    table_text.paragraph_format.line_spacing = 1.0


def _page(section):
    section.page_width, section.page_height = A4_WIDTH, A4_HEIGHT
    section.left_margin = section.right_margin = MARGIN_SIDE
    section.top_margin, section.bottom_margin = MARGIN_TOP, MARGIN_BOTTOM
    section.header_distance = section.footer_distance = Cm(1.1)


def _header_and_footer(section, sheet):
    section.different_first_page_header_footer = True  # the cover has neither
    header = section.header.paragraphs[0]
    header.text = f"{sheet.programme} · {sheet.title}"
    header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for run in header.runs:
        run.font.size, run.font.color.rgb = Pt(8.5), MUTED
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    parts = [f"{sheet.collaboration} · {sheet.status} · ", _("Page") + " "]
    for text in parts:
        run = footer.add_run(text)
        run.font.size, run.font.color.rgb = Pt(8.5), MUTED
    _field(footer, "PAGE", "1")
    run = footer.add_run(" " + _("of") + " ")
    run.font.size, run.font.color.rgb = Pt(8.5), MUTED
    _field(footer, "NUMPAGES", "1")
    for field in footer._p.findall(qn("w:fldSimple")):
        for r in field.findall(qn("w:r")):
            rpr = OxmlElement("w:rPr")
            size = OxmlElement("w:sz")
            size.set(qn("w:val"), "17")
            rpr.append(size)
            r.insert(0, rpr)


def _cell_fill(cell, colour):
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), colour)
    cell._tc.get_or_add_tcPr().append(shading)


def _repeat_header(row):
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(header)


def _table(document, headers, rows, widths, numeric=()):
    """A table as wide as the text: fixed columns of `widths` (parts of the text width), a repeating header."""
    total = sum(widths)
    columns = [Cm(TEXT_WIDTH_CM * w / total) for w in widths]
    table = document.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for column, width in zip(table.columns, columns, strict=True):
        column.width = width

    def fill(cells, values, bold=False):
        for index, (cell, value, width) in enumerate(zip(cells, values, columns, strict=True)):
            cell.width = width
            paragraph = cell.paragraphs[0]
            paragraph.style = document.styles["Table text"]
            if index in numeric:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            lines = str(value).split("\n")
            for n, line in enumerate(lines):
                run = paragraph.add_run(line)
                run.bold = bold
                if n < len(lines) - 1:
                    run.add_break()

    fill(table.rows[0].cells, headers, bold=True)
    for cell in table.rows[0].cells:
        _cell_fill(cell, HEADER_FILL)
    _repeat_header(table.rows[0])
    for row in rows:
        fill(table.add_row().cells, row)
    document.add_paragraph().paragraph_format.space_after = Pt(2)
    return table


def _picture(document, png, width_cm, caption):
    document.add_picture(io.BytesIO(png), width=Cm(width_cm))
    document.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.add_paragraph(caption, style="Caption text").alignment = WD_ALIGN_PARAGRAPH.CENTER


def _chart_grid(document, images):
    """Indicator charts two by two, in a borderless table as wide as the text."""
    table = document.add_table(rows=0, cols=2)
    table.autofit = False
    half = Cm(TEXT_WIDTH_CM / 2)
    for start in range(0, len(images), 2):
        cells = table.add_row().cells
        for cell, (caption, png) in zip(cells, images[start : start + 2], strict=False):
            cell.width = half
            paragraph = cell.paragraphs[0]
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            paragraph.add_run().add_picture(io.BytesIO(png), width=Cm(TEXT_WIDTH_CM / 2 - 0.4))
            cell.add_paragraph(caption, style="Caption text").alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.add_paragraph()


def _cover(document, sheet):
    document.add_paragraph(sheet.collaboration, style="Cover line").paragraph_format.space_before = Pt(120)
    document.add_paragraph(sheet.programme, style="Title")
    heading = document.add_paragraph(_("Programme report"), style="Cover line")
    heading.runs[0].font.size = Pt(20)
    heading.runs[0].font.color.rgb = ACCENT
    document.add_paragraph(sheet.period, style="Cover line")
    badge = document.add_paragraph().add_run(sheet.status.upper())
    badge.bold, badge.font.size = True, Pt(13)
    badge.font.color.rgb = GREEN if sheet.adopted else AMBER
    document.add_paragraph().paragraph_format.space_after = Pt(40)
    facts = [
        (_("Status"), sheet.status_line),
        (_("Date"), sheet.date),
        (_("Author"), sheet.author),
    ]
    for label, value in facts:
        paragraph = document.add_paragraph()
        label_run = paragraph.add_run(f"{label}: ")
        label_run.bold = True
        paragraph.add_run(value)
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _contents(document):
    document.add_paragraph(_("Contents"), style="Contents heading")
    _field(
        document.add_paragraph(),
        'TOC \\o "1-2" \\h \\z \\u',
        _("The table of contents is filled in when the document is opened in Word (update the field)."),
    )
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _properties(document, report, sheet, shown):
    properties = document.core_properties
    properties.author = sheet.author
    properties.last_modified_by = sheet.author
    properties.title = f"{sheet.title} – {sheet.programme}"
    properties.subject = sheet.programme
    properties.category = _("Programme report")
    properties.keywords = f"{_('programme report')}; {sheet.collaboration}; {sheet.programme}"
    properties.comments = sheet.status_line
    properties.language = "nl-NL"
    properties.created = properties.modified = shown["made_at"].astimezone(datetime.UTC).replace(tzinfo=None)
    properties.revision = 1
    properties.identifier = f"programme-report-{report.pk}"


def build(report, shown):
    """The .docx bytes of `report` with its presented figures `shown` (reports.document.shown_figures)."""
    shown = xml_safe_all(shown)  # Word's XML cannot hold every character a stored text may (core.safe_text)
    sheet = xml_safe_all(cover(report, shown))
    document = Document()
    _styles(document)
    section = document.sections[0]
    _page(section)
    _header_and_footer(section, sheet)
    _properties(document, report, sheet, shown)
    _update_fields_on_open(document)
    _cover(document, sheet)
    _contents(document)

    document.add_heading(_("General summary"), level=1)
    document.add_paragraph(shown["summary"] or _("(no summary written yet)"))

    document.add_heading(_("Money in this period"), level=1)
    _table(document, [_("Released"), _("Spent")], [[euro(shown["released"]), euro(shown["spent"])]], [1, 1], (0, 1))
    document.add_paragraph(_("Released: what the deciding bodies released, minus the unspent money that has returned."))
    document.add_paragraph(
        _("%(in)s of %(due)s progress reports of the period have been handed in.")
        % {"in": shown["reports_in"], "due": shown["reports_due"]}
    )
    if shown["years"]:
        document.add_heading(_("Pilot money per year"), level=2)
        document.add_paragraph(
            _("The pilot budget of the programme as the ledger showed it on %(date)s.") % {"date": sheet.date},
            style="Small print",
        )
        _table(
            document,
            [_("Year"), _("Budget"), _("Released"), _("Spent"), _("Available")],
            [
                [y["year"], euro(y["budget"]), euro(y["released"]), euro(y["spent"]), euro(y["available"])]
                for y in shown["years"]
            ],
            [1, 2, 2, 2, 2],
            (1, 2, 3, 4),
        )
        png = charts.money_chart(shown["years"])
        _picture(document, png, TEXT_WIDTH_CM - 1, _("Pilot money per year: budget, released and spent."))

    for section_data in shown["sections"]:
        document.add_heading(_("Action line: %(title)s") % {"title": section_data["title"]}, level=1)
        document.add_heading(_("Summary"), level=2)
        document.add_paragraph(section_data["summary"] or _("(no summary written yet)"))
        document.add_heading(_("Progress reports"), level=2)
        if section_data["reports"]:
            _table(
                document,
                [_("Workgroup or pilot"), _("Period"), _("Status of the work"), _("Progress")],
                [
                    [
                        p["subject"],
                        f"{short_date(p['period_start'])} –\n{short_date(p['period_end'])}",
                        p["course_label"],
                        p["progress"],
                    ]
                    for p in section_data["reports"]
                ],
                [3, 2.2, 2.2, 6],
            )
        else:
            document.add_paragraph(_("No reports handed in for this period."))
        document.add_heading(_("Pilots and indicators"), level=2)
        if section_data["pilots"]:
            rows = []
            for line in section_data["pilots"]:
                if not line["indicators"]:
                    rows.append([line["title"], line["status_label"], _("No indicators"), "–", "–", "–"])
                for indicator in line["indicators"]:
                    unit = f" ({indicator['unit']})" if indicator["unit"] else ""
                    latest = number(indicator["latest"])
                    if indicator["latest_date"]:
                        latest += f"\n({short_date(indicator['latest_date'])})"
                    rows.append(
                        [
                            line["title"],
                            line["status_label"],
                            indicator["name"] + unit,
                            number(indicator["baseline"]),
                            number(indicator["target"]),
                            latest,
                        ]
                    )
            _table(
                document,
                [_("Pilot"), _("Status"), _("Indicator"), _("Baseline"), _("Target"), _("Latest measurement")],
                rows,
                [3, 2, 3.4, 1.6, 1.6, 2.2],
                (3, 4, 5),
            )
            images = charts.indicator_charts(section_data)
            if images:
                _chart_grid(document, images)
        else:
            document.add_paragraph(_("No pilots in this action line."))
        document.add_heading(_("Decisions"), level=2)
        if section_data["decisions"]:
            _table(
                document,
                [_("Date"), _("Body"), _("Subject"), _("Outcome"), _("Rationale")],
                [
                    [short_date(d["date"]), d["body"], d["subject"], d["outcome_label"], d["rationale"]]
                    for d in section_data["decisions"]
                ],
                [2, 2.2, 3.2, 2, 5.5],
            )
        else:
            document.add_paragraph(_("No decisions in this period."))

    document.add_heading(_("Risks that changed"), level=1)
    if shown["risks"]:
        _table(
            document,
            [_("Risk"), _("Likelihood"), _("Impact"), _("Status")],
            [[r["title"], r["likelihood"], r["impact"], r["status_label"]] for r in shown["risks"]],
            [7, 1.6, 1.6, 2.4],
            (1, 2),
        )
    else:
        document.add_paragraph(_("No risks changed in this period."))

    document.add_heading(_("Open bottlenecks"), level=1)
    if shown["bottlenecks"]:
        for item in shown["bottlenecks"]:
            document.add_paragraph(f"{item['subject']}: {item['text']}", style="List Bullet")
    else:
        document.add_paragraph(_("No open bottlenecks."))

    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
