"""Risks past their review date remind their owner. Registered with the reminder sweep in ProgrammesConfig.ready."""

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _

from reminders.models import Reminder

from .constants import RiskReminder
from .risks import Risk


def risk_candidates(today, types):
    rows = []
    for risk in (
        Risk.objects.filter(review_date__lt=today, status__in=["open", "occurred"])
        .exclude(owner__email="")
        .exclude(owner__isnull=True)
        .select_related("owner", "programme")
    ):
        url = settings.SITE_URL + reverse("programmes:risks", args=[risk.programme_id])
        rows.append(
            Reminder(
                kind=RiskReminder.RISK_REVIEW,
                subject_type=types(Risk),
                subject_id=risk.pk,
                url=url,
                due_date=risk.review_date,
                recipient=risk.owner.email,
                title=_("Review the risk: %(risk)s") % {"risk": risk.title},
                body=_("The risk %(risk)s was due for review on %(date)s. See %(url)s")
                % {"risk": risk.title, "date": risk.review_date.strftime("%d-%m-%Y"), "url": url},
            )
        )
    return rows
