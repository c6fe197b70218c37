"""Proposals of the demo's NHN and Regio Alkmaar programmes, taken along their routes through pilots.services.

Noord-Holland Noord (seed 004): the colleges of all seventeen municipalities decide. The ontwikkelagenda is decided
(all seventeen agreed); the project leader's € 50.000 waits for Texel's college, the last one (log in as `texel` to
record it, or as `nhn` on Texel's behalf: the money is released then); the crisis service proposal was declined by
Enkhuizen's college, so under "all agree" it is rejected.

Regio Alkmaar (seed 003): the regional vision, a programme document with no workgroup, assessed by the projectgroep
and advised by the stuurgroep, is on the agenda of the portefeuillehoudersoverleg's next meeting.

Created once: history is append-only, so a second load_demo leaves existing proposals alone. College decisions are
dated before the day the demo is loaded (a decision date never lies in the future).
"""

import datetime
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.utils import timezone

from pilots import services
from pilots.constants import DocumentType, PilotKind
from pilots.models import BudgetRequest, Pilot
from programmes.models import Programme

NHN_PROPOSALS = [
    # (title, document type, summary, money per year, journey, declined by)
    (
        "Inhuur projectleider / procesbegeleider deel 1",
        DocumentType.BUDGET_AMENDMENT,
        "De stuurgroep stelt de gemeenten voor een projectleider / procesbegeleider in te huren voor deel 1 van de "
        "bestuursopdracht: 20 weken van gemiddeld 18 uur per week, inclusief externe inhoudelijke ondersteuning, "
        "maximaal € 50.000, doorberekend aan de gemeenten op basis van inwonertal.",
        {2026: 50000},
        "waiting",
        None,
    ),
    (
        "Ontwikkelagenda bovenregionale jeugdhulp Noord-Holland Noord",
        DocumentType.PLAN_OF_APPROACH,
        "De ontwikkelagenda met de gezamenlijke doelen van gemeenten en instellingen: afbouw van capaciteit "
        "(omgezet in een financieel kader) in 2026 en 2027, nieuwe zorgvormen en specialistische kennis aan de "
        "voorkant; met een intentieverklaring van gemeenten en instellingen.",
        {},
        "decided",
        None,
    ),
    (
        "Bovenregionale crisisdienst jeugd: gezamenlijke opdracht",
        DocumentType.OTHER,
        "Eén integrale, bovenregionale crisisfunctie voor jeugd, gezamenlijk opgedragen door de zeventien gemeenten.",
        {},
        "declined",
        "Enkhuizen",
    ),
]

VISION = (
    "Regionale visie sociaal domein (jeugdhulp en Wmo)",
    "Eén regionale visie waarin keuzes voor jeugdhulp en Wmo in samenhang worden beschreven: eenduidige begrippen, "
    "gezamenlijke doelen en gewenste maatschappelijke impact, bandbreedtes voor regionaal handelen, en wat lokale "
    "teams wel en niet doen. Het portefeuillehoudersoverleg wordt gevraagd de visie vast te stellen.",
)


def _user(name):
    return get_user_model().objects.get(username=name)


def _document(programme, title, document_type, summary, money):
    pilot = Pilot.objects.create(
        programme=programme, kind=PilotKind.PROGRAMME_DOCUMENT, title=title, document_type=document_type
    )
    Pilot.objects.filter(pk=pilot.pk).update(summary=summary)
    pilot.refresh_from_db()
    for year, amount in money.items():
        BudgetRequest.objects.create(pilot=pilot, year=year, amount=Decimal(amount))
    return pilot


def load_nhn(programme):
    manager = _user("nhn")
    municipalities = list(programme.collaboration.municipalities.order_by("name"))
    today = timezone.localdate()
    for title, document_type, summary, money, journey, declined_by in NHN_PROPOSALS:
        pilot = _document(programme, title, document_type, summary, money)
        services.submit(pilot, manager)
        services.forward(pilot, manager, "Ambtelijk afgestemd in de projectgroep; klaar voor de colleges.")
        if declined_by:  # the refusal first: under "all agree" it ends the step
            others = [m for m in municipalities if m.name != declined_by][:10]
            order = [*others, next(m for m in municipalities if m.name == declined_by)]
        elif journey == "waiting":
            order = [m for m in municipalities if m.name != "Texel"]
        else:
            order = municipalities
        for n, municipality in enumerate(order):
            declines = municipality.name == declined_by
            services.record_municipal_decision(
                pilot,
                manager,
                municipality,
                "declined" if declines else "agreed",
                today - datetime.timedelta(days=30 - n),
                "college",
                "Het college wil eerst de lokale crisisaanpak evalueren." if declines else "",
            )


def load_alkmaar(programme):
    manager = _user("alkmaar")
    title, summary = VISION
    pilot = _document(programme, title, DocumentType.REGIONAL_VISION, summary, {})
    services.submit(pilot, manager)
    services.forward(pilot, manager, "De projectgroep heeft de visie met de zes gemeenten uitgewerkt.")
    services.record_advice(pilot, manager, "positive", "De stuurgroep adviseert de visie vast te stellen.")


def load_demo_other_collaborations():
    nhn = Programme.objects.get(collaboration__name="Bovenregionale samenwerking jeugd Noord-Holland Noord")
    alkmaar = Programme.objects.get(collaboration__name="Regio Alkmaar")
    if not Pilot.objects.filter(programme=nhn).exists():
        load_nhn(nhn)
    if not Pilot.objects.filter(programme=alkmaar).exists():
        load_alkmaar(alkmaar)
