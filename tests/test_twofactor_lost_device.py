"""Bad input on the second factor (issue #13): five wrong codes throttle like passwords, a recovery code works once,
an administrator resets a lost device (admin action or command), every refusal is Dutch and none is a 500. And the
requirement cannot be switched off in production."""

import os
import secrets
import subprocess
import sys
from datetime import timedelta

import pytest
from django.conf import settings as django_settings
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnUserHandle

from tests.test_twofactor import VERIFY, code_of, sign_in, verified_client, with_app
from twofactor import signals

RECOVERY = reverse("twofactor:recovery")


def wrong_code(device):
    return f"{(int(code_of(device)) + 500_000) % 1_000_000:06d}"


def wait(device, seconds):
    """As if the user waited: move the device's last failure back in time."""
    device.refresh_from_db()
    device.throttling_failure_timestamp -= timedelta(seconds=seconds)
    device.save(update_fields=["throttling_failure_timestamp"])


@pytest.fixture
def heard():
    """What the audit log would hear."""
    events = []

    def listen(signal_name):
        def receiver(sender, **kwargs):
            events.append((signal_name, kwargs))

        return receiver

    receivers = {name: listen(name) for name in ("otp_verified", "otp_failed", "devices_reset")}
    for name, receiver in receivers.items():
        getattr(signals, name).connect(receiver)
    yield events
    for name, receiver in receivers.items():
        getattr(signals, name).disconnect(receiver)


def test_five_wrong_codes_lock_the_device_like_five_wrong_passwords(client, reader, heard):
    device = with_app(reader)
    sign_in(client, reader)
    page = client.post(VERIFY, {"token": wrong_code(device)}).content.decode()
    assert "Deze code klopt niet" in page and "Na 5 onjuiste codes achter elkaar moet u 15 minuten wachten" in page
    # django-otp's own throttle: right after a wrong code the next one waits a moment, even the right one.
    page = client.post(VERIFY, {"token": code_of(device)}).content.decode()
    assert "voordat u het opnieuw probeert" in page
    for _attempt in range(4):
        wait(device, 60)
        page = client.post(VERIFY, {"token": wrong_code(device)}).content.decode()
    assert "Te vaak achter elkaar een onjuiste code. U kunt het om" in page and "(over 15 minuten)" in page
    wait(device, 60)  # a minute later the lock still holds, also for the right code, which is not even tried
    page = client.post(VERIFY, {"token": code_of(device)}).content.decode()
    assert "U kunt het om" in page and "(over 14 minuten)" in page
    device.refresh_from_db()
    assert device.throttling_failure_count == 5
    wait(device, 15 * 60)
    assert client.post(VERIFY, {"token": code_of(device)}).status_code == 302
    device.refresh_from_db()
    assert device.throttling_failure_count == 0

    reasons = [(name, kwargs.get("reason")) for name, kwargs in heard]
    assert reasons.count(("otp_failed", "wrong")) == 5 and ("otp_failed", "locked") in reasons
    assert reasons[-1] == ("otp_verified", None)
    locking = [kwargs for name, kwargs in heard if kwargs.get("reason") == "wrong" and kwargs["locked_until"]]
    assert len(locking) == 1 and locking[0]["user"] == reader and locking[0]["method"] == "totp"


def test_the_lock_holds_in_another_session(client, reader):
    device = with_app(reader)
    device.throttling_failure_count, device.throttling_failure_timestamp = 5, timezone.now()
    device.save()
    sign_in(client, reader)
    assert "U kunt het om" in client.post(VERIFY, {"token": code_of(device)}).content.decode()


def test_a_recovery_code_works_once(client, reader, heard):
    with_app(reader)
    code = StaticToken.objects.filter(device__user=reader).first().token
    sign_in(client, reader)
    page = client.get(VERIFY).content.decode()
    assert f'href="{RECOVERY}?next=/"' in page
    response = client.post(RECOVERY, {"code": code.upper()[:4] + "-" + code.upper()[4:]}, follow=True)
    assert response.redirect_chain[-1][0] == "/"
    assert (
        "U bent ingelogd met een herstelcode; die werkt nu niet meer. U heeft nog 9 codes." in response.content.decode()
    )
    assert heard[-1][0] == "otp_verified" and heard[-1][1]["method"] == "recovery"

    client.logout()
    sign_in(client, reader)
    page = client.post(RECOVERY, {"code": code}).content.decode()
    assert "Deze herstelcode klopt niet of is al gebruikt. Elke herstelcode werkt maar één keer." in page
    assert heard[-1][0] == "otp_failed" and heard[-1][1]["reason"] == "wrong"
    assert client.get(reverse("home")).status_code == 302  # still not in
    assert StaticToken.objects.filter(device__user=reader).count() == 9  # nothing created


def test_new_recovery_codes_replace_the_old_ones(client, reader):
    verified_client(client, reader)
    old = set(StaticToken.objects.filter(device__user=reader).values_list("token", flat=True))
    response = client.post(reverse("twofactor:new_codes"))
    assert response.url == reverse("twofactor:codes")
    new = set(client.session["twofactor_new_codes"])
    assert len(new) == 10 and not new & old
    assert set(StaticToken.objects.filter(device__user=reader).values_list("token", flat=True)) == new


