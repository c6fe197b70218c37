"""Two-factor authentication (issue #13, item 3): enrolling an authenticator app with a real TOTP code, the
verify step after the password, who is required to use it, and single sign-on skipping it."""

import sys
import types
from binascii import unhexlify

import pytest
from django.contrib import admin
from django.contrib.auth.backends import ModelBackend
from django.test import RequestFactory
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from governance.models import Decision
from pilots import services as pilot_services
from tests.factories import PASSWORD
from twofactor import services
from twofactor.views import NEW_CODES, SETUP_KEY

PASSWORD_BACKEND = "django.contrib.auth.backends.ModelBackend"
SETUP = reverse("twofactor:setup")
VERIFY = reverse("twofactor:verify")


@pytest.fixture
def required(settings):
    """The production rule: the tests run with it off (development), these tests switch it on."""
    settings.TWO_FACTOR_REQUIRED = True


def code_of(device_or_key):
    key = device_or_key.bin_key if isinstance(device_or_key, TOTPDevice) else unhexlify(device_or_key)
    return f"{totp(key):06d}"


def with_app(user):
    """The user has an authenticator app and ten recovery codes."""
    device = TOTPDevice.objects.create(user=user, name="Authenticator-app", confirmed=True)
    services.new_recovery_codes(user)
    return device


def sign_in(client, user):
    """A password session (what the login form leaves), as opposed to a single sign-on one."""
    client.force_login(user, backend=PASSWORD_BACKEND)


def verified_client(client, user):
    device = TOTPDevice.objects.filter(user=user).first() or with_app(user)
    sign_in(client, user)
    assert client.post(VERIFY, {"token": code_of(device)}).status_code == 302
    return client


def test_it_enrols_an_authenticator_app_with_a_real_code(client, manager, required):
    sign_in(client, manager)
    response = client.get(reverse("home"))
    assert response.status_code == 302 and response.url == f"{SETUP}?next=%2F"

    page = client.get(response.url).content.decode()
    assert "Twee-factorauthenticatie instellen" in page
    assert 'src="data:image/svg+xml;base64,' in page  # the QR code, made here
    key = client.session[SETUP_KEY]
    assert services.readable_secret(key) in page  # the key to type in, for who cannot scan
    assert 'autocomplete="one-time-code"' in page and 'inputmode="numeric"' in page

    response = client.post(f"{SETUP}?next=%2F", {"token": code_of(key), "next": "/"})
    assert response.status_code == 302 and response.url.startswith(reverse("twofactor:codes"))
    device = TOTPDevice.objects.get(user=manager)
    assert device.confirmed and device.key == key
    codes = client.session[NEW_CODES]
    assert len(codes) == 10 and StaticToken.objects.filter(device__user=manager).count() == 10

    page = client.get(response.url).content.decode()
    assert all(code in page for code in codes) and "Bewaar deze codes nu" in page
    download = client.get(reverse("twofactor:download_codes"))
    assert download["Content-Disposition"] == 'attachment; filename="jeugdregio-herstelcodes.txt"'
    assert all(code in download.content.decode() for code in codes)
    assert client.post(reverse("twofactor:codes"), {"next": "/"}).url == "/"
    assert NEW_CODES not in client.session  # shown once
    assert "Er zijn geen nieuwe herstelcodes" in client.get(reverse("twofactor:codes")).content.decode()

    assert client.get(reverse("home")).status_code == 200  # the session is verified


def test_a_wrong_first_code_enrols_nothing(client, reader):
    sign_in(client, reader)
    client.get(SETUP)
    key = client.session[SETUP_KEY]
    wrong = f"{(int(code_of(key)) + 500_000) % 1_000_000:06d}"
    page = client.post(SETUP, {"token": wrong}).content.decode()
    assert "Deze code klopt niet" in page and "Er is een probleem" in page
    assert not TOTPDevice.objects.exists()
    assert client.session[SETUP_KEY] == key  # the same QR code stays on the page


def test_after_the_password_a_user_with_a_device_verifies(client, reader):
    device = with_app(reader)
    assert client.login(username="rob", password=PASSWORD)
    response = client.get(reverse("programmes:list"))
    assert response.status_code == 302 and response.url == f"{VERIFY}?next=%2Fprogrammes%2F"
    page = client.get(response.url).content.decode()
    assert "Bevestig dat u het bent" in page and "Een herstelcode gebruiken" in page
    assert 'for="id_token"' in page and 'autocomplete="one-time-code"' in page and 'inputmode="numeric"' in page

    response = client.post(VERIFY, {"token": code_of(device), "next": "/programmes/"})
    assert response.status_code == 302 and response.url == "/programmes/"
    assert client.get(reverse("home")).status_code == 200


def test_a_verified_code_cannot_be_used_again(client, reader):
    device = with_app(reader)
    code = code_of(device)
    sign_in(client, reader)
    assert client.post(VERIFY, {"token": code}).status_code == 302
    client.logout()
    sign_in(client, reader)
    page = client.post(VERIFY, {"token": code}).content.decode()
    assert "Deze code klopt niet" in page


def test_staff_and_the_admin_site_need_the_second_factor(client, admin_user, required):
    sign_in(client, admin_user)
    response = client.get("/admin/")
    assert response.status_code == 302 and response.url.startswith(SETUP)
    # The site itself refuses too, whatever the middleware does, and its login sends staff to the second factor.
    request = RequestFactory().get("/admin/login/")
    request.user, request.session = admin_user, client.session
    admin_user.is_verified = lambda: False
    assert admin.site.has_permission(request) is False
    login = admin.site.login(request)
    assert login.status_code == 302 and login.url.startswith(SETUP)

    verified_client(client, admin_user)
    assert client.get("/admin/").status_code == 200


