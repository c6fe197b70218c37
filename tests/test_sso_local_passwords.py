"""What the login page offers, and the switch that turns local passwords off (LOCAL_PASSWORD_LOGIN)."""

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from tests import factories as f
from tests.factories import PASSWORD

BUTTON = "Inloggen met uw organisatieaccount"
OFF = "Inloggen met een wachtwoord is hier uitgeschakeld. Log in met uw organisatieaccount."


@pytest.fixture
def configured(settings):
    settings.OIDC_OP_ISSUER = "https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/v2.0"
    settings.OIDC_RP_CLIENT_ID = "jeugdregio"


def test_without_sso_the_login_page_has_only_the_password_form_and_sso_addresses_are_not_found(client, db):
    page = client.get("/accounts/login/").content.decode()
    assert BUTTON not in page and 'name="password"' in page
    assert client.get("/accounts/sso/login/").status_code == 404
    assert client.get("/accounts/sso/callback/?code=x&state=y").status_code == 404


def test_with_sso_the_login_page_offers_the_organisation_account_next_to_the_password(client, db, configured):
    page = client.get("/accounts/login/?next=/account/reminders/").content.decode()
    assert BUTTON in page and 'name="password"' in page
    assert 'href="/accounts/sso/login/?next=/account/reminders/"' in page


def test_with_passwords_off_the_form_is_gone_and_a_right_password_is_refused_in_dutch(client, db, configured, settings):
    settings.LOCAL_PASSWORD_LOGIN = False
    f.UserFactory(username="marit")
    page = client.get("/accounts/login/").content.decode()
    assert BUTTON in page and 'name="password"' not in page
    response = client.post("/accounts/login/", {"username": "marit", "password": PASSWORD})
    assert response.status_code == 200 and OFF in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_with_passwords_off_no_password_signs_in_anywhere_not_even_an_administrators(rf, admin_user, settings):
    settings.LOCAL_PASSWORD_LOGIN = False
    assert authenticate(rf.post("/admin/login/"), username="admin", password=PASSWORD) is None
    settings.LOCAL_PASSWORD_LOGIN = True
    assert authenticate(rf.post("/admin/login/"), username="admin", password=PASSWORD) == admin_user


def test_with_passwords_off_a_refused_password_counts_as_a_failed_login_for_axes(client, db, configured, settings):
    settings.AXES_ENABLED = True
    settings.LOCAL_PASSWORD_LOGIN = False
    f.UserFactory(username="marit")
    for _ in range(settings.AXES_FAILURE_LIMIT + 1):
        response = client.post("/accounts/login/", {"username": "marit", "password": PASSWORD})
    assert response.status_code in (200, 429) and "_auth_user_id" not in client.session


def test_the_site_does_not_start_without_any_way_to_sign_in(settings):
    settings.LOCAL_PASSWORD_LOGIN = False
    settings.OIDC_OP_ISSUER = ""
    with pytest.raises(SystemCheckError, match="sso.E001"):
        call_command("check")


def test_sso_in_production_needs_an_https_issuer(settings, configured):
    settings.PRODUCTION = True
    settings.OIDC_OP_ISSUER = "http://login.gemeente.example"
    with pytest.raises(SystemCheckError, match="sso.E002"):
        call_command("check")


def test_the_switch_is_never_the_backend_a_session_is_kept_with(client, db):
    """force_login and login() take the first backend that can find a user again: the switch cannot."""
    user = f.UserFactory(username="marit")
    client.force_login(user)
    assert client.session["_auth_user_backend"] == "django.contrib.auth.backends.ModelBackend"
    assert client.get("/").status_code == 200


def test_only_a_person_with_a_password_here_is_offered_to_change_it(client, db):
    with_password = f.UserFactory(username="els")
    client.force_login(with_password)
    assert "/accounts/password_change/" in client.get("/account/reminders/").content.decode()
    by_sso = f.UserFactory(username="sso-person")
    by_sso.set_unusable_password()
    by_sso.save()
    client.force_login(by_sso)
    page = client.get("/account/reminders/")
    assert page.status_code == 200 and "/accounts/password_change/" not in page.content.decode()
