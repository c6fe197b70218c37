"""Signing in with the organisation's account, against a real OpenID provider (tests/oidc_provider).

Every test walks the real authorization code flow with PKCE: the site sends the visitor to the provider, they sign in
on its page (over HTTP), the provider sends them back with a code, the site exchanges it with the provider (server to
server) and checks the ID token against the provider's keys. The site is reached through Django's test client; the
browser version is tests/test_sso_browser.py. Where a test needs a bad answer, it changes the real one on its way:
the state in the address, the code used twice, or the ID token re-signed with a changed claim or another key.
"""

import re
import time
from urllib.parse import parse_qs, urlsplit

import jwt
import pytest
from axes.models import AccessAttempt
from django.contrib.auth import BACKEND_SESSION_KEY, get_user_model
from django.contrib.auth.signals import user_logged_in
from django.test import Client

from core.middleware import KEY as SESSION_STARTED
from programmes.models import ProgrammeAccess
from sso.backends import OrganisationAccountBackend
from sso.models import GroupReadAccess, OrganisationAccount
from sso.signals import sign_in_refused
from tests import factories as f
from tests.oidc_provider import (
    KEY_ID,
    SITE,
    Visitor,
    make_key,
    oidc_provider_fixture,  # noqa: F401  the provider, once for the session
    sso_fixture,  # noqa: F401  SSO configured for it
)

pytestmark = pytest.mark.django_db
User = get_user_model()

NOT_VERIFIED = "Het antwoord van uw organisatie kon niet worden gecontroleerd"
UNKNOWN_ATTEMPT = "Deze inlogpoging is onbekend of verlopen"
LOGIN_PAGE = SITE + "/accounts/login/"


@pytest.fixture
def visitor(client):
    return Visitor(client)


@pytest.fixture
def anna(sso):
    """Anna, civil servant of a municipality, known to the provider with a verified e-mail address."""
    return sso.add_account(
        "anna-sub-1",
        login="anna",
        email="anna@gemeente.example",
        email_verified=True,
        given_name="Anna",
        family_name="de Vries",
    )


@pytest.fixture
def forge(monkeypatch, sso):
    """Swaps the provider's real ID token for one made from it; the code exchange before it stays real."""

    def use(change, key=None):
        exchange = OrganisationAccountBackend.exchange

        def forged(backend, code, code_verifier):
            tokens = exchange(backend, code, code_verifier)
            claims = change(jwt.decode(tokens["id_token"], options={"verify_signature": False}))
            tokens["id_token"] = jwt.encode(claims, key or sso.key, algorithm="RS256", headers={"kid": KEY_ID})
            return tokens

        monkeypatch.setattr(OrganisationAccountBackend, "exchange", forged)

    return use


@pytest.fixture
def refusals():
    """What the security audit log hears of refused sign-ins (sso.signals.sign_in_refused)."""
    heard = []

    def receiver(sender, request, reason, **kwargs):
        heard.append(reason)

    sign_in_refused.connect(receiver)
    yield heard
    sign_in_refused.disconnect(receiver)


def test_a_person_signs_in_with_their_organisation_account_and_lands_on_mijn_werk(visitor, sso, anna):
    page = visitor.sign_in("anna")
    assert page.status_code == 200 and page.url == SITE + "/"
    assert "Mijn werk" in page.text
    user = visitor.user
    assert (user.username, user.email, user.get_full_name()) == (
        "anna@gemeente.example",
        "anna@gemeente.example",
        "Anna de Vries",
    )
    assert not user.has_usable_password()
    account = OrganisationAccount.objects.get(user=user)
    assert (account.issuer, account.subject, account.linked_by) == (sso.issuer, "anna-sub-1", "new")


def test_the_session_names_the_sso_backend_for_the_audit_log(visitor, anna):
    seen = []

    def receiver(sender, request, user, **kwargs):
        seen.append(request.session[BACKEND_SESSION_KEY])

    user_logged_in.connect(receiver)
    try:
        visitor.sign_in("anna")
    finally:
        user_logged_in.disconnect(receiver)
    assert seen == ["sso.backends.OrganisationAccountBackend"]
    assert visitor.client.session[BACKEND_SESSION_KEY] == "sso.backends.OrganisationAccountBackend"


def test_the_page_asked_for_is_where_the_sign_in_ends_but_never_another_site(visitor, anna):
    page = visitor.deliver(visitor.answer("anna", next_url="/account/reminders/"))
    assert page.url == SITE + "/account/reminders/"
    visitor.forget_everything()
    page = visitor.deliver(visitor.answer("anna", next_url="https://elders.example/"))
    assert page.url == SITE + "/"


