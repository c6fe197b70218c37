"""Risks past their review date remind their owner. Registered with the reminder sweep in ProgrammesConfig.ready."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils.translation import gettext as _

from reminders.models import Reminder

from .constants import RiskReminder
from .models import Person
from .risks import Risk


def deactivated_addresses():
    """The addresses of people whose account is deactivated (their own and their person's), unless an active
    account or a person without a deactivated account also uses it. Four queries, whatever the number of people."""
    users = get_user_model().objects.exclude(email="")
    gone = {e.lower() for e in users.filter(is_active=False).values_list("email", flat=True)}
    gone |= {
        e.lower()
        for e in Person.objects.filter(user__is_active=False).exclude(email="").values_list("email", flat=True)
    }
    if not gone:
        return set()
    kept = {e.lower() for e in users.filter(is_active=True).values_list("email", flat=True)}
    kept |= {
        e.lower()
        for e in Person.objects.exclude(email="").exclude(user__is_active=False).values_list("email", flat=True)
    }
    return gone - kept


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
