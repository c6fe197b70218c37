"""A synthetic national data set for `make bench`: 42 collaborations, 342 municipalities, 252 programmes, 10,080
pilots in every state, about 100,000 progress reports, 50,400 decisions and 5,040 users.

Bulk inserts, no history rows: it measures the pages, not the loader. Refuses to run in production mode and
on a database that already holds programmes (unless --force).
"""

import datetime
import random
import time
from decimal import Decimal

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from finance.models import BudgetLine, BudgetMovement, BudgetPost
from governance.models import Decision, DecisionRoute, Meeting, RouteStep
from pilots.models import Gate, Indicator, Measurement, Pilot, PilotStep
from programmes.models import (
    ActionLine,
    BodyMembership,
    Collaboration,
    GovernanceBody,
    Membership,
    Municipality,
    Participation,
    Person,
    Programme,
    ProgrammeAccess,
    Region,
    Workgroup,
)
from programmes.risks import Risk
from programmes.services import default_body_kinds
from reports.models import ProgressReport, ReportingSchedule
from reports.schedules import add_months
from search import index as search_index

COLLABORATIONS = 42
PROGRAMMES_PER_COLLABORATION = 6
PILOTS_PER_PROGRAMME = 40
WORKGROUPS = 6
DECISIONS_PER_PROGRAMME = 200
USERS_PER_PROGRAMME = 20
TODAY = datetime.date(2026, 11, 23)
STATUSES = [
    "draft",
    "on_route",
    "approved",
    "running",
    "running",
    "running",
    "completed",
    "stopped",
    "rejected",
    "withdrawn",
]
BATCH = 5000

PASSWORD = "bench-password"


def bulk(model, rows):
    return model.objects.bulk_create(rows, batch_size=BATCH)


