"""How a service says no. The message is Dutch and meant for the person who tried.

A Refused act may be right another time or with other input (the view shows the message and keeps the page);
a Forbidden act is one this person may not do at all, and the web answers it with 403 and the same message.
Both are ValidationErrors, so admin actions, meetings and tasks that call the services treat them alike.
"""

from django.core.exceptions import PermissionDenied, ValidationError


class Refused(ValidationError):
    """Not now, or not with this input."""


class Forbidden(Refused):
    """Not by this person."""


def as_permission_denied(error):
    """The PermissionDenied a view raises for a Forbidden act: the 403 page shows the service's message."""
    return PermissionDenied(" ".join(error.messages))


def require(condition, message, refusal=Refused):
    """Refuses the act with the message unless the condition holds (not now, or not with this input)."""
    if not condition:
        raise refusal(message)


def allow(condition, message, refusal=Forbidden):
    """Refuses the act as forbidden to this person unless the condition holds."""
    if not condition:
        raise refusal(message)
