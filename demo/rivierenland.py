"""Rivierenland, "Deeluitvoeringsprogramma jeugd 2026–2028" (seed 002)."""

import datetime as dt

COLLABORATION = "Rivierenland"

# (name, CBS code, inhabitants (CBS, January 2021), purchases some care independently)
MUNICIPALITIES = [
    ("West Betuwe", "GM1960", 51128, False),
    ("Tiel", "GM0281", 42159, False),
    ("Culemborg", "GM0216", 28955, False),
    ("Zaltbommel", "GM0297", 28881, True),
    ("Buren", "GM0214", 26749, False),
    ("Maasdriel", "GM0263", 25030, True),
    ("Neder-Betuwe", "GM1740", 24339, False),
    ("West Maas en Waal", "GM0668", 19324, False),
]
INHABITANTS_REFERENCE = "CBS, januari 2021 (Omroep Gelderland)"

# Real organisations: (name, kind)
ORGANISATIONS = [
    ("Regio Rivierenland (Serviceorganisatie)", "regional_service"),
    ("Team Aanpak Wachttijden", "national"),
    ("Karakter", "care_provider"),
    ("Ixta Noa", "client_organisation"),
    ("Mozaïek Welzijn", "care_provider"),
    ("Entrea Lindenhout", "care_provider"),
    ("Zorggroep Gelders Rivierenland", "care_provider"),
    ("JBG Rivierenland", "public_health"),
    ("Deur 8", "care_provider"),
    ("SCIO", "care_provider"),
    ("William Schrikker", "certified_institution"),
    ("Jeugdbescherming Gelderland", "certified_institution"),
    ("Samenwerkingsverband Voortgezet Onderwijs Rivierenland", "education"),
]

# Fictitious people: key -> (name, organisation, function). The same seat-holder in several
# groups is one person here too.
PEOPLE = {
    "alderman_culemborg": ("Marloes de Wit", "Gemeente Culemborg", "Wethouder Culemborg"),
    "alderman_tiel": ("Henk Bosman", "Gemeente Tiel", "Wethouder Tiel"),
    "pm": ("Jeroen van Dalen", "Regio Rivierenland (Serviceorganisatie)", "Regionaal beleidsadviseur, projectleider"),
    "pl2": ("Annelies Verhoef", "Regio Rivierenland (Serviceorganisatie)", "Regionaal beleidsadviseur, projectleider"),
    "supplier": ("Bianca Smeets", "Regio Rivierenland (Serviceorganisatie)", "Leveranciersmanager Wmo Jeugd"),
    "designer1": ("Sanne Hoogland", "Team Aanpak Wachttijden", "Systemisch ontwerper"),
    "designer2": ("Eline Schouten", "Team Aanpak Wachttijden", "Systemisch ontwerper"),
    "ta_pl": ("Thijs van der Molen", "Team Aanpak Wachttijden", "Projectleider"),
    "policy_culemborg": ("Carolien Kok", "Gemeente Culemborg", "Beleidsadviseur jeugd"),
    "karakter": ("Inge Hendriks", "Karakter", "Regiomanager"),
    "access_culemborg": ("Anouk Willems", "Gemeente Culemborg", "Teamleider toegang"),
    "ixta": ("Esther van Dijk", "Ixta Noa", "Ervaringsdeskundige"),
    "mozaiek": ("Mirjam Dekker", "Mozaïek Welzijn", "Manager"),
    "policy_tiel": ("Ewa Nowak", "Gemeente Tiel", "Beleidsadviseur jeugd"),
    "policy_wb": ("Joke van Leeuwen", "Gemeente West Betuwe", "Beleidsadviseur jeugd"),
    "entrea": ("Gerrit van Vliet", "Entrea Lindenhout", "Contractmanager"),
    "zgr": ("Marja Verbruggen", "Zorggroep Gelders Rivierenland", "Beleidsmedewerker"),
    "jbg": ("Femke de Groot", "JBG Rivierenland", "Teamleider"),
    "deur8": ("Ahmed El Amrani", "Deur 8", "Strategisch adviseur"),
    "scio": ("Saskia Meijer", "SCIO", "Directeur, praktijkhouder en psycholoog"),
    "consultant_tiel": ("Maaike Hermans", "Gemeente Tiel", "Consulent jeugd"),
    "wsg": ("Ruud Elshout", "William Schrikker", "Gedragswetenschapper"),
    "service_supplier": ("Rik Dijkstra", "Regio Rivierenland (Serviceorganisatie)", "Leveranciersmanager Wmo Jeugd"),
    "analyst": ("Stefanie Groen", "Regio Rivierenland (Serviceorganisatie)", "Regionaal data-analist"),
    "data1": ("Arjen Mulder", "Team Aanpak Wachttijden", "Adviseur data en informatie"),
    "data2": ("Erik de Vries", "Team Aanpak Wachttijden", "Adviseur data en informatie"),
    "jbgld": ("Niek Nagelkerke", "Jeugdbescherming Gelderland", "Beleid / troubleshooter"),
    "swv": ("Petra de Ruiter", "Samenwerkingsverband Voortgezet Onderwijs Rivierenland", "Directeur"),
    "social_wb": ("Ilse Huizinga", "Gemeente West Betuwe", "Coördinator team sociaal"),
    # Members of RBJ and SO: the seed names the bodies, not their members.
    "rbj_chair": ("Wim Claassen", "Gemeente Tiel", "Beleidsmanager sociaal domein"),
    "rbj_secretary": ("Noor Jansen", "Regio Rivierenland (Serviceorganisatie)", "Secretaris RBJ"),
    "rbj_member": ("Bart Lammers", "Gemeente Zaltbommel", "Beleidsadviseur jeugd"),
    "so_chair": ("Karin Brouwer", "Gemeente Culemborg", "Directeur sociaal domein"),
    "so_secretary": ("Daan Peters", "Regio Rivierenland (Serviceorganisatie)", "Secretaris SO"),
    "so_member": ("Linda Vos", "Gemeente Maasdriel", "Manager sociaal domein"),
    # A reader at one of the municipalities (demo login "lezer").
    "reader": ("Lieke Bakker", "Gemeente Buren", "Beleidsmedewerker jeugd"),
}

