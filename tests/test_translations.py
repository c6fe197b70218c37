"""Dutch is the default and complete: every message has a Dutch translation, and it is compiled."""

import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils import translation

PO = Path(settings.BASE_DIR) / "locale" / "nl" / "LC_MESSAGES" / "django.po"


def test_every_message_has_a_dutch_translation():
    catalogue = polib.pofile(str(PO))
    untranslated = [entry.msgid for entry in catalogue if not entry.translated()]
    assert untranslated == []
    assert [entry.msgid for entry in catalogue.fuzzy_entries()] == []


def test_the_compiled_catalogue_is_in_step_with_the_po_file():
    catalogue = polib.pofile(str(PO))
    with translation.override("nl"):
        for entry in catalogue:
            if entry.msgid_plural or entry.obsolete:
                continue
            if entry.msgctxt:  # one English word, two Dutch meanings (pgettext)
                assert translation.pgettext(entry.msgctxt, entry.msgid) == entry.msgstr, (entry.msgctxt, entry.msgid)
            else:
                assert translation.gettext(entry.msgid) == entry.msgstr, entry.msgid


def test_dutch_is_the_default_language():
    assert settings.LANGUAGE_CODE == "nl"
    assert [code for code, _name in settings.LANGUAGES] == ["nl", "en"]
    assert settings.TIME_ZONE == "Europe/Amsterdam"


@pytest.mark.gettext
def test_every_string_in_the_code_is_in_the_catalogue(tmp_path):
    """makemessages on a copy of the code finds no message that the committed catalogue lacks."""
    root = Path(settings.BASE_DIR)
    copy = tmp_path / "src"
    shutil.copytree(root, copy, ignore=shutil.ignore_patterns(".venv", "var", ".git", "__pycache__", "*.mo"))
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "nl", "--no-obsolete", "-i", "var/*"],
        cwd=copy,
        check=True,
        capture_output=True,
        timeout=300,
    )
    extracted = {(entry.msgctxt, entry.msgid) for entry in polib.pofile(str(copy / PO.relative_to(root)))}
    committed = {(entry.msgctxt, entry.msgid) for entry in polib.pofile(str(PO))}
    assert sorted(extracted - committed) == []
