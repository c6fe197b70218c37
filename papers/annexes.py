"""Uploaded PDF annexes: which can be merged into the pack, and merging them onto their placeholder pages.

An annex is read with pypdf before the pack is laid out, so the pack leaves room for exactly its pages. One that
is encrypted, broken, empty or missing is listed in the pack with the reason, not merged; the pack still renders.
Each annex page is scaled into the body of an A4 placeholder page that carries the pack's caption and footer,
so the printed pack is A4 throughout and numbered without gaps.
"""

import io
import logging

from pypdf import PdfReader, PdfWriter, Transformation

from .constants import AnnexState

log = logging.getLogger(__name__)

MM = 72 / 25.4  # PDF points per millimetre
A4 = (210, 297)
# The annex placeholder page (CSS @page annex), in millimetres; the template reads the same numbers.
ANNEX_MARGIN = {"top": 12, "right": 12, "bottom": 16, "left": 12}
ANNEX_CAPTION = 10  # the caption line above the annex page
# Pages of one annex merged at most: a pack stays printable.
MAX_ANNEX_PAGES = 200


class AnnexFailed(Exception):
    def __init__(self, annex):
        super().__init__(annex.name)
        self.annex = annex


def inspect(annex):
    """Sets annex.state, and for a readable PDF its bytes and page count."""
    if not annex.is_pdf:
        annex.state = AnnexState.OTHER_FORMAT
        return annex
    try:
        with annex.document.file.open("rb") as handle:
            data = handle.read()
    except (FileNotFoundError, OSError):
        annex.state = AnnexState.MISSING
        return annex
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            annex.state = AnnexState.ENCRYPTED
            return annex
        pages = len(reader.pages)
        for page in reader.pages:
            _box(page)
            page.get_contents()
    except Exception as error:  # noqa: BLE001 - any reader error means: list it, do not merge it
        log.info("annex %s cannot be merged: %s", annex.document.pk, error)
        annex.state = AnnexState.BROKEN
        return annex
    if not 0 < pages <= MAX_ANNEX_PAGES:
        annex.state = AnnexState.BROKEN
        return annex
    annex.state, annex.data, annex.pages = AnnexState.MERGED, data, pages
    return annex


def _box(page):
    box = page.cropbox
    width, height = float(box.width), float(box.height)
    if width <= 0 or height <= 0:
        raise ValueError("empty page")
    return box, width, height


def _target():
    """The area of an A4 placeholder page an annex page is scaled into: (x, y, width, height) in points."""
    x = ANNEX_MARGIN["left"] * MM
    y = ANNEX_MARGIN["bottom"] * MM
    width = (A4[0] - ANNEX_MARGIN["left"] - ANNEX_MARGIN["right"]) * MM
    height = (A4[1] - ANNEX_MARGIN["top"] - ANNEX_MARGIN["bottom"] - ANNEX_CAPTION) * MM
    return x, y, width, height


def merge(pdf, placements):
    """The pack with each annex's pages drawn onto its placeholder pages.

    `placements` maps an annex to the index of its first placeholder page. The pack's outline, links and tags
    are kept (the writer is a clone of the pack). Raises AnnexFailed for an annex that fails after all.
    """
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    x, y, width, height = _target()
    for annex, first in placements.items():
        try:
            source = PdfWriter(clone_from=PdfReader(io.BytesIO(annex.data), strict=False))
            for offset, page in enumerate(source.pages):
                page.transfer_rotation_to_content()
                box, page_width, page_height = _box(page)
                scale = min(width / page_width, height / page_height, 1)
                left = x + (width - page_width * scale) / 2
                bottom = y + height - page_height * scale
                transformation = (
                    Transformation()
                    .translate(-float(box.left), -float(box.bottom))
                    .scale(scale, scale)
                    .translate(left, bottom)
                )
                writer.pages[first + offset].merge_transformed_page(page, transformation, over=True, expand=False)
        except Exception as error:  # noqa: BLE001 - an uploaded file can fail in any way: list it, do not merge it
            log.info("annex %s failed while merging: %s", annex.document.pk, error)
            raise AnnexFailed(annex) from error
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()
