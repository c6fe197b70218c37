"""A programme manager invites a person by e-mail with a role; the one-time link makes or links the account and
grants exactly that role, once. Expired, used, withdrawn and forged links are refused in Dutch, create nothing
and leave an audit entry."""

import datetime
import re
import threading

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from accounts import services
from accounts.constants import AuditKind, InvitationStatus
from accounts.models import AuditEntry, Invitation, token_hash
from core.refusals import Forbidden, Refused
from programmes.models import BodyMembership, Membership, Person, ProgrammeAccess
from programmes.roles import roles_of
from tests import factories as f
from tests.factories import PASSWORD

User = get_user_model()
NEW_PASSWORD = "Zonnebloem-Tiel-2026"


@pytest.fixture
def mail_now(django_capture_on_commit_callbacks, mailoutbox):
    """The mails queued after commit, sent at once."""

    def run(action):
        with django_capture_on_commit_callbacks(execute=True):
            return action()

    return run


def sign_in(client, user):
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")


def invite(client, programme, **data):
    return client.post(reverse("accounts:invite", args=[programme.pk]), data)


def link_in(message):
    return re.search(r"http://\S+/invitations/([A-Za-z0-9_-]+)/", message.body)


def kinds(after=0):
    return list(AuditEntry.objects.filter(pk__gt=after).order_by("pk").values_list("kind", flat=True))