PROGRAMME = {
    "title": "Deeluitvoeringsprogramma jeugd 2026–2028",
    "start_date": dt.date(2025, 1, 1),
    "end_date": dt.date(2028, 12, 31),
    "goal": (
        "Een toekomstbestendig, bereikbaar en betaalbaar jeugdhulpsysteem in Rivierenland, waarin kinderen en "
        "gezinnen zoveel mogelijk zelfstandig, veilig en veerkrachtig kunnen opgroeien en ontwikkelen, met passende "
        "hulp als dat nodig is."
    ),
    "target_group": (
        "Jeugdigen en hun gezinnen binnen de regio Rivierenland die ondersteuning nodig hebben bij opgroeien en "
        "opvoeden, met het accent op jeugdigen met complexe hulpvragen en gezinnen die (tijdelijk) ondersteuning "
        "nodig hebben vanuit het informele en professionele netwerk. Lokale teams, scholen, zorgaanbieders, huisartsen "
        "en andere maatschappelijke partners zijn belangrijke stakeholders en secundaire doelgroepen."
    ),
    "scope": (
        "De doorontwikkeling van een toekomstbestendig, betaalbaar en toegankelijk jeugdhulpsysteem in Rivierenland, "
        "zoals uitgewerkt in de Regiovisie Jeugdhulp 2023-2026 en de Uitvoeringsagenda Jeugd 2026-2028: het versterken "
        "van de pedagogische basis, normaliseren van hulpvragen, integrale samenwerking in de uitvoering, het "
        "terugdringen van uithuisplaatsingen en het verbeteren van de datagedreven sturing. Met expliciete aandacht "
        "voor lokaal maatwerk in de toegang en regionale samenwerking op inkoop, monitoring en kwaliteitsverbetering."
    ),
    "out_of_scope": (
        "Andere maatschappelijke opgaven, zoals ondersteuning via de Wmo (bijvoorbeeld jongvolwassenen 18+), "
        "gezondheidsbeleid onder het GALA en integrale zorg zoals beoogd in het IZA, vallen formeel buiten de scope. "
        "Waar de opgaven elkaar raken, benutten we actief de koppelkansen."
    ),
    "background": (
        "Acht gemeenten (Buren, Culemborg, Neder-Betuwe, Maasdriel, Tiel, West Betuwe, West Maas en Waal en "
        "Zaltbommel) werken samen aan toegankelijke, kwalitatieve én betaalbare jeugdhulp. Dit programma werkt de "
        "regiovisie uit in concrete stappen, afspraken en een tijdpad, in lijn met de Hervormingsagenda Jeugd en de "
        "Norm voor Opdrachtgeverschap, met tot eind 2025 ondersteuning van het landelijke Team Aanpak Wachttijden."
    ),
    "principal": (
        "De gemeenten in Rivierenland zijn gezamenlijk opdrachtgever: zij stellen de kaders vast, besluiten over de "
        "inzet van middelen en zijn eindverantwoordelijk voor de resultaten (samenwerkingsovereenkomst, SOK). De "
        "programmamanager coördineert de uitvoering, bewaakt de voortgang en agendeert voorstellen van werkgroepen "
        "en kernteam."
    ),
}

