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
