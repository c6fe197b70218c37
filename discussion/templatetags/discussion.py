"""The discussion section on the pages of pilots, experiments and reports, which do not know this app:
`{% load discussion %}{% discussion_section object %}`."""

from django import template

from discussion.sections import section

register = template.Library()


@register.inclusion_tag("discussion/section.html", takes_context=True)
def discussion_section(context, subject):
    request = context.get("request")
    data = section(request.user, subject) if request is not None else None
    return {"discussion": data, "request": request, "csrf_token": context.get("csrf_token")}
