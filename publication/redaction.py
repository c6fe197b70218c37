"""What never reaches the public, even when someone typed it into a decision: e-mail addresses and phone numbers.

The one rule for the public text of a decision. `publication.services` stores the redacted title and rationale when a
decision is published (`Publication.public_title`, `public_rationale`); the public pages, the Atom feed, the DiWoo
sitemap and the public search all read that stored text, so the search never finds what the pages do not show.
A change to these rules needs a data migration that calls `public_text` again for the stored publications
(as publication/migrations/0002_public_text.py does).

E-mail addresses are found with any letters (`jän`, `ø`, `ß`, combining accents), IDN domains in Unicode or
punycode, and the usual disguises (`(at)`, `[at]`, a full-width `＠`). Phone numbers are found by libphonenumber
(phonenumbers): every number that is valid in the Netherlands (06-…, 010-…, (010) …, 0800-…) or, written with its
country code, anywhere (+31 6 …, 0031 …, +44 …). Amounts, dates, years and reference numbers are no valid numbers and
stay.
"""

import phonenumbers
import regex
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

_WORD = r"\p{L}\p{M}\p{N}"  # letters in any script, their combining accents, digits
_LOCAL = rf"[{_WORD}\p{{Pc}}.%+\-!#$&*=?^~]"  # what an address may have before its @ (without quotes or slashes)
_AT = r"(?:\s*[@＠﹫]\s*|\s*(?i:\(at\)|\[at\])\s*)"
_DOT = r"(?:[.。．｡]|\s*(?i:\(dot\)|\[dot\])\s*)"
_LABEL = rf"[{_WORD}](?:[{_WORD}\-]*[{_WORD}])?"
_TOP = r"(?:[\p{L}\p{M}]{2,}|(?i:xn--[a-z0-9\-]+))"
# The look-behind makes an address start where its local part starts: no retrying inside a long word.
EMAIL = regex.compile(rf"(?<!{_LOCAL}){_LOCAL}+{_AT}(?:{_LABEL}{_DOT})+{_TOP}(?![{_WORD}\-])")

PHONE_REGION = "NL"


def _without_phone_numbers(text, note):
    found = phonenumbers.PhoneNumberMatcher(text, PHONE_REGION, leniency=phonenumbers.Leniency.VALID)
    parts, end = [], 0
    for match in found:
        parts += [text[end : match.start], note]
        end = match.end
    return "".join(parts) + text[end:]


def redact(text):
    """The text with every e-mail address and phone number replaced by a note that it was removed."""
    if not text:
        return ""
    email_note = _("[e-mail address removed]")
    text = EMAIL.sub(lambda match: email_note, text)
    return _without_phone_numbers(text, _("[phone number removed]"))


def public_text(text):
    """The text as the public reads and searches it: redacted, with the notes in the site's language (Dutch)."""
    with translation.override(settings.LANGUAGE_CODE):
        return redact(text)
