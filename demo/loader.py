"""Loads a demo collaboration from the plain data in this package, idempotently (update_or_create on natural keys)."""

import datetime
from decimal import Decimal

from django.contrib.auth import get_user_model

from finance.models import BudgetLine, BudgetPost, CostSplit, FundingSource
from governance.models import AgendaItem, Decision, DecisionRoute, Meeting, RouteStep
from programmes.constants import AccessRole, OrganisationKind
from programmes.models import (
    ActionLine,
    BodyMembership,
    BuildingBlock,
    Collaboration,
    GovernanceBody,
    Membership,
    Milestone,
    Municipality,
    Organisation,
    Participation,
    Person,
    Phase,
    Population,
    Precondition,
    Principle,
    Programme,
    ProgrammeAccess,
    ResultGoal,
    Workgroup,
)
from programmes.risks import Mitigation, Risk
from programmes.services import body_kind, default_body_kinds

# Milestones that ended before this day are shown as done in the demo.
DEMO_TODAY_ISO = "2026-11-22"
# The date of a demo's inhabitants figures unless its data module names its own (INHABITANTS_DATE): seed 002's are
# CBS's of January 2021. They become Population rows of that date, and the demo's cost split names it.
INHABITANTS_DATE = datetime.date(2021, 1, 1)


def upsert(model, defaults=None, **lookup):
    """update_or_create that saves only when something differs, so reloading writes no history rows."""
    defaults = defaults or {}
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        return model.objects.create(**{**defaults, **lookup}), True
    changed = [name for name, value in defaults.items() if getattr(obj, name) != value]
    if changed:
        for name in changed:
            setattr(obj, name, defaults[name])
        obj.save()
    return obj, False