class Command(BaseCommand):
    help = "Generates the synthetic national data set for make bench."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true")

    def handle(self, *args, force=False, **options):
        if getattr(settings, "PRODUCTION", False):
            raise CommandError("Not in production mode.")
        if Programme.objects.exists() and not force:
            raise CommandError("This database already holds programmes; use a separate database for the bench.")
        started = time.monotonic()
        random.seed(42)
        with transaction.atomic():
            counts = self.generate()
        counts["search_index"] = sum(search_index.rebuild().values())  # bulk inserts send no signals
        counts["seconds"] = round(time.monotonic() - started, 1)
        self.stdout.write(str(counts))

    def generate(self):
        User = get_user_model()
        password = make_password(PASSWORD)
        regions = list(Region.objects.order_by("code").prefetch_related("municipalities"))
        collaborations = bulk(
            Collaboration, [Collaboration(name=f"Samenwerking {r.name}") for r in regions[:COLLABORATIONS]]
        )
        # Each collaboration: the current municipalities of one youth-care region, and the first three of the next
        # region, so collaborations span regions and municipalities take part in two (the national reference data).
        participations = []
        for n, collaboration in enumerate(collaborations):
            own = [m for m in regions[n].municipalities.all() if m.valid_to is None]
            borrowed = [m for m in regions[(n + 1) % len(regions)].municipalities.all() if m.valid_to is None][:3]
            participations += [Participation(collaboration=collaboration, municipality=m) for m in own + borrowed]
        bulk(Participation, participations)
        Municipality.objects.filter(inhabitants__isnull=True).update(inhabitants=25000)
        programmes = bulk(
            Programme,
            [
                Programme(
                    collaboration=collaboration,
                    title=f"Programma {k + 1} {collaboration.name}",
                    start_date=datetime.date(2025, 1, 1),
                    end_date=datetime.date(2028, 12, 31),
                    goal="Passende jeugdhulp, dichtbij.",
                )
                for collaboration in collaborations
                for k in range(PROGRAMMES_PER_COLLABORATION)
            ],
        )
        lines = bulk(
            ActionLine,
            [ActionLine(programme=p, order=n, title=f"Actielijn {n}") for p in programmes for n in range(1, 6)],
        )
        workgroups = bulk(
            Workgroup,
            [
                Workgroup(programme=p, number=n, name=f"Werkgroep {n}")
                for p in programmes
                for n in range(1, WORKGROUPS + 1)
            ],
        )
        Workgroup.action_lines.through.objects.bulk_create(
            [
                Workgroup.action_lines.through(workgroup_id=w.pk, actionline_id=lines[i // WORKGROUPS * 5 + i % 5].pk)
                for i, w in enumerate(workgroups)
            ],
            batch_size=BATCH,
        )
        kinds = {}
        for collaboration in collaborations:
            kinds.update({(collaboration.pk, k.code): k for k in default_body_kinds(collaboration)})
        bodies = bulk(
            GovernanceBody,
            [
                GovernanceBody(
                    programme=p, name=name, abbreviation=name, kind=kinds[p.collaboration_id, code], order=order
                )
                for p in programmes
                for order, (name, code) in enumerate(
                    (("Kernteam", "core_team"), ("RBJ", "policy_meeting"), ("SO", "strategic_meeting"))
                )
            ],
        )
        routes = bulk(DecisionRoute, [DecisionRoute(programme=p, name="Pilots", is_default=True) for p in programmes])
        bulk(
            RouteStep,
            [
                RouteStep(route=route, order=order + 1, body=bodies[i * 3 + order], act=act)
                for i, route in enumerate(routes)
                for order, act in enumerate(("assess", "advise", "decide"))
            ],
        )
        posts = bulk(
            BudgetPost,
            [BudgetPost(programme=p, name="Uitvoering pilots", holds_pilot_money=True) for p in programmes],
        )
        bulk(
            BudgetLine,
            [BudgetLine(post=post, year=y, amount=Decimal("400000")) for post in posts for y in (2026, 2027, 2028)],
        )

        # People: per programme a manager, three secretaries, six leads, ten readers.
        users = bulk(
            User,
            [
                User(username=f"p{p.pk}u{n}", email=f"p{p.pk}u{n}@bench.example", password=password)
                for p in programmes
                for n in range(USERS_PER_PROGRAMME)
            ],
        )
        persons = bulk(Person, [Person(name=f"Persoon {u.username}", email=u.email, user=u) for u in users])
        access, seats, members = [], [], []
        for i, programme in enumerate(programmes):
            group = persons[i * USERS_PER_PROGRAMME : (i + 1) * USERS_PER_PROGRAMME]
            access.append(ProgrammeAccess(programme=programme, user_id=group[0].user_id, role="manager"))
            for k in range(3):
                seats.append(BodyMembership(body=bodies[i * 3 + k], person=group[1 + k], role="secretary"))
            for k in range(WORKGROUPS):
                members.append(Membership(workgroup=workgroups[i * WORKGROUPS + k], person=group[4 + k], role="lead"))
            access += [
                ProgrammeAccess(programme=programme, user_id=person.user_id, role="reader") for person in group[10:]
            ]
        bulk(ProgrammeAccess, access)
        bulk(BodyMembership, seats)
        bulk(Membership, members)

        pilots = bulk(
            Pilot,
            [
                Pilot(
                    programme=p,
                    workgroup=workgroups[i * WORKGROUPS + n % WORKGROUPS],
                    title=f"Pilot {n + 1} {p.title}",
                    goals="Doelen",
                    efforts="Inspanningen",
                    network="Netwerk",
                    status=STATUSES[n % len(STATUSES)],
                    current_step=(n % 3) + 1 if STATUSES[n % len(STATUSES)] == "on_route" else None,
                    submission=0 if STATUSES[n % len(STATUSES)] == "draft" else 1,
                )
                for i, p in enumerate(programmes)
                for n in range(PILOTS_PER_PROGRAMME)
            ],
        )
        programme_index = {p.pk: i for i, p in enumerate(programmes)}
        steps, indicators, gates = [], [], []
        for pilot in pilots:
            i = programme_index[pilot.programme_id]
            if pilot.status != "draft":
                steps += [
                    PilotStep(pilot=pilot, submission=1, order=k + 1, body=bodies[i * 3 + k], act=act)
                    for k, act in enumerate(("assess", "advise", "decide"))
                ]
            if pilot.status == "running":
                indicators.append(Indicator(pilot=pilot, name="Gezinnen bereikt", target=Decimal("40"), baseline=0))
                gates.append(Gate(pilot=pilot, planned_date=TODAY + datetime.timedelta(days=pilot.pk % 120 - 20)))
        bulk(PilotStep, steps)
        Pilot.action_lines.through.objects.bulk_create(
            [
                Pilot.action_lines.through(
                    pilot_id=pilot.pk, actionline_id=lines[programme_index[pilot.programme_id] * 5 + pilot.pk % 5].pk
                )
                for pilot in pilots
            ],
            batch_size=BATCH,
        )
        indicators = bulk(Indicator, indicators)
        bulk(
            Measurement,
            [
                Measurement(indicator=ind, date=datetime.date(2026, month, 28), value=Decimal(month * 3))
                for ind in indicators
                for month in (3, 6, 9)
            ],
        )
        bulk(Gate, gates)

        decisions = []
        for i, programme in enumerate(programmes):
            for n in range(DECISIONS_PER_PROGRAMME):
                decisions.append(
                    Decision(
                        programme=programme,
                        body=bodies[i * 3 + 2],
                        subject_title=f"Besluit {n + 1}",
                        action_line=lines[i * 5 + n % 5],
                        outcome="approved" if n % 4 else "rejected",
                        rationale="" if n % 4 else "Past niet binnen het budget.",
                        date=TODAY - datetime.timedelta(days=n * 3),
                    )
                )
        bulk(Decision, decisions)
        movements = []
        for pilot in pilots:
            if pilot.status in ("running", "completed", "stopped"):
                for kind, amount in (("release", "8000"), ("spend", "3000")):
                    movements.append(
                        BudgetMovement(
                            programme_id=pilot.programme_id,
                            year=2026,
                            kind=kind,
                            amount=Decimal(amount),
                            subject_key=f"pilot-{pilot.pk}",
                            subject_label=pilot.title,
                        )
                    )
        bulk(BudgetMovement, movements)
        bulk(
            Risk,
            [
                Risk(
                    programme=p,
                    title=f"Risico {n}",
                    likelihood=1 + (n * 7 + i) % 5,
                    impact=1 + (n * 3 + i) % 5,
                    review_date=TODAY + datetime.timedelta(days=n * 10 - 30),
                )
                for i, p in enumerate(programmes)
                for n in range(10)
            ],
        )
        now = timezone.now()
        bulk(
            Meeting,
            [
                Meeting(body=body, starts_at=now + datetime.timedelta(days=7 * k - 14))
                for body in bodies
                for k in range(6)
            ],
        )

        # Reporting: every workgroup monthly since January 2021; nearly all handed in and accepted.
        schedules = bulk(
            ReportingSchedule,
            [
                ReportingSchedule(
                    programme_id=w.programme_id, workgroup=w, frequency="monthly", first_due=datetime.date(2021, 1, 31)
                )
                for w in workgroups
            ],
        )

        reports = []
        for schedule in schedules:
            for month in range(71):  # January 2021 to November 2026
                due = add_months(datetime.date(2021, 1, 31), month, anchor_day=31)
                if due > TODAY + datetime.timedelta(days=31):
                    break
                late = due < TODAY
                status = "accepted" if due < TODAY - datetime.timedelta(days=60) else ("submitted" if late else "open")
                if schedule.pk % 50 == 0 and due.year == 2026 and due.month == 9:
                    status = "open"  # a few overdue
                reports.append(
                    ProgressReport(
                        programme_id=schedule.programme_id,
                        workgroup_id=schedule.workgroup_id,
                        schedule=schedule,
                        due_date=due,
                        period_start=due.replace(day=1),
                        period_end=due,
                        status=status,
                        progress="Voortgang volgens plan." if status != "open" else "",
                        course="on_track" if status != "open" else "",
                    )
                )
        bulk(ProgressReport, reports)
        return {
            "collaborations": len(collaborations),
            "participations": len(participations),
            "programmes": len(programmes),
            "pilots": len(pilots),
            "progress_reports": len(reports),
            "decisions": len(decisions),
            "users": len(users),
        }
