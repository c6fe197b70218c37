"""Each security event leaves exactly one entry in the audit log, with who, whom, from where and with what."""

import importlib.util

import pytest
from django.apps import apps
from django.contrib.admin.models import LogEntry
from django.contrib.auth import login
from django.contrib.auth.models import AnonymousUser
from django.contrib.sessions.middleware import SessionMiddleware
from django.test import RequestFactory
from django.urls import reverse
from rest_framework.authtoken.models import Token

from accounts import services
from accounts.constants import AuditKind
from accounts.models import AuditEntry
from programmes.models import Milestone
from reminders.models import CalendarToken
from tests import factories as f
from tests.factories import PASSWORD

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Chromium/140"


def sign_in(client, user):
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")


@pytest.fixture
def log():
    """What was logged after this point, by kind."""

    class Since:
        def __init__(self):
            last = AuditEntry.objects.order_by("-pk").first()
            self.after = last.pk if last else 0

        def entries(self, kind=None):
            entries = AuditEntry.objects.filter(pk__gt=self.after).order_by("pk")
            return entries.filter(kind=kind) if kind else entries

        def one(self, kind):
            entries = list(self.entries(kind))
            assert len(entries) == 1, (kind, [e.kind for e in self.entries()])
            return entries[0]

        def kinds(self):
            return [e.kind for e in self.entries()]

    return Since


def test_a_password_sign_in(client, reader, log):
    since = log()
    client.post(reverse("login"), {"username": reader.username, "password": PASSWORD}, HTTP_USER_AGENT=BROWSER)
    entry = since.one(AuditKind.LOGIN)
    assert (entry.actor, entry.subject, entry.actor_name) == (reader, reader, "rob")
    assert (entry.ip_address, entry.user_agent) == ("127.0.0.1", BROWSER)
    assert entry.details["backend"] == "django.contrib.auth.backends.ModelBackend"
    assert since.kinds() == [AuditKind.LOGIN]


def test_a_sign_in_with_the_organisation_account_is_marked(reader, log):
    since = log()
    request = RequestFactory().get("/accounts/sso/callback/", REMOTE_ADDR="10.1.2.3")
    SessionMiddleware(lambda r: None).process_request(request)
    request.user = AnonymousUser()
    login(request, reader, backend="sso.backends.OrganisationAccountBackend")
    entry = since.one(AuditKind.SSO_LOGIN)
    assert (entry.subject, entry.ip_address) == (reader, "10.1.2.3")
    assert since.kinds() == [AuditKind.SSO_LOGIN]


def test_a_failed_sign_in_keeps_the_username_tried_cut_and_clean(client, reader, log):
    since = log()
    client.post(reverse("login"), {"username": "rob", "password": "fout"})
    assert since.one(AuditKind.LOGIN_FAILED).username == "rob"
    client.post(reverse("login"), {"username": "x" * 300, "password": "fout"})
    assert len(since.entries(AuditKind.LOGIN_FAILED).last().username) == 150
    assert since.entries(AuditKind.LOGIN_FAILED).count() == 2


def test_a_lockout(client, settings, reader, log):
    settings.AXES_ENABLED = True
    since = log()
    for _ in range(5):
        client.post(reverse("login"), {"username": reader.username, "password": "fout"})
    entry = since.one(AuditKind.LOCKED_OUT)
    assert entry.username == reader.username and entry.ip_address == "127.0.0.1"
    assert since.entries(AuditKind.LOGIN_FAILED).count() == 5


def otp_installed():
    return apps.is_installed("django_otp.plugins.otp_totp")


@pytest.mark.skipif(not otp_installed(), reason="django-otp's TOTP plugin is not installed")
def test_a_second_factor_added_and_removed(reader, log):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    since = log()
    unconfirmed = TOTPDevice.objects.create(user=reader, name="telefoon", confirmed=False)
    assert since.kinds() == []  # not yet an enrolment
    unconfirmed.confirmed = True
    unconfirmed.save()
    unconfirmed.throttle_increment()  # a verification saves the device: no new entry
    device = TOTPDevice.objects.get(pk=unconfirmed.pk)
    device.save()
    added = since.one(AuditKind.OTP_DEVICE_ADDED)
    assert added.subject == reader and added.details["device"] == "otp_totp.TOTPDevice"
    device.delete()
    assert since.one(AuditKind.OTP_DEVICE_REMOVED).subject == reader
    assert since.kinds() == [AuditKind.OTP_DEVICE_ADDED, AuditKind.OTP_DEVICE_REMOVED]


