from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "reports"
    verbose_name = _("Progress reports")

    def ready(self):
        from reminders import registry

        from . import reminding, schedules
        from .constants import ReportNotification, ReportReminder

        for kind in ReportReminder:
            # Escalations reach their recipients whatever they muted.
            registry.reminder_kind(kind.value, kind.label, mutable=kind != ReportReminder.REPORT_ESCALATION)
        registry.before_sweep(schedules.create_slots)
        registry.reminder_source(reminding.report_candidates)
        registry.reminder_source(reminding.review_candidates)
        registry.reminder_source(reminding.programme_report_candidates)
        registry.notification_kind(ReportNotification.REPORT_REVIEW, ReportNotification.REPORT_REVIEW.label, rank=20)
        registry.notification_kind(
            ReportNotification.PROGRAMME_REPORT_ADOPTED, ReportNotification.PROGRAMME_REPORT_ADOPTED.label, rank=60
        )
