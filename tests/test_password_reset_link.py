"""Issue #21, defect 9: the link in the password-reset mail points to the site's configured address (SITE_URL), not
to the host and port the request happened to use, so a forged Host header cannot send the reset token elsewhere."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("host", ["127.0.0.1:8001", "evil.example.com"])
def test_the_reset_link_uses_the_configured_site_address(client, settings, reader, mailoutbox, host):
    settings.SITE_URL = "https://jeugdregio.example.nl"
    settings.ALLOWED_HOSTS = ["*"]  # a host the site answers: behind a proxy, or a wildcard configuration
    response = client.post(reverse("password_reset"), {"email": reader.email}, HTTP_HOST=host)
    assert response.status_code == 302
    (message,) = mailoutbox
    links = re.findall(r"\S+/accounts/reset/\S+/", message.body)
    assert links and all(link.startswith("https://jeugdregio.example.nl/accounts/reset/") for link in links)
    assert host not in message.body and host not in message.subject
    assert "jeugdregio.example.nl" in message.subject  # the site's name, not the request's host


def test_the_link_keeps_the_configured_port_and_scheme(client, settings, reader, mailoutbox):
    settings.SITE_URL = "http://127.0.0.1:8000"
    client.post(reverse("password_reset"), {"email": reader.email}, HTTP_HOST="localhost:9999")
    (message,) = mailoutbox
    assert "http://127.0.0.1:8000/accounts/reset/" in message.body and "9999" not in message.body
    assert "Kies via deze link een nieuw wachtwoord" in message.body and "rob" in message.body  # in Dutch, whole
    assert message.subject == "Nieuw wachtwoord voor Jeugdregio (127.0.0.1:8000)"
    confirm = re.search(r"http://127\.0\.0\.1:8000(/accounts/reset/\S+/)", message.body).group(1)
    page = client.get(confirm, follow=True)
    assert page.status_code == 200 and 'name="new_password1"' in page.content.decode()  # the link works
