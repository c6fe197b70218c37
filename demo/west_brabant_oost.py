"""West-Brabant-Oost, strategy plan (seed 000): shaped by principles, development tasks and building blocks."""

import datetime as dt

COLLABORATION = "West-Brabant-Oost"

# The seed names no municipalities or figures. These are the municipalities of the youth-care region and
# indicative inhabitant figures; they are not reference numbers.
MUNICIPALITIES = [
    ("Breda", "GM0758", 184716, False),
    ("Oosterhout", "GM0826", 56057, False),
    ("Etten-Leur", "GM0777", 44010, False),
    ("Drimmelen", "GM1719", 27460, False),
    ("Zundert", "GM0879", 22035, False),
    ("Geertruidenberg", "GM0779", 21787, False),
    ("Alphen-Chaam", "GM1723", 10230, False),
    ("Baarle-Nassau", "GM0744", 6976, False),
]
INHABITANTS_REFERENCE = "Indicatief (CBS, ca. 2021); niet uit het strategieplan"

PEOPLE = {
    "wbo_pm": ("Yvonne Akkermans", "Gemeente Breda", "Programmamanager jeugd WBO"),
    "wbo_policy1": ("Tom Verschuren", "Gemeente Oosterhout", "Beleidsadviseur jeugd"),
    "wbo_policy2": ("Lotte Martens", "Gemeente Etten-Leur", "Beleidsadviseur jeugd"),
    "wbo_alderman1": ("Frank Oomen", "Gemeente Breda", "Wethouder jeugd"),
    "wbo_alderman2": ("Hanneke Gijsen", "Gemeente Drimmelen", "Wethouder jeugd"),
}

PROGRAMME = {
    "title": "Strategieplan Norm voor Opdrachtgeverschap Jeugd WBO",
    "start_date": dt.date(2023, 1, 1),
    "end_date": dt.date(2025, 12, 31),
    "goal": "De juiste en de beste hulp voor de jeugdige, zo dichtbij mogelijk: een stevig fundament voor de beoogde "
    "transformatie, uitvoering van de regiovisie en de weg daarnaartoe.",
    "target_group": "Jeugdigen, ouders en gezinnen in West-Brabant-Oost, met de sociale basis als vertrekpunt en "
    "eindbestemming.",
    "scope": "Richten – Inrichten – Verrichten: regionale ambitie, strategieplan en strategische uitvoeringsagenda "
    "met projectopdrachten per bouwsteen; gefaseerde aanpak met 1 januari 2025 als belangrijke mijlpaal.",
    "out_of_scope": "",
    "background": "Samenwerkende gemeenten in de jeugdregio geven samen met regionale partners vorm aan kwalitatief "
    "goede zorg en ondersteuning die aansluit bij jeugdigen, ouders en gezin én die betaalbaar is, nu en "
    "in de toekomst.",
    "principal": "De gemeenten van West-Brabant-Oost, met de regiegroep als wekelijks co-creërend eigenaar van het "
    "resultaat.",
}

PRINCIPLES = [
    ("Hobbels horen bij het leven", "Jeugdigen hebben het recht om zich naar eigen vermogen te ontwikkelen."),
    ("Normaliseren vraagt iets van ons allemaal", ""),
    ("Wij kijken naar jeugdigen in hun context", "Gezinssysteem en omgeving."),
    ("We bepalen gezamenlijk welke hulp nodig is", "Jeugdigen, ouders, verwijzers, onderwijs en jeugdprofessionals."),
    ("Wij houden kleine problemen klein en geven grote problemen passende aandacht", ""),
    ("Thuis is de basis", ""),
    ("Continuïteit van kwaliteit van hulp en doorgaande ontwikkellijn is het uitgangspunt", ""),
    ("Jeugdprofessionals hebben een mooi vak en wij zijn trots op hen", ""),
]

