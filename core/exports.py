"""CSV and XLSX of a list, with Dutch headers and the filters the user applied.

Amounts in a CSV are written the Dutch way (15.000 or 15.000,50), as Excel in Dutch reads them; in an XLSX they
stay numbers with a number format, so they add up.
"""

import csv
from decimal import Decimal
from io import BytesIO

from django.http import HttpResponse
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from core.amounts import dutch
from core.safe_text import xml_safe
from core.signals import export_made


def export(rows, headers, filename, kind, user=None):
    """The download; `user` is who asked for it, for the security audit log (core.signals.export_made)."""
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    rows = list(rows)
    if kind == "xlsx":
        workbook = Workbook()
        sheet = workbook.active
        sheet.append([xml_safe(str(h)) for h in headers])
        for row in rows:
            sheet.append([_cell(value) for value in row])
            for cell in sheet[sheet.max_row]:
                if isinstance(cell.value, (Decimal, float)):
                    cell.number_format = "#,##0.00"  # a number Excel shows in the reader's own notation
        for index, header in enumerate(headers, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = max(12, min(60, len(str(header)) + 4))
        sheet.freeze_panes = "A2"
        buffer = BytesIO()
        workbook.save(buffer)
        response = HttpResponse(
            buffer.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
    else:
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response.write("\ufeff")  # Excel opens UTF-8 CSV with accents intact
        writer = csv.writer(response, delimiter=";")
        writer.writerow([xml_safe(str(h)) for h in headers])
        for row in rows:
            writer.writerow([dutch(value) if isinstance(value, Decimal) else _cell(value) for value in row])
    response["Content-Disposition"] = f'attachment; filename="{filename}-{stamp}.{kind}"'
    export_made.send(sender=None, user=user, filename=filename, kind=kind, rows=len(rows))
    return response


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, str):
        # Stored text may hold control characters no XLSX can (core.safe_text); both formats show the same text.
        value = xml_safe(value)
        # A cell that starts with = + - @ would run as a formula in a spreadsheet.
        return "'" + value if value[:1] in ("=", "+", "-", "@") else value
    return value
