"""The columns of a list, one definition for its page and its CSV/XLSX export, so both show the same.

A list view names the columns a viewer gets (`columns_for(user, …)` next to the view). Its template draws each
column's header and each row's cell from them (template tag `cell`, `{% load columns %}`), and `?export=csv` or
`?export=xlsx` writes the same columns of the same queryset, filters and order applied. A column the viewer may not
see is left out of the list, so it is missing from the page and from the download alike.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from core.exports import export

EXPORT_KINDS = ("csv", "xlsx")


@dataclass(frozen=True)
class Column:
    """One column: its (translatable) header, its value in the export and, optionally, how the page draws it.

    `value(obj)` is the export's cell: text, a number, an amount (Decimal) or a date. The page shows that value too,
    unless `template` names a template for the cell, rendered with the row as `object` and the value as `value`.
    """

    header: Any
    value: Callable[[Any], Any]
    template: str | None = None
    sort: str = ""  # the page's ?sort= key for this column, if it can sort on it
    css: str = ""  # the class of the column's header and cells on the page (e.g. "text-end")


def export_columns(columns, objects, filename, kind, user=None):
    """The download of `objects` in `columns` (see core.exports.export)."""
    rows = ([column.value(obj) for column in columns] for obj in objects)
    return export(rows, [str(column.header) for column in columns], filename, kind, user=user)


class ColumnListMixin:
    """For a django-filter FilterView: the page and `?export=` read one filtered queryset and `get_columns()`.

    The view defines `export_name` (the file's name) and `get_columns()`; the template gets `columns`.
    """

    export_name = None

    def get(self, request, *args, **kwargs):
        kind = request.GET.get("export")
        if self.export_name is None or kind not in EXPORT_KINDS:
            return super().get(request, *args, **kwargs)
        filterset = self.get_filterset(self.get_filterset_class())
        objects = filterset.qs if filterset.is_valid() else self.get_queryset().none()
        return export_columns(
            self.get_columns(), objects.iterator(chunk_size=2000), self.export_name, kind, user=request.user
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["columns"] = self.get_columns()
        return context
