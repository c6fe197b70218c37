"""Fills empty or fuzzy Dutch translations from a dictionary module: python scripts/fill_translations.py FILE.py

FILE.py defines T = {msgid: msgstr}. Prints the msgids still untranslated afterwards.
"""

import runpy
import sys
from pathlib import Path

import polib

PO = Path(__file__).resolve().parent.parent / "locale" / "nl" / "LC_MESSAGES" / "django.po"

translations = runpy.run_path(sys.argv[1])["T"]
po = polib.pofile(str(PO))
for entry in po:
    if entry.msgid in translations and (not entry.msgstr or entry.fuzzy):
        entry.msgstr = translations[entry.msgid]
        if entry.fuzzy:
            entry.flags.remove("fuzzy")
            entry.previous_msgid = None
po.save()
missing = [e.msgid for e in po if (not e.msgstr and not e.msgstr_plural) or e.fuzzy]
print("\n".join(missing) or "complete")
