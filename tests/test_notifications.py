"""Notifications reach the people concerned, as each of them chose per kind: immediately, in a daily or weekly
digest, or not at all; decisions on one's own proposal always. Digests go exactly once per user per period."""

import datetime
from decimal import Decimal

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from pilots import services
from pilots.models import BudgetRequest, Pilot, PilotRole
from reminders import notify
from reminders.models import Digest, Notification, NotificationSetting
from reports import services as reports
from reports.models import ProgressReport
from tests import factories as f

pytestmark = pytest.mark.dates


@pytest.fixture
def pilot(programme, workgroup1, lead, route, secretaries, money):
    for user in [lead, *secretaries.values()]:
        user.person.email = f"{user.username}@example.org"
        user.person.save()
    pilot = Pilot.objects.create(
        programme=programme, workgroup=workgroup1, title="JIM-aanpak", goals="G", efforts="I", network="N"
    )
    BudgetRequest.objects.create(pilot=pilot, year=2026, amount=Decimal("15000"))
    BudgetRequest.objects.create(pilot=pilot, year=2027, amount=Decimal("20000"))
    return pilot


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    def run(act, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return act(*args, **kwargs)

    return run


def to(address):
    return [m for m in mail.outbox if m.to == [address]]


def only(address):
    messages = to(address)
    assert len(messages) == 1, [m.subject for m in messages]
    return messages[0]


def at_so(pilot, lead, secretaries, on_commit):
    on_commit(services.submit, pilot, lead)
    on_commit(services.forward, pilot, secretaries["Kernteam"], note="Goed uitgewerkt")
    on_commit(
        services.record_advice,
        pilot,
        secretaries["RBJ"],
        "conditional",
        rationale="Sluit aan bij de transformatieagenda",
        conditions="Eerst een meetplan",
    )


# Who is told of each outcome -------------------------------------------------------------------------------


def test_the_proposer_is_told_of_forward_and_advice_with_rationale_and_conditions(pilot, lead, secretaries, on_commit):
    at_so(pilot, lead, secretaries, on_commit)
    subjects = [m.subject for m in to("lars@example.org")]
    assert subjects == ["JIM-aanpak: Beoordeeld en doorgezet", "JIM-aanpak: Advies vastgelegd"]
    advice = to("lars@example.org")[1].body
    assert "RBJ heeft advies uitgebracht over het voorstel JIM-aanpak: voorwaardelijk." in advice
    assert "Toelichting: Sluit aan bij de transformatieagenda" in advice
    assert "Voorwaarden: Eerst een meetplan" in advice
    assert "Volgende stap: SO" in advice and f"/pilots/{pilot.pk}/" in advice
    # The next body's secretary hears of it too, and nobody hears of their own act.
    assert len(to("secr_so@example.org")) == 1
    assert [m.subject for m in to("secr_rbj@example.org")] == ["JIM-aanpak: Beoordeeld en doorgezet"]


def test_the_proposer_and_the_submitter_are_told_of_an_approval_with_the_amounts_in_dutch(
    pilot, lead, secretaries, on_commit, workgroup1
):
    colead = f.UserFactory(username="cora")
    f.PersonFactory(name="Cora", user=colead, email="cora@example.org")
    f.MembershipFactory(workgroup=workgroup1, person=colead.person, role="lead")
    at_so(pilot, lead, secretaries, on_commit)
    mail.outbox.clear()
    on_commit(
        services.decide,
        pilot,
        secretaries["SO"],
        "approved",
        rationale="Past binnen de begroting",
        conditions_note="De voorwaarde van het RBJ volgt de trekker op.",
    )
    for address in ("lars@example.org", "cora@example.org"):
        message = only(address)
        assert message.subject == "JIM-aanpak: Goedgekeurd"
        assert "SO heeft het voorstel JIM-aanpak goedgekeurd." in message.body
        assert "Vrijgegeven budget: 2026: €\xa015.000, 2027: €\xa020.000." in message.body
        assert "Toelichting: Past binnen de begroting" in message.body


def test_a_rejection_and_a_return_reach_the_proposer_with_the_rationale(
    pilot, programme, workgroup1, lead, secretaries, on_commit
):
    at_so(pilot, lead, secretaries, on_commit)
    mail.outbox.clear()
    on_commit(services.decide, pilot, secretaries["SO"], "returned", rationale="Begroting 2027 onderbouwen")
    message = only("lars@example.org")
    assert message.subject == "JIM-aanpak: Teruggestuurd voor aanpassing"
    assert "Toelichting: Begroting 2027 onderbouwen" in message.body
    assert "weer een concept" in message.body

    on_commit(services.submit, pilot, lead)
    on_commit(services.forward, pilot, secretaries["Kernteam"])
    on_commit(services.record_advice, pilot, secretaries["RBJ"], "negative", rationale="Te duur")
    mail.outbox.clear()
    on_commit(services.decide, pilot, secretaries["SO"], "rejected", rationale="Geen draagvlak in de regio")
    message = only("lars@example.org")
    assert message.subject == "JIM-aanpak: Afgewezen" and "Toelichting: Geen draagvlak in de regio" in message.body


def test_the_raci_informed_are_told_as_before(pilot, lead, secretaries, on_commit):
    informed = f.PersonFactory(name="Ingrid", email="ingrid@example.org")
    PilotRole.objects.create(pilot=pilot, person=informed, role="informed")
    on_commit(services.submit, pilot, lead)
    message = only("ingrid@example.org")
    assert message.subject == "JIM-aanpak: Ingediend"
    assert "Het voorstel JIM-aanpak is ingediend." in message.body and "Volgende stap: Kernteam" in message.body


# Reports: the writers are told of the review ---------------------------------------------------------------


@pytest.fixture
def submitted_report(programme, workgroup1, lead, route, secretaries):
    lead.person.email = "lars@example.org"
    lead.person.save()
    route["Kernteam"].kind = f.kind_of(programme, "core_team")
    route["Kernteam"].save()
    report = ProgressReport.objects.create(
        programme=programme,
        workgroup=workgroup1,
        due_date=datetime.date(2026, 12, 1),
        period_start=datetime.date(2026, 9, 1),
        period_end=datetime.date(2026, 12, 1),
    )
    reports.submit(report, lead, {"progress": "Loopt", "course": "on_track"})
    return report


def test_the_writers_are_told_when_their_report_is_returned_with_the_reason(submitted_report, secretaries, on_commit):
    on_commit(reports.review, submitted_report, secretaries["Kernteam"], "returned", "Knelpunten ontbreken")
    message = only("lars@example.org")
    assert message.subject == "Voortgangsrapportage teruggestuurd: 1. Gecoördineerde Instroom"
    assert "Reden: Knelpunten ontbreken" in message.body
    assert f"/reports/{submitted_report.pk}/" in message.body


def test_the_writers_are_told_when_their_report_is_accepted(submitted_report, secretaries, on_commit):
    on_commit(reports.review, submitted_report, secretaries["Kernteam"], "accepted")
    assert only("lars@example.org").subject == "Voortgangsrapportage geaccepteerd: 1. Gecoördineerde Instroom"


# Settings per kind -----------------------------------------------------------------------------------------


def test_a_kind_set_to_never_is_not_sent_but_own_decisions_are_always_sent(pilot, lead, secretaries, on_commit):
    NotificationSetting.objects.create(user=secretaries["RBJ"], kind="my_body", delivery="never")
    on_commit(services.submit, pilot, lead)
    on_commit(services.forward, pilot, secretaries["Kernteam"])
    assert to("secr_rbj@example.org") == []
    assert len(to("lars@example.org")) == 1


def test_never_is_refused_for_decisions_on_ones_own_proposal(client, lead):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        NotificationSetting.objects.create(user=lead, kind="own_proposal", delivery="never")
    from reminders import registry

    client.force_login(lead)
    others = {f"delivery_{kind}": "immediately" for kind, _label in registry.notification_choices()}  # every app's
    data = {
        **others,
        "delivery_own_proposal": "never",
        "delivery_my_body": "never",
        "delivery_informed": "weekly",
        "delivery_report_review": "daily",
    }
    response = client.post(reverse("reminders:preferences"), data)
    assert "Besluiten over uw eigen voorstellen kunt u niet uitzetten." in response.content.decode()
    assert not NotificationSetting.objects.exists()
    response = client.post(reverse("reminders:preferences"), {**data, "delivery_own_proposal": "daily"})
    assert response.status_code == 302
    saved = dict(NotificationSetting.objects.filter(user=lead).values_list("kind", "delivery"))
    expected = {"own_proposal": "daily", "my_body": "never", "informed": "weekly", "report_review": "daily"}
    assert {kind: saved[kind] for kind in expected} == expected
    page = client.get(reverse("reminders:preferences")).content.decode()
    assert "Dagelijks overzicht" in page and "Wekelijks overzicht" in page and "Helemaal niet" in page


def test_inactive_accounts_get_nothing(pilot, lead, secretaries, on_commit):
    secretaries["RBJ"].is_active = False
    secretaries["RBJ"].save()
    on_commit(services.submit, pilot, lead)
    on_commit(services.forward, pilot, secretaries["Kernteam"])
    assert to("secr_rbj@example.org") == []
    secretaries["RBJ"].is_active = True
    secretaries["RBJ"].save()
    told = len(to("lars@example.org"))
    lead.is_active = False
    lead.save()
    on_commit(services.record_advice, pilot, secretaries["RBJ"], "positive")
    assert len(to("lars@example.org")) == told


# Digests ---------------------------------------------------------------------------------------------------

MONDAY = datetime.datetime(2026, 11, 23, 9, 0)


def aware(moment):
    return timezone.make_aware(moment)


def test_a_daily_digest_goes_once_per_user_per_day_with_everything_of_the_day_before(
    pilot, lead, secretaries, on_commit, time_machine
):
    time_machine.move_to(aware(MONDAY), tick=False)
    NotificationSetting.objects.create(user=lead, kind="own_proposal", delivery="daily")
    at_so(pilot, lead, secretaries, on_commit)
    assert to("lars@example.org") == []  # waiting for the digest
    Notification.objects.update(created_at=aware(MONDAY))
    assert notify.send_digests(aware(MONDAY + datetime.timedelta(hours=1)))["digests"] == 0  # still Monday's
    tuesday = aware(MONDAY + datetime.timedelta(days=1))
    notify.send_digests(tuesday)
    notify.send_digests(tuesday + datetime.timedelta(hours=3))
    digest = only("lars@example.org")
    assert digest.subject == "Dagelijks overzicht Jeugdregio: 2 berichten"
    assert "JIM-aanpak: Beoordeeld en doorgezet" in digest.body and "Voorwaarden: Eerst een meetplan" in digest.body
    assert Digest.objects.get().starts == datetime.date(2026, 11, 24)
    # What comes in later waits for the next day's digest, not a second one today.
    time_machine.move_to(tuesday + datetime.timedelta(hours=3, minutes=30))
    Notification.objects.create(
        user=lead, recipient="lars@example.org", kind="own_proposal", delivery="daily", title="Later", body="B"
    )
    notify.send_digests(tuesday + datetime.timedelta(hours=4))
    assert len(to("lars@example.org")) == 1
    notify.send_digests(tuesday + datetime.timedelta(days=1))
    assert [m.subject for m in to("lars@example.org")][-1] == "Dagelijks overzicht Jeugdregio: 1 bericht"


def test_a_weekly_digest_goes_once_a_week(lead):
    NotificationSetting.objects.create(user=lead, kind="informed", delivery="weekly")
    for day in range(3):
        Notification.objects.create(
            user=lead,
            recipient="lars@example.org",
            kind="informed",
            delivery="weekly",
            title=f"Bericht {day}",
            body="B",
            created_at=aware(MONDAY + datetime.timedelta(days=day)),
        )
    for day in range(1, 8):
        notify.send_digests(aware(MONDAY + datetime.timedelta(days=day)))
    message = only("lars@example.org")
    assert message.subject == "Wekelijks overzicht Jeugdregio: 3 berichten"


def test_a_crash_between_claim_and_send_sends_the_digest_once(lead):
    Notification.objects.create(
        user=lead,
        recipient="lars@example.org",
        kind="informed",
        delivery="daily",
        title="Bericht",
        body="B",
        created_at=aware(MONDAY),
    )
    tuesday = aware(MONDAY + datetime.timedelta(days=1))
    notify.claim_digests(tuesday)  # the worker dies here, before sending
    assert mail.outbox == [] and Digest.objects.get().status == "pending"
    notify.send_digests(tuesday)
    notify.send_digests(tuesday)
    assert len(to("lars@example.org")) == 1 and Digest.objects.get().status == "sent"


def test_an_inactive_account_gets_no_digest(lead):
    Notification.objects.create(
        user=lead,
        recipient="lars@example.org",
        kind="informed",
        delivery="daily",
        title="Bericht",
        body="B",
        created_at=aware(MONDAY),
    )
    lead.is_active = False
    lead.save()
    notify.send_digests(aware(MONDAY + datetime.timedelta(days=1)))
    assert mail.outbox == []


def test_an_immediate_notification_whose_task_was_lost_goes_with_the_next_run(pilot, lead, secretaries):
    services.submit(pilot, lead)  # the on-commit task never runs
    assert mail.outbox == [] and Notification.objects.filter(status="pending").exists()
    notify.send_digests(timezone.now() + datetime.timedelta(minutes=11))
    notify.send_digests(timezone.now() + datetime.timedelta(minutes=12))
    assert len(to("secr_kernteam@example.org")) == 1


def test_the_beat_schedule_runs_the_digests():
    from django.conf import settings

    from jeugdregio.celery import app

    app.loader.import_default_modules()
    assert settings.CELERY_BEAT_SCHEDULE["digests"]["task"] == "reminders.tasks.send_digests"
    assert "reminders.tasks.send_digests" in app.tasks
