"""What goes into a meeting's pack, read in a fixed number of queries, and the fingerprint of it.

The pack is made again only when the fingerprint changes: the meeting's own fields, its items (order, times,
presenters, subjects), their documents, each proposal's frozen version, its route events (every advice and
decision) and what is left of the pilot budget in the years it asks money for.
"""

import datetime
import hashlib
import json
from dataclasses import dataclass, field
from functools import cache

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Prefetch
from django.template.loader import get_template
from django.utils import timezone, translation
from django.utils.translation import gettext

from finance import ledger
from governance.models import AgendaItem
from pilots.constants import UNSETTLED
from pilots.models import Condition, Pilot, PilotEvent

from .constants import AnnexState

# Bump when the layout changes, so every pack is made again with the new one.
PACK_FORMAT = 1

# Pilot fields of the frozen version, in the order of the DIN format and the pilot template (002 §5.1).
DIN_FIELDS = ["goals", "efforts", "network"]
TEMPLATE_FIELDS = ["objective", "target_group", "approach", "intended_effects"]


@dataclass(eq=False)  # one per document: hashed by identity
class Annex:
    document: object
    name: str
    is_pdf: bool
    state: str = ""
    pages: int = 0
    data: bytes = b""

    @property
    def anchor(self):
        return f"annex-{self.document.pk}"

    @property
    def page_numbers(self):
        return range(1, self.pages + 1)

    @property
    def state_label(self):
        return AnnexState(self.state).label if self.state else ""


@dataclass
class RouteEntry:
    at: datetime.datetime
    body: object
    kind: str
    outcome: str
    rationale: str
    conditions: str
    via: str


@dataclass
class Proposal:
    pilot: Pilot
    version: object  # PilotVersion or None (a proposal on the agenda before it was ever submitted)
    din: list  # [(label, text)]
    template: list  # [(label, text)]
    action_lines: list
    parties: list
    planned: tuple  # (start, end) dates or None
    money: list  # [{"year", "requested", "available"}]
    steps: list  # [(step, is_this_meeting)]
    route: list  # [RouteEntry]
    open_conditions: list = field(default_factory=list)  # [Condition] of this submission, not yet met or dropped
    summary: str = ""  # a programme document's summary, as submitted
    # The titles of the annexes the proposal was submitted with (discussion's annexes, read through the relation:
    # for a programme document the document itself). Listed, not merged: they are on the proposal's page.
    proposal_annexes: list = field(default_factory=list)


@dataclass
class ItemPaper:
    item: AgendaItem
    number: int
    starts_at: datetime.datetime | None
    proposal: Proposal | None
    annexes: list = field(default_factory=list)

    @property
    def anchor(self):
        return f"item-{self.item.pk}"


@dataclass
class PackContents:
    meeting: object
    items: list
    fingerprint: str

    @property
    def annexes(self):
        return [annex for item in self.items for annex in item.annexes]


def _date(value):
    try:
        return datetime.date.fromisoformat(value) if value else None
    except (TypeError, ValueError):
        return None


def _label(name):
    return Pilot._meta.get_field(name).verbose_name


def _proposal(pilot, meeting, steps, balances):
    versions = [v for v in pilot.versions.all() if v.created_at <= meeting.starts_at]
    version = versions[-1] if versions else None
    data = version.data if version else {}
    requested = {}
    for year, amount in (data.get("budget") or {}).items():
        try:
            requested[int(year)] = ledger.money(amount)
        except (ValueError, ledger.LedgerError):
            continue
    route = []
    for event in pilot.events.all():
        if event.at >= meeting.starts_at:
            continue  # the route so far: what was on record when the meeting began
        record = event.advice or event.decision
        route.append(
            RouteEntry(
                at=event.at,
                body=event.body,
                kind=event.get_kind_display(),
                outcome=record.get_outcome_display() if record else "",
                rationale=(record.rationale if record else "") or event.note,
                conditions=getattr(event.advice, "conditions", "") if event.advice else "",
                via=event.via,
            )
        )
    return Proposal(
        pilot=pilot,
        version=version,
        din=[(_label(name), data.get(name, "")) for name in DIN_FIELDS],
        template=[(_label(name), data.get(name, "")) for name in TEMPLATE_FIELDS],
        action_lines=data.get("action_lines") or [],
        parties=[*(data.get("parties") or []), *([data["parties_text"]] if data.get("parties_text") else [])],
        planned=(_date(data.get("planned_start")), _date(data.get("planned_end"))),
        money=[
            {
                "year": year,
                "requested": amount,
                "available": balances[year].available if year in balances else None,
            }
            for year, amount in sorted(requested.items())
        ],
        steps=[(step, step.body_id == meeting.body_id) for step in steps],
        route=route,
        # As they stand now: the deciding body sees what is still open (pilots.conditions.open_conditions).
        open_conditions=[c for c in pilot.unsettled_conditions if c.submission == pilot.submission],
        summary=data.get("summary") or "",
        proposal_annexes=[
            annex.title
            for annex in pilot.annexes.all()
            if annex.version is not None
            and annex.version <= pilot.submission
            and annex.uploaded_at <= meeting.starts_at
        ],
    )


