"""Reading a filled-in DIN template back: first whether the upload is a plain Word document, then its headings.

An upload is hostile until shown otherwise. check_package refuses anything but a .docx package without macros
whose parts unpack within a fixed bound (a zip bomb stops at the bound, not at the end of memory); only then
does python-docx open it. read_proposal returns the text under each heading of pilots.din.SECTIONS, or a
ValidationError that names the headings it missed. Nothing here writes anything.
"""

import io
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from docx import Document
from docx.oxml.ns import qn

from governance.models import MAX_DOCUMENT_BYTES

from .constants import PilotKind
from .din import DATE_FORMAT, SECTIONS, TOTAL, in_every_language

MAX_UNPACKED_BYTES = 5 * MAX_DOCUMENT_BYTES  # what all parts together may unpack to
MAX_PARTS = 1000
WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
CHUNK = 64 * 1024


def _megabytes(size):
    return f"{size // (1024 * 1024)}"


def check_upload(name, size):
    """Refuses by name and size alone, before the upload is read: not a .docx, macros by name, too large."""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension in ("docm", "dotm"):
        raise ValidationError(
            _("This Word file contains macros (.%(ext)s). Save it as a .docx document.") % {"ext": extension}
        )
    if extension == "doc":
        raise ValidationError(
            _("This is an old Word file (.doc). Open it in Word and save it as a Word document (.docx).")
        )
    if extension != "docx":
        raise ValidationError(_("Upload a Word document (.docx) made from the DIN template."))
    if size is None or size > MAX_DOCUMENT_BYTES:
        raise ValidationError(
            _("The file is larger than %(limit)s MB. Remove large pictures from the document and try again.")
            % {"limit": _megabytes(MAX_DOCUMENT_BYTES)}
        )


# What zipfile raises on a file it cannot read: damaged (BadZipFile, zlib.error, EOFError, OSError, ValueError),
# encrypted (RuntimeError: a password is required), a compression method it lacks (NotImplementedError), ZIP64 parts.
UNREADABLE = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    OSError,
    EOFError,
    ValueError,
    RuntimeError,
    NotImplementedError,
)


def check_package(name, data):
    """Refuses (ValidationError, Dutch message) what is not a plain Word document; returns None otherwise."""
    check_upload(name, len(data))
    broken = ValidationError(_("This file is damaged or is not a Word document (.docx): it cannot be read."))
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
        parts = package.infolist()
    except UNREADABLE:
        raise broken from None
    names = {part.filename.lower() for part in parts}
    if "[content_types].xml" not in names or "word/document.xml" not in names:
        raise broken
    if any("vbaproject" in part or "vbadata" in part for part in names):
        raise ValidationError(_("This Word file contains macros. Save it as a .docx document without macros."))
    too_big = ValidationError(
        _("This file unpacks to more than %(limit)s MB: it is not a DIN proposal that can be read.")
        % {"limit": _megabytes(MAX_UNPACKED_BYTES)}
    )
    if len(parts) > MAX_PARTS or sum(part.file_size for part in parts) > MAX_UNPACKED_BYTES:
        raise too_big
    unpacked, content_types = 0, b""
    try:
        for part in parts:  # the sizes in the zip's directory can lie: count what really comes out
            with package.open(part) as stream:
                while chunk := stream.read(CHUNK):
                    unpacked += len(chunk)
                    if unpacked > MAX_UNPACKED_BYTES:
                        raise too_big
                    if part.filename == "[Content_Types].xml" and len(content_types) < 1024 * 1024:
                        content_types += chunk
    except UNREADABLE:
        raise broken from None  # a damaged, encrypted or oddly compressed part
    if b"macroenabled" in content_types.lower():
        raise ValidationError(_("This Word file contains macros. Save it as a .docx document without macros."))
    if WORD_MAIN.encode() not in content_types:
        raise ValidationError(_("Upload a Word document (.docx) made from the DIN template."))


# --- the text under the headings -------------------------------------------------------------------------------------


@dataclass
class ReadProposal:
    fields: dict = field(default_factory=dict)  # Pilot field name → text as found
    budget: list = field(default_factory=list)  # (year text, amount text) as found in the table
    has_budget_table: bool = False


def _normal(text):
    """A heading as compared: case and spacing ignored, a trailing colon and manual numbering (“2.1”) dropped."""
    text = " ".join(text.split()).casefold().rstrip(":").strip()
    return re.sub(r"^\d+(\.\d+)*\.?\s+", "", text)


def _headings():
    found = {}
    for section in SECTIONS:
        for text in in_every_language(section.label):
            found.setdefault(_normal(text), section)
    return found