def test_an_invitation_end_to_end(client, programme, workgroup1, manager, mail_now, mailoutbox):
    sign_in(client, manager)
    before = AuditEntry.objects.order_by("pk").last().pk
    response = mail_now(
        lambda: invite(
            client,
            programme,
            name="Fatima el Amrani",
            email="f.elamrani@tiel.nl",
            role="workgroup_lead",
            workgroup=workgroup1.pk,
        )
    )
    assert response.status_code == 302 and response.url == reverse("accounts:access", args=[programme.pk])
    (message,) = mailoutbox
    assert message.to == ["f.elamrani@tiel.nl"]
    assert message.subject == f"Uitnodiging voor {programme}"
    assert "Trekker" in message.body and "1. Gecoördineerde Instroom" in message.body and "één keer" in message.body
    token = link_in(message).group(1)
    invitation = Invitation.objects.get()
    assert invitation.token_hash == token_hash(token) and token not in str(Invitation.objects.values().get())

    client.logout()
    page = client.get(reverse("accounts:accept", args=[token]))
    assert page.status_code == 200
    assert "Trekker" in page.content.decode() and 'name="new_password1"' in page.content.decode()
    response = client.post(
        reverse("accounts:accept", args=[token]),
        {"name": "Fatima el Amrani", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == reverse("home")
    body = response.content.decode()
    assert "Welkom. U heeft nu toegang tot" in body and "Trekker van een werkgroep: 1. Gecoördineerde Instroom" in body

    user = User.objects.get(username="f.elamrani@tiel.nl")
    assert (user.email, user.first_name, user.last_name) == ("f.elamrani@tiel.nl", "Fatima", "el Amrani")
    client.logout()
    assert (
        client.post(reverse("login"), {"username": "f.elamrani@tiel.nl", "password": NEW_PASSWORD}).status_code == 302
    )
    assert client.get(reverse("home")).status_code == 200  # Mijn werk
    roles = roles_of(User.objects.get(pk=user.pk))
    assert roles.led_workgroups == {workgroup1.pk} and roles.member_workgroups == {workgroup1.pk}
    assert roles.readable_programmes == {programme.pk}
    assert not roles.managed_programmes and not roles.body_ids and not roles.is_admin
    assert Person.objects.get(user=user).memberships.get().role == "lead"
    assert not ProgrammeAccess.objects.filter(user=user).exists()
    invitation.refresh_from_db()
    assert (invitation.status, invitation.user) == (InvitationStatus.ACCEPTED, user)
    assert kinds(after=before) == [
        AuditKind.INVITATION_SENT,
        AuditKind.ACCESS_GRANTED,
        AuditKind.INVITATION_ACCEPTED,
        AuditKind.LOGIN,  # right after accepting
        AuditKind.CALENDAR_LINK_CREATED,  # the first visit of Mijn werk
        AuditKind.LOGIN,  # through the login form
    ]
    accepted = AuditEntry.objects.get(kind=AuditKind.INVITATION_ACCEPTED)
    assert (accepted.actor, accepted.subject, accepted.programme) == (user, user, programme)


def test_an_administrator_invites_a_programme_manager(client, programme, admin_user, mail_now, mailoutbox):
    sign_in(client, admin_user)
    mail_now(lambda: invite(client, programme, name="Nieuwe Manager", email="pm@rivierenland.nl", role="manager"))
    token = link_in(mailoutbox[0]).group(1)
    client.logout()
    client.post(
        reverse("accounts:accept", args=[token]),
        {"name": "Nieuwe Manager", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    user = User.objects.get(username="pm@rivierenland.nl")
    assert ProgrammeAccess.objects.get(user=user).role == "manager"
    assert roles_of(user).managed_programmes == {programme.pk}
    assert not user.is_staff and not user.is_superuser


def test_a_programme_manager_cannot_invite_a_programme_manager(client, programme, manager):
    sign_in(client, manager)
    form = client.get(reverse("accounts:invite", args=[programme.pk])).content.decode()
    assert 'value="reader"' in form and 'value="manager"' not in form
    response = invite(client, programme, name="X", email="x@example.org", role="manager")
    assert response.status_code == 200 and "Selecteer een geldige keuze" in response.content.decode()
    with pytest.raises(Forbidden, match="Alleen een beheerder"):
        services.invite(manager, programme, email="x@example.org", name="X", role="manager")
    assert not Invitation.objects.exists()


@pytest.mark.parametrize("username", ["outsider", "reader", "lead", "body_member"])
def test_only_the_managers_of_that_programme_invite(request, client, programme, workgroup1, username):
    user = request.getfixturevalue(username)
    sign_in(client, user)
    for response in (
        client.get(reverse("accounts:invite", args=[programme.pk])),
        invite(client, programme, name="X", email="x@example.org", role="reader"),
        client.get(reverse("accounts:access", args=[programme.pk])),
    ):
        assert response.status_code == 403
        assert "Alleen de programmamanagers van" in response.content.decode()
    with pytest.raises(Forbidden):
        services.invite(user, programme, email="x@example.org", name="X", role="reader")
    assert not Invitation.objects.exists()


def test_anonymous_visitors_are_sent_to_the_login_page(client, programme):
    response = client.get(reverse("accounts:invite", args=[programme.pk]))
    assert response.status_code == 302 and reverse("login") in response.url


def test_a_workgroup_of_another_programme_is_refused(client, programme, other_programme, manager):
    foreign = f.WorkgroupFactory(programme=other_programme, number=7, name="Elders")
    sign_in(client, manager)
    response = invite(client, programme, name="X", email="x@example.org", role="workgroup_member", workgroup=foreign.pk)
    assert response.status_code == 200 and "Selecteer een geldige keuze" in response.content.decode()
    response = invite(client, programme, name="X", email="x@example.org", role="workgroup_member")
    assert "Kies de werkgroep voor deze rol." in response.content.decode()
    assert not Invitation.objects.exists()


def test_the_body_roles_seat_the_person_in_the_body(client, programme, manager, mail_now, mailoutbox):
    body = f.GovernanceBodyFactory(programme=programme, name="RBJ")
    sign_in(client, manager)
    mail_now(
        lambda: invite(client, programme, name="Sam", email="sam@example.org", role="body_secretary", body=body.pk)
    )
    client.logout()
    token = link_in(mailoutbox[0]).group(1)
    client.post(
        reverse("accounts:accept", args=[token]),
        {"name": "Sam Smit", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    seat = BodyMembership.objects.get(body=body)
    assert seat.role == "secretary" and seat.person.user.username == "sam@example.org"
    assert roles_of(seat.person.user).recording_body_ids == {body.pk}


def make(programme, manager, email="nieuw@example.org", role="reader", **extra):
    """An invitation and its token, as the mail would carry it."""
    sent = {}
    original = services._invitation_mail

    def keep(invitation, token, actor):
        sent["token"] = token
        return original(invitation, token, actor)

    services._invitation_mail = keep
    try:
        invitation = services.invite(manager, programme, email=email, name="Nieuw", role=role, **extra)
    finally:
        services._invitation_mail = original
    return invitation, sent["token"]


def accept_as_new(client, token):
    return client.post(
        reverse("accounts:accept", args=[token]),
        {"name": "Nieuw Persoon", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )


@pytest.fixture(autouse=True)
def fresh_refusal_counts():
    """The hourly count of refused links per address lives in the cache, which other tests fill too."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


def refused_entries(reason):
    return AuditEntry.objects.filter(kind=AuditKind.INVITATION_REFUSED, details__reason=reason)


@pytest.mark.dates
def test_an_expired_link_is_refused(client, programme, manager):
    invitation, token = make(programme, manager)
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now() - datetime.timedelta(minutes=1))
    users = User.objects.count()
    page = client.get(reverse("accounts:accept", args=[token]))
    assert page.status_code == 410 and "Deze uitnodiging is verlopen" in page.content.decode()
    response = accept_as_new(client, token)
    assert response.status_code == 410 and "Vraag degene die u uitnodigde" in response.content.decode()
    assert User.objects.count() == users and not ProgrammeAccess.objects.filter(user__email="nieuw@example.org")
    assert refused_entries("expired").count() == 2
    assert refused_entries("expired").first().programme_id == programme.pk


def test_a_link_used_once_is_refused_the_second_time(client, programme, manager):
    _invitation, token = make(programme, manager)
    assert accept_as_new(client, token).status_code == 302
    client.logout()
    users = User.objects.count()
    response = accept_as_new(client, token)
    assert response.status_code == 410 and "Deze uitnodiging is al gebruikt" in response.content.decode()
    assert (
        User.objects.count() == users and ProgrammeAccess.objects.filter(user__email="nieuw@example.org").count() == 1
    )
    assert refused_entries("used").count() == 1


def test_a_forged_link_is_refused(client, programme, manager):
    make(programme, manager)
    users = User.objects.count()
    for forged in ("A" * 43, "zz-" + "x" * 40):
        page = client.get(reverse("accounts:accept", args=[forged]))
        assert page.status_code == 404 and "Deze uitnodigingslink is niet geldig" in page.content.decode()
        assert accept_as_new(client, forged).status_code == 404
    assert client.get("/invitations/kort/").status_code == 404  # not even the shape of a link
    assert User.objects.count() == users
    entry = refused_entries("unknown").first()
    assert refused_entries("unknown").count() == 4 and entry.ip_address == "127.0.0.1" and entry.programme_id is None


def test_a_withdrawn_link_is_refused(client, programme, manager):
    invitation, token = make(programme, manager)
    sign_in(client, manager)
    client.post(reverse("accounts:withdraw", args=[programme.pk]), {"invitation": invitation.pk})
    client.logout()
    response = accept_as_new(client, token)
    assert response.status_code == 410 and "Deze uitnodiging is ingetrokken" in response.content.decode()
    assert not User.objects.filter(email="nieuw@example.org").exists()
    assert AuditEntry.objects.filter(kind=AuditKind.INVITATION_WITHDRAWN).count() == 1
    assert refused_entries("withdrawn").count() == 1


def test_inviting_again_replaces_the_open_invitation(programme, manager):
    first, old_token = make(programme, manager)
    second, new_token = make(programme, manager)
    first.refresh_from_db()
    assert first.status == InvitationStatus.WITHDRAWN and second.status == InvitationStatus.PENDING
    with pytest.raises(services.InvitationLinkRefused):
        services.accept(old_token, name="X", password=NEW_PASSWORD)
    _invitation, account = services.accept(new_token, name="X", password=NEW_PASSWORD)
    assert ProgrammeAccess.objects.get(user=account).role == "reader"


def test_someone_who_already_has_the_role_is_not_invited_again(programme, manager, reader):
    reader.email = "rob@example.org"
    reader.save()
    with pytest.raises(Refused, match="heeft deze rol al"):
        services.invite(manager, programme, email="ROB@example.org", name="Rob", role="reader")


def test_an_existing_account_signs_in_first_and_then_accepts(client, programme, workgroup1, manager, outsider):
    outsider.email = "otto@example.org"
    outsider.save()
    _invitation, token = make(
        programme, manager, email="otto@example.org", role="workgroup_member", workgroup=workgroup1
    )
    page = client.get(reverse("accounts:accept", args=[token])).content.decode()
    assert "U heeft al een account" in page and 'name="new_password1"' not in page
    assert f"/accounts/login/?next=%2Finvitations%2F{token}%2F" in page
    accept_as_new(client, token)  # a password cannot take over the existing account
    assert not Membership.objects.filter(workgroup=workgroup1).exists()
    assert client.post(reverse("login"), {"username": "otto", "password": PASSWORD}).status_code == 302
    assert "U bent ingelogd als" in client.get(reverse("accounts:accept", args=[token])).content.decode()
    assert client.post(reverse("accounts:accept", args=[token])).status_code == 302
    assert Membership.objects.get(workgroup=workgroup1).person == outsider.person  # the person it had
    assert roles_of(User.objects.get(pk=outsider.pk)).readable_programmes >= {programme.pk}


def test_a_known_person_without_an_account_gets_linked_not_copied(programme, workgroup1, manager):
    person = f.PersonFactory(name="Joke de Wit", email="joke@example.org")
    f.MembershipFactory(workgroup=workgroup1, person=person, role="member")
    _invitation, token = make(programme, manager, email="joke@example.org", role="workgroup_lead", workgroup=workgroup1)
    _invitation, account = services.accept(token, name="Joke de Wit", password=NEW_PASSWORD)
    person.refresh_from_db()
    assert person.user == account and Person.objects.filter(email="joke@example.org").count() == 1
    assert Membership.objects.get(workgroup=workgroup1, person=person).role == "lead"  # exactly the invited role


def test_a_weak_password_is_refused_with_the_dutch_rules(client, programme, manager):
    _invitation, token = make(programme, manager)
    response = client.post(
        reverse("accounts:accept", args=[token]),
        {"name": "Nieuw", "new_password1": "12345678", "new_password2": "12345678"},
    )
    assert response.status_code == 200 and "Er is een probleem" in response.content.decode()
    assert not User.objects.filter(email="nieuw@example.org").exists()
    assert Invitation.objects.get().status == InvitationStatus.PENDING


def test_the_organisation_account_button_shows_only_when_sso_is_on(client, programme, manager, settings):
    _invitation, token = make(programme, manager)
    url = reverse("accounts:accept", args=[token])
    settings.OIDC_OP_ISSUER, settings.OIDC_RP_CLIENT_ID = "", ""
    assert "organisatieaccount" not in client.get(url).content.decode()
    settings.OIDC_OP_ISSUER, settings.OIDC_RP_CLIENT_ID = "https://login.example.org", "jeugdregio"
    page = client.get(url).content.decode()
    assert services.sso_login_url() and f'href="{services.sso_login_url()}?next=%2Finvitations%2F{token}%2F"' in page
    settings.LOCAL_PASSWORD_LOGIN = False  # the organisation's account only: no password, no new password account
    page = client.get(url).content.decode()
    assert "organisatieaccount" in page and 'name="new_password1"' not in page
    accept_as_new(client, token)
    assert not User.objects.filter(email="nieuw@example.org").exists()


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_clicks_at_once_give_one_account_and_one_role(programme, manager):
    _invitation, token = make(programme, manager)
    barrier, outcomes = threading.Barrier(3), []

    def click():
        try:
            barrier.wait()
            services.accept(token, name="Nieuw", password=NEW_PASSWORD)
            outcomes.append("accepted")
        except Refused:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=click) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["accepted", "refused", "refused"]
    assert User.objects.filter(email="nieuw@example.org").count() == 1
    assert ProgrammeAccess.objects.filter(user__email="nieuw@example.org").count() == 1
    assert refused_entries("used").count() == 2


def test_random_links_from_one_address_fill_the_audit_log_only_up_to_the_hourly_limit(client, programme, settings):
    settings.INVITATION_REFUSALS_RECORDED_PER_HOUR = 3
    for attempt in range(6):
        page = client.get(reverse("accounts:accept", args=[f"{attempt:02d}" + "x" * 41]))
        assert page.status_code == 404  # still refused, every time
    assert refused_entries("unknown").count() == 3
    other = client.get(reverse("accounts:accept", args=["y" * 43]), REMOTE_ADDR="10.0.0.9")
    assert other.status_code == 404 and refused_entries("unknown").count() == 4  # another address has its own count