def test_a_second_sign_in_finds_the_person_by_sub_even_after_their_email_changed(visitor, sso, anna):
    visitor.sign_in("anna")
    first = visitor.user
    sso.change_claims(anna, email="a.devries@nieuwe-gemeente.example")
    visitor.forget_everything()
    visitor.sign_in("anna")
    assert visitor.user == first
    assert User.objects.count() == 1
    first.refresh_from_db()
    assert first.email == "a.devries@nieuwe-gemeente.example"  # verified, and nobody else's here


def test_someone_who_got_the_address_later_is_not_given_the_account(visitor, sso, anna, refusals):
    """The address passed to someone else at the provider: another `sub`, so no link to the first one's account."""
    visitor.sign_in("anna")
    sso.add_account("bram-sub", login="bram", email="anna@gemeente.example", email_verified=True)
    visitor.forget_everything()
    page = visitor.sign_in("bram")
    assert visitor.user is None
    assert "al aan een ander organisatieaccount gekoppeld" in page.text
    assert refusals == ["refused"]


def test_a_tampered_state_is_refused_and_nobody_is_signed_in(visitor, anna, refusals):
    url = visitor.answer("anna")
    page = visitor.deliver(url.replace("state=", "state=x"))
    assert page.url == LOGIN_PAGE and UNKNOWN_ATTEMPT in page.text
    assert visitor.user is None
    assert not OrganisationAccount.objects.exists() and not User.objects.exists()
    assert refusals == ["unknown state"]


def test_the_answer_meant_for_another_browser_is_refused(visitor, anna):
    url = visitor.answer("anna")
    other = Visitor(Client())
    page = other.deliver(url)
    assert UNKNOWN_ATTEMPT in page.text and other.user is None
    assert not User.objects.exists()


def test_a_replayed_code_is_refused_by_the_provider(visitor, anna, refusals):
    url = visitor.answer("anna")
    sent = dict(visitor.client.session["oidc_states"])  # what this browser sent, before the answer uses it up
    visitor.deliver(url)
    assert visitor.user is not None
    visitor.forget_site()
    visitor.deliver(url)  # the same answer again: its state is used up
    assert visitor.user is None

    # Past our own check (the state put back into the session), the provider itself refuses the used code.
    session = visitor.client.session
    session["oidc_states"] = sent
    session.save()
    page = visitor.deliver(url)
    assert NOT_VERIFIED in page.text
    assert visitor.user is None
    assert refusals == ["unknown state", "refused"]


def test_the_code_is_bound_to_this_browser_by_pkce(visitor, anna):
    """Someone holding the code and the state, but not the verifier this session made, gets nothing."""
    url = visitor.answer("anna")
    session = visitor.client.session
    state = parse_qs(urlsplit(url).query)["state"][0]
    assert len(session["oidc_states"][state]["code_verifier"]) == 64
    session["oidc_states"][state]["code_verifier"] = "a" * 64
    session.save()
    page = visitor.deliver(url)
    assert NOT_VERIFIED in page.text
    assert visitor.user is None and not User.objects.exists()


def test_the_sign_in_request_carries_a_pkce_challenge_a_state_and_a_nonce(visitor, sso):
    request = urlsplit(visitor.get(SITE + "/accounts/sso/login/").location)
    query = {key: values[0] for key, values in parse_qs(request.query).items()}
    assert f"{request.scheme}://{request.netloc}{request.path}" == sso.issuer + "/auth"
    assert query["code_challenge_method"] == "S256" and len(query["code_challenge"]) == 43
    assert query["response_type"] == "code" and query["scope"] == "openid email profile"
    assert len(query["state"]) == 32 and len(query["nonce"]) == 32
    assert query["redirect_uri"] == SITE + "/accounts/sso/callback/"


def test_an_id_token_with_another_nonce_is_refused(visitor, anna, forge):
    forge(lambda claims: {**claims, "nonce": "een-andere-nonce"})
    page = visitor.sign_in("anna")
    assert NOT_VERIFIED in page.text and page.url == LOGIN_PAGE
    assert visitor.user is None and not User.objects.exists()


def test_an_id_token_re_signed_unchanged_is_accepted(visitor, anna, forge):
    """The control for the forged tokens below: re-signing with the provider's key alone changes nothing."""
    forge(lambda claims: claims)
    visitor.sign_in("anna")
    assert visitor.user is not None


def test_an_expired_id_token_is_refused(visitor, anna, forge):
    now = int(time.time())
    forge(lambda claims: {**claims, "iat": now - 7200, "exp": now - 3600})
    page = visitor.sign_in("anna")
    assert NOT_VERIFIED in page.text
    assert visitor.user is None and not User.objects.exists()


