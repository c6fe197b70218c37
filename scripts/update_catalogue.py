"""Brings the Dutch catalogue up to date with the code without losing what makemessages cannot see.

    python scripts/update_catalogue.py [translations.py ...]

Runs makemessages (nl), then puts back every entry of the catalogue of before that makemessages dropped: the
Dutch for strings of third-party packages (django-axes, simple-history …) lives in our catalogue, and
makemessages does not find them in our code. Then fills the given translation dictionaries
(scripts/fill_translations.py) and compiles.
"""

import subprocess
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
PO = ROOT / "locale" / "nl" / "LC_MESSAGES" / "django.po"

before = polib.pofile(str(PO))
subprocess.run(
    [sys.executable, "manage.py", "makemessages", "-l", "nl", "--no-obsolete", "-i", "var/*", "-i", ".venv/*"]
    + ["-i", "node_modules/*"],
    cwd=ROOT,
    check=True,
    capture_output=True,
)
after = polib.pofile(str(PO))
present = {(entry.msgctxt, entry.msgid) for entry in after}
kept = 0
for entry in before:
    if not entry.obsolete and (entry.msgctxt, entry.msgid) not in present and entry.translated():
        entry.occurrences = []
        after.append(entry)
        kept += 1
after.save()
print(f"kept {kept} entries makemessages does not see")
for dictionary in sys.argv[1:]:
    subprocess.run([sys.executable, "scripts/fill_translations.py", dictionary], cwd=ROOT, check=True)
subprocess.run([sys.executable, "scripts/compile_messages.py"], cwd=ROOT, check=True)
