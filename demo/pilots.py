"""Demo pilots and experiments for Rivierenland (every state of the route) and a draft for West-Brabant-Oost.

They are made through pilots.services, acted by the demo users, so their history is real. Created once:
history is append-only, so a second load_demo leaves existing pilots alone.
"""

import datetime
from decimal import Decimal

from django.contrib.auth import get_user_model

from pilots import services
from pilots.models import BudgetRequest, Experiment, Gate, Indicator, Measurement, Pilot, PilotRole
from programmes.models import Programme

EXPERIMENTS = [
    (
        2,
        "Aangepaste overlegstructuur tussen zorgaanbieders",
        "finished",
        "Aanbieders stemmen de start van hulp pas af als het gezin al wacht.",
        "Een vast wekelijks afstemmoment verkort de tijd tot de eerste afspraak.",
        "Zes weken, twee aanbieders en één lokaal team in Tiel.",
        "Gemiddeld acht dagen sneller een eerste afspraak.",
        "Werkt alleen met een vaste voorzitter.",
    ),
    (
        4,
        "Nieuwe registratieprocedure start-zorgbericht (305)",
        "finished",
        "Het start-zorgbericht (305) wordt laat of onvolledig verstuurd.",
        "Een korte werkinstructie halveert de fouten in bericht 305.",
        "Drie weken datasprint met twee backoffices.",
        "Fouten van 18% naar 7%.",
        "Definitie vooraf vaststellen.",
    ),
    (
        3,
        "Try-out steunouders",
        "finished",
        "Overbelaste gezinnen missen een netwerk om op terug te vallen.",
        "Een steunouder voorkomt dat spanningen thuis escaleren tot een uithuisplaatsing.",
        "Tien gezinnen in West Betuwe koppelen aan een steunouder.",
        "Acht van de tien gezinnen houden het contact vast.",
        "Matching kost meer tijd dan gedacht.",
    ),
]