def load_collaboration(data, organisations=()):
    """Creates or updates one collaboration with its programme. Returns (programme, {person key: Person})."""
    collaboration, _ = upsert(Collaboration, name=data.COLLABORATION)
    default_body_kinds(collaboration)
    for name, cbs_code, inhabitants, independent in data.MUNICIPALITIES:
        # None: the national reference's figure (CBS) stays the one in use; a seed's own figure replaces it.
        figure = {"inhabitants": inhabitants, "inhabitants_reference": data.INHABITANTS_REFERENCE}
        municipality, _ = upsert(
            Municipality, name=name, defaults={"cbs_code": cbs_code, **({} if inhabitants is None else figure)}
        )
        if inhabitants is not None:
            upsert(
                Population,
                municipality=municipality,
                reference_date=getattr(data, "INHABITANTS_DATE", INHABITANTS_DATE),
                source=data.INHABITANTS_REFERENCE,
                defaults={"inhabitants": inhabitants},
            )
        upsert(
            Participation,
            collaboration=collaboration,
            municipality=municipality,
            defaults={"purchases_independently": independent},
        )
        upsert(
            Organisation,
            name=f"Gemeente {name}",
            defaults={"kind": OrganisationKind.MUNICIPALITY, "municipality": municipality},
        )
    for name, kind in organisations:
        collaboration.partners.add(upsert(Organisation, name=name, defaults={"kind": kind})[0])

    people = {}
    for key, (name, organisation, function) in data.PEOPLE.items():
        org = Organisation.objects.filter(name=organisation).first() or Organisation.objects.create(
            name=organisation, kind=OrganisationKind.OTHER
        )
        if org.municipality_id is None:
            collaboration.partners.add(org)
        people[key], _ = upsert(Person, name=name, defaults={"organisation": org, "function": function})

    programme, _ = upsert(
        Programme, collaboration=collaboration, title=data.PROGRAMME["title"], defaults=data.PROGRAMME
    )
    goals = [
        upsert(
            ResultGoal,
            programme=programme,
            title=title,
            defaults={"description": text, "order": n, "target_year": 2028},
        )[0]
        for n, (title, text) in enumerate(getattr(data, "RESULT_GOALS", []), start=1)
    ]
    lines = []
    for n, (title, text) in enumerate(getattr(data, "ACTION_LINES", getattr(data, "DEVELOPMENT_TASKS", [])), start=1):
        line, _ = upsert(ActionLine, programme=programme, title=title, defaults={"description": text, "order": n})
        if goals:
            line.result_goals.set([goals[n - 1]])
        lines.append(line)
    for n, (title, text) in enumerate(getattr(data, "PRECONDITIONS", []), start=1):
        upsert(Precondition, programme=programme, title=title, defaults={"description": text, "order": n})
    for n, (title, text) in enumerate(getattr(data, "PRINCIPLES", []), start=1):
        upsert(Principle, programme=programme, title=title, defaults={"description": text, "order": n})
    for n, (title, text, serves) in enumerate(getattr(data, "BUILDING_BLOCKS", []), start=1):
        block, _ = upsert(BuildingBlock, programme=programme, title=title, defaults={"description": text, "order": n})
        block.action_lines.set([lines[i - 1] for i in serves])

    phases = []
    for n, (name, start, end, goal, result) in enumerate(getattr(data, "PHASES", []), start=1):
        phases.append(
            upsert(
                Phase,
                programme=programme,
                name=name,
                defaults={"order": n, "start_date": start, "end_date": end, "goal": goal, "result": result},
            )[0]
        )
    for n, (label, start, end, text) in enumerate(getattr(data, "MILESTONES", []), start=1):
        # The latest phase that has started by the milestone's date (phases 2 and 3 overlap in October 2025).
        phase = max(
            (p for p in phases if p.start_date <= start <= p.end_date), key=lambda p: p.start_date, default=None
        )
        upsert(
            Milestone,
            programme=programme,
            order=n,
            defaults={
                "period_label": label,
                "start_date": start,
                "end_date": end,
                "description": text,
                "phase": phase,
                "done": end.isoformat() < DEMO_TODAY_ISO,
            },
        )

    workgroups = {}
    for spec in getattr(data, "WORKGROUPS", []):
        fields = {
            k: spec.get(k, "")
            for k in (
                "name",
                "priority",
                "goal",
                "orientation",
                "smart_result",
                "parties_involved",
                "activities_and_planning",
                "procurement_relation",
                "end_user_involvement",
            )
        }
        fields["principal"] = "Kernteam namens de gemeenten; programmamanager"
        workgroup, _ = upsert(Workgroup, programme=programme, number=spec["number"], defaults=fields)
        workgroup.action_lines.set([lines[i - 1] for i in spec["action_lines"]])
        for person_key, role, hours in spec["members"]:
            upsert(
                Membership,
                workgroup=workgroup,
                person=people[person_key],
                defaults={"role": role, "hours_per_week": hours},
            )
        workgroups[spec["number"]] = workgroup
    for spec in getattr(data, "WORKGROUPS", []):
        workgroups[spec["number"]].depends_on.set([workgroups[n] for n in spec["depends_on"]])

    for order, spec in enumerate(data.BODIES, start=1):
        body, _ = upsert(
            GovernanceBody,
            programme=programme,
            name=spec["name"],
            defaults={
                "abbreviation": spec["abbreviation"],
                "kind": body_kind(collaboration, spec["kind"]),  # the collaboration's kind with this code
                "order": order,
                "description": spec["description"],
                "decision_authority": spec["authority"],
                "submission_deadline_days": spec["deadline"],
            },
        )
        for person_key, role in spec["members"]:
            upsert(BodyMembership, body=body, person=people[person_key], defaults={"role": role})
    load_routes(programme, data)
    load_budget(programme, data)
    load_risks(programme, data, people)
    load_decisions(programme, data)
    load_meetings(programme, data)
    return programme, people


def load_meetings(programme, data):
    """Meetings around the day the demo is loaded, so the agenda always shows what is next."""
    import datetime

    from django.utils import timezone

    today = timezone.localdate()
    seeded = set()
    for body_name, days, hour, place, status, items, minutes in getattr(data, "MEETINGS", []):
        body = GovernanceBody.objects.get(programme=programme, name=body_name)
        if body.pk not in seeded and body.meetings.exists():
            continue  # demo meetings are created once per body, on the first load
        seeded.add(body.pk)
        day = today + datetime.timedelta(days=days)
        day += datetime.timedelta(days=(3 - day.weekday()) % 7)  # bodies meet on Thursdays
        starts = timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))
        meeting = Meeting.objects.create(body=body, starts_at=starts, place=place, status=status, minutes=minutes)
        for order, (title, presenter, duration, outcome) in enumerate(items, start=1):
            AgendaItem.objects.create(
                meeting=meeting,
                order=order,
                title=title,
                presenter=presenter,
                duration_minutes=duration,
                outcome=outcome,
            )


