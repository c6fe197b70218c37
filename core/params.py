"""Reading a raw id from a request, for the few places where no form reads it.

A malformed id ("abc", "", "1.5", forty digits, a NUL) is not our error: it is an object that does not exist,
so a 404, never an exception from the database.
"""

import re

from django.http import Http404
from django.shortcuts import get_object_or_404

_ID = re.compile(r"[1-9][0-9]{0,17}")  # a positive bigint


def parse_id(raw):
    """The id as an int, or None when it is not one."""
    if isinstance(raw, int) and not isinstance(raw, bool):
        return raw if 0 < raw < 10**18 else None
    if isinstance(raw, str) and _ID.fullmatch(raw):
        return int(raw)
    return None


def object_or_404(queryset, raw, field="pk"):
    """The object of `queryset` whose `field` is the id `raw`, or 404 when raw is no id or names no object."""
    value = parse_id(raw)
    if value is None:
        raise Http404
    return get_object_or_404(queryset, **{field: value})
