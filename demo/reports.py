"""Demo reporting for Rivierenland (seed 002 §4.3, §5.2): schedules, reports in every state, one overdue,
and the compiled programme report for the first half of 2026.

Made through reports.services by the demo users, so the history is real; created once (submitted reports and
reviews are append-only), a second load_demo leaves them alone.
"""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from pilots.models import Pilot
from programmes.models import Person, Programme
from reports import services
from reports.models import Frequency, ProgressReport, ReportingSchedule
from reports.schedules import create_slots

D = datetime.date

TEXTS = {
    (1, D(2026, 3, 31)): (
        "De instroomtafel is in Culemborg en Tiel gestart; 14 casussen besproken, 11 binnen twee weken toegeleid.",
        "Aanmeldingen via de huisarts lopen nog buiten de tafel om.",
        "Een vaste voorzitter maakt het verschil.",
        "on_track",
    ),
    (1, D(2026, 6, 30)): (
        "Ook West Betuwe en Buren doen mee; 31 casussen, doorlooptijd gemiddeld 9 werkdagen.",
        "Privacyafspraken met twee aanbieders nog niet rond.",
        "Huisartsen aanhaken via de POH-GGZ werkt beter dan via de praktijk.",
        "attention",
    ),
    (1, D(2026, 9, 30)): (
        "Alle acht gemeenten aangesloten; 52 casussen in het kwartaal.",
        "Capaciteit specialistische GGZ blijft de wachttijd bepalen.",
        "Vroeg de GI betrekken voorkomt dubbel werk.",
        "attention",
    ),
    (4, D(2026, 3, 31)): (
        "Datasprint 1 afgerond: definities voor doorlooptijd en wachttijd vastgesteld.",
        "",
        "Definities eerst, dashboard daarna.",
        "on_track",
    ),
    (4, D(2026, 6, 30)): (
        "Eerste regionale dashboard met drie indicatoren opgeleverd aan het kernteam.",
        "Twee gemeenten leveren nog geen maandcijfers aan.",
        "Een vaste aanleverdatum per maand helpt.",
        "attention",
    ),
    (5, D(2026, 6, 30)): (
        "Ontwerpsessies met jongeren en ouders over de regionale visie gehouden.",
        "",
        "Ervaringsdeskundigen vanaf het begin betrekken.",
        "on_track",
    ),
}


def _users():
    User = get_user_model()
    return {n: User.objects.filter(username=n).first() for n in ("programmamanager", "trekker", "kernteam")}


def _write(report, user, text, reviewer, returned=None, measurements=None):
    progress, bottlenecks, lessons, course = text
    data = {"progress": progress, "bottlenecks": bottlenecks, "lessons": lessons, "course": course}
    if returned:
        services.submit(report, user, {**data, "progress": progress.split(";")[0] + "."})
        services.review(report, reviewer, "returned", returned)
    services.submit(report, user, data, measurements)
    if reviewer:
        services.review(report, reviewer, "accepted")


