"""What search finds, kind by kind: the text that goes into the index, and who may see each record.

Visibility is the same as on the kind's own list page (or the rule that guards its page), as a queryset of one
programme, so search passes every candidate from the index through it inside the database: one subquery per
kind, whatever the number of hits.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Q
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.http import urlencode
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _

from governance.models import AgendaItem, Decision, Meeting
from pilots.models import Experiment, Pilot
from pilots.views import visible_pilots
from programmes.models import Person, Workgroup
from programmes.risks import Mitigation, Risk
from programmes.roles import roles_of
from reports.models import ProgressReport, ReportStatus

# ts_headline marks a hit with these; they never occur in indexed text (search.index strips them).
MARK_START, MARK_STOP = "\ue000", "\ue001"


def _join(*parts):
    return "\n".join(str(part).replace(MARK_START, "").replace(MARK_STOP, "") for part in parts if part)


@dataclass(frozen=True)
class Kind:
    name: str
    label: object  # plural, translated lazily
    model: type
    programme_id: Callable  # obj → the programme's id, or None (people)
    title: Callable  # obj → the title, weighted highest
    text: Callable  # obj → the body text
    visible: Callable  # (user, programme) → queryset of the records this user may open
    url: Callable  # (obj, programme) → where a hit links to
    meta: Callable  # obj → one line under the title
    related: tuple = ()  # select_related for indexing and showing
    prefetch: tuple = ()
    # (user, programme) → the records whose text this user may read; None: everyone who sees the record.
    # For the others only a match on the title counts, and no snippet of the text is shown.
    text_visible: Callable = None


def _filtered_list(name, programme, q):
    """A list page of the programme, filtered on the record's title: the kinds without a page of their own."""
    return reverse(name, args=[programme.pk]) + "?" + urlencode({"q": q})


# Pilots and programme documents: drafts only for their workgroup, the programme manager and administrators
# (pilots.rules.can_view_pilot).
PILOT = Kind(
    name="pilot",
    label=_("Pilots"),
    model=Pilot,
    programme_id=lambda p: p.programme_id,
    title=lambda p: p.title,
    text=lambda p: _join(
        p.summary,
        p.goals,
        p.efforts,
        p.network,
        p.objective,
        p.target_group,
        p.approach,
        p.parties_text,
        p.intended_effects,
    ),
    visible=visible_pilots,
    url=lambda p, programme: p.get_absolute_url(),
    meta=lambda p: f"{p.get_kind_display()} · {p.origin} · {p.get_status_display()}",
    related=("workgroup",),
)

EXPERIMENT = Kind(
    name="experiment",
    label=_("Experiments"),
    model=Experiment,
    programme_id=lambda e: e.workgroup.programme_id,
    title=lambda e: e.title,
    text=lambda e: _join(e.problem, e.hypothesis, e.test_setup, e.outcome, e.lessons),
    visible=lambda user, programme: Experiment.objects.filter(workgroup__programme=programme),
    url=lambda e, programme: _filtered_list("pilots:experiments", programme, e.title),
    meta=lambda e: f"{e.workgroup} · {e.get_status_display()}",
    related=("workgroup",),
)


def report_text_visible(user, programme):
    """The reports whose text this user reads: reports.rules' view_report_content, as a queryset.

    A draft is its reporters' own (the workgroup's leads, or the schedule's named reporters) and the programme
    manager's; every other report's text goes to everyone who reads the programme. tests/test_search_permissions.py
    checks this against the rule itself for every demo role and report.
    """
    reports = ProgressReport.objects.filter(programme=programme)
    roles = roles_of(user)
    if roles.is_admin or programme.pk in roles.managed_programmes:
        return reports
    return reports.filter(
        ~Q(status=ReportStatus.DRAFT) | Q(workgroup__in=roles.led_workgroups) | Q(schedule__reporters__user=user)
    )


