"""Bovenregionale samenwerking jeugd Noord-Holland Noord (seed 004, Bijlage 1): seventeen municipalities from three
youth-care regions, a stuurgroep of aldermen that prepares, a bovenregionale projectgroep, two workgroups, and
proposals that each municipality's college (or council) decides on. Costs of the project leader are charged to the
municipalities by inhabitants.

The seed dates from 2016; the demo runs the same set-up in 2026–2027 with today's municipalities (Heerhugowaard and
Langedijk are Dijk en Waard since 2022). Inhabitants are CBS's figures from the national reference (1 January 2024).
Every person is fictitious; the seed's aldermen are not used."""

import datetime as dt

COLLABORATION = "Bovenregionale samenwerking jeugd Noord-Holland Noord"

# (name, CBS code, inhabitants (None: the national reference's CBS figure), purchases some care independently)
MUNICIPALITIES = [
    # Kop van Noord-Holland (JZ03)
    ("Den Helder", "GM0400", None, False),
    ("Schagen", "GM0441", None, False),
    ("Hollands Kroon", "GM1911", None, False),
    ("Texel", "GM0448", None, False),
    # West-Friesland (JZ05)
    ("Hoorn", "GM0405", None, False),
    ("Enkhuizen", "GM0388", None, False),
    ("Medemblik", "GM0420", None, False),
    ("Opmeer", "GM0432", None, False),
    ("Drechterland", "GM0498", None, False),
    ("Stede Broec", "GM0532", None, False),
    ("Koggenland", "GM1598", None, False),
    # Regio Alkmaar (JZ06)
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

# The institutions take part in the stuurgroep when the agenda asks for it and in the workgroups.
ORGANISATIONS = [
    ("Parlan", "care_provider"),
    ("GGZ Noord-Holland-Noord", "care_provider"),
    ("Jeugdbescherming Noord", "certified_institution"),
    ("Veilig Thuis Noord-Holland Noord", "other"),
]

PEOPLE = {
    # Stuurgroep: aldermen from each of the three regions
    "nhn_chair": ("Marjolein Bakker", "Gemeente Hoorn", "Wethouder jeugd, voorzitter stuurgroep"),
    "nhn_alderman_helder": ("Pieter Zwaan", "Gemeente Den Helder", "Wethouder jeugd"),
    "nhn_alderman_schagen": ("Ingrid Boon", "Gemeente Schagen", "Wethouder jeugd"),
    "nhn_alderman_medemblik": ("Gerard Kaag", "Gemeente Medemblik", "Wethouder jeugd"),
    "nhn_alderman_alkmaar": ("Fatima El Idrissi", "Gemeente Alkmaar", "Wethouder jeugd"),
    "nhn_alderman_uitgeest": ("Joost Rood", "Gemeente Uitgeest", "Wethouder sociaal domein"),
    # Projectleider: secretary of the stuurgroep, chair of the projectgroep
    "nhn_pm": ("Sanne Visser", "Gemeente Alkmaar", "Projectleider / procesbegeleider bovenregionale jeugdhulp"),
    # Bovenregionale projectgroep: at least two officials per region, and the institutions
    "nhn_texel": ("Kees Duinmeijer", "Gemeente Texel", "Beleidsadviseur jeugd"),
    "nhn_helder": ("Rianne Smit", "Gemeente Den Helder", "Beleidsadviseur jeugd"),
    "nhn_hoorn": ("Mehmet Yilmaz", "Gemeente Hoorn", "Beleidsadviseur jeugd"),
    "nhn_enkhuizen": ("Anouk Schouten", "Gemeente Enkhuizen", "Beleidsadviseur jeugd"),
    "nhn_heiloo": ("Wouter Kramer", "Gemeente Heiloo", "Senior beleidsadviseur jeugd"),
    "nhn_dijkenwaard": ("Esther de Graaf", "Gemeente Dijk en Waard", "Beleidsadviseur jeugd"),
    "nhn_parlan": ("Bart Jonker", "Parlan", "Manager JeugdzorgPlus"),
    "nhn_ggz": ("Lieke Mol", "GGZ Noord-Holland-Noord", "Manager crisisdienst jeugd"),
    "nhn_gi": ("Hamid Aziz", "Jeugdbescherming Noord", "Regiomanager"),
    "nhn_reader": ("Carla Dekker", "Gemeente Schagen", "Beleidsmedewerker, lezer"),
}

PROGRAMME = {
    "title": "Bestuursopdracht bovenregionale jeugdhulp Noord-Holland Noord",
    "start_date": dt.date(2026, 1, 1),
    "end_date": dt.date(2027, 12, 31),
    "goal": "Gemeenten en zorginstellingen stellen samen een ontwikkelagenda op en voeren die uit, zodat de "
    "bovenregionale jeugdhulp in Noord-Holland Noord beschikbaar, betaalbaar en vernieuwend blijft.",
    "target_group": "Jeugdigen en gezinnen in de zeventien gemeenten die bovenregionale jeugdhulp nodig hebben: "
    "24-uursverblijf, JeugdzorgPlus, jeugd-LVB, intramurale jeugd-GGZ, crisishulp, jeugdbescherming.",
    "scope": "Deel 1: de ontwikkelagenda en een gezamenlijke intentieverklaring; deel 2: de uitvoering ervan. "
    "Vooruitlopend: JeugdzorgPlus in de regio beschikbaar houden en een integrale crisisfunctie.",
    "out_of_scope": "Lokale toegang en de inkoop van regionale jeugdhulp per regio.",
    "background": "Bijlage 1 bij de transformatieagenda: de bovenregionale samenwerking jeugd van de regio's Kop van "
    "Noord-Holland, West-Friesland en Regio Alkmaar.",
    "principal": "De stuurgroep bovenregionale samenwerking jeugd bereidt voorstellen voor; de gemeenten besluiten, "
    "elk in college of raad.",
}

ACTION_LINES = [
    ("JeugdzorgPlus in de regio", "Het beschikbaar houden van JeugdzorgPlus binnen de regio Noord-Holland Noord."),
    ("Integrale crisisfunctie", "Bovenregionaal (intersectoraal) organiseren van een integrale crisisfunctie."),
    ("Ontwikkelagenda", "Een gezamenlijke ontwikkelagenda met afbouw van capaciteit en nieuwe zorgvormen."),
]

PHASES = [
    (
        "Deel 1: ontwikkelagenda",
        dt.date(2026, 1, 1),
        dt.date(2026, 7, 15),
        "Gezamenlijke ontwikkelagenda en intentieverklaring.",
        "Ontwikkelagenda vastgesteld door de colleges.",
    ),
    (
        "Deel 2: uitvoering",
        dt.date(2026, 7, 16),
        dt.date(2027, 12, 31),
        "Uitvoering van de vastgestelde ontwikkelagenda.",
        "Afbouw capaciteit en nieuwe zorgvormen volgens plan.",
    ),
]

MILESTONES = [
    ("Maart 2026", dt.date(2026, 3, 1), dt.date(2026, 3, 31), "Projectleider / procesbegeleider aangesteld"),
    ("Juli 2026", dt.date(2026, 7, 1), dt.date(2026, 7, 15), "Ontwikkelagenda in de stuurgroep"),
    ("December 2026", dt.date(2026, 12, 1), dt.date(2026, 12, 31), "Besluiten colleges over de ontwikkelagenda"),
]

WORKGROUPS = [
    {
        "number": 1,
        "name": "Bovenregionale voorzieningen JeugdzorgPlus",
        "action_lines": [1],
        "priority": "high",
        "goal": "JeugdzorgPlus blijft binnen Noord-Holland Noord beschikbaar, met minder gesloten plaatsingen.",
        "parties_involved": "Gemeenten uit de drie regio's, Parlan, Jeugdbescherming Noord.",
        "depends_on": [],
        "members": [("nhn_hoorn", "lead", 4), ("nhn_parlan", "member", 2), ("nhn_texel", "member", 2)],
    },
    {
        "number": 2,
        "name": "Crisisdienst",
        "action_lines": [2],
        "priority": "high",
        "goal": "Eén integrale, bovenregionale crisisfunctie voor jeugd.",
        "parties_involved": "Gemeenten, GGZ Noord-Holland-Noord, Veilig Thuis, Jeugdbescherming Noord.",
        "depends_on": [],
        "members": [("nhn_heiloo", "lead", 4), ("nhn_ggz", "member", 2), ("nhn_gi", "member", 2)],
    },
]

BODIES = [
    {
        "name": "Stuurgroep bovenregionale samenwerking jeugd",
        "abbreviation": "Stuurgroep",
        "kind": "steering_group",
        "deadline": 10,
        "description": "Afvaardiging van wethouders uit de drie regio's; bestuurders van de instellingen schuiven aan "
        "als de agenda daartoe aanleiding geeft.",
        "authority": "Heeft de regie, bereidt voorstellen voor en biedt ze de gemeenten ter besluitvorming aan; het is "
        "aan de individuele gemeenten om in college of raad te besluiten.",
        "members": [
            ("nhn_chair", "chair"),
            ("nhn_pm", "secretary"),
            ("nhn_alderman_helder", "member"),
            ("nhn_alderman_schagen", "member"),
            ("nhn_alderman_medemblik", "member"),
            ("nhn_alderman_alkmaar", "member"),
            ("nhn_alderman_uitgeest", "member"),
        ],
    },
    {
        "name": "Bovenregionale projectgroep",
        "abbreviation": "Projectgroep",
        "kind": "project_group",
        "deadline": 5,
        "description": "Ambtelijke afvaardiging van de zeventien gemeenten (minimaal twee per regio) en medewerkers "
        "van de instellingen.",
        "authority": "Geeft uitvoering aan de opdracht en zorgt voor ambtelijk commitment; beoordeelt voorstellen "
        "voordat ze naar de stuurgroep gaan.",
        "members": [
            ("nhn_pm", "chair"),
            ("nhn_texel", "member"),
            ("nhn_helder", "member"),
            ("nhn_hoorn", "member"),
            ("nhn_enkhuizen", "member"),
            ("nhn_heiloo", "member"),
            ("nhn_dijkenwaard", "member"),
            ("nhn_parlan", "member"),
            ("nhn_ggz", "member"),
        ],
    },
]

# Bijlage 1, Financiën: the project leader, at most € 50.000 including external support, charged by inhabitants.
BUDGET_YEARS = [2026]
BUDGET_POSTS = [
    (
        "Projectleider / procesbegeleider en externe ondersteuning",
        50000,
        "Deel 1: 20 weken van gemiddeld 18 uur per week, inclusief externe inhoudelijke ondersteuning; doorberekend "
        "aan de gemeenten op basis van inwonertal.",
        False,
        True,
    ),
]
SPLIT_KEY = "inhabitants"

ROUTES = [
    (
        "Besluitvorming door de gemeenten",
        "De projectgroep beoordeelt, de stuurgroep bereidt voor en biedt aan; elke gemeente besluit in college of raad.",
        [
            ("Bovenregionale projectgroep", "assess"),
            ("Stuurgroep bovenregionale samenwerking jeugd", "municipal", {"organ": "college", "rule": "all"}),
        ],
    ),
]

MEETINGS = [
    (
        "Stuurgroep bovenregionale samenwerking jeugd",
        -21,
        15,
        "Stadhuis Hoorn",
        "closed",
        [
            ("Opening en mededelingen", "Marjolein Bakker", 5, "Geen bijzonderheden."),
            (
                "Ontwikkelagenda bovenregionale jeugdhulp",
                "Sanne Visser",
                45,
                "Voorstel aangeboden aan de zeventien colleges ter besluitvorming.",
            ),
        ],
        "De stuurgroep bespreekt de ontwikkelagenda met de bestuurders van de instellingen.",
    ),
    (
        "Stuurgroep bovenregionale samenwerking jeugd",
        24,
        15,
        "Gemeentehuis Schagen",
        "planned",
        [
            ("Opening en mededelingen", "Marjolein Bakker", 5, ""),
            ("Stand van de besluitvorming in de colleges", "Sanne Visser", 20, ""),
            ("JeugdzorgPlus: afbouw capaciteit 2027", "Werkgroep 1", 40, ""),
        ],
        "",
    ),
]
