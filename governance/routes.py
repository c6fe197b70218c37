"""Rules for decision routes, used by the route form in the browser and by the admin alike."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .constants import StepAct


def validate_steps(programme, steps):
    """steps: [(order, body, act)] of a route that is being saved. Raises ValidationError with Dutch messages."""
    errors = []
    if not steps:
        raise ValidationError(_("A route has at least one step: the body that decides."))
    deciding = [step for step in steps if step[2] == StepAct.DECIDE]
    if len(deciding) != 1:
        errors.append(_("A route has exactly one deciding step; this one has %(count)s.") % {"count": len(deciding)})
    elif max(steps, key=lambda step: step[0]) is not deciding[0]:
        errors.append(_("The deciding step is the last step of the route."))
    for _order, body, _act in steps:
        if body.programme_id != programme.pk:
            errors.append(_("%(body)s belongs to another programme.") % {"body": body})
    orders = [step[0] for step in steps]
    if len(set(orders)) != len(orders):
        errors.append(_("Two steps have the same number."))
    if errors:
        raise ValidationError(errors)
