"""Demo of following conditions and of the kernteam's assessment (issue #16) in Rivierenland.

Rivierenland's own criteria (impact, uitvoerbaarheid, urgentie, 1–5: seed 002 §5.1, phase 2); a proposal the RBJ
advised on with two conditions, one met and confirmed, one still open, now waiting at the SO; and the scores of
three kernteam members on the proposals at the kernteam, one more of which is added here. Everything goes through
the services, acted by the demo users, so the history is real. Loaded once: a second load_demo leaves it alone.
"""

import datetime
from decimal import Decimal

from django.contrib.auth import get_user_model

from pilots import assessment, conditions, services
from pilots.models import AssessmentCriterion, BudgetRequest, Pilot
from programmes.models import BodyMembership, Programme

CRITERIA = [
    (
        "Impact",
        "Hoeveel draagt het voorstel bij aan de resultaatdoelen: minder instroom, eerder passende hulp?",
        "impact",
    ),
    ("Uitvoerbaarheid", "Zijn mensen, middelen en partners er, en is het binnen de looptijd te doen?", "feasibility"),
    ("Urgentie", "Hoe groot is de nood nu: wachttijden, signalen uit de lokale teams?", "urgency"),
]

CONDITIONAL = {
    "workgroup": 1,
    "line": 1,
    "title": "Eén regionaal loket voor wachtlijstbemiddeling",
    "goals": "Gezinnen op een wachtlijst krijgen binnen twee weken overbruggingshulp of een alternatief aanbod.",
    "efforts": "Een wachtlijstbemiddelaar (0,6 fte) en een gedeeld overzicht van de wachtlijsten van aanbieders.",
    "network": "Lokale teams, Karakter, Entrea Lindenhout, Pluryn, Team Aanpak Wachttijden; actielijn 1.",
    "budget": {2027: 22000},
    "conditions": (
        "Maak vooraf afspraken met de aanbieders over het delen van wachtlijstgegevens (AVG).\n"
        "Rapporteer na zes maanden aan het kernteam hoeveel gezinnen overbruggingshulp kregen."
    ),
}

AT_KERNTEAM = {
    "workgroup": 2,
    "line": 2,
    "title": "Gezinscoach in het voortgezet onderwijs",
    "goals": "Leerlingen met signalen thuis krijgen op school een vaste gezinscoach, zodat hulp eerder start.",
    "efforts": "Twee gezinscoaches (1,0 fte) op vier vo-scholen, werkwijze met zorgcoördinatoren.",
    "network": "Samenwerkingsverbanden vo, lokale teams Tiel en Culemborg; actielijn 2.",
    "budget": {2027: 26000},
}

# The kernteam's scores: per proposal title, per member (chair, secretary, member), impact / feasibility / urgency.
SCORES = {
    "Gezamenlijke analyse aan de voorkant": {
        "chair": ((4, "Raakt de kern van de instroom."), (3, "Huisartsen zijn lastig te bereiken."), (4, "")),
        "secretary": ((5, "Sluit aan op resultaatdoel 1."), (3, ""), (3, "Geen acute nood.")),
        "member": ((4, ""), (2, "Veel werksessies voor weinig fte."), (4, "Wachttijden lopen op.")),
    },
    "Gezinscoach in het voortgezet onderwijs": {
        "chair": ((3, "Effect pas op langere termijn."), (4, "Scholen staan klaar."), (3, "")),
        "secretary": ((3, ""), (5, "Werkwijze bestaat al in de buurregio."), (2, "")),
        "member": ((4, "Veel signalen via school."), (4, ""), (3, "")),
    },
    CONDITIONAL["title"]: {
        "chair": ((5, "Wachttijden zijn het grootste knelpunt."), (3, "Afhankelijk van aanbieders."), (5, "")),
        "secretary": ((4, ""), (3, "AVG-afspraken nodig."), (5, "Signalen uit alle lokale teams.")),
        "member": ((4, ""), (4, ""), (4, "")),
    },
}


def _users():
    User = get_user_model()
    return {name: User.objects.get(username=name) for name in ("programmamanager", "trekker", "kernteam", "rbj")}


def _new_proposal(programme, data, lead):
    pilot = Pilot.objects.create(
        programme=programme,
        workgroup=programme.workgroups.get(number=data["workgroup"]),
        title=data["title"],
        goals=data["goals"],
        efforts=data["efforts"],
        network=data["network"],
        planned_start=datetime.date(min(data["budget"]), 1, 1),
        planned_end=datetime.date(max(data["budget"]), 12, 31),
    )
    pilot.action_lines.set(programme.action_lines.filter(order=data["line"]))
    for year, amount in data["budget"].items():
        BudgetRequest.objects.create(pilot=pilot, year=year, amount=Decimal(amount))
    services.submit(pilot, lead)
    return pilot


def _score(pilot, secretary, members, criteria):
    """The secretary records the chair's and the plain member's scores (given in the meeting) and their own."""
    for role, rows in SCORES[pilot.title].items():
        entries = {criterion.pk: row for criterion, row in zip(criteria, rows, strict=True)}
        assessment.save_scores(pilot, secretary, entries, member=members[role])


def load_demo_collaboration():
    programme = Programme.objects.get(collaboration__name="Rivierenland")
    if AssessmentCriterion.objects.filter(programme=programme).exists():
        return 0
    criteria = [
        AssessmentCriterion.objects.create(
            programme=programme, name=name, description=description, order=order, axis=axis
        )
        for order, (name, description, axis) in enumerate(CRITERIA, start=1)
    ]
    u = _users()
    kernteam = programme.bodies.get(name="Kernteam")
    seats = BodyMembership.objects.filter(body=kernteam).select_related("person")
    members = {
        "chair": seats.get(role="chair").person,
        "secretary": u["kernteam"].person,
        "member": u["trekker"].person,  # the lead of workgroup 1 also sits in the kernteam
    }

    followed = _new_proposal(programme, CONDITIONAL, u["trekker"])
    _score(followed, u["kernteam"], members, criteria)
    services.forward(followed, u["kernteam"], "Hoge prioriteit: grootste knelpunt in de regio.")
    services.record_advice(
        followed,
        u["rbj"],
        "conditional",
        "Positief, mits de gegevensdeling geregeld is en het kernteam het effect volgt.",
        CONDITIONAL["conditions"],
    )
    privacy = followed.conditions.get(number=1)
    conditions.mark_met(
        privacy, u["trekker"], "Convenant gegevensdeling getekend door de vijf grootste aanbieders (bijlage)."
    )
    conditions.confirm(privacy, u["rbj"], "Convenant gezien en akkoord.")

    _new_proposal(programme, AT_KERNTEAM, u["programmamanager"])
    for title in ("Gezamenlijke analyse aan de voorkant", AT_KERNTEAM["title"]):
        _score(Pilot.objects.get(programme=programme, title=title), u["kernteam"], members, criteria)
    return len(criteria)
