"""Which pilot reminders are due today: go/no-go moments coming up or overdue, and proposals waiting too long
at a body. Registered with the reminder sweep in PilotsConfig.ready; a fixed number of queries."""

import datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from governance.constants import DECIDING_ACTS, StepAct
from governance.models import MunicipalDecision
from programmes.constants import MembershipRole
from programmes.models import BodyMembership, Participation, Person
from reminders.models import Reminder

from .constants import PilotReminder, PilotStatus
from .models import Gate, Pilot

GATE_WARNING_DAYS = 14


def _url(obj):
    return settings.SITE_URL + obj.get_absolute_url()


def _recorders_by_body(body_ids):
    emails = {}
    for body_id, email in (
        BodyMembership.objects.filter(body_id__in=body_ids, role__in=[MembershipRole.CHAIR, MembershipRole.SECRETARY])
        .exclude(person__email="")
        .values_list("body_id", "person__email")
    ):
        emails.setdefault(body_id, set()).add(email)
    return emails


def gate_candidates(today, types):
    """The deciding body's chair and secretary, from 14 days before a running pilot's go/no-go moment."""
    rows = []
    gates = list(
        Gate.objects.filter(
            pilot__status=PilotStatus.RUNNING,
            outcome="",
            planned_date__lte=today + datetime.timedelta(days=GATE_WARNING_DAYS),
        )
        .select_related("pilot", "body")
        .prefetch_related("pilot__steps__body")
    )
    deciding = {}
    for gate in gates:
        body = gate.body or next((s.body for s in gate.pilot.steps_now() if s.act in DECIDING_ACTS), None)
        deciding[gate.pk] = body
    recorders = _recorders_by_body({b.pk for b in deciding.values() if b})
    for gate in gates:
        overdue = gate.planned_date < today
        kind = PilotReminder.GATE_OVERDUE if overdue else PilotReminder.GATE_DUE
        for email in sorted(recorders.get(getattr(deciding[gate.pk], "pk", None), ())):
            rows.append(
                Reminder(
                    kind=kind,
                    subject_type=types(Gate),
                    subject_id=gate.pk,
                    url=_url(gate.pilot),
                    due_date=gate.planned_date,
                    recipient=email,
                    title=(
                        _("Overdue go/no-go moment: %(pilot)s")
                        if overdue
                        else _("Go/no-go moment on %(date)s: %(pilot)s")
                    )
                    % {"pilot": gate.pilot.title, "date": gate.planned_date.strftime("%d-%m-%Y")},
                    body=_("The go/no-go moment of %(pilot)s is planned for %(date)s. Decide it at %(url)s")
                    % {
                        "pilot": gate.pilot.title,
                        "date": gate.planned_date.strftime("%d-%m-%Y"),
                        "url": _url(gate.pilot),
                    },
                )
            )
    return rows


def waiting_candidates(today, types):
    """The chair and secretary of the body a proposal waits at, once it has waited PILOT_WAITING_DAYS."""
    rows = []
    waiting_days = settings.PILOT_WAITING_DAYS
    waiting = list(
        Pilot.objects.filter(status=PilotStatus.ON_ROUTE)
        .annotate(since=Max("events__at"))
        .filter(since__lt=timezone.now() - datetime.timedelta(days=waiting_days))
        .prefetch_related("steps__body")
    )
    recorders = _recorders_by_body({p.step().body_id for p in waiting if p.step()})
    for pilot in waiting:
        step = pilot.step()
        since = timezone.localtime(pilot.since).date()
        for email in sorted(recorders.get(step.body_id, ())):
            rows.append(
                Reminder(
                    kind=PilotReminder.PILOT_WAITING,
                    subject_type=types(Pilot),
                    subject_id=pilot.pk,
                    url=_url(pilot),
                    due_date=since + datetime.timedelta(days=waiting_days),
                    recipient=email,
                    title=_("%(pilot)s has been waiting at %(body)s since %(date)s")
                    % {"pilot": pilot.title, "body": step.body, "date": since.strftime("%d-%m-%Y")},
                    body=_("%(pilot)s is waiting for %(body)s. See %(url)s")
                    % {"pilot": pilot.title, "body": step.body, "url": _url(pilot)},
                )
            )
    return rows


# How a municipality's official is seated in a programme: in a workgroup, in a body, or with access.
SEATED = (
    "memberships__workgroup__programme",
    "bodymembership__body__programme",
    "user__programme_access__programme",
)


def municipal_candidates(today, types):
    """Where the municipalities decide (seed 004): once a proposal has waited PILOT_WAITING_DAYS at that step, the
    officials of each participating municipality that has not decided yet, who are seated in the programme (a
    workgroup, a body, or access) and have an address. The step's body hears of the wait through
    waiting_candidates. A fixed number of queries, whatever the number of proposals or municipalities."""
    waiting_days = settings.PILOT_WAITING_DAYS
    pilots = [
        pilot
        for pilot in Pilot.objects.filter(status=PilotStatus.ON_ROUTE)
        .annotate(since=Max("events__at"))
        .filter(since__lt=timezone.now() - datetime.timedelta(days=waiting_days))
        .select_related("programme")
        .prefetch_related("steps__body")
        if pilot.step() is not None and pilot.step().act == StepAct.MUNICIPALITIES
    ]
    if not pilots:
        return []
    taking_part = {}
    for collaboration_id, municipality_id in Participation.objects.filter(
        collaboration__in={p.programme.collaboration_id for p in pilots}
    ).values_list("collaboration", "municipality"):
        taking_part.setdefault(collaboration_id, set()).add(municipality_id)
    decided = set(
        MunicipalDecision.objects.filter(
            subject_type=ContentType.objects.get_for_model(Pilot), subject_id__in=[p.pk for p in pilots]
        ).values_list("subject_id", "step_order", "submission", "municipality")
    )
    officials = {}  # (programme id, municipality id) → {email}
    programmes = {p.programme_id for p in pilots}
    for link in SEATED:
        for programme_id, municipality_id, email in (
            Person.objects.filter(**{f"{link}__in": programmes}, organisation__municipality__isnull=False)
            .exclude(email="")
            .values_list(link, "organisation__municipality", "email")
            .distinct()
        ):
            officials.setdefault((programme_id, municipality_id), set()).add(email)
    rows = []
    for pilot in pilots:
        step = pilot.step()
        since = timezone.localtime(pilot.since).date()
        still = taking_part.get(pilot.programme.collaboration_id, set()) - {
            municipality_id
            for subject_id, order, submission, municipality_id in decided
            if (subject_id, order, submission) == (pilot.pk, step.order, step.submission)
        }
        for email in sorted({e for m in still for e in officials.get((pilot.programme_id, m), ())}):
            rows.append(
                Reminder(
                    kind=PilotReminder.MUNICIPALITY_TO_DECIDE,
                    subject_type=types(Pilot),
                    subject_id=pilot.pk,
                    url=_url(pilot),
                    due_date=since + datetime.timedelta(days=waiting_days),
                    recipient=email,
                    title=_("%(pilot)s is waiting for your municipality's decision") % {"pilot": pilot.title},
                    body=_(
                        "%(body)s offered %(pilot)s to the participating municipalities on %(date)s; your "
                        "municipality's %(organ)s has not decided yet. When it has, record its decision at %(url)s"
                    )
                    % {
                        "body": step.body,
                        "pilot": pilot.title,
                        "date": since.strftime("%d-%m-%Y"),
                        "organ": step.get_organ_display(),
                        "url": _url(pilot),
                    },
                )
            )
    return rows