RESULT_GOALS = [
    (
        "Minder instroom in gespecialiseerde jeugdhulp",
        "In 2028 worden minder kinderen en jongeren verwezen naar gespecialiseerde jeugdhulp, omdat alledaagse opvoed- "
        "en ontwikkelingsvragen eerder en effectiever worden opgevangen binnen de sociale basis.",
    ),
    (
        "Sterkere lokale teams met integrale aanpak",
        "Uiterlijk in 2028 hebben alle lokale teams hun werkwijze versterkt: een brede blik, verklarende analyse en "
        "gedeelde werkafspraken met onderwijs, jeugdgezondheidszorg en verwijzers.",
    ),
    (
        "Minder uithuisplaatsingen, meer ondersteuning thuis",
        "In 2028 zijn er minder (dreigende) uithuisplaatsingen doordat gezinnen tijdig intensieve, passende ondersteuning "
        "krijgen in hun eigen leefomgeving, met netwerkgerichte interventies zoals steunouders, buurtgezinnen en JIM.",
    ),
    (
        "Betere datakwaliteit, minder administratieve lasten",
        "In 2028 werken gemeenten en aanbieders met uniforme, afgestemde administratieve processen; door datasprints is "
        "de datakwaliteit toegenomen, zijn fouten in het berichtenverkeer verminderd en is de administratieve druk lager.",
    ),
    (
        "Meer duurzame en gelijkwaardige samenwerking",
        "In 2028 is er een stevig, duurzaam samenwerkingsklimaat tussen gemeenten, aanbieders, verwijzers, onderwijs, "
        "jeugdgezondheidszorg en ouders, met duidelijke rollen, open informatie en structurele reflectie.",
    ),
]

# Action lines in the order of §2.1; each serves the result goal at the same position.
ACTION_LINES = [
    (
        "Normaliseren en versterken van de pedagogische basis",
        "Niet elk probleem vraagt een diagnose of traject: investeren in opvoedondersteuning, psycho-educatie en "
        "alledaagse netwerken (school, buurt), zodat kleine problemen niet uitgroeien tot zorgvragen.",
    ),
    (
        "Sterke lokale teams als integrale voordeur",
        "Investeren in zichtbaarheid, deskundigheid en positionering van lokale teams, die integraal werken met scholen, "
        "huisartsen en partners, met ruimte voor verklarende analyse, casusregie en gezamenlijke besluitvorming.",
    ),
    (
        "Zo thuis mogelijk – investeren in het netwerk",
        "Uithuisplaatsingen voorkomen door vroeg en intensief in te zetten in de thuissituatie, met netwerkgerichte "
        "methoden zoals JIM, steunouders en familie-interventies; als het thuis niet lukt, zo thuis mogelijk.",
    ),
    (
        "Datagedreven en eenvoudig organiseren",
        "Sturen op inhoud én kosten met datasprints, een regionaal dashboard en gestandaardiseerde administratieve "
        "processen; uniforme definities en betrouwbare gegevens.",
    ),
    (
        "Duurzame samenwerking en gedeelde verantwoordelijkheid",
        "De onderlinge samenhang tussen gemeenten, aanbieders, verwijzers en partners versterken: gezamenlijke sturing, "
        "gedeelde besluitvorming, duidelijke rollen en transparante informatie-uitwisseling.",
    ),
]

PRECONDITIONS = [
    (
        "Bestuurlijk en ambtelijk commitment",
        "Alle deelnemende gemeenten onderschrijven de Regiovisie Jeugdhulp en dragen actief bij via werkgroepen, "
        "besluitvorming en capaciteitsinzet.",
    ),
    (
        "Inzet van bestaande structuren",
        "Gebruik van bestaande overleg- en samenwerkingsstructuren (zoals het MO, kernteam en lokale toegang), zodat geen "
        "nieuwe lagen ontstaan.",
    ),
    (
        "Capaciteit uit eigen geledingen",
        "Gemeenten en ketenpartners leveren capaciteit voor projectleiding, ondersteuning en werkgroepen vanuit de eigen "
        "organisatie, zoals vastgelegd in de samenwerkingsovereenkomst.",
    ),
    (
        "Financiële doelmatigheid",
        "Budget wordt doelgericht ingezet, met focus op pilots; vooraf is een go/no-go-moment ingebouwd. Overgebleven "
        "middelen vloeien terug naar de regio.",
    ),
    (
        "Heldere besluitvorming en taakverdeling",
        "Rollen, taken en verantwoordelijkheden liggen vast in een regionale samenwerkingsovereenkomst, inclusief "
        "escalatielijnen, eigenaarschap en mandaat.",
    ),
    (
        "Datagedreven sturing",
        "Voortbouwen op het regionale dashboard; datakwaliteit, uniforme definities en gebruiksvriendelijke ontsluiting "
        "zijn geborgd.",
    ),
    (
        "Ruimte voor participatie",
        "Structurele betrokkenheid van ervaringsdeskundigen en uitvoerende professionals, gefaciliteerd in werkgroepen en "
        "bijeenkomsten.",
    ),
    (
        "Goede afstemming met aanpalende domeinen",
        "Aansluiting met Wmo, IZA en GALA voor doorlopende lijnen, preventie en contractstandaarden.",
    ),
]