# (key, workgroup, action lines, kind, title, goals, efforts, network, budget {year: amount}, journey)
PILOTS = [
    (
        "contactpersoon",
        2,
        [2],
        "pilot",
        "Vaste contactpersoon voor gezinnen",
        "Elk gezin heeft vanaf de start van hulp één vaste contactpersoon.",
        "Twee consulenten (1,2 fte), training en een regionale werkwijze.",
        "Lokale teams Tiel en Culemborg, aanbieders Deur 8 en SCIO; actielijn 2.",
        {2026: 25000, 2027: 25000},
        "adjusted",
    ),
    (
        "jim",
        3,
        [3],
        "pilot",
        "JIM-aanpak: Jouw Ingebrachte Mentor",
        "Jongeren kiezen een mentor uit hun eigen netwerk; minder uithuisplaatsingen.",
        "Training van JIM-hulpverleners, begeleiding van mentoren.",
        "Jeugdbescherming Gelderland, lokale teams, JIM-netwerk; actielijn 3.",
        {2026: 20000},
        "running",
    ),
    (
        "datasprint",
        4,
        [4],
        "pilot",
        "Datasprint start-zorgbericht 305",
        "Eén regionale definitie van start zorg en minder fouten in bericht 305.",
        "Drie sprints van drie weken met backoffices van gemeenten en aanbieders.",
        "Serviceorganisatie, Team Aanpak Wachttijden, backoffices; actielijn 4.",
        {2026: 8000},
        "completed",
    ),
    (
        "wachttijd",
        4,
        [4],
        "pilot",
        "Regionale wachttijddefinitie",
        "Eén wachttijddefinitie voor de hele regio.",
        "Analyse en afstemming met acht gemeenten.",
        "Contractmanagers en beleidsadviseurs; actielijn 4.",
        {2026: 10000},
        "stopped",
    ),
    (
        "steunouders",
        3,
        [3],
        "pilot",
        "Steunouders in Rivierenland",
        "Steunouders voor overbelaste gezinnen in de hele regio.",
        "Werving, training en matching (0,5 fte coördinator).",
        "Lokale teams, vrijwilligersorganisaties, ervaringsdeskundigen; actielijn 3.",
        {2027: 18000},
        "at_rbj",
    ),
    (
        "buurtgezinnen",
        3,
        [3],
        "pilot",
        "Buurtgezinnen",
        "Gezinnen steunen elkaar in de buurt, zodat hulp thuis kan blijven.",
        "Coördinatie en begeleiding.",
        "Buurtgezinnen.nl, lokale teams; actielijn 3.",
        {2027: 15000},
        "at_so",
    ),
    (
        "voorkant",
        1,
        [1, 2],
        "pilot",
        "Gezamenlijke analyse aan de voorkant",
        "Verwijzers en lokaal team maken samen een verklarende analyse vóór een verwijzing.",
        "Werksessies met huisartsen en lokale teams, een gedeeld analyseformat.",
        "Huisartsen, lokale teams, Karakter; actielijnen 1 en 2.",
        {2027: 12000},
        "at_kernteam",
    ),
    (
        "triage",
        1,
        [1],
        "pilot",
        "Regionaal triageoverleg bij complexe aanmeldingen",
        "Complexe aanmeldingen krijgen binnen twee weken één gezamenlijk advies over passende hulp.",
        "Wekelijks triageoverleg met lokale teams en aanbieders (0,4 fte voorzitter), registratie van adviezen.",
        "Lokale teams, Karakter, Pluryn, Jeugdbescherming Gelderland; actielijn 1.",
        {2027: 14000},
        "approved",
    ),
    (
        "poh",
        1,
        [2],
        "pilot",
        "Praktijkondersteuner jeugd bij huisartsen",
        "Lichte vragen worden bij de huisarts opgevangen.",
        "",
        "",
        {2027: 30000},
        "draft",
    ),
    (
        "jongerenpanel",
        5,
        [5],
        "new_initiative",
        "Jongerenpanel samenwerking",
        "Jongeren toetsen de samenwerking tussen partners.",
        "Een panel van twaalf jongeren, vergoeding.",
        "Ixta Noa, onderwijs; actielijn 5.",
        {2027: 9000},
        "rejected",
    ),
    (
        "kennisdag",
        5,
        [5],
        "new_initiative",
        "Regionale kennisdag jeugd",
        "Kennis delen tussen werkgroepen en partners.",
        "Eén dag, locatie in natura.",
        "Alle partners.",
        {2027: 4000},
        "withdrawn",
    ),
]


def users():
    User = get_user_model()
    return {
        name: User.objects.filter(username=name).first()
        for name in ("programmamanager", "trekker", "kernteam", "rbj", "so", "wbo")
    }


def load(rivierenland, wbo):
    if Pilot.objects.filter(programme=rivierenland).exists():
        return 0
    u = users()
    experiments = {}
    for number, title, status, problem, hypothesis, setup, outcome, lessons in EXPERIMENTS:
        experiments[title] = Experiment.objects.create(
            workgroup=rivierenland.workgroups.get(number=number),
            title=title,
            status=status,
            problem=problem,
            hypothesis=hypothesis,
            test_setup=setup,
            outcome=outcome,
            lessons=lessons,
            start_date=datetime.date(2025, 9, 1),
            end_date=datetime.date(2025, 11, 30),
        )
    for key, number, lines, kind, title, goals, efforts, network, budget, journey in PILOTS:
        workgroup = rivierenland.workgroups.get(number=number)
        if key == "steunouders":
            pilot = services.promote(experiments["Try-out steunouders"], u["programmamanager"])
            Pilot.objects.filter(pk=pilot.pk).update(title=title)
            pilot.refresh_from_db()
        else:
            pilot = Pilot.objects.create(programme=rivierenland, workgroup=workgroup, kind=kind, title=title)
        Pilot.objects.filter(pk=pilot.pk).update(
            goals=goals,
            efforts=efforts,
            network=network,
            planned_start=datetime.date(min(budget), 1, 1),
            planned_end=datetime.date(max(budget), 12, 31),
        )
        pilot.refresh_from_db()
        pilot.action_lines.set(rivierenland.action_lines.filter(order__in=lines))
        for year, amount in budget.items():
            BudgetRequest.objects.create(pilot=pilot, year=year, amount=Decimal(amount))
        lead = u["trekker"] if number == 1 else u["programmamanager"]
        walk(pilot, journey, lead, u)
    wbo_pilot = Pilot.objects.create(
        programme=wbo,
        workgroup=wbo.workgroups.get(number=1),
        title="Onderwijs-jeugdhulparrangement",
        goals="Jeugdhulp in de klas",
        efforts="Twee jeugdhulpverleners op vier scholen",
        network="Samenwerkingsverbanden, aanbieders",
    )
    # West-Brabant-Oost has no pilot budget in the demo, so its proposal cannot be submitted: it stays a draft.
    BudgetRequest.objects.create(pilot=wbo_pilot, year=2025, amount=Decimal("40000"))
    return Pilot.objects.filter(programme=rivierenland).count()


