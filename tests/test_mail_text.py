"""The plain-text part of every mail: readable as sent, with the link to the thing to do."""

from django.core import mail

from core import mail as site_mail


def test_the_plain_text_part_has_the_link_and_no_html_escapes(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    site_mail.send(
        "Advies 'Kracht & Kansen'",
        'Het RBJ adviseert "positief" over Kracht & Kansen.',
        ["a@example.nl"],
        url="https://jeugdregio.example/pilots/7/",
    )
    message = mail.outbox[-1]
    assert "Kracht & Kansen" in message.body and "&amp;" not in message.body and "&quot;" not in message.body
    assert "Openen in Jeugdregio: https://jeugdregio.example/pilots/7/" in message.body
    html = message.alternatives[0][0]
    assert "Kracht &amp; Kansen" in html and 'href="https://jeugdregio.example/pilots/7/"' in html


def test_a_link_already_in_the_text_is_not_repeated(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    url = "https://jeugdregio.example/invitations/abc/"
    site_mail.send("Uitnodiging", f"Open de uitnodiging: {url}", ["a@example.nl"], url=url)
    assert mail.outbox[-1].body.count(url) == 1
