"""Dutch emails in plain text and HTML, with a link to the thing to do. Called after commit, never inside it."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation


def send(subject, body, to, url=""):
    context = {"subject": subject, "body": body, "url": url, "site_url": settings.SITE_URL}
    with translation.override(settings.LANGUAGE_CODE):
        text = render_to_string("emails/message.txt", context)
        html = render_to_string("emails/message.html", context)
    message = EmailMultiAlternatives(subject, text, settings.DEFAULT_FROM_EMAIL, to)
    message.attach_alternative(html, "text/html")
    return message.send()