REPORT = Kind(
    name="report",
    label=_("Progress reports"),
    model=ProgressReport,
    programme_id=lambda r: r.programme_id,
    # What the report list shows every reader: its subject and what was asked.
    title=lambda r: _join(r.pilot.title if r.pilot_id else str(r.workgroup), r.request_note).replace("\n", " – "),
    text=lambda r: _join(r.progress, r.bottlenecks, r.lessons),
    visible=lambda user, programme: ProgressReport.objects.filter(programme=programme),
    text_visible=report_text_visible,
    url=lambda r, programme: r.get_absolute_url(),
    meta=lambda r: _("due %(date)s · %(status)s") % {"date": date_format(r.due_date), "status": r.get_status_display()},
    related=("workgroup", "pilot"),
)

DECISION = Kind(
    name="decision",
    label=_("Decisions"),
    model=Decision,
    programme_id=lambda d: d.programme_id,
    title=lambda d: d.subject_title,
    text=lambda d: _join(d.body.name, d.rationale),
    visible=lambda user, programme: Decision.objects.filter(programme=programme),
    url=lambda d, programme: _filtered_list("governance:decisions", programme, d.subject_title),
    meta=lambda d: f"{d.body} · {d.get_outcome_display()} · {date_format(d.date)}",
    related=("body",),
)

MEETING = Kind(
    name="meeting",
    label=_("Meetings"),
    model=Meeting,
    programme_id=lambda m: m.body.programme_id,
    title=lambda m: f"{m.body.name} {localtime(m.starts_at):%d-%m-%Y}",
    text=lambda m: _join(m.place, m.minutes, *(_join(item.title, item.outcome) for item in m.items.all())),
    visible=lambda user, programme: Meeting.objects.filter(body__programme=programme),
    url=lambda m, programme: m.get_absolute_url(),
    meta=lambda m: f"{date_format(localtime(m.starts_at), 'DATETIME_FORMAT')} · {m.get_status_display()}",
    related=("body",),
    prefetch=("items",),
)

RISK = Kind(
    name="risk",
    label=_("Risks"),
    model=Risk,
    programme_id=lambda r: r.programme_id,
    title=lambda r: r.title,
    text=lambda r: _join(r.description, *(m.description for m in r.mitigations.all())),
    visible=lambda user, programme: Risk.objects.filter(programme=programme),
    url=lambda r, programme: _filtered_list("programmes:risks", programme, r.title),
    meta=lambda r: r.get_status_display(),
    prefetch=("mitigations",),
)

WORKGROUP = Kind(
    name="workgroup",
    label=_("Workgroups"),
    model=Workgroup,
    programme_id=lambda w: w.programme_id,
    title=lambda w: str(w),
    text=lambda w: _join(
        w.principal,
        w.goal,
        w.orientation,
        w.smart_result,
        w.parties_involved,
        w.activities_and_planning,
        w.procurement_relation,
        w.end_user_involvement,
    ),
    visible=lambda user, programme: Workgroup.objects.filter(programme=programme),
    url=lambda w, programme: w.get_absolute_url(),
    meta=lambda w: "",
)


def people_of(user, programme):
    """The people page of a programme (programmes.views.lists.PersonListView): whoever has a seat in it."""
    return Person.objects.filter(
        Q(memberships__workgroup__programme=programme) | Q(bodymembership__body__programme=programme)
    )


PERSON = Kind(
    name="person",
    label=_("People"),
    model=Person,
    programme_id=lambda p: None,
    title=lambda p: p.name,
    # What the people page shows: no e-mail address.
    text=lambda p: _join(p.function, p.organisation.name if p.organisation_id else ""),
    visible=people_of,
    url=lambda p, programme: _filtered_list("programmes:people", programme, p.name),
    meta=lambda p: " · ".join(part for part in (p.function, str(p.organisation or "")) if part),
    related=("organisation",),
)

KINDS = {kind.name: kind for kind in (PILOT, EXPERIMENT, REPORT, DECISION, MEETING, RISK, WORKGROUP, PERSON)}
BY_MODEL = {kind.model: kind for kind in KINDS.values()}

# A change to one of these changes the indexed text of another record: (model, kind, the records to index again).
DEPENDANTS = (
    (AgendaItem, MEETING, lambda item: Meeting.objects.filter(pk=item.meeting_id)),
    (Mitigation, RISK, lambda measure: Risk.objects.filter(pk=measure.risk_id)),
    (Workgroup, REPORT, lambda workgroup: ProgressReport.objects.filter(workgroup=workgroup)),
)