PHASES = [
    (
        "Fase 1: Voorbereiding",
        dt.date(2025, 1, 1),
        dt.date(2025, 6, 30),
        "Gezamenlijk beeld van de opgave vormen en de werkstructuur inrichten.",
        "Gezamenlijk beeld gevormd van de opgave, werkstructuur ingericht, lopende initiatieven geïnventariseerd en "
        "actieonderzoek gestart.",
    ),
    (
        "Fase 2: Verdieping & Conceptontwikkeling",
        dt.date(2025, 7, 1),
        dt.date(2025, 10, 31),
        "Verdiepen van probleeminzicht, uitproberen van oplossingen, voorbereiden van keuzes voor pilots.",
        "Mini-tests en praktijkexperimenten gedocumenteerd, datasprintstructuur vastgesteld, oplossingsrichtingen gekozen.",
    ),
    (
        "Fase 3: Uitwerking & Pilotvoorbereiding",
        dt.date(2025, 10, 1),
        dt.date(2025, 12, 31),
        "Van oplossingsrichting naar uitvoerbare pilots met monitoring en sturingsinformatie.",
        "Concrete pilots, meet- en testplannen, spelregels, rolverdeling en communicatie richting uitvoering.",
    ),
    (
        "Fase 4: Gefaseerde uitvoering pilots",
        dt.date(2026, 1, 1),
        dt.date(2028, 12, 31),
        "Gefaseerde uitvoering van pilots binnen de vijf actielijnen, met ruimte voor nieuwe initiatieven via het "
        "DIN-format.",
        "Werkende onderdelen verankerd in de reguliere werkwijze; niet-werkende pilots afgerond.",
    ),
]


def _month(year, month):
    first = dt.date(year, month, 1)
    last = dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)
    return first, last


# The planning of §7: (period as written, start, end, activities)
MILESTONES = [
    (
        "Mei 2025",
        *_month(2025, 5),
        "Kick-off werkgroepen · Start interviews · Inventarisatie initiatieven · Verkenning probleemgebieden",
    ),
    ("Juni 2025", *_month(2025, 6), "Onderzoeksplan klaar · Dataquickscan · Format werkgroepresultaten vastgesteld"),
    ("Juli 2025", *_month(2025, 7), "Start mini-testjes · Voorstel datasprintstructuur · Analyse processen gestart"),
    ("September 2025", *_month(2025, 9), "Besluitvorming MO over datasprints · Sprintplanning gemaakt"),
    (
        "September 2025",
        *_month(2025, 9),
        "Start eerste datasprint · Tussenbijeenkomst werkgroepen · Keuze oplossingsrichtingen",
    ),
    (
        "Oktober 2025",
        *_month(2025, 10),
        "Tweede datasprint · Uitwerken pilots · Kennissessie · Spelregels en rolverdeling vastgesteld",
    ),
    ("November 2025", *_month(2025, 11), "Derde datasprint · Keuze en fasering definitieve pilots"),
    (
        "December 2025",
        *_month(2025, 12),
        "Evaluatie sprintaanpak · Communicatieplan · Oplevering dynamisch programmaplan",
    ),
    ("Januari 2026", *_month(2026, 1), "Start uitvoering eerste serie pilots binnen 5 actielijnen"),
    (
        "Maart 2026",
        *_month(2026, 3),
        "Eerste reflectie en voortgangsrapportage pilots · Nieuwe voorstellen via DIN-format",
    ),
    ("Juni 2026", *_month(2026, 6), "Kennissessies en bijsturing pilots · Eventuele start nieuwe pilots"),
    ("December 2026", *_month(2026, 12), "Jaarafsluiting en regionale leerbijeenkomst · Bijstelling programmaplan"),
    (
        "2027 (doorlopend)",
        dt.date(2027, 1, 1),
        dt.date(2027, 12, 31),
        "Vervolg pilots 2e serie · Monitoring voortgang · Evaluaties en aanpassingen",
    ),
    ("Juni 2027", *_month(2027, 6), "Halfjaarlijkse reflectie & bestuursrapportage"),
    ("December 2027", *_month(2027, 12), "Eindevaluatie tweede reeks pilots · Strategische keuzes richting afronding"),
    (
        "2028 (doorlopend)",
        dt.date(2028, 1, 1),
        dt.date(2028, 12, 31),
        "Verankering werkende onderdelen · Afronding niet-werkende pilots",
    ),
    ("Maart 2028", *_month(2028, 3), "Start voorbereiding regiovisie na 2028"),
    ("December 2028", *_month(2028, 12), "Eindrapportage Uitvoeringsprogramma"),
]

