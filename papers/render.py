"""The pack from HTML: WeasyPrint lays out cover, agenda, contents and papers on A4 with the annexes' placeholder
pages, pypdf draws the annexes onto those pages. Always in the site's language (Dutch), whoever asks for it."""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation
from weasyprint import HTML

from core.safe_text import xml_safe

from . import annexes as annex_pdf
from .constants import AnnexState

PDF_OPTIONS = {"pdf_tags": True, "pdf_version": "1.7"}


def _html(contents):
    meeting = contents.meeting
    html = render_to_string(
        "papers/pack.html",
        {
            "meeting": meeting,
            "body": meeting.body,
            "programme": meeting.programme,
            "items": contents.items,
            "made_at": timezone.localtime(),
            "annex_margin": annex_pdf.ANNEX_MARGIN,
            "annex_caption": annex_pdf.ANNEX_CAPTION,
            "language": settings.LANGUAGE_CODE,
        },
    )
    return xml_safe(html)  # no control character of a stored text in the PDF (core.safe_text)


def _placements(document, merged):
    """Each merged annex → the index of its first placeholder page, found by its anchor."""
    first_pages = {}
    for index, page in enumerate(document.pages):
        for anchor in page.anchors:
            first_pages.setdefault(anchor, index)
    return {annex: first_pages[f"{annex.anchor}-page-1"] for annex in merged}


def render(contents):
    """(pdf bytes, page count). An annex that fails while merging is listed instead, and the pack laid out again."""
    for annex in contents.annexes:
        annex_pdf.inspect(annex)
    with translation.override(settings.LANGUAGE_CODE):
        while True:
            merged = [annex for annex in contents.annexes if annex.state == AnnexState.MERGED]
            # Tagged (headings, tables, lists, reading order) as far as WeasyPrint tags; see the notes in README.
            document = HTML(string=_html(contents), base_url=str(settings.BASE_DIR)).render(**PDF_OPTIONS)
            pdf = document.write_pdf(**PDF_OPTIONS)
            try:
                return annex_pdf.merge(pdf, _placements(document, merged)), len(document.pages)
            except annex_pdf.AnnexFailed as failure:
                failure.annex.state, failure.annex.data = AnnexState.BROKEN, b""