def load_decisions(programme, data):
    """Decisions are append-only: create the ones that are not there yet, never update."""
    import datetime

    for body_name, date, title, outcome, rationale, action_line in getattr(data, "DECISIONS", []):
        body = GovernanceBody.objects.get(programme=programme, name=body_name)
        when = datetime.date.fromisoformat(date)
        if not Decision.objects.filter(programme=programme, body=body, subject_title=title, date=when).exists():
            line = programme.action_lines.get(order=action_line) if action_line else None
            Decision.objects.create(
                programme=programme,
                body=body,
                subject_title=title,
                date=when,
                outcome=outcome,
                rationale=rationale,
                action_line=line,
            )


def load_risks(programme, data, people):
    import datetime

    for n, (title, description, likelihood, impact, measures) in enumerate(getattr(data, "RISKS", [])):
        # Review dates spread over the coming months; the first one is overdue on purpose.
        review = datetime.date(2026, 11, 1) + datetime.timedelta(days=45 * n)
        risk, _ = upsert(
            Risk,
            programme=programme,
            title=title,
            defaults={
                "description": description,
                "likelihood": likelihood,
                "impact": impact,
                "owner": people.get("pm"),
                "review_date": review,
            },
        )
        for order, measure in enumerate(measures, start=1):
            upsert(Mitigation, risk=risk, order=order, defaults={"description": measure})


def load_routes(programme, data):
    for index, (name, description, steps) in enumerate(getattr(data, "ROUTES", [])):
        route, _ = upsert(
            DecisionRoute,
            programme=programme,
            name=name,
            defaults={"description": description, "is_default": index == 0},
        )
        for order, (body_name, act, *extra) in enumerate(steps, start=1):
            # extra: where the municipalities decide, {"organ": ..., "rule": ..., "only_agreeing": ...}
            body = GovernanceBody.objects.get(programme=programme, name=body_name)
            upsert(
                RouteStep, route=route, order=order, defaults={"body": body, "act": act, **(extra[0] if extra else {})}
            )


def load_budget(programme, data):
    years = getattr(data, "BUDGET_YEARS", [])
    for order, (name, amount, explanation, in_kind, pilot) in enumerate(getattr(data, "BUDGET_POSTS", []), start=1):
        post, _ = upsert(
            BudgetPost,
            programme=programme,
            name=name,
            defaults={"order": order, "explanation": explanation, "in_kind": in_kind, "holds_pilot_money": pilot},
        )
        for year in years:
            upsert(BudgetLine, post=post, year=year, defaults={"amount": Decimal(amount)})
    for name, amount, explanation in getattr(data, "FUNDING", []):
        for year in years:
            upsert(
                FundingSource,
                programme=programme,
                name=name,
                year=year,
                defaults={"amount": Decimal(amount), "explanation": explanation},
            )
    if hasattr(data, "SPLIT_KEY"):
        upsert(
            CostSplit,
            programme=programme,
            defaults={"key": data.SPLIT_KEY, "inhabitants_date": getattr(data, "INHABITANTS_DATE", INHABITANTS_DATE)},
        )


def load_users(users, programmes, people, password):
    """Creates the demo logins and links each to its fictitious person and role; resets their password."""
    User = get_user_model()
    created = []
    for username, label, person_ref, how in users:
        user, _ = User.objects.get_or_create(username=username)
        user.is_staff = user.is_superuser = how == "admin"
        user.email = f"{username}@demo.jeugdregio.local"
        if person_ref:
            collaboration, key = person_ref
            person = people[collaboration][key]
            Person.objects.filter(user=user).exclude(pk=person.pk).update(user=None)
            first, _, last = person.name.partition(" ")
            user.first_name, user.last_name = first, last
            user.set_password(password)
            user.save()
            upsert(Person, pk=person.pk, defaults={"user": user, "email": user.email})
            if how in ("manager", "reader"):
                upsert(
                    ProgrammeAccess,
                    programme=programmes[collaboration],
                    user=user,
                    defaults={"role": AccessRole.MANAGER if how == "manager" else AccessRole.READER},
                )
        else:
            user.first_name, user.last_name = "Functioneel", "beheerder"
            user.set_password(password)
            user.save()
        created.append((username, label))
    return created