def test_an_id_token_signed_with_another_key_is_refused(visitor, anna, forge):
    other_key, _ = make_key()
    forge(lambda claims: claims, key=other_key)
    page = visitor.sign_in("anna")
    assert NOT_VERIFIED in page.text
    assert visitor.user is None and not User.objects.exists()


@pytest.mark.parametrize(
    "change",
    [
        {"aud": "another-application"},
        {"aud": ["jeugdregio-test", "another-application"], "azp": "another-application"},
        {"iss": "http://127.0.0.1:1/another-provider"},
        {"sub": "someone-else"},  # the userinfo endpoint speaks of anna: not the same person
    ],
    ids=["audience", "authorized-party", "issuer", "subject"],
)
def test_an_id_token_for_another_application_provider_or_person_is_refused(visitor, anna, forge, change):
    forge(lambda claims: {**claims, **change})
    page = visitor.sign_in("anna")
    assert NOT_VERIFIED in page.text
    assert visitor.user is None and not User.objects.exists()


def test_a_claim_that_tries_to_grant_staff_is_ignored(visitor, sso, programme, monkeypatch, settings):
    settings.OIDC_GROUPS_CLAIM = "groups"
    GroupReadAccess.objects.create(group="admin", programme=programme)
    sso.add_account(
        "mallory-sub",
        login="mallory",
        email="mallory@gemeente.example",
        email_verified=True,
        is_staff=True,
        is_superuser=True,
        roles=["Global Administrator", "superuser"],
        groups=["admin", "Domain Admins"],
    )
    seen = []
    userinfo = OrganisationAccountBackend.userinfo

    def spy(backend, *args):
        seen.append(userinfo(backend, *args))
        return seen[-1]

    monkeypatch.setattr(OrganisationAccountBackend, "userinfo", spy)
    page = visitor.sign_in("mallory")
    assert seen[0]["is_staff"] is True and seen[0]["is_superuser"] is True  # the provider did send them
    user = visitor.user
    assert not user.is_staff and not user.is_superuser
    assert not user.user_permissions.exists() and not user.groups.exists()
    assert "/admin/" not in page.text  # no link to the admin site in the menu
    assert visitor.get(SITE + "/admin/").status_code == 302  # to the admin login
    # The mapped group gives what a mapping can give, and no more: reading.
    assert list(ProgrammeAccess.objects.filter(user=user).values_list("role", flat=True)) == ["reader"]


def test_an_existing_account_is_linked_by_a_verified_email_once(visitor, sso):
    marit = f.UserFactory(username="marit", email="Marit@Gemeente.example")
    sso.add_account("marit-sub", login="marit", email="marit@gemeente.example", email_verified=True)
    visitor.sign_in("marit")
    assert visitor.user == marit
    account = OrganisationAccount.objects.get()
    assert (account.user, account.linked_by) == (marit, "email")


def test_an_unverified_email_links_no_account(visitor, sso):
    marit = f.UserFactory(username="marit", email="marit@gemeente.example")
    sso.add_account("eve-sub", login="eve", email="marit@gemeente.example", email_verified=False)
    visitor.sign_in("eve")
    user = visitor.user
    assert user != marit and user.email == ""  # an address nobody vouched for is not kept either
    assert not marit.organisation_accounts.exists()
    assert not ProgrammeAccess.objects.filter(user=user).exists()


def test_with_account_creation_off_an_unknown_person_is_refused(visitor, sso, settings):
    settings.OIDC_CREATE_USER = False
    sso.add_account("nina-sub", login="nina", email="nina@gemeente.example", email_verified=True)
    page = visitor.sign_in("nina")
    assert "Er is hier nog geen account voor uw organisatieaccount" in page.text
    assert visitor.user is None and not User.objects.exists()


def test_an_inactive_account_is_refused(visitor, sso):
    f.UserFactory(username="oud", email="oud@gemeente.example", is_active=False)
    sso.add_account("oud-sub", login="oud", email="oud@gemeente.example", email_verified=True)
    page = visitor.sign_in("oud")
    assert "Uw account is hier niet actief" in page.text
    assert visitor.user is None and not OrganisationAccount.objects.exists()


def test_groups_give_read_access_only_when_switched_on_and_take_it_back(visitor, sso, settings, programme):
    GroupReadAccess.objects.create(group="jeugd-lezers", programme=programme)
    sso.add_account(
        "lotte-sub", login="lotte", email="lotte@gemeente.example", email_verified=True, groups=["jeugd-lezers"]
    )
    visitor.sign_in("lotte")
    lotte = visitor.user
    assert not ProgrammeAccess.objects.filter(user=lotte).exists()  # off by default

    settings.OIDC_GROUPS_CLAIM = "groups"
    visitor.forget_everything()
    visitor.sign_in("lotte")
    assert list(ProgrammeAccess.objects.filter(user=lotte).values_list("programme", "role")) == [
        (programme.pk, "reader")
    ]
    sso.change_claims("lotte-sub", groups=[])
    visitor.forget_everything()
    visitor.sign_in("lotte")
    assert not ProgrammeAccess.objects.filter(user=lotte).exists()  # what the group gave went with it