# Workgroups: number, name, action line numbers (1-based), priority, assignment, depends on, members.
# Members: (person key, role, hours per week — illustrative).
WORKGROUPS = [
    {
        "number": 1,
        "name": "Gecoördineerde Instroom",
        "action_lines": [1, 2],
        "priority": "high",
        "goal": "Signalen vroegtijdig opvangen en gezinnen sneller toegang geven tot passende ondersteuning vanuit de "
        "sociale basis.",
        "orientation": "De voorkant van de jeugdhulp: hoe versterken we de samenwerking tussen lokale teams, scholen, "
        "wijkvoorzieningen en verwijzers, zodat gezinnen niet tussen wal en schip vallen of onnodig "
        "worden doorverwezen?",
        "smart_result": "Eind 2027 is het aandeel verwijzingen naar gespecialiseerde jeugdhulp dat na een gezamenlijke "
        "analyse in de sociale basis wordt opgevangen aantoonbaar gestegen ten opzichte van 2025.",
        "parties_involved": "Lokale teams, onderwijs, huisartsen, welzijn, jeugdhulpaanbieders, ervaringsdeskundigen.",
        "activities_and_planning": "2025: actieonderzoek en mini-tests; 2026: pilots op gezamenlijke analyse aan de "
        "voorkant; 2027–2028: opschalen wat werkt.",
        "procurement_relation": "Bevindingen over verwijsstromen worden ingebracht bij de regionale inkoop.",
        "end_user_involvement": "Ervaringsdeskundige van Ixta Noa neemt deel; ouders worden bevraagd in elke testronde.",
        "depends_on": [4],
        "members": [
            ("policy_culemborg", "lead", 4),
            ("karakter", "lead", 4),
            ("access_culemborg", "member", 2),
            ("ixta", "member", 2),
            ("mozaiek", "member", 2),
            ("designer2", "member", 3),
        ],
    },
    {
        "number": 2,
        "name": "Gezamenlijke Instap",
        "action_lines": [2, 3],
        "priority": "high",
        "goal": "Zorgen dat gezinnen direct goed geholpen worden, met gedeelde analyse en afgestemde inzet.",
        "orientation": "Hoe hulp start: 'first time right', een vaste contactpersoon, en het versterken van relationele "
        "en contextuele factoren die bijdragen aan effectievere hulp.",
        "smart_result": "In 2027 heeft elk gezin in de pilotgemeenten bij de start van hulp één vaste contactpersoon en "
        "een gedeeld plan.",
        "parties_involved": "Gemeentelijke consulenten, jeugdhulpaanbieders, gecertificeerde instellingen.",
        "activities_and_planning": "2025: verkenning en mini-tests; 2026: pilot vaste contactpersoon; 2027: evaluatie "
        "en opschaling.",
        "procurement_relation": "Afspraken over de vaste contactpersoon krijgen een plek in de contracten.",
        "end_user_involvement": "Gezinnen in de pilot evalueren de start van hun hulp.",
        "depends_on": [4],
        "members": [
            ("policy_tiel", "lead", 4),
            ("deur8", "lead", 4),
            ("supplier", "member", 2),
            ("scio", "member", 2),
            ("consultant_tiel", "member", 2),
            ("wsg", "member", 2),
            ("designer1", "member", 3),
        ],
    },
    {
        "number": 3,
        "name": "Duurzame Uitstroom",
        "action_lines": [3],
        "priority": "medium",
        "goal": "Terugval voorkomen, ondersteuning stapsgewijs afbouwen en gezinnen of jongeren begeleiden richting "
        "zelfstandigheid.",
        "orientation": "De rol van het netwerk, het borgen van nazorg en betere overgangen, bijvoorbeeld bij de "
        "leeftijdsgrens van 18 jaar.",
        "smart_result": "In 2028 is het aandeel heraanmeldingen binnen een jaar na afsluiting gedaald ten opzichte van "
        "2025.",
        "parties_involved": "Gemeenten, jeugdbescherming, onderwijs (samenwerkingsverband VO), lokale teams.",
        "activities_and_planning": "2025: analyse uitstroom; 2026: pilot nazorg en afschalen; 2027–2028: borging.",
        "procurement_relation": "Afschalen en nazorg worden onderdeel van de prestatieafspraken.",
        "end_user_involvement": "Jongeren rond de 18 denken mee over de overgang naar volwassenheid.",
        "depends_on": [2],
        "members": [
            ("policy_wb", "lead", 4),
            ("entrea", "member", 2),
            ("jbgld", "member", 2),
            ("swv", "member", 1),
            ("social_wb", "member", 2),
            ("designer1", "member", 2),
        ],
    },
    {
        "number": 4,
        "name": "Datakwaliteit",
        "action_lines": [4],
        "priority": "high",
        "goal": "Betere datakwaliteit en minder administratieve lasten door uniforme definities en datasprints.",
        "orientation": "Onduidelijke registratie van het start-zorgbericht (305), het ontbreken van een uniforme "
        "wachttijddefinitie en het verwijzertype in bericht 301.",
        "smart_result": "Eind 2026 zijn zes datasprints afgerond en is het aandeel foutieve 305-berichten gehalveerd.",
        "parties_involved": "Backoffices van gemeenten en zorgaanbieders, serviceorganisatie, Team Aanpak Wachttijden.",
        "activities_and_planning": "Sprints van drie weken: september, oktober en november 2025; drie sprints in Q1 "
        "2026; daarna evaluatie en borging.",
        "procurement_relation": "Doorvoering van contractstandaarden; harmonisatie van backofficeprocessen.",
        "end_user_involvement": "Indirect: minder administratie geeft professionals meer tijd voor gezinnen.",
        "depends_on": [],
        "members": [
            ("pm", "lead", 4),
            ("entrea", "lead", 3),
            ("service_supplier", "member", 2),
            ("analyst", "member", 4),
            ("data1", "member", 3),
            ("data2", "member", 3),
            ("designer2", "member", 2),
        ],
    },
    {
        "number": 5,
        "name": "Duurzame samenwerking",
        "action_lines": [5],
        "priority": "medium",
        "goal": "Een stevig, duurzaam samenwerkingsklimaat met gedeeld eigenaarschap.",
        "orientation": "Leidende principes en spelregels voor samenwerking; werken in de tussenruimte.",
        "smart_result": "In 2026 zijn leidende principes en spelregels vastgesteld en onderschreven door alle partners.",
        "parties_involved": "Gemeenten, aanbieders, verwijzers, onderwijs, JGZ, ervaringsdeskundigen.",
        "activities_and_planning": "November 2025 regionale kick-off; daarna reflectiebijeenkomsten per kwartaal.",
        "procurement_relation": "Afspraken over samenwerking worden verankerd in de samenwerkingsovereenkomst.",
        "end_user_involvement": "Ervaringsdeskundigen op sleutelmomenten.",
        "depends_on": [],
        "members": [("pm", "lead", 2), ("designer1", "member", 2)],
    },
]

