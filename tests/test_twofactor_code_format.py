"""Issue #21, defect 9: a code of the second factor is six ASCII digits 0-9. Full-width (１２３４５６) or other
Unicode digits, which Python's int() would read as digits, are no code: a Dutch form error, and no wrong attempt
counted against the device, on the page and in the service alike."""

import pytest
from django.test import RequestFactory
from django.urls import reverse

from accounts.constants import AuditKind
from accounts.models import AuditEntry
from core.refusals import Refused
from tests.test_twofactor import VERIFY, code_of, sign_in, with_app
from twofactor import services

pytestmark = pytest.mark.django_db
SETUP = reverse("twofactor:setup")
FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def wrong(code):
    return f"{(int(code) + 500_000) % 1_000_000:06d}"


def failures(device):
    device.refresh_from_db()
    return device.throttling_failure_count


def test_full_width_digits_get_a_dutch_form_error_and_cost_no_attempt(client, reader):
    device = with_app(reader)
    sign_in(client, reader)
    for typed in (code_of(device).translate(FULL_WIDTH), wrong(code_of(device)).translate(ARABIC_INDIC)):
        page = client.post(VERIFY, {"token": typed})
        text = page.content.decode()
        assert page.status_code == 200 and "Vul de code van 6 cijfers uit uw authenticator-app in" in text
        assert "Deze code klopt niet" not in text
    assert failures(device) == 0 and not AuditEntry.objects.filter(kind=AuditKind.OTP_FAILED).exists()
    assert client.post(VERIFY, {"token": code_of(device)}).status_code == 302  # no waiting: nothing was counted


def test_the_service_takes_only_ascii_digits_whoever_calls_it(reader):
    device = with_app(reader)
    request = RequestFactory().post(VERIFY)
    request.user = reader
    for typed in (wrong(code_of(device)).translate(FULL_WIDTH), code_of(device).translate(FULL_WIDTH)):
        with pytest.raises(Refused, match="Vul de code van 6 cijfers"):
            services.verify_totp(request, typed)
    with pytest.raises(Refused, match="Vul de code van 6 cijfers"):
        services.enrol_totp(request, services.new_totp_key(), "１２３４５６")
    assert failures(device) == 0 and not AuditEntry.objects.filter(kind=AuditKind.OTP_FAILED).exists()


def test_full_width_digits_do_not_enrol_an_app(client, reader):
    sign_in(client, reader)
    client.get(SETUP)
    key = client.session["twofactor_setup_key"]
    page = client.post(SETUP, {"token": code_of(key).translate(FULL_WIDTH)}).content.decode()
    assert "Vul de code van 6 cijfers uit uw authenticator-app in" in page
    assert not services.devices_of(reader)["totp"].exists()