@pytest.mark.skipif(importlib.util.find_spec("twofactor") is None, reason="the twofactor app is not there")
@pytest.mark.parametrize(
    "signal, kind, extra",
    [
        ("otp_verified", AuditKind.OTP_VERIFIED, {"method": "totp"}),
        ("otp_failed", AuditKind.OTP_FAILED, {"method": "totp", "reason": "wrong", "locked_until": None}),
        ("devices_reset", AuditKind.OTP_DEVICES_RESET, {"via": "admin", "removed": {"totp": 1}}),
    ],
)
def test_the_twofactor_signals(reader, admin_user, log, signal, kind, extra):
    signals = importlib.import_module("twofactor.signals")
    since = log()
    request = RequestFactory().post("/account/twofactor/", REMOTE_ADDR="10.0.0.9")
    request.user = reader
    if signal == "devices_reset":
        getattr(signals, signal).send(sender=None, user=reader, by=admin_user, request=request, **extra)
    else:
        getattr(signals, signal).send(sender=None, user=reader, request=request, device=None, **extra)
    entry = since.one(kind)
    assert entry.subject == reader and entry.ip_address == "10.0.0.9"
    if signal == "devices_reset":
        assert entry.actor == admin_user and entry.details["removed"] == {"totp": 1}


def test_an_invitation_sent_accepted_and_refused(programme, manager, log):
    since = log()
    invitation = services.invite(manager, programme, email="nieuw@example.org", name="N", role="reader")
    sent = since.one(AuditKind.INVITATION_SENT)
    assert (sent.actor, sent.programme, sent.details["email"], sent.details["role"]) == (
        manager,
        programme,
        "nieuw@example.org",
        "reader",
    )
    services.withdraw_invitation(manager, invitation)
    assert since.one(AuditKind.INVITATION_WITHDRAWN).actor == manager
    with pytest.raises(services.InvitationLinkRefused):
        services.accept("x" * 43, name="N", password="Lang-genoeg-2026")
    assert since.one(AuditKind.INVITATION_REFUSED).details["reason"] == "unknown"


def test_access_granted_and_revoked_whoever_changes_it(programme, workgroup1, reader, log):
    since = log()
    access = f.ProgrammeAccessFactory(programme=programme, user=f.UserFactory(username="nieuw"), role="reader")
    granted = since.one(AuditKind.ACCESS_GRANTED)
    assert (granted.subject_name, granted.programme, granted.details["access"]) == ("nieuw", programme, "reader")
    access.role = "manager"
    access.save()
    assert since.entries(AuditKind.ACCESS_GRANTED).last().details["previous"] == "reader"
    access.save()  # nothing changed: nothing logged
    assert since.entries(AuditKind.ACCESS_GRANTED).count() == 2
    f.MembershipFactory(workgroup=workgroup1, person=f.PersonFactory(name="Zonder account"))  # no account: no access
    seat = f.MembershipFactory(workgroup=workgroup1, person=reader.person, role="member")
    assert since.entries(AuditKind.ACCESS_GRANTED).count() == 3
    seat.delete()
    revoked = since.one(AuditKind.ACCESS_REVOKED)
    assert revoked.subject == reader and revoked.details["workgroup"] == str(workgroup1)


def test_staff_and_administrator_rights(reader, log):
    since = log()
    reader.is_staff = True
    reader.save()
    entry = since.one(AuditKind.PRIVILEGES_CHANGED)
    assert entry.subject == reader and entry.details == {"is_staff": [False, True]}
    reader.last_login = reader.date_joined
    reader.save(update_fields=["last_login"])  # every login saves this: no query, no entry
    reader.save()
    assert since.entries(AuditKind.PRIVILEGES_CHANGED).count() == 1
    f.UserFactory(username="root", is_superuser=True, is_staff=True)
    assert since.entries(AuditKind.PRIVILEGES_CHANGED).last().details == {
        "is_staff": [False, True],
        "is_superuser": [False, True],
    }


def test_an_account_switched_off_and_on_by_hand(reader, log):
    since = log()
    reader.is_active = False
    reader.save()
    assert since.one(AuditKind.ACCOUNT_DEACTIVATED).subject == reader
    reader.is_active = True
    reader.save()
    assert since.one(AuditKind.ACCOUNT_REACTIVATED).subject == reader


