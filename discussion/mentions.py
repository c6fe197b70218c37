"""@mentions: `@username` or `@"Voornaam Achternaam"`, matched only to people with a role in the programme.

A mention of anybody else stays plain text and tells nobody. Rendering escapes the whole text (it is plain text,
never HTML) and emphasises only the mentions that were matched when the comment was saved.
"""

import re

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.html import conditional_escape, format_html, linebreaks
from django.utils.safestring import mark_safe

from .constants import MAX_MENTIONS

# Not inside an e-mail address or a word; a username may hold letters, digits and . + - _ but ends on no dot.
MENTION = re.compile(r'(?<![\w@])@(?:"([^"\n]{1,200})"|([\w.+-]*[\w+-]))')


def tokens(text):
    """The mentioned names in order, each once (case-insensitive), at most MAX_MENTIONS."""
    found = []
    for match in MENTION.finditer(text):
        name = (match.group(1) or match.group(2)).strip()
        if name and name.casefold() not in {n.casefold() for n in found}:
            found.append(name)
    return found[:MAX_MENTIONS]


def programme_users(programme):
    """The active accounts with a role in the programme: access, a workgroup seat or a body seat."""
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(
            Q(programme_access__programme=programme)
            | Q(person__memberships__workgroup__programme=programme)
            | Q(person__bodymembership__body__programme=programme)
        )
    )


def resolve(programme, text):
    """The users the text mentions, among the programme's people: by username or by their person's name."""
    names = tokens(text)
    if not names:
        return []
    match = Q()
    for name in names:
        match |= Q(username__iexact=name) | Q(person__name__iexact=name)
    candidates = programme_users(programme).values("pk")
    return list(get_user_model().objects.filter(pk__in=candidates).filter(match).select_related("person"))


def display_name(user):
    person = getattr(user, "person", None)
    return (person.name if person else "") or user.get_full_name() or user.username


def render(text, mentioned):
    """The comment as safe HTML: escaped text, paragraphs and line breaks, matched mentions emphasised."""
    known = {}
    for user in mentioned:
        known[user.username.casefold()] = user
        person = getattr(user, "person", None)
        if person is not None and person.name:
            known[person.name.casefold()] = user
    parts, position = [], 0
    for match in MENTION.finditer(text):
        user = known.get((match.group(1) or match.group(2)).strip().casefold())
        if user is None:
            continue
        parts.append(conditional_escape(text[position : match.start()]))
        parts.append(format_html('<strong class="mention">@{}</strong>', display_name(user)))
        position = match.end()
    parts.append(conditional_escape(text[position:]))
    # Everything in `parts` is escaped already; linebreaks() only adds <p> and <br>.
    return mark_safe(linebreaks("".join(str(part) for part in parts), autoescape=False))  # noqa: S308
