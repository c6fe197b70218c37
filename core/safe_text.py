"""Invisible control characters: the one rule of what is one, and the one function that makes stored text safe for
every document we write as XML (the Atom feed, the DiWoo sitemaps, XLSX, Word) or lay out (the PDFs).

No person types a control character, but one arrives anyway: pasted from another program (Word's line break within
a paragraph is a vertical tab), in a browser's User-Agent, in a file name. The edge refuses them
(core.middleware.InputGuardMiddleware); what was stored before, or came from elsewhere (a provider's claims, a
Celery task), is made safe where it is written, so that old data can never break a document.
"""

import dataclasses
import re

# C0 and C1 controls and DEL (Unicode category Cc), except tab, line feed and carriage return.
CONTROL_CHARACTER = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# What XML 1.0 cannot hold (lxml and openpyxl refuse it, Django's feed generator too): the controls above, lone
# surrogates and the non-characters U+FFFE and U+FFFF. C1 and DEL are allowed in XML, but no one means them.
NOT_FOR_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
# A vertical tab or form feed is a line break from a word processor, NEL (U+0085) the old "next line".
LINE_BREAKS = str.maketrans({"\x0b": "\n", "\x0c": "\n", "\x85": "\n"})
REPLACEMENT = "\ufffd"  # "�": the reader sees that something stood there (in a security log that matters)


def control_character(text):
    """The first control character in `text` as U+XXXX (what the Dutch refusal names), or None."""
    found = CONTROL_CHARACTER.search(text)
    return f"U+{ord(found.group()):04X}" if found else None


def xml_safe(text):
    """`text` fit for any XML 1.0 document, XLSX cell or PDF: line breaks of other programs become a new line,
    every other control character (and what XML cannot hold) the replacement character �. Tab, new line and
    carriage return stay. Anything that is not a string comes back as it was."""
    if not isinstance(text, str) or not NOT_FOR_XML.search(text):
        return text
    return NOT_FOR_XML.sub(REPLACEMENT, text.translate(LINE_BREAKS))


def xml_safe_all(value):
    """xml_safe on every string in `value`: in dicts (keys too), lists, tuples, sets and dataclass instances."""
    if isinstance(value, str):
        return xml_safe(value)
    if isinstance(value, dict):
        return {xml_safe_all(key): xml_safe_all(item) for key, item in value.items()}
    if isinstance(value, tuple) and hasattr(value, "_fields"):  # a named tuple
        return type(value)(*(xml_safe_all(item) for item in value))
    if isinstance(value, list | tuple | set | frozenset):
        return type(value)(xml_safe_all(item) for item in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = [field.name for field in dataclasses.fields(value) if field.init]
        return dataclasses.replace(value, **{name: xml_safe_all(getattr(value, name)) for name in fields})
    return value
