"""What a meeting does with a pilot on its agenda: the close form offers the step's acts, closing performs one.

Registered with governance.meetings in PilotsConfig.ready(). It stands above pilots.services (which calls
pilots.agenda to schedule and unschedule), so the services and the agenda need no import of each other's.
"""

from django.utils.translation import gettext as _

from governance.constants import AdviceOutcome, StepAct

from . import services


class PilotAgendaHandler:
    """Lets a meeting of the body at the pilot's current step perform that step's act."""

    def choices(self, item):
        pilot = item.subject
        step = pilot.step()
        if step is None or step.body_id != item.meeting.body_id:
            return None
        if step.act == StepAct.MUNICIPALITIES:
            return None  # the colleges or councils decide, each in its own meeting; their decisions go on the page
        if step.act == StepAct.ASSESS:
            return [("forward", _("Assessed: forward")), ("return", _("Return for revision"))]
        if step.act == StepAct.ADVISE:
            return list(AdviceOutcome.choices)
        return [("approved", _("Approve")), ("rejected", _("Reject")), ("returned", _("Return for revision"))]

    def perform(self, item, value, rationale, user, meeting):
        pilot = item.subject
        step = pilot.step()
        if step is None or step.body_id != meeting.body_id:
            raise services.ActRefused(_("%(pilot)s is no longer waiting at this body.") % {"pilot": pilot})
        if value == "forward":
            services.forward(pilot, user, rationale, via="meeting", meeting=meeting)
        elif value == "return":
            services.return_for_revision(pilot, user, rationale, via="meeting", meeting=meeting)
        elif step.act == StepAct.ADVISE:
            services.record_advice(pilot, user, value, rationale, via="meeting", meeting=meeting)
        else:
            # The meeting's recorded outcome is also its statement of how open conditions are dealt with.
            services.decide(pilot, user, value, rationale, via="meeting", meeting=meeting, conditions_note=rationale)