# Governance bodies: name, abbreviation, kind, deadline days, authority, members (person key, role)
BODIES = [
    {
        "name": "Kernteam",
        "abbreviation": "Kernteam",
        "kind": "core_team",
        "deadline": 5,
        "description": "Strategisch-tactisch overlegplatform met vertegenwoordigers van gemeenten en ketenpartners.",
        "authority": "Bewaakt de voortgang, beoordeelt voorstellen en rapportages van de werkgroepen en adviseert "
        "richting RBJ en SO over voortzetting, bijstelling of beëindiging.",
        "members": [
            ("policy_tiel", "chair"),
            ("zgr", "secretary"),
            ("policy_wb", "member"),
            ("karakter", "member"),
            ("entrea", "member"),
            ("policy_culemborg", "member"),
            ("jbg", "member"),
            ("ixta", "member"),
            ("deur8", "member"),
            ("scio", "member"),
        ],
    },
    {
        "name": "Regionaal Beleidsoverleg Jeugd",
        "abbreviation": "RBJ",
        "kind": "policy_meeting",
        "deadline": 10,
        "description": "Ambtelijk overleg van de beleidsadviseurs jeugd van de acht gemeenten.",
        "authority": "Toetst pilotvoorstellen en nieuwe initiatieven in DIN-format en adviseert het SO.",
        "members": [("rbj_chair", "chair"), ("rbj_secretary", "secretary"), ("rbj_member", "member")],
    },
    {
        "name": "Strategisch Overleg",
        "abbreviation": "SO",
        "kind": "strategic_meeting",
        "deadline": 10,
        "description": "Strategisch overleg van de gemeenten in Rivierenland.",
        "authority": "Besluit over pilots en nieuwe initiatieven; pas na dit besluit komt budget beschikbaar.",
        "members": [("so_chair", "chair"), ("so_secretary", "secretary"), ("so_member", "member")],
    },
    {
        "name": "Managers Overleg",
        "abbreviation": "MO",
        "kind": "managers_meeting",
        "deadline": 10,
        "description": "Overleg van de managers sociaal domein.",
        "authority": "Besluit over de werkvorm datasprints; wordt halfjaarlijks geïnformeerd over de voortgang.",
        "members": [],
    },
    {
        "name": "Bestuurlijk Overleg",
        "abbreviation": "BO",
        "kind": "administrative_meeting",
        "deadline": 14,
        "description": "Bestuurlijk overleg van de wethouders jeugd.",
        "authority": "Stelt het uitvoeringsprogramma vast; wordt halfjaarlijks geïnformeerd.",
        "members": [("alderman_culemborg", "member"), ("alderman_tiel", "member")],
    },
    {
        "name": "Programmateam",
        "abbreviation": "",
        "kind": "programme_team",
        "deadline": 0,
        "description": "Begeleidt de werkgroepen, bewaakt de voortgang en verbindt met de bestuurlijke lijnen.",
        "authority": "Geen besluitbevoegdheid; agendeert voorstellen van werkgroepen en kernteam.",
        "members": [
            ("pm", "chair"),
            ("pl2", "member"),
            ("supplier", "member"),
            ("designer1", "member"),
            ("designer2", "member"),
            ("ta_pl", "member"),
        ],
    },
    {
        "name": "Bestuurlijke trekkers",
        "abbreviation": "",
        "kind": "other",
        "deadline": 0,
        "description": "Wethouders die de voortgang van het programma bewaken.",
        "authority": "Bewaken de voortgang.",
        "members": [("alderman_culemborg", "member"), ("alderman_tiel", "member")],
    },
]

