from django.db import models
from django.utils.translation import gettext_lazy as _


class ReportReminder(models.TextChoices):
    """The stages of a report slot, one reminder each (see reports/reminding.py); escalations cannot be muted."""

    REPORT_SOON = "report_soon", _("Progress report due soon")
    REPORT_TODAY = "report_today", _("Progress report due today")
    REPORT_OVERDUE = "report_overdue", _("Progress report overdue")
    REPORT_ESCALATION = "report_escalation", _("Progress report long overdue (escalation)")
    REPORT_REVIEW = "report_review", _("Progress report waiting for review")
    PROGRAMME_REPORT = "programme_report", _("Half-yearly programme report to compile")


class ReportNotification(models.TextChoices):
    REPORT_REVIEW = "report_review", _("Reviews of my progress reports")
    PROGRAMME_REPORT_ADOPTED = "report_adopted", _("Programme report adopted by a body")
