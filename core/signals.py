"""Signals of the infrastructure, for whoever listens above it (core imports no domain app).

export_made(sender=None, user, filename, kind, rows)
    A list was downloaded as CSV or XLSX (core.exports.export): who (the user, or None), the file's name without
    date and extension, "csv" or "xlsx", and how many rows. The security audit log (accounts) records it.
"""

from django.dispatch import Signal

export_made = Signal()
