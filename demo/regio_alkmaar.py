"""Regio Alkmaar, plan van aanpak regionale visie sociaal domein (seed 003): youth care and Wmo together, no
workgroups, the regionaal portefeuillehoudersoverleg sociaal domein as commissioning and deciding body, a stuurgroep
and a projectgroep, € 50.000 from the reserve sociaal domein, and the regional vision as the deliverable that travels
the route.

Its six municipalities also take part in the bovenregionale samenwerking jeugd Noord-Holland Noord (demo
noord_holland_noord): the same national rows, two collaborations. Every person is fictitious."""

import datetime as dt

COLLABORATION = "Regio Alkmaar"

MUNICIPALITIES = [
    ("Alkmaar", "GM0361", None, False),
    ("Bergen (NH.)", "GM0373", None, False),
    ("Castricum", "GM0383", None, False),
    ("Dijk en Waard", "GM1980", None, False),
    ("Heiloo", "GM0399", None, False),
    ("Uitgeest", "GM0450", None, False),
]
INHABITANTS_REFERENCE = ""
# The cost split counts with CBS's figures of this date, shipped with the national reference.
INHABITANTS_DATE = dt.date(2024, 1, 1)

ORGANISATIONS = [
    ("GGD Hollands Noorden", "public_health"),
    ("Samenwerkingsverband Passend Onderwijs Noord-Kennemerland", "education"),
]

PEOPLE = {
    "alk_chair": ("Hester Vermeulen", "Gemeente Castricum", "Wethouder sociaal domein, voorzitter stuurgroep"),
    "alk_pm": ("Ruben Hoekstra", "Gemeente Alkmaar", "Programmacoördinator sociaal domein regio Alkmaar"),
    "alk_do": ("Monique Brouwer", "Gemeente Dijk en Waard", "Directeur sociaal domein (DO-lid)"),
    "alk_alderman_bergen": ("Thijs van Leeuwen", "Gemeente Bergen (NH.)", "Wethouder jeugd en Wmo"),
    "alk_pho_chair": ("Fatima El Idrissi", "Gemeente Alkmaar", "Wethouder jeugd"),
    "alk_pho_secretary": ("Ilse Kuiper", "Gemeente Alkmaar", "Secretaris portefeuillehoudersoverleg"),
    "alk_pho_heiloo": ("Jan-Willem Smit", "Gemeente Heiloo", "Wethouder sociaal domein"),
    "alk_jeugd": ("Wouter Kramer", "Gemeente Heiloo", "Senior beleidsadviseur jeugd"),
    "alk_wmo": ("Nadia Bouzid", "Gemeente Uitgeest", "Senior beleidsadviseur Wmo"),
    "alk_onderwijs": ("Erik Hendriks", "Gemeente Castricum", "Senior beleidsadviseur onderwijs"),
    "alk_teamleider": ("Sabine Mulder", "Gemeente Bergen (NH.)", "Teamleider uitvoeringsdienst"),
    "alk_projectleider": ("Derk Zijlstra", "Regio Alkmaar", "Externe projectleider regionale visie"),
}

PROGRAMME = {
    "title": "Plan van aanpak regionale visie sociaal domein",
    "covers_youth": True,
    "covers_wmo": True,
    "start_date": dt.date(2026, 1, 1),
    "end_date": dt.date(2026, 12, 31),
    "goal": "Een gezamenlijke, gefaseerde aanpak voor twee regionale opgaven, met samenhang tussen wetgeving, "
    "visieontwikkeling en inkoop; duidelijkheid over regionale en lokale verantwoordelijkheden binnen "
    "ondersteuning en zorg; een werkbare governance- en sturingsstructuur.",
    "target_group": "Inwoners die ondersteuning en zorg nodig hebben (jeugdhulp en Wmo) en de gemeenten en partners "
    "die die samen organiseren.",
    "scope": "Eén regionale visie waarin keuzes voor jeugdhulp en Wmo in samenhang worden beschreven: eenduidige "
    "begrippen, gezamenlijke doelen en gewenste impact, bandbreedtes voor regionaal handelen, en wat lokale "
    "teams wel en niet doen.",
    "out_of_scope": "De wijze waarop lokale teams hun werk organiseren; besluitvorming over daadwerkelijke inkoop "
    "(een afzonderlijk traject na vaststelling van de visie).",
    "background": "Op 11 december 2025 nam het regionaal portefeuillehoudersoverleg sociaal domein kennis van het "
    "rapport Stevige Lokale Teams en besloot de regionale opgaven (de verplichte regionale visie jeugdhulp "
    "uit de Wet verbetering beschikbaarheid jeugdzorg, en een verkenning naar regionale inkoop van jeugdhulp "
    "en Wmo) gezamenlijk op te pakken via een plan van aanpak.",
    "principal": "Regionaal portefeuillehoudersoverleg sociaal domein: stelt kaders vast en besluit over de "
    "regionale visie jeugdhulp/Wmo.",
}