def test_without_the_requirement_staff_without_a_device_enter_the_admin_site(client, admin_user):
    """Development and the tests (TWO_FACTOR_REQUIRED off): make run's demo administrator goes straight in."""
    sign_in(client, admin_user)
    assert client.get("/admin/").status_code == 200


def test_a_secretary_is_sent_to_enrolment_before_recording_a_decision(client, pilot, lead, secretaries, required):
    pilot_services.submit(pilot, lead)
    pilot_services.forward(pilot, secretaries["Kernteam"])
    pilot_services.record_advice(pilot, secretaries["RBJ"], "positive")
    sign_in(client, secretaries["SO"])
    url = reverse("pilots:act", args=[pilot.pk, "decide"])
    data = {"outcome": "approved", "amount_2026": "20000", "amount_2027": "0", "rationale": "Goed.", "confirmed": "1"}
    response = client.post(url, data)
    assert response.status_code == 302 and response.url == SETUP  # a POST's data is not carried along
    assert not Decision.objects.filter(outcome="approved").exists()
    pilot.refresh_from_db()
    assert pilot.status == "on_route"

    verified_client(client, secretaries["SO"])
    client.post(url, data)
    assert Decision.objects.filter(outcome="approved").exists()


def test_a_programme_manager_must_enrol(client, manager, required):
    sign_in(client, manager)
    assert client.get(reverse("programmes:list")).url.startswith(SETUP)


@pytest.mark.parametrize("who", ["reader", "lead", "body_member"])
def test_readers_leads_and_members_are_not_forced(client, request, who, required):
    user = request.getfixturevalue(who)
    sign_in(client, user)
    assert client.get(reverse("home")).status_code == 200
    page = client.get(reverse("twofactor:security")).content.decode()
    assert "Twee-factorauthenticatie staat uit." in page and "Voor uw rol is die verplicht." not in page


def test_a_reader_may_enrol_and_switch_it_off_again(client, reader, required):
    sign_in(client, reader)
    client.get(SETUP)
    client.post(SETUP, {"token": code_of(client.session[SETUP_KEY])})
    assert TOTPDevice.objects.filter(user=reader).exists()
    page = client.get(reverse("twofactor:security")).content.decode()
    assert "Twee-factorauthenticatie staat aan." in page and "Twee-factorauthenticatie uitzetten" in page
    confirm = client.post(reverse("twofactor:disable")).content.decode()
    assert "Wat er gaat gebeuren" in confirm and TOTPDevice.objects.filter(user=reader).exists()
    client.post(reverse("twofactor:disable"), {"confirmed": "1"})
    assert not TOTPDevice.objects.filter(user=reader).exists() and not StaticDevice.objects.filter(user=reader).exists()


def test_who_must_cannot_switch_it_off(client, manager, required):
    verified_client(client, manager)
    response = client.post(reverse("twofactor:disable"), {"confirmed": "1"}, follow=True)
    assert "u kunt die niet uitzetten" in response.content.decode()
    assert TOTPDevice.objects.filter(user=manager).exists()


def test_the_setup_page_asks_the_current_device_first(client, reader):
    """Someone with only the password cannot replace the app: setting up a new one takes the old one first."""
    with_app(reader)
    sign_in(client, reader)
    response = client.get(SETUP)
    assert response.status_code == 302 and response.url.startswith(VERIFY)
    assert client.post(reverse("twofactor:new_codes")).url.startswith(VERIFY)


def test_an_administrators_reset_since_login_is_noticed(client, manager, required):
    """The device was removed while the session waited at the verify step: it goes to enrolment instead."""
    with_app(manager)
    sign_in(client, manager)
    assert client.get(reverse("home")).url.startswith(VERIFY)
    services.reset_devices(manager, via="command")
    response = client.get(f"{VERIFY}?next=/programmes/")
    assert response.url == f"{SETUP}?next=%2Fprogrammes%2F"


def sso_backend(monkeypatch, settings):
    """A backend of the sso app, as the SSO login leaves it in the session ("sso.…")."""
    module = types.ModuleType("sso.twofactor_test_backend")
    module.Backend = type("Backend", (ModelBackend,), {})
    monkeypatch.setitem(sys.modules, module.__name__, module)
    settings.AUTHENTICATION_BACKENDS = [*settings.AUTHENTICATION_BACKENDS, f"{module.__name__}.Backend"]
    return f"{module.__name__}.Backend"


def test_single_sign_on_sessions_skip_the_local_second_factor(client, manager, admin_user, monkeypatch, settings):
    settings.TWO_FACTOR_REQUIRED = True
    backend = sso_backend(monkeypatch, settings)
    with_app(manager)  # even with a device of their own: the provider asked for the second factor
    client.force_login(manager, backend=backend)
    assert client.get(reverse("home")).status_code == 200
    page = client.get(reverse("twofactor:security")).content.decode()
    assert "U bent ingelogd met uw organisatieaccount" in page
    client.force_login(admin_user, backend=backend)
    assert client.get("/admin/").status_code == 200


def test_a_password_session_of_the_same_user_still_needs_it(client, manager, required):
    sign_in(client, manager)  # ModelBackend
    assert client.get(reverse("home")).status_code == 302


def test_the_public_decisions_stay_open_before_the_second_factor_but_publishing_does_not(
    client, manager, programme, required
):
    sign_in(client, manager)
    assert client.get(reverse("publication:collaborations")).status_code == 200
    assert client.get("/robots.txt").status_code == 200
    response = client.get(reverse("publication:overview", args=[programme.pk]))
    assert response.status_code == 302 and response.url.startswith(SETUP + "?next=")
