from django import template

from ..redaction import redact

register = template.Library()


@register.filter
def public_text(value):
    """The text as the public may read it (no e-mail addresses)."""
    return redact(value)
