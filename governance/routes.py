"""Rules for decision routes, used by the route form in the browser and by the admin alike."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from programmes.models import Municipality

from .constants import DECIDING_ACTS, StepAct
from .municipal import can_ever_be_met


def validate_steps(programme, steps):
    """steps: [(order, body, act, organ, rule)] of a route that is being saved. Raises ValidationError with Dutch
    messages.

    Exactly one step decides, the last: a body that decides, or the participating municipalities under a rule. A rule
    that can never be met (no participating municipalities, or none with inhabitants where they weigh) is refused
    here, not found out when the first proposal gets stuck at it.
    """
    errors = []
    if not steps:
        raise ValidationError(_("A route has at least one step: the body that decides."))
    deciding = [step for step in steps if step[2] in DECIDING_ACTS]
    if len(deciding) != 1:
        errors.append(_("A route has exactly one deciding step; this one has %(count)s.") % {"count": len(deciding)})
    elif max(steps, key=lambda step: step[0]) is not deciding[0]:
        errors.append(_("The deciding step is the last step of the route."))
    for order, body, act, organ, rule in steps:
        if body.programme_id != programme.pk:
            errors.append(_("%(body)s belongs to another programme.") % {"body": body})
        if act == StepAct.MUNICIPALITIES:
            errors += municipal_step_errors(programme, order, organ, rule)
        elif organ or rule:
            errors.append(
                _(
                    "Step %(order)s: a college or council and a rule belong only to a step where the municipalities "
                    "decide."
                )
                % {"order": order}
            )
    orders = [step[0] for step in steps]
    if len(set(orders)) != len(orders):
        errors.append(_("Two steps have the same number."))
    if errors:
        raise ValidationError(errors)


def municipal_step_errors(programme, order, organ, rule):
    errors = []
    if not organ:
        errors.append(
            _("Step %(order)s: say whether the colleges or the councils of the municipalities decide.")
            % {"order": order}
        )
    if not rule:
        errors.append(_("Step %(order)s: choose the rule by which the municipalities decide.") % {"order": order})
    elif not can_ever_be_met(rule, Municipality.objects.of_collaboration(programme.collaboration)):
        errors.append(
            _(
                "Step %(order)s: this rule can never be met, because %(collaboration)s has no participating "
                "municipalities (with inhabitants, where they weigh). Add the municipalities to the collaboration "
                "first."
            )
            % {"order": order, "collaboration": programme.collaboration}
        )
    return errors