def walk(pilot, journey, lead, u):
    """Takes a pilot along the route to the state the demo wants it in."""
    if journey == "draft":
        return
    services.submit(pilot, lead)
    if journey == "withdrawn":
        services.withdraw(pilot, lead, "Wordt meegenomen in de kwartaalbijeenkomsten.")
        return
    if journey == "at_kernteam":
        return
    services.forward(pilot, u["kernteam"], "Goed uitgewerkt in DIN-format; past binnen de actielijn.")
    if journey == "at_rbj":
        return
    services.record_advice(
        pilot,
        u["rbj"],
        "positive" if journey != "rejected" else "negative",
        "" if journey != "rejected" else "Overlapt met bestaande participatie via Ixta Noa.",
    )
    if journey == "at_so":
        return
    if journey == "rejected":
        services.decide(pilot, u["so"], "rejected", "Past niet binnen het budget van 2027; sluit aan bij Ixta Noa.")
        return
    services.decide(pilot, u["so"], "approved", "Conform advies RBJ.")
    if journey == "approved":
        return  # approved, not yet started: its lead sees "Start"
    services.start(pilot, lead)
    year = min(r.year for r in pilot.budget_requests.all())
    indicator = Indicator.objects.create(
        pilot=pilot,
        name="Gezinnen bereikt",
        unit="aantal",
        baseline=0,
        target=40,
        measured_by="Werkgroep",
        method="Registratie",
        frequency="per kwartaal",
    )
    for month, value in ((3, 6), (6, 15), (9, 24)):
        Measurement.objects.create(indicator=indicator, date=datetime.date(year, month, 28), value=value)
    PilotRole.objects.create(pilot=pilot, person=lead.person, role="leads")
    interim = Gate.objects.create(pilot=pilot, planned_date=datetime.date(year, 9, 30), criteria="Minstens 20 gezinnen")
    final = Gate.objects.create(
        pilot=pilot,
        planned_date=datetime.date(max(r.year for r in pilot.budget_requests.all()), 12, 15),
        criteria="Effect aangetoond",
        is_final=True,
    )
    if journey == "running":
        services.record_spending(pilot, lead, year, "7500", "Training JIM-hulpverleners")
        return
    if journey == "adjusted":
        services.record_spending(pilot, lead, year, "11000", "Inzet consulenten eerste halfjaar")
        services.record_gate(interim, u["so"], "adjust", "Doelgroep verbreden naar gezinnen met jonge kinderen.")
        return
    if journey == "stopped":
        services.record_spending(pilot, lead, year, "4000", "Analyse")
        services.record_gate(interim, u["so"], "stop", "Landelijke definitie komt eraan; regionale variant overbodig.")
        return
    if journey == "completed":
        services.record_spending(pilot, lead, year, "6500", "Drie sprints")
        services.record_gate(interim, u["so"], "continue", "")
        services.record_gate(final, u["so"], "continue", "Werkwijze is verankerd in de backoffices.")


def load_demo_pilots():
    rivierenland = Programme.objects.get(collaboration__name="Rivierenland")
    wbo = Programme.objects.get(collaboration__name="West-Brabant-Oost")
    return load(rivierenland, wbo)
