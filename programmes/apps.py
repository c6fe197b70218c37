from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammesConfig(AppConfig):
    name = "programmes"
    verbose_name = _("Programmes")

    def ready(self):
        from reminders import registry

        from . import reminding
        from .constants import RiskReminder

        registry.reminder_kind(RiskReminder.RISK_REVIEW, RiskReminder.RISK_REVIEW.label)
        registry.reminder_source(reminding.risk_candidates)
        # A deactivated account gets no reminders, whichever app's they would be.
        registry.silenced_addresses(reminding.deactivated_addresses)