def test_api_tokens_made_and_revoked(client, reader, log):
    sign_in(client, reader)
    since = log()
    client.post(reverse("dashboard:api_token"), {"action": "new"})
    made = since.one(AuditKind.API_TOKEN_CREATED)
    assert (made.actor, made.subject) == (reader, reader)
    assert Token.objects.get(user=reader).key not in str(made.details)
    client.post(reverse("dashboard:api_token"), {"action": "revoke"})
    assert since.one(AuditKind.API_TOKEN_REVOKED).subject == reader


def test_calendar_links_made_renewed_and_revoked(client, reader, log):
    sign_in(client, reader)
    since = log()
    client.get(reverse("home"))  # the first visit of Mijn werk makes the link
    client.get(reverse("home"))
    assert since.one(AuditKind.CALENDAR_LINK_CREATED).subject == reader
    client.post(reverse("calendar_renew"))
    assert since.one(AuditKind.CALENDAR_LINK_RENEWED).actor == reader
    CalendarToken.objects.get(user=reader).delete()
    assert since.one(AuditKind.CALENDAR_LINK_REVOKED).subject == reader


def test_a_list_downloaded(client, programme, manager, log):
    sign_in(client, manager)
    since = log()
    response = client.get(reverse("governance:decisions", args=[programme.pk]), {"export": "csv"})
    assert response.status_code == 200
    entry = since.one(AuditKind.DATA_EXPORT)
    assert entry.actor == manager
    assert (entry.details["filename"], entry.details["format"], entry.details["rows"]) == ("besluitenlijst", "csv", 0)
    assert entry.details["path"] == reverse("governance:decisions", args=[programme.pk])
    client.get(reverse("programmes:workgroups", args=[programme.pk]), {"export": "xlsx"})
    assert since.entries(AuditKind.DATA_EXPORT).last().details["filename"] == "werkgroepen"


def test_changes_in_the_admin_site_one_by_one_and_in_bulk(client, programme, admin_user, log):
    first, second = f.MilestoneFactory(programme=programme), f.MilestoneFactory(programme=programme)
    sign_in(client, admin_user)
    since = log()
    url = reverse("admin:programmes_milestone_change", args=[first.pk])
    data = {
        "programme": programme.pk,
        "start_date": "2026-06-01",
        "period_label": "Juni 2026",
        "description": "Gewijzigd in het beheer",
        "status": "open",
        "order": 0,
    }
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    entry = since.one(AuditKind.ADMIN_ACTION)
    assert (entry.actor, entry.details["action"], entry.details["model"]) == (
        admin_user,
        "change",
        "programmes.Milestone",
    )
    assert entry.details["object_id"] == str(first.pk)
    changelist = reverse("admin:programmes_milestone_changelist")
    client.post(changelist, {"action": "delete_selected", "_selected_action": [first.pk, second.pk], "post": "yes"})
    assert not Milestone.objects.filter(pk__in=[first.pk, second.pk]).exists()
    deletions = since.entries(AuditKind.ADMIN_ACTION).filter(details__action="delete")
    assert sorted(e.details["object_id"] for e in deletions) == sorted([str(first.pk), str(second.pk)])
    assert LogEntry.objects.count() == 3 == since.entries(AuditKind.ADMIN_ACTION).count()


def test_secrets_and_nul_never_reach_the_log(client, reader, log):
    since = log()
    client.post(reverse("login"), {"username": "rob", "password": "geheim-wachtwoord"}, HTTP_USER_AGENT="ab" * 200)
    entry = since.one(AuditKind.LOGIN_FAILED)
    assert "geheim" not in str(entry.details) and len(entry.user_agent) == 300
    # A NUL (any control character) in the User-Agent is refused at the edge (core.middleware): nothing is logged.
    response = client.post(reverse("login"), {"username": "rob", "password": "x"}, HTTP_USER_AGENT="a\x00b")
    assert response.status_code == 400 and since.entries(AuditKind.LOGIN_FAILED).count() == 1


@pytest.mark.skipif(importlib.util.find_spec("sso.signals") is None, reason="the sso app is not there")
def test_a_refused_sign_in_with_the_organisation_account(db, log):
    signals = importlib.import_module("sso.signals")
    since = log()
    request = RequestFactory().get("/accounts/sso/callback/?state=vals", REMOTE_ADDR="10.0.0.7")
    request.user = AnonymousUser()
    signals.sign_in_refused.send(sender=None, request=request, reason="unknown state")
    entry = since.one(AuditKind.SSO_REFUSED)
    assert (entry.ip_address, entry.details["reason"], entry.actor) == ("10.0.0.7", "unknown state", None)
