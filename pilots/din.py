"""DIN proposals as documents: the empty DIN template in Word, a pilot's proposal in Word and PDF.

The headings are the contract between the two directions. Every field of the proposal stands under its own
heading, in the order of SECTIONS; pilots.din_read finds the same headings in a filled-in document and reads
the text beneath each. Everything before the first heading (the document title, the instructions, the
details of an exported proposal) is for the reader and is not read back. The DIN headings themselves are the
format's Dutch names (Doelen, Inspanningen, Netwerk) in Dutch; a heading is recognised in every language of
the site, so a template downloaded in English reads back on a Dutch page.
"""

import io
from dataclasses import dataclass

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from weasyprint import HTML

from core.safe_text import xml_safe, xml_safe_all
from core.templatetags.money import euro

from .services import pilot_budget_years

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@dataclass(frozen=True)
class Section:
    key: str | None  # the Pilot field (or "budget" for the table of requested money); None: a grouping heading
    label: Promise
    level: int
    required: bool = True
    single_line: bool = False


SECTIONS = [
    Section("title", gettext_lazy("Title"), 1, single_line=True),
    Section("kind", gettext_lazy("Kind"), 1, required=False, single_line=True),
    Section("goals", gettext_lazy("Goals (Doelen)"), 1),
    Section("efforts", gettext_lazy("Efforts (Inspanningen)"), 1),
    Section("budget", gettext_lazy("Requested budget per year"), 2, required=False),
    Section("network", gettext_lazy("Network (Netwerk)"), 1),
    Section(None, gettext_lazy("Pilot template"), 1, required=False),
    Section("objective", gettext_lazy("Objective"), 2),
    Section("target_group", gettext_lazy("Target group"), 2),
    Section("approach", gettext_lazy("Approach"), 2),
    Section("parties_text", gettext_lazy("Parties involved"), 2),
    Section("intended_effects", gettext_lazy("Intended effects"), 2),
    Section(None, gettext_lazy("Planning"), 1, required=False),
    Section("planned_start", gettext_lazy("Planned start"), 2, required=False, single_line=True),
    Section("planned_end", gettext_lazy("Planned end"), 2, required=False, single_line=True),
]
TEXT_FIELDS = [s.key for s in SECTIONS if s.key and s.key not in ("budget", "kind", "planned_start", "planned_end")]
TEXT_OR_LINE = {s.key for s in SECTIONS if s.key and s.key != "budget"}
YEAR = gettext_lazy("Year")
AMOUNT = gettext_lazy("Amount (EUR)")
TOTAL = gettext_lazy("Total")
DATE_FORMAT = "%d-%m-%Y"


def in_every_language(text):
    """The text as it reads in each language of the site (the same msgid, translated)."""
    texts = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            texts.append(str(text))
    return texts


def author_name(user, workgroup=None):
    """Who a document is made for: the person's name, else the account's, else the workgroup."""
    person = getattr(user, "person", None) if user is not None and user.is_authenticated else None
    if person is not None and person.name:
        return person.name
    if user is not None and user.is_authenticated and (user.get_full_name() or user.get_username()):
        return user.get_full_name() or user.get_username()
    return str(workgroup) if workgroup is not None else ""


def programme_header(programme):
    return f"{programme.collaboration.name} · {programme.title}"


def lines(text):
    """A field's text as paragraphs: Word has no newline inside a paragraph that a person would type."""
    return (text or "").replace("\r\n", "\n").replace("\r", "\n").split("\n")


# --- Word -----------------------------------------------------------------------------------------------------------


def _field(paragraph, instruction, placeholder):
    """A Word field (PAGE, NUMPAGES) that Word fills in when it lays out the pages."""
    simple = OxmlElement("w:fldSimple")
    simple.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = placeholder
    run.append(text)
    simple.append(run)
    paragraph._p.append(simple)


def _new_document(programme, title, author):
    """An A4 document with the programme in its header; every stored text that goes into Word passes xml_safe
    (core.safe_text), as Word's XML cannot hold every character a stored text may."""
    title, author = xml_safe(title), xml_safe(author)
    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(22)
    section.top_margin = section.bottom_margin = Mm(22)
    styles = document.styles
    styles["Normal"].font.name = "Calibri"
    styles["Normal"].font.size = Pt(11)
    # Spelling and hyphenation in Dutch: the document's default language.
    defaults = styles.element.find(qn("w:docDefaults"))
    run_defaults = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")) if defaults is not None else None
    if run_defaults is not None:
        language = run_defaults.find(qn("w:lang"))
        if language is None:
            language = OxmlElement("w:lang")
            run_defaults.append(language)
        language.set(qn("w:val"), "nl-NL")
    header = section.header.paragraphs[0]
    header.text = xml_safe(programme_header(programme))
    header.style = styles["Header"]
    footer = section.footer.paragraphs[0]
    footer.style = styles["Footer"]
    footer.add_run(_("Page") + " ")
    _field(footer, "PAGE", "1")
    footer.add_run(" " + _("of") + " ")
    _field(footer, "NUMPAGES", "1")
    now = timezone.now()
    properties = document.core_properties
    properties.author = properties.last_modified_by = author
    properties.title = title
    properties.subject = xml_safe(programme.title)
    properties.comments = ""
    properties.keywords = "DIN"
    properties.category = _("DIN proposal")
    properties.language = "nl-NL"
    properties.created = properties.modified = now
    properties.revision = 1
    return document


