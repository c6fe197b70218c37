from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PilotsConfig(AppConfig):
    name = "pilots"
    verbose_name = _("Pilots")

    def ready(self):
        from governance.meetings import register_subject_handler

        from .meeting_acts import PilotAgendaHandler
        from .models import Pilot

        register_subject_handler(Pilot, PilotAgendaHandler())

        from reminders import registry

        from . import reminding
        from .constants import PilotNotification, PilotReminder

        for kind in PilotReminder:
            registry.reminder_kind(kind.value, kind.label)
        registry.reminder_source(reminding.gate_candidates)
        registry.reminder_source(reminding.waiting_candidates)
        registry.reminder_source(reminding.municipal_candidates)
        # A decision on one's own proposal always reaches the proposer, whatever they chose.
        registry.notification_kind(
            PilotNotification.OWN_PROPOSAL, PilotNotification.OWN_PROPOSAL.label, rank=10, always=True
        )
        # Conditions of advice: the lead hears of confirmations and reopenings, the body of conditions marked met.
        registry.notification_kind(PilotNotification.CONDITIONS, PilotNotification.CONDITIONS.label, rank=20)
        registry.notification_kind(PilotNotification.MY_BODY, PilotNotification.MY_BODY.label, rank=30)
        registry.notification_kind(PilotNotification.INFORMED, PilotNotification.INFORMED.label, rank=40)