def collect(meeting):
    """The pack's contents and fingerprint; about ten queries whatever the number of items and documents."""
    items = list(
        AgendaItem.objects.filter(meeting=meeting).select_related("subject_type").prefetch_related("documents")
    )
    pilot_type = ContentType.objects.get_for_model(Pilot)
    pilot_ids = [item.subject_id for item in items if item.subject_type_id == pilot_type.pk]
    pilots = {
        pilot.pk: pilot
        for pilot in Pilot.objects.filter(pk__in=pilot_ids)
        .select_related("workgroup", "programme")
        .prefetch_related(
            "versions",
            "steps__body",
            "annexes",
            Prefetch("events", queryset=PilotEvent.objects.select_related("body", "advice", "decision")),
            Prefetch(
                "conditions",
                queryset=Condition.objects.filter(state__in=UNSETTLED).select_related("body").order_by("number"),
                to_attr="unsettled_conditions",
            ),
        )
    }
    years = sorted(
        {int(y) for p in pilots.values() for v in p.versions.all() for y in (v.data.get("budget") or {}) if y.isdigit()}
    )
    balances = {b.year: b for b in ledger.year_balances(meeting.programme, years)} if years else {}

    papers, clock = [], timezone.localtime(meeting.starts_at)
    for number, item in enumerate(items, start=1):
        pilot = pilots.get(item.subject_id) if item.subject_type_id == pilot_type.pk else None
        proposal = None
        if pilot is not None:
            # The route as it stood for the submission the meeting looks at.
            steps = [s for s in pilot.steps.all() if s.submission == pilot.submission]
            proposal = _proposal(pilot, meeting, steps, balances)
        annexes = [
            Annex(document=doc, name=str(doc), is_pdf=doc.file.name.lower().endswith(".pdf"))
            for doc in item.documents.all()
        ]
        papers.append(ItemPaper(item=item, number=number, starts_at=clock, proposal=proposal, annexes=annexes))
        clock = clock + datetime.timedelta(minutes=item.duration_minutes) if clock and item.duration_minutes else None
    return PackContents(meeting=meeting, items=papers, fingerprint=fingerprint(meeting, papers, balances))


@cache
def _layout(language):
    """The pack's template as deployed, and a translated label: a new layout or new translations make new packs."""
    with translation.override(language):
        label = gettext("Meeting papers")
    source = get_template("papers/pack.html").template.source
    return [PACK_FORMAT, language, label, hashlib.sha256(source.encode()).hexdigest()]


def fingerprint(meeting, papers, balances):
    body = meeting.body
    state = {
        "layout": _layout(settings.LANGUAGE_CODE),
        "meeting": [
            meeting.pk,
            meeting.starts_at.timestamp(),
            meeting.place,
            meeting.status,
            body.name,
            body.submission_deadline_days,
            str(meeting.programme),
            str(meeting.programme.collaboration),
        ],
        "items": [
            [
                paper.item.pk,
                paper.item.order,
                paper.item.title,
                paper.item.presenter,
                paper.item.duration_minutes,
                paper.item.subject_type_id,
                paper.item.subject_id,
                [[a.document.pk, a.document.title, a.document.file.name] for a in paper.annexes],
                _proposal_state(paper.proposal),
            ]
            for paper in papers
        ],
        "available": {str(year): str(balance.available) for year, balance in sorted(balances.items())},
    }
    return hashlib.sha256(json.dumps(state, sort_keys=True, default=str).encode()).hexdigest()


def _proposal_state(proposal):
    if proposal is None:
        return None
    return [
        proposal.pilot.title,
        proposal.pilot.origin,
        proposal.summary,
        proposal.proposal_annexes,
        proposal.version.pk if proposal.version else None,
        [[step.pk, step.body.name, step.act] for step, _here in proposal.steps],
        [[entry.at.timestamp(), entry.outcome, entry.rationale, entry.conditions] for entry in proposal.route],
        [[c.pk, c.state, c.text] for c in proposal.open_conditions],
    ]