def _table(document, headers, rows, widths):
    """A table that fits the A4 text width; a header row (if any) in bold, repeated on every page."""
    table = document.add_table(rows=1 if headers else 0, cols=len(widths))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    if headers:
        for cell, header in zip(table.rows[0].cells, headers, strict=True):
            cell.text = str(header)
            for run in cell.paragraphs[0].runs:
                run.bold = True
        repeat = OxmlElement("w:tblHeader")
        repeat.set(qn("w:val"), "true")
        table.rows[0]._tr.get_or_add_trPr().append(repeat)
    for row in rows:
        for cell, value in zip(table.add_row().cells, row, strict=True):
            cell.text = str(value)
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width
    return table


def _write(document, section, text):
    document.add_heading(str(section.label), level=section.level)
    for line in lines(text):
        document.add_paragraph(line)


def _budget_table(document, rows):
    _table(document, [YEAR, AMOUNT], rows, [Mm(40), Mm(60)])
    document.add_paragraph()


def _save(document):
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def template_document(programme, user):
    """The empty DIN template of the programme, as .docx bytes: the headings to write under, nothing else."""
    document = _new_document(programme, _("DIN proposal (template)"), author_name(user))
    document.add_paragraph(_("DIN proposal"), style="Title")
    document.add_paragraph(xml_safe(programme.title))
    document.add_paragraph(
        _(
            "Write your proposal under the headings of this template and keep the headings as they are: the "
            "product reads the text under each heading back into a draft proposal. Goals: what do we want to "
            "achieve? Efforts: which people, means and actions are needed, and how much money per year? "
            "Network: which parties are involved, and how does it fit the programme? Dates as dd-mm-yyyy, "
            "amounts in euros. Upload the document at “Import a proposal from Word” on the pilots page."
        )
    )
    years = pilot_budget_years(programme) or [None, None]
    for section in SECTIONS:
        if section.key == "budget":
            document.add_heading(str(section.label), level=section.level)
            _budget_table(document, [[year or "", ""] for year in years])
        elif section.key == "kind":
            _write(document, section, str(_("Pilot")))
        else:
            _write(document, section, "")
    return _save(document)


def proposal_values(pilot):
    """What stands under each heading for this pilot (its budget as rows of year and amount)."""
    requests = list(pilot.budget_requests.all())
    parties = ", ".join(str(party) for party in pilot.parties.all())
    values = {key: getattr(pilot, key) for key in TEXT_FIELDS}
    values.update(
        kind=pilot.get_kind_display(),
        parties_text="\n".join(text for text in (parties, pilot.parties_text) if text),
        planned_start=pilot.planned_start.strftime(DATE_FORMAT) if pilot.planned_start else "",
        planned_end=pilot.planned_end.strftime(DATE_FORMAT) if pilot.planned_end else "",
        budget=[[r.year, euro(r.amount)] for r in requests],
        budget_total=euro(sum(r.amount for r in requests)) if requests else "",
    )
    return values


def proposal_details(pilot):
    """The facts above the proposal (not read back): workgroup (or document type), status, action lines, when it
    was made."""
    if pilot.workgroup_id is None:
        origin = [(_("Kind"), f"{pilot.get_kind_display()}: {pilot.get_document_type_display()}")]
    else:
        origin = [(_("Workgroup"), str(pilot.workgroup))]
    return [
        (_("Programme"), pilot.programme.title),
        *origin,
        (_("Status"), pilot.get_status_display()),
        (_("Action lines"), ", ".join(line.title for line in pilot.action_lines.all()) or "–"),
        (_("Made on"), timezone.localdate().strftime(DATE_FORMAT)),
    ]


def proposal_document(pilot, user):
    """The pilot's proposal in the DIN format, as .docx bytes, with the same headings as the template."""
    document = _new_document(pilot.programme, pilot.title, author_name(user, pilot.workgroup))
    document.add_paragraph(_("DIN proposal"), style="Title")
    _table(document, None, xml_safe_all(proposal_details(pilot)), [Mm(40), Mm(126)])
    document.add_paragraph()
    values = xml_safe_all(proposal_values(pilot))
    for section in SECTIONS:
        if section.key == "budget":
            document.add_heading(str(section.label), level=section.level)
            rows = values["budget"] + ([[str(TOTAL), values["budget_total"]]] if values["budget"] else [])
            _budget_table(document, rows)
        else:
            _write(document, section, values.get(section.key, "") if section.key else "")
    return _save(document)


# --- PDF ------------------------------------------------------------------------------------------------------------


def proposal_pdf(pilot, user):
    """The same proposal as an A4 PDF (WeasyPrint), for reading and printing."""
    values = proposal_values(pilot)
    sections = [
        {"section": section, "lines": lines(values[section.key]) if section.key in TEXT_OR_LINE else []}
        for section in SECTIONS
    ]
    html = render_to_string(
        "pilots/din/proposal_pdf.html",
        {
            "pilot": pilot,
            "header": programme_header(pilot.programme),
            "details": proposal_details(pilot),
            "sections": sections,
            "budget": values["budget"],
            "budget_total": values["budget_total"],
            "author": author_name(user, pilot.workgroup),
            "headers": {"year": YEAR, "amount": AMOUNT, "total": TOTAL},
        },
    )
    return HTML(string=xml_safe(html)).write_pdf(pdf_variant="pdf/ua-1")