# The six development tasks (ontwikkelopgaven), kept as action lines.
DEVELOPMENT_TASKS = [
    (
        "Onderwijs en jeugdhulp in verbinding",
        "Onderwijs en jeugdhulp beter met elkaar verbinden, zodat de jeugdige binnen en buiten de klas beter wordt "
        "ondersteund en problemen vroegtijdig worden gesignaleerd.",
    ),
    ("Innovatiekracht", "Wendbaarheid en innovatiekracht van het gehele jeugdhulplandschap."),
    ("Participatie jeugdigen", "Luisteren naar zorgen, adviezen en ideeën van jeugdigen: vóór, tijdens en na de hulp."),
    (
        "Samenwerken, triage en verwijzen",
        "Een goede verwijzing en triage zijn cruciaal voor tijdige en passende jeugdhulp.",
    ),
    ("Zo thuis mogelijk", "Thuis is de basis; waar nodig een (tijdelijke) plek elders, zo thuis mogelijk."),
    (
        "Ervaringsdeskundigheid als expertise",
        "Naast jeugdhulpprofessionals zijn ervaringsdeskundigen in veel gevallen onmisbaar.",
    ),
]

# Building blocks (strategie per bouwsteen) with the development tasks (1-based) they serve.
BUILDING_BLOCKS = [
    (
        "Uitwerking naar de sociale basis",
        "De sociale basis als vertrekpunt en eindbestemming een prominente plek geven in het zorglandschap.",
        [1, 5],
    ),
    (
        "Van toegang naar stevige lokale teams",
        "Primair een lokale opgave: hoe jeugdigen en ouders het stevig lokale team vinden en worden geholpen.",
        [4],
    ),
    (
        "Uitwerking van de nieuwe contractering",
        "De keuzes uit regiovisie en strategieplan concretiseren in inkoopopdracht, -documentatie en -proces.",
        [2, 4],
    ),
    (
        "Uitwerking naar de governance",
        "Minder vrijblijvende regionale samenwerking voor kwaliteit en continuïteit van de jeugdhulp.",
        [2],
    ),
    (
        "Leren & ontwikkelen",
        "De hulp en het samenspel continu ontwikkelen; leren van elkaar en van de jeugdigen en hun omgeving.",
        [3, 6],
    ),
]

BODIES = [
    {
        "name": "Regiegroep",
        "abbreviation": "Regiegroep",
        "kind": "project_group",
        "deadline": 3,
        "description": "Heeft wekelijks intensieve besprekingen en staat in verbinding met de lopende initiatieven en "
        "projecten vanuit het programma NvO.",
        "authority": "Neemt eigenaarschap voor het resultaat; beoordeelt projectopdrachten en voorstellen.",
        "members": [("wbo_pm", "chair"), ("wbo_policy1", "secretary"), ("wbo_policy2", "member")],
    },
    {
        "name": "Portefeuillehoudersoverleg Jeugd WBO",
        "abbreviation": "PHO",
        "kind": "portfolio_holders",
        "deadline": 14,
        "description": "Overleg van de wethouders jeugd van de regio.",
        "authority": "Besluit over de strategische uitvoeringsagenda, projectopdrachten en middelen.",
        "members": [("wbo_alderman1", "chair"), ("wbo_alderman2", "member")],
    },
]

ROUTES = [
    (
        "Projectopdrachten",
        "De regiegroep beoordeelt een projectopdracht; het portefeuillehoudersoverleg besluit.",
        [("Regiegroep", "assess"), ("Portefeuillehoudersoverleg Jeugd WBO", "decide")],
    ),
]

# One project assignment of the strategy plan's appendices, as a workgroup.
WORKGROUPS = [
    {
        "number": 1,
        "name": "Onderwijs en jeugdhulp in verbinding",
        "action_lines": [1],
        "priority": "high",
        "goal": "Onderwijs en jeugdhulp trekken samen op, binnen en buiten de klas.",
        "orientation": "Vroegtijdig signaleren op school en hulp in de klas.",
        "smart_result": "Per 1 januari 2025 werken alle samenwerkingsverbanden met een onderwijs-jeugdhulparrangement.",
        "parties_involved": "Samenwerkingsverbanden, schoolbesturen, jeugdhulpaanbieders, lokale teams.",
        "activities_and_planning": "2023: verkenning; 2024: arrangementen; 1-1-2025: onomkeerbare stap.",
        "procurement_relation": "Onderdeel van de nieuwe contractering.",
        "end_user_involvement": "Jongerenpanel en ouders via de reflectiegroepen.",
        "depends_on": [],
        "members": [("wbo_policy1", "lead", 4), ("wbo_policy2", "member", 2)],
    },
]