# §8 Begroting: (post, amount per year, explanation, in kind, holds the pilot money)
BUDGET_YEARS = [2026, 2027, 2028]
BUDGET_POSTS = [
    ("Projectleiding (0,8 fte)", 0, "Wordt geleverd vanuit samenwerkingsovereenkomst; geen extra kosten.", True, False),
    (
        "Projectondersteuning (0,3 fte)",
        0,
        "Wordt geleverd vanuit de samenwerkingsovereenkomst; geen extra kosten.",
        True,
        False,
    ),
    ("Systemisch ontwerper", 35000, "Verbindt actielijnen, ondersteunt ontwerp- en leerstructuren.", False, False),
    (
        "Uitvoering pilots",
        80000,
        "Gericht op uitvoering pilots binnen de 5 actielijnen (o.a. JIM, lokale teams, wachttijd). Dit budget wordt door "
        "de gemeenten gereserveerd; akkoord volgt als de uitwerking van de pilots akkoord is bevonden door het SO.",
        False,
        True,
    ),
    (
        "Datakwaliteit, monitoring & dashboards",
        13000,
        "Doorvoering contractstandaarden en verbeteren datakwaliteit; harmonisatie backofficeprocessen.",
        False,
        False,
    ),
    (
        "JoinUs (regionale inzet)",
        28500,
        "Kosten contract JoinUs Nederland, inzet regionale coördinator. Loopt al enkele jaren, nu integratie in UP.",
        False,
        False,
    ),
    ("Communicatie & kennisdeling", 5000, "Ondersteunen bij de uitvoering van het communicatieplan.", False, False),
    (
        "Werkbudget werkgroepen & bijeenkomsten",
        7400,
        "Inzet voor bijeenkomsten, participatie en samenwerking met ervaringsdeskundigen en uitvoerende professionals "
        "binnen de regio.",
        False,
        False,
    ),
]
FUNDING = [("Bijdrage transformatiefonds", 18900, "Restant transformatiefonds, verspreid over drie jaar.")]
SPLIT_KEY = "inhabitants"

# §4.3 / §5.1: kernteam assesses → RBJ advises → SO decides; only then budget is released.
ROUTES = [
    (
        "Pilots en nieuwe initiatieven",
        "Pilots en nieuwe initiatieven in DIN-format: beoordeling door het kernteam, toetsing in RBJ en SO; budget komt "
        "vrij na het besluit van het SO.",
        [("Kernteam", "assess"), ("Regionaal Beleidsoverleg Jeugd", "advise"), ("Strategisch Overleg", "decide")],
    ),
]

