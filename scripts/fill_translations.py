"""Fills empty or fuzzy Dutch translations from a dictionary module: python scripts/fill_translations.py FILE.py

FILE.py defines T = {msgid: msgstr}, with a (singular, plural) pair for a plural msgid. Prints the msgids
still untranslated afterwards.
"""

import runpy
import sys
from pathlib import Path

import polib

PO = Path(__file__).resolve().parent.parent / "locale" / "nl" / "LC_MESSAGES" / "django.po"

translations = runpy.run_path(sys.argv[1])["T"]
po = polib.pofile(str(PO))


def untranslated(entry):
    if entry.fuzzy:
        return True
    if entry.msgid_plural:
        return not all(entry.msgstr_plural.get(i) for i in (0, 1))
    return not entry.msgstr


for entry in po:
    if entry.msgid in translations and untranslated(entry):
        value = translations[entry.msgid]
        if entry.msgid_plural:
            entry.msgstr_plural = {0: value[0], 1: value[1]}
        else:
            entry.msgstr = value
        if entry.fuzzy:
            entry.flags.remove("fuzzy")
            entry.previous_msgid = None
            entry.previous_msgid_plural = None  # msgmerge refuses a leftover '#| msgid_plural' line
            entry.previous_msgctxt = None
po.save()
missing = [e.msgid for e in po if untranslated(e)]
print("\n".join(missing) or "complete")
