from django import template
from django.conf import settings

from sso import config

register = template.Library()


@register.simple_tag
def sign_in_options():
    """How one may sign in here: with the organisation's account (when configured), with a password (unless off)."""
    return {"organisation": config.enabled(), "password": settings.LOCAL_PASSWORD_LOGIN}