PHASES = [
    (
        "Q1 en Q2: brede input ophalen",
        dt.date(2026, 1, 1),
        dt.date(2026, 6, 30),
        "Input ophalen bij aanbieders en aanpalende domeinen: GGD/JGZ, beschermpartners, onderwijs, welzijn, Wmo.",
        "Bouwstenen voor de visie; scope jeugdhulp en Wmo afgebakend.",
    ),
    (
        "Q3: oplevering regionale visie",
        dt.date(2026, 7, 1),
        dt.date(2026, 9, 30),
        "De regionale visie sociaal domein schrijven, met jeugdhulp als kern en samenhang naar Wmo.",
        "Regionale visie ter besluitvorming bij het portefeuillehoudersoverleg.",
    ),
    (
        "Q4: vaststelling en vervolg",
        dt.date(2026, 10, 1),
        dt.date(2026, 12, 31),
        "Besluitvorming over de visie; voorbereiding van de verkenning regionale inkoop.",
        "Visie vastgesteld; opdracht voor de verkenning inkoop.",
    ),
]

MILESTONES = [
    ("Januari 2026", dt.date(2026, 1, 1), dt.date(2026, 1, 31), "Regieteam Sociaal Domein van start"),
    ("Juni 2026", dt.date(2026, 6, 1), dt.date(2026, 6, 30), "Input aanbieders en domeinen opgehaald"),
    ("September 2026", dt.date(2026, 9, 1), dt.date(2026, 9, 30), "Regionale visie opgeleverd"),
    ("December 2026", dt.date(2026, 12, 1), dt.date(2026, 12, 31), "Besluit portefeuillehoudersoverleg over de visie"),
]

BODIES = [
    {
        "name": "Regionaal portefeuillehoudersoverleg sociaal domein",
        "abbreviation": "PHO sociaal domein",
        "kind": "portfolio_holders",
        "deadline": 10,
        "description": "De wethouders sociaal domein van de zes gemeenten; bestuurlijk opdrachtgever.",
        "authority": "Stelt kaders vast en besluit over de regionale visie jeugdhulp/Wmo.",
        "members": [("alk_pho_chair", "chair"), ("alk_pho_secretary", "secretary"), ("alk_pho_heiloo", "member")],
    },
    {
        "name": "Stuurgroep regionale visie sociaal domein",
        "abbreviation": "Stuurgroep",
        "kind": "steering_group",
        "deadline": 7,
        "description": "Afgevaardigde bestuurder uit het portefeuillehoudersoverleg (voorzitter), de "
        "programmacoördinator sociaal domein, een DO-lid en bestuurders en DO-leden van verschillende gemeenten. "
        "Circa 26 weken, ongeveer één uur per drie weken.",
        "authority": "Geeft bestuurlijke richting; ambtelijk: strategische aansturing, voortgangsbewaking en "
        "voorbereiding van de bestuurlijke besluitvorming. Adviseert het portefeuillehoudersoverleg.",
        "members": [
            ("alk_chair", "chair"),
            ("alk_pm", "secretary"),
            ("alk_do", "member"),
            ("alk_alderman_bergen", "member"),
        ],
    },
    {
        "name": "Projectgroep regionale visie",
        "abbreviation": "Projectgroep",
        "kind": "project_group",
        "deadline": 5,
        "description": "Senior adviseurs jeugd, onderwijs en Wmo en teamleiders uitvoeringsdiensten van de gemeenten, "
        "als ambassadeurs tussen lokaal en regionaal. Circa 26 weken, ongeveer één uur per week.",
        "authority": "Werkt de visie uit en beoordeelt de stukken voordat ze naar de stuurgroep gaan.",
        "members": [
            ("alk_projectleider", "chair"),
            ("alk_jeugd", "member"),
            ("alk_wmo", "member"),
            ("alk_onderwijs", "member"),
            ("alk_teamleider", "member"),
        ],
    },
]

BUDGET_YEARS = [2026]
BUDGET_POSTS = [
    (
        "Externe projectleider regionale visie",
        50000,
        "Eerder gereserveerd door het portefeuillehoudersoverleg voor de uitwerking van de regionale visie.",
        False,
        False,
    ),
    (
        "Regionale ambtelijke ondersteuning (Regieteam Sociaal Domein)",
        0,
        "Uit de bestaande regionale capaciteit, circa één dag per week; geen extra kosten.",
        True,
        False,
    ),
]
FUNDING = [
    (
        "Reserve sociaal domein",
        50000,
        "Gedekt uit de reserve sociaal domein op regionaal niveau (eerder besluit van het portefeuillehoudersoverleg).",
    )
]
SPLIT_KEY = "inhabitants"

ROUTES = [
    (
        "Regionale visie en kaders",
        "De projectgroep beoordeelt, de stuurgroep adviseert, het portefeuillehoudersoverleg besluit.",
        [
            ("Projectgroep regionale visie", "assess"),
            ("Stuurgroep regionale visie sociaal domein", "advise"),
            ("Regionaal portefeuillehoudersoverleg sociaal domein", "decide"),
        ],
    ),
]

MEETINGS = [
    (
        "Regionaal portefeuillehoudersoverleg sociaal domein",
        17,
        13,
        "Stadskantoor Alkmaar",
        "planned",
        [
            ("Opening en mededelingen", "Fatima El Idrissi", 5, ""),
            ("Stand van zaken Regieteam Sociaal Domein", "Ruben Hoekstra", 15, ""),
        ],
        "",
    ),
]
