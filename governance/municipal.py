"""When the participating municipalities' decisions together are a decision of the route (seed 004).

A proposal at a step where the municipalities decide is offered to every municipality that takes part in the
programme's collaboration; each college or council agrees or declines. The step's rule reads their decisions:

- all: every participating municipality agrees. One that declines means the rule can no longer be met.
- majority: more than half of the participating municipalities agree (9 of 17, 4 of 6).
- weighted: the municipalities that agree have more than half of the participants' inhabitants together, counted
  with `Municipality.inhabitants` (the figure in use); a municipality without a figure weighs nothing.

A rule over no municipalities (or no inhabitants) can never be met: the route is refused when it is saved. The
participants are counted as they are when a decision is recorded; a decision of a municipality that no longer takes
part stays in the history but no longer counts.
"""

from dataclasses import dataclass, field

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .constants import MunicipalOutcome, MunicipalRule

MET, FAILED, OPEN = "met", "failed", "open"


def _weight(municipality, rule):
    if rule == MunicipalRule.WEIGHTED:
        return municipality.inhabitants or 0
    return 1


def can_ever_be_met(rule, municipalities):
    """Whether the rule can be met by these participants if they all agree."""
    return sum(_weight(m, rule) for m in municipalities) > 0


@dataclass
class Tally:
    rule: str
    agreed: list = field(default_factory=list)
    declined: list = field(default_factory=list)
    pending: list = field(default_factory=list)

    def _sum(self, municipalities):
        return sum(_weight(m, self.rule) for m in municipalities)

    @property
    def total(self):
        return self._sum(self.agreed + self.declined + self.pending)

    @property
    def count(self):
        return len(self.agreed) + len(self.declined) + len(self.pending)

    def _reached(self, weight):
        if self.total <= 0:
            return False
        if self.rule == MunicipalRule.ALL:
            return weight == self.total
        return 2 * weight > self.total

    @property
    def state(self):
        """MET when the rule is met, FAILED when it can no longer be met, OPEN while it can still go either way."""
        if self._reached(self._sum(self.agreed)):
            return MET
        if not self._reached(self._sum(self.agreed) + self._sum(self.pending)):
            return FAILED
        return OPEN

    @property
    def needed(self):
        """What the rule asks, in words: "alle 17", "9 van 17", "meer dan 320.000 inwoners"."""
        if self.rule == MunicipalRule.ALL:
            return _("all %(count)s") % {"count": self.count}
        if self.rule == MunicipalRule.MAJORITY:
            return _("%(needed)s of %(count)s") % {"needed": self.count // 2 + 1, "count": self.count}
        return _("more than %(half)s inhabitants") % {"half": _thousands(self.total // 2)}

    @property
    def progress(self):
        """How far it is: "9 van 17 akkoord; nodig: alle 17" (with the inhabitants where they count)."""
        text = ngettext(
            "%(agreed)s of %(count)s agreed",
            "%(agreed)s of %(count)s agreed",
            self.count,
        ) % {"agreed": len(self.agreed), "count": self.count}
        if self.rule == MunicipalRule.WEIGHTED:
            text += " " + _("(%(weight)s of %(total)s inhabitants)") % {
                "weight": _thousands(self._sum(self.agreed)),
                "total": _thousands(self.total),
            }
        return _("%(progress)s; needed: %(needed)s") % {"progress": text, "needed": self.needed}

    def summary(self):
        """The rationale of the route's decision: the rule, who agreed, who declined, who had not decided yet."""

        def names(municipalities):
            return ", ".join(m.name for m in municipalities) or "-"

        lines = [
            _("Decided by the participating municipalities under the rule: %(rule)s.")
            % {"rule": MunicipalRule(self.rule).label},
            self.progress + ".",
            _("Agreed: %(names)s.") % {"names": names(self.agreed)},
            _("Declined: %(names)s.") % {"names": names(self.declined)},
        ]
        if self.pending:
            lines.append(_("Not decided yet: %(names)s.") % {"names": names(self.pending)})
        return "\n".join(lines)


def tally(rule, municipalities, outcomes):
    """municipalities: the participants; outcomes: {municipality id: MunicipalOutcome} of the decisions so far."""
    result = Tally(rule=rule)
    for municipality in sorted(municipalities, key=lambda m: m.name):
        outcome = outcomes.get(municipality.pk)
        if outcome == MunicipalOutcome.AGREED:
            result.agreed.append(municipality)
        elif outcome == MunicipalOutcome.DECLINED:
            result.declined.append(municipality)
        else:
            result.pending.append(municipality)
    return result


def _thousands(number):
    return number_format(number, force_grouping=True)
