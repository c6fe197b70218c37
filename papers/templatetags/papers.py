"""The meeting pack's link on the meeting page, and a CSS string for the pack's running footer."""

from django import template
from django.utils.safestring import mark_safe

register = template.Library()


@register.inclusion_tag("papers/pack_link.html", takes_context=True)
def pack_link(context, meeting):
    """The download button, for whoever may download the pack (papers.download_pack)."""
    user = context.get("user")
    return {"meeting": meeting, "allowed": user is not None and user.has_perm("papers.download_pack", meeting)}


@register.filter
def css_string(value):
    """A quoted CSS string: every character that is not a plain letter, digit or space escaped as \\hex.

    Safe inside a <style> element: quotes, backslashes and < all come out as escapes.
    """
    escaped = "".join(c if c.isalnum() or c in " .,-:" else f"\\{ord(c):x} " for c in str(value))
    return mark_safe(f'"{escaped}"')  # noqa: S308 - nothing but letters, digits and escapes