def _text(element):
    """The visible text of a paragraph, inserted (tracked) text included, deleted text and field codes not."""
    parts = []
    for node in element.iter(qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr")):
        if node.tag == qn("w:t"):
            parts.append(node.text or "")
        elif node.tag == qn("w:tab"):
            parts.append("\t")
        elif node.tag != qn("w:br") or node.get(qn("w:type")) in (None, "textWrapping"):
            parts.append("\n")
    return "".join(parts)


def _blocks(container):
    """The body's paragraphs and tables in reading order, including those inside content controls."""
    for child in container.iterchildren():
        if child.tag in (qn("w:p"), qn("w:tbl")):
            yield child
        elif child.tag == qn("w:sdt"):
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                yield from _blocks(content)


def _rows(table):
    for row in table.iterchildren(qn("w:tr")):
        yield ["\n".join(_text(p) for p in cell.iter(qn("w:p"))).strip() for cell in row.iterchildren(qn("w:tc"))]


def _is_heading(paragraph, styles):
    """A heading style (Heading n, in any language of Word), an outline level, or a paragraph all in bold."""
    properties = paragraph.find(qn("w:pPr"))
    if properties is not None and properties.find(qn("w:outlineLvl")) is not None:
        return True
    style_id = None
    if properties is not None and properties.find(qn("w:pStyle")) is not None:
        style_id = properties.find(qn("w:pStyle")).get(qn("w:val"))
    if style_id and styles.get(style_id, "").startswith(("heading", "kop", "title", "titel")):
        return True
    runs = [r for r in paragraph.iter(qn("w:r")) if "".join(t.text or "" for t in r.iter(qn("w:t"))).strip()]
    return bool(runs) and all(
        r.find(qn("w:rPr")) is not None
        and r.find(qn("w:rPr")).find(qn("w:b")) is not None
        and r.find(qn("w:rPr")).find(qn("w:b")).get(qn("w:val")) not in ("0", "false")
        for r in runs
    )


def _style_names(document):
    names = {}
    for style in document.styles.element.iterchildren(qn("w:style")):
        name = style.find(qn("w:name"))
        names[style.get(qn("w:styleId"))] = (name.get(qn("w:val")) if name is not None else "").casefold()
    return names


def _open(data):
    try:
        return Document(io.BytesIO(data))
    except Exception:  # python-docx fails in many ways on a hostile package; each of them means "unreadable"
        raise ValidationError(_("This file is damaged or is not a Word document (.docx): it cannot be read.")) from None


def _body(document):
    """The document's body; a ValidationError when the main part is no w:document or holds no w:body."""
    root = document.element
    body = root.find(qn("w:body")) if root.tag == qn("w:document") else None
    if body is None:
        raise ValidationError(
            _(
                "This Word file holds no text that can be read. Open it in Word, check that the headings of the DIN "
                "template are in it and save it again as a .docx document."
            )
        )
    return body


def read_proposal(data):
    """The proposal under the template's headings; a ValidationError naming every heading that is missing."""
    document = _open(data)
    body = _body(document)
    headings, styles = _headings(), _style_names(document)
    current, seen, texts, tables = None, [], {}, {}
    for block in _blocks(body):
        if block.tag == qn("w:tbl"):
            if current is not None and current.key == "budget":
                tables.setdefault(current, block)
            elif current is not None:
                texts.setdefault(current, []).extend("\t".join(row) for row in _rows(block))
            continue
        text = _text(block)
        section = headings.get(_normal(text)) if len(text) < 200 else None
        if section is not None and _is_heading(block, styles):
            if section in seen:
                raise ValidationError(
                    _("The heading “%(heading)s” appears more than once. Keep each heading of the template once.")
                    % {"heading": section.label}
                )
            seen.append(section)
            current = section
        elif current is not None:
            texts.setdefault(current, []).append(text)
    missing = [str(s.label) for s in SECTIONS if s.required and s not in seen]
    if missing:
        raise ValidationError(
            _(
                "This document does not follow the DIN template: these headings are missing: %(headings)s. "
                "Download the template and write under its headings without changing them."
            )
            % {"headings": ", ".join(f"“{label}”" for label in missing)}
        )
    return _proposal(texts, tables)


def _proposal(texts, tables):
    proposal = ReadProposal()
    limit = settings.MAX_PARAMETER_LENGTH
    budget_section = next(s for s in SECTIONS if s.key == "budget")
    for section in SECTIONS:
        if section.key is None:
            continue
        if section.key == "budget":
            if section in tables:
                proposal.has_budget_table = True
                proposal.budget = _budget(tables[section])
            continue
        if section.key == "efforts":  # what is written beside the table of money belongs to the efforts
            paragraphs = texts.get(section, []) + texts.get(budget_section, [])
        else:
            paragraphs = texts.get(section, [])
        value = (" " if section.single_line else "\n").join(paragraphs).strip()
        if section.single_line:
            value = " ".join(value.split())
        if len(value) > limit:
            raise ValidationError(
                _("The text under “%(heading)s” is longer than %(limit)s characters. Shorten it and try again.")
                % {"heading": section.label, "limit": f"{limit:,}".replace(",", ".")}
            )
        proposal.fields[section.key] = value
    proposal.fields["kind"] = _kind(proposal.fields.get("kind", ""))
    for key in ("planned_start", "planned_end"):
        proposal.fields[key] = _date(proposal.fields.get(key, ""))
    return proposal


def _budget(table):
    """Rows of (year, amount) as typed; a row without an amount, and the total row, are no request."""
    totals = {text.casefold() for text in in_every_language(TOTAL)}
    rows = list(_rows(table))[1:]  # the first row holds the column names
    return [
        (row[0], row[1]) for row in rows if len(row) >= 2 and row[1].strip() and row[0].strip().casefold() not in totals
    ][:50]


def _kind(text):
    """The kind of proposal by its label in any language; what is not recognised stays, for the form to refuse."""
    if not text:
        return PilotKind.PILOT
    wanted = text.casefold()
    for value, label in PilotKind.choices:
        if wanted == value or wanted in {t.casefold() for t in in_every_language(label)}:
            return value
    return text


def _date(text):
    """dd-mm-yyyy (as the template asks), or the other ways people write a date; else the text for the form."""
    for pattern in (DATE_FORMAT, "%d/%m/%Y", "%d.%m.%Y", "%Y-%m-%d", "%d-%m-%y"):
        try:
            return datetime.strptime(text, pattern).date().isoformat()
        except ValueError:
            continue
    return text
