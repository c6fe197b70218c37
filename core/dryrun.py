"""Running an act only to learn whether it would pass, so a confirmation page asks only for acts that can happen."""

from django.db import transaction


class _Rollback(Exception):
    """Raised to roll back the trial run."""


def dry_run(run):
    """Runs `run()` in a transaction that is always rolled back, and returns what it returned.

    Refusals raised by the service pass through unchanged. Mails and tasks are queued with on_commit, so a
    rolled-back trial sends nothing. The service stays the one place that decides.
    """
    outcome = {}
    try:
        with transaction.atomic():
            outcome["value"] = run()
            raise _Rollback
    except _Rollback:
        pass
    return outcome["value"]


def carried_fields(request, leave_out=()):
    """What a confirmation page sends on in hidden fields: everything typed, except the form's token, the
    confirmation itself, and the fields the page asks for again (`leave_out`)."""
    skip = {"csrfmiddlewaretoken", "confirmed", *leave_out}
    return [(name, value) for name, values in request.POST.lists() for value in values if name not in skip]