def test_cancelling_at_the_provider_gives_a_message(visitor, anna, refusals):
    state = parse_qs(urlsplit(visitor.answer("anna")).query)["state"][0]
    page = visitor.deliver(f"{SITE}/accounts/sso/callback/?error=access_denied&state={state}")
    assert "Het inloggen met uw organisatieaccount is afgebroken." in page.text
    assert visitor.user is None and refusals == ["cancelled"]


def test_an_answer_that_names_another_issuer_is_refused(visitor, anna):
    url = visitor.answer("anna")
    page = visitor.deliver(url.replace("iss=", "iss=x"))
    assert NOT_VERIFIED in page.text and visitor.user is None


def test_a_refusal_is_no_failed_password_login_for_axes_so_no_office_gets_locked_out(visitor, anna, settings):
    settings.AXES_ENABLED = True
    for _ in range(settings.AXES_FAILURE_LIMIT + 1):
        page = visitor.deliver(visitor.answer("anna").replace("state=", "state=x"))
        assert UNKNOWN_ATTEMPT in page.text
    assert not AccessAttempt.objects.exists()
    visitor.sign_in("anna")
    assert visitor.user is not None


def test_logging_out_ends_the_session_here_and_at_the_provider(visitor, sso, anna):
    visitor.sign_in("anna")
    response = visitor.post(SITE + "/accounts/logout/", {})
    assert visitor.user is None
    end_session = urlsplit(response.location)
    assert f"{end_session.scheme}://{end_session.netloc}{end_session.path}" == sso.issuer + "/session/end"
    query = parse_qs(end_session.query)
    assert query["post_logout_redirect_uri"] == [LOGIN_PAGE]
    assert jwt.decode(query["id_token_hint"][0], options={"verify_signature": False})["sub"] == anna

    confirm = visitor.get(response.location)  # the provider asks: sign out there too?
    form = re.search(r'<form[^>]*action="([^"]+)"', confirm.text).group(1)
    fields = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', confirm.text))
    done = visitor.post(form, {**fields, "logout": "yes"})
    assert done.location.startswith(LOGIN_PAGE)

    # Signed out at the provider as well: signing in again asks for the password there.
    page, _ = visitor.follow(visitor.get(SITE + "/accounts/sso/login/"))
    assert page.url.startswith(sso.issuer + "/interaction/") and 'name="password"' in page.text


def test_logging_out_of_a_password_session_stays_here(visitor, sso, admin_user):
    visitor.client.force_login(admin_user)
    response = visitor.post(SITE + "/accounts/logout/", {})
    assert response.location == LOGIN_PAGE and visitor.user is None


def test_while_signed_in_at_the_provider_the_next_sign_in_asks_nothing(visitor, anna):
    visitor.sign_in("anna")
    visitor.forget_site()  # signed out here only
    visitor.deliver(visitor.answer("anna", password="wrong: never asked"))
    assert visitor.user is not None


def test_a_provider_that_cannot_be_reached_gives_a_message_not_an_error(client, sso, settings):
    settings.OIDC_OP_ISSUER = "http://127.0.0.1:9"  # discard: nobody answers
    response = client.get("/accounts/sso/login/", follow=True)
    assert response.status_code == 200
    assert "Uw organisatie is nu niet bereikbaar" in response.content.decode()


def test_a_session_that_ends_by_itself_sends_nobody_to_the_provider(visitor, anna):
    visitor.sign_in("anna")
    session = visitor.client.session
    session[SESSION_STARTED] = 0  # signed in long ago: past SESSION_MAX_HOURS
    session.save()
    page = visitor.get(SITE + "/")
    assert page.location.startswith(LOGIN_PAGE) and visitor.user is None


def test_logging_out_of_the_admin_site_ends_the_providers_session_too(visitor, sso):
    f.UserFactory(username="beheer", email="beheer@gemeente.example", is_staff=True, is_superuser=True)
    sso.add_account("beheer-sub", login="beheer", email="beheer@gemeente.example", email_verified=True)
    visitor.sign_in("beheer")
    assert visitor.get(SITE + "/admin/").status_code == 200  # an administrator's own account, linked once
    response = visitor.post(SITE + "/admin/logout/", {})
    assert response.location.startswith(sso.issuer + "/session/end?") and visitor.user is None
