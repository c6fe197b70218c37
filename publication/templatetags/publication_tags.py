from django import template
from django.template.defaultfilters import stringfilter

from ..redaction import public_text as redacted

register = template.Library()


@register.filter
@stringfilter
def public_text(value):
    """A text shown on a public page that is not stored redacted (a paper's name): no e-mail addresses or phones.

    A decision's subject and rationale are read from its publication (`public_title`, `public_rationale`).
    """
    return redacted(value)