def test_an_administrator_resets_a_lost_device_in_the_admin_site(client, admin_user, manager, heard):
    with_app(manager)
    verified_client(client, admin_user)
    url = reverse("admin:twofactor_usersecondfactor_changelist")
    listing = client.get(url).content.decode()
    assert "Twee-factorauthenticatie" in listing and "Herstelcodes over" in listing
    form = {"action": "reset_second_factors", "_selected_action": [manager.pk]}
    page = client.post(url, form).content.decode()
    assert "Twee-factorauthenticatie resetten?" in page and "1 authenticator-app(s), 10 herstelcode(s)" in page
    assert TOTPDevice.objects.filter(user=manager).exists()  # asked first, nothing removed yet
    response = client.post(url, {**form, "confirmed": "1"}, follow=True)
    assert "Marit: 2 tweede factoren verwijderd" in response.content.decode()
    assert not TOTPDevice.objects.filter(user=manager).exists() and not StaticDevice.objects.filter(user=manager)
    reset = [kwargs for name, kwargs in heard if name == "devices_reset"]
    assert reset[0]["user"] == manager and reset[0]["by"] == admin_user and reset[0]["via"] == "admin"
    assert reset[0]["removed"] == {"totp": 1, "recovery": 1, "passkey": 0}


def test_the_admin_site_shows_no_device_secrets(client, admin_user):
    verified_client(client, admin_user)
    index = client.get(reverse("admin:index")).content.decode()
    assert "/admin/otp_totp/" not in index and "/admin/otp_static/" not in index
    assert client.get("/admin/otp_totp/totpdevice/").status_code == 404


def test_an_administrator_resets_a_lost_device_from_the_command_line(manager, capsys):
    with_app(manager)
    call_command("reset_twofactor", "marit", "--noinput")
    out = capsys.readouterr().out
    assert "De twee-factorauthenticatie van marit is gereset: 1 authenticator-app(s), 1 set(s) herstelcodes" in out
    assert not TOTPDevice.objects.filter(user=manager).exists()
    with pytest.raises(CommandError, match="Er is geen gebruiker niemand."):
        call_command("reset_twofactor", "niemand", "--noinput")


HOSTILE = ["", "abc", "12345", "1234567", "9" * 300, "12\x0034", "١٢٣٤٥٦", "<script>", ["1", "2"]]


@pytest.mark.parametrize("value", HOSTILE)
def test_bad_codes_get_a_dutch_error_and_never_a_500(client, reader, value):
    device = with_app(reader)
    sign_in(client, reader)
    for url, field in ((VERIFY, "token"), (RECOVERY, "code"), (reverse("twofactor:setup"), "token")):
        response = client.post(url, {field: value, "next": "https://evil.example/"})
        page = response.content.decode()
        if url == reverse("twofactor:setup") and response.status_code != 400:
            assert response.status_code == 302  # the current device first
            continue
        if response.status_code == 400:  # NUL or a 19+ digit number: refused at the edge (core.middleware), in Dutch
            assert "Uw invoer is niet verwerkt" in page, (url, value)
            continue
        assert response.status_code == 200 and "Er is een probleem" in page, (url, value)
        assert "evil.example" not in page
    device.refresh_from_db()
    assert device.throttling_failure_count == 0  # a malformed code is not a try


def test_hostile_next_and_ids_are_harmless(client, reader):
    device = with_app(reader)
    sign_in(client, reader)
    response = client.post(VERIFY, {"token": code_of(device), "next": "https://evil.example/"})
    assert response.url == "/"
    for next_url in ("abc", "//evil.example/", "javascript:alert(1)", "/\\evil.example"):
        response = client.post(reverse("twofactor:codes"), {"next": next_url})
        assert response.status_code == 302 and response.url == reverse("twofactor:security"), next_url
    for passkey in ("abc", "", "99999", "-1"):
        response = client.post(reverse("twofactor:remove_passkey"), {"passkey": passkey}, follow=True)
        assert response.status_code == 200 and "Die passkey is niet gevonden" in response.content.decode()
    assert client.get(reverse("twofactor:download_codes")).url == reverse("twofactor:security")


def test_the_passkey_endpoints_answer_bad_requests_in_json(client, reader):
    for url in ("registration/complete/", "authentication/complete/", "authentication/begin/"):
        response = client.post(f"/account/passkeys/{url}", "{nonsense", content_type="application/json")
        assert 400 <= response.status_code < 500 and response["Content-Type"] == "application/json", url
    verified_client(client, reader)
    for url in ("registration/complete/", "authentication/complete/"):
        response = client.post(f"/account/passkeys/{url}", "{nonsense", content_type="application/json")
        assert 400 <= response.status_code < 500, url
    options = client.post("/account/passkeys/registration/begin/")
    assert options.status_code == 200 and options.json()["rp"]["id"] == django_settings.OTP_WEBAUTHN_RP_ID


def test_passkeys_come_after_the_authenticator_app(client, reader):
    sign_in(client, reader)
    response = client.post("/account/passkeys/registration/begin/")
    assert response.status_code == 403
    assert response.json()["detail"] == "Stel eerst een authenticator-app in; daarna kunt u passkeys toevoegen."
    assert not WebAuthnUserHandle.objects.exists()  # nothing made


def production(*args, **env):
    environment = {
        "PATH": os.environ["PATH"],
        "HOME": os.environ.get("HOME", "/tmp"),
        "DJANGO_ENV": "production",
        "SECRET_KEY": secrets.token_urlsafe(60),
        "ALLOWED_HOSTS": "jeugdregio.example.nl",
        "REDIS_URL": "redis://redis:6379/0",
        **env,
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=django_settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_always_requires_the_second_factor():
    shown = production("shell", "-c", "from django.conf import settings; print(settings.TWO_FACTOR_REQUIRED)")
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.strip().splitlines()[-1] == "True"
    refused = production("check", TWO_FACTOR_REQUIRED="false")
    assert refused.returncode != 0
    assert "TWO_FACTOR_REQUIRED can be switched off only in development with DEBUG on" in refused.stderr
    refused = production("check", DJANGO_ENV="development", DEBUG="false", TWO_FACTOR_REQUIRED="false")
    assert refused.returncode != 0  # development without DEBUG does not skip it either