# §6 Risico en beheersmaatregelen. The seed gives no scores: likelihood and impact (1–5) here are
# illustrative, chosen by the demo, not by the collaboration. (title, description, likelihood, impact, measures)
RISKS = [
    (
        "Capaciteitsdruk bij gemeenten en ketenpartners",
        "De inzet van professionals en beleidsadviseurs kan onder druk komen te staan, waardoor vertraging of "
        "verminderde betrokkenheid ontstaat.",
        4,
        4,
        [
            "Werkgroepen flexibel inrichten",
            "Voortgangsbewaking via kernteam",
            "Prioritering van werkzaamheden",
            "Overleg met programmamanager en MO",
        ],
    ),
    (
        "Onvoldoende datakwaliteit of beschikbare stuurinformatie",
        "Beperkte of inconsistente data belemmert monitoring en bijsturing.",
        4,
        3,
        [
            "Uitvoeren van datasprints",
            "Standaardisatie in definities",
            "Doorontwikkeling van het regionale dashboard",
            "Structurele feedbackloops",
        ],
    ),
    (
        "Onvoldoende bestuurlijk of ambtelijk draagvlak",
        "Wanneer draagvlak ontbreekt, kan dit leiden tot vertraging of beperkte borging.",
        2,
        5,
        ["Communicatieplan", "Vaste reflectiemomenten", "Structurele terugkoppeling per pilot en actielijn"],
    ),
    (
        "Tegenvallende resultaten van pilots",
        "Als pilots onvoldoende resultaat opleveren, kan dit leiden tot demotivatie of stopzetten van trajecten.",
        3,
        3,
        [
            "Werken met duidelijke doelen en indicatoren",
            "Ingebouwde go/no-go-momenten",
            "Ruimte voor bijstelling en leren",
        ],
    ),
    (
        "Borgen van duurzame samenwerking",
        "Samenwerking kan beperkt blijven tot projectniveau in plaats van structureel ingebed te worden.",
        3,
        4,
        [
            "Afspraken over langetermijncommitment",
            "Verankering in bestaande structuren",
            "Gezamenlijke doorontwikkeling na afloop van het programma",
        ],
    ),
    (
        "Afhankelijkheid van landelijke ontwikkelingen",
        "Vertraging in de Hervormingsagenda Jeugd en onduidelijkheid rond het Toekomstscenario Kind- en "
        "gezinsbescherming kunnen leiden tot onzekerheid over inrichting en financiering van het regionale stelsel.",
        3,
        4,
        [
            "Tijdig en goed geïnformeerd zijn over landelijke besluiten",
            "Scenario's uitwerken voor verschillende uitkomsten",
            "Flexibel blijven in de regionale uitvoering",
        ],
    ),
    (
        "Besluitvorming over pilots",
        "De verplichte toetsing van pilotvoorstellen in RBJ en SO kan leiden tot vertraging bij de start van pilots.",
        3,
        2,
        [
            "Werken met heldere formats (DIN)",
            "Tijdige voorbereiding en beoordeling in het kernteam",
            "Ruimte behouden voor kleinschalige experimenten zonder aanvullende besluitvorming",
        ],
    ),
]

# Decisions the plan mentions (§5.1, §7); the dates within the month and the wording are illustrative.
DECISIONS = [
    (
        "Managers Overleg",
        "2025-09-15",
        "Werkvorm datasprints (voorstel datasprintstructuur)",
        "adopted",
        "Datasprints van drie weken op één bericht of definitie; start in september 2025.",
        4,
    ),
    ("Bestuurlijk Overleg", "2025-09-25", "Vaststelling Deeluitvoeringsprogramma jeugd 2026–2028", "adopted", "", None),
    (
        "Strategisch Overleg",
        "2025-11-20",
        "Keuze en fasering eerste serie pilots",
        "adopted",
        "Eerste serie pilots start in januari 2026 binnen de vijf actielijnen.",
        None,
    ),
]

# Meetings relative to the day the demo is loaded (days from today, hour, place, status, items, minutes).
# Created once per body; items: (title, presenter, minutes on the agenda, outcome when closed).
MEETINGS = [
    (
        "Kernteam",
        -42,
        10,
        "Gemeentehuis Tiel",
        "closed",
        [
            ("Opening en mededelingen", "Ewa Nowak", 10, "Geen bijzonderheden."),
            (
                "Voortgangsrapportages werkgroepen Q3",
                "Jeroen van Dalen",
                45,
                "Werkgroepen 1 en 4 op koers; werkgroep 3 vraagt aandacht voor capaciteit.",
            ),
            (
                "Resultaten derde datasprint (bericht 305)",
                "Stefanie Groen",
                30,
                "Definitie start zorg vastgesteld; terugkoppeling aan backoffices in december.",
            ),
        ],
        "Het kernteam bespreekt de voortgang van de werkgroepen en de resultaten van de datasprint.",
    ),
    (
        "Kernteam",
        11,
        10,
        "Gemeentehuis Tiel",
        "planned",
        [
            ("Opening en mededelingen", "Ewa Nowak", 10, ""),
            ("Pilotvoorstel vaste contactpersoon (DIN)", "Carolien Kok", 40, ""),
            ("Risicoregister: herziening", "Jeroen van Dalen", 20, ""),
        ],
        "",
    ),
    (
        "Regionaal Beleidsoverleg Jeugd",
        18,
        13,
        "Stadhuis Culemborg",
        "planned",
        [
            ("Advies pilotvoorstellen", "Noor Jansen", 45, ""),
        ],
        "",
    ),
    (
        "Strategisch Overleg",
        25,
        15,
        "Gemeentehuis Zaltbommel",
        "planned",
        [
            ("Besluitvorming pilots eerste kwartaal 2027", "Daan Peters", 30, ""),
            ("Halfjaarlijkse programmarapportage", "Jeroen van Dalen", 30, ""),
        ],
        "",
    ),
]