def load(programme):
    if ReportingSchedule.objects.filter(programme=programme).exists():
        return 0
    u = _users()
    workgroups = {w.number: w for w in programme.workgroups.all()}
    for number in (1, 4):
        ReportingSchedule.objects.create(
            programme=programme, workgroup=workgroups[number], frequency=Frequency.QUARTERLY, first_due=D(2026, 3, 31)
        )
    for number in (2, 3):  # reporting starts in the fourth quarter
        ReportingSchedule.objects.create(
            programme=programme, workgroup=workgroups[number], frequency=Frequency.QUARTERLY, first_due=D(2026, 12, 31)
        )
    ReportingSchedule.objects.create(
        programme=programme, workgroup=workgroups[5], frequency=Frequency.HALF_YEARLY, first_due=D(2026, 6, 30)
    )
    jim = Pilot.objects.filter(programme=programme, status="running").order_by("pk").first()
    if jim is not None:
        pilot_schedule = ReportingSchedule.objects.create(
            programme=programme,
            workgroup=jim.workgroup,
            pilot=jim,
            frequency=Frequency.MONTHLY,
            first_due=D(2026, 9, 30),
            remind_before=10,
            remind_after=2,
            escalate_after=10,
        )
        pilot_schedule.reporters.add(Person.objects.get(user=u["programmamanager"]))
    create_slots(timezone.localdate())

    def slot(number, due):
        return ProgressReport.objects.get(schedule__workgroup=workgroups[number], schedule__pilot=None, due_date=due)

    pm, trekker, kernteam = u["programmamanager"], u["trekker"], u["kernteam"]
    _write(slot(1, D(2026, 3, 31)), trekker, TEXTS[1, D(2026, 3, 31)], kernteam)
    _write(
        slot(1, D(2026, 6, 30)),
        trekker,
        TEXTS[1, D(2026, 6, 30)],
        kernteam,
        returned="Graag de doorlooptijd en de knelpunten rond privacy toevoegen.",
    )
    _write(slot(1, D(2026, 9, 30)), trekker, TEXTS[1, D(2026, 9, 30)], None)  # waits for the kernteam
    _write(slot(4, D(2026, 3, 31)), pm, TEXTS[4, D(2026, 3, 31)], kernteam)
    _write(slot(4, D(2026, 6, 30)), pm, TEXTS[4, D(2026, 6, 30)], kernteam)
    # Workgroup 4's third quarter (due 30 September) stays open: the demo's overdue report.
    _write(slot(5, D(2026, 6, 30)), pm, TEXTS[5, D(2026, 6, 30)], kernteam)
    if jim is not None:
        indicator = jim.indicators.first()
        first = ProgressReport.objects.get(schedule__pilot=jim, due_date=D(2026, 9, 30))
        _write(
            first,
            pm,
            ("Zes JIM-hulpverleners getraind; 24 jongeren hebben een mentor gekozen.", "", "", "on_track"),
            kernteam,
            measurements={indicator.pk: "24"} if indicator else None,
        )
        second = ProgressReport.objects.get(schedule__pilot=jim, due_date=D(2026, 10, 31))
        _write(
            second,
            pm,
            (
                "Zeven nieuwe mentoren; evaluatie met de GI gepland.",
                "",
                "Mentoren willen onderling uitwisselen.",
                "on_track",
            ),
            kernteam,
            measurements={indicator.pk: "31"} if indicator else None,
        )
        draft = ProgressReport.objects.filter(schedule__pilot=jim, due_date=D(2026, 11, 30)).first()
        if draft is not None:  # due soon, a draft: the reminder "due soon" goes out on the first sweep
            services.save_draft(
                draft, pm, {"progress": "Eerste terugkomdag voor mentoren gehouden.", "course": "on_track"}
            )

    services.request_report(
        programme,
        pm,
        workgroups[2],
        max(D(2026, 12, 15), timezone.localdate() + datetime.timedelta(days=21)),
        note="Tussenstand wachtlijsten voor het RBJ van januari",
    )

    report = services.compile_programme_report(programme, pm, D(2026, 1, 1), D(2026, 6, 30))
    report.summary = (
        "Het eerste halfjaar stond in het teken van de start: de instroomtafel draait in alle gemeenten, de eerste "
        "pilots zijn door het SO goedgekeurd en het regionale dashboard is er. Aandacht nodig: aanlevering van "
        "maandcijfers en privacyafspraken met aanbieders."
    )
    report.save()
    for summary in report.summaries.select_related("action_line"):
        summary.summary = f"Voortgang op '{summary.action_line.title}' volgens plan; zie de rapportages hieronder."
        summary.save()
    return ProgressReport.objects.filter(programme=programme).count()


def load_demo_reports():
    return load(Programme.objects.get(collaboration__name="Rivierenland"))
