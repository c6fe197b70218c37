"""The one rule for the name an uploaded file gets when it is stored, and the storage that applies it.

A name comes from a browser and is hostile until made otherwise. clean_filename makes it: Unicode NFC (so that
"é" typed on a Mac and on Windows is the same letter and is kept), only its last path part, no control, format or
direction characters (U+202E turns "fdp.exe" into what looks like "exe.pdf"), Django's safe characters, one
extension of letters and digits in lower case, and a length that leaves room for the suffix the storage adds to a
name already taken: a file system allows 255 bytes per name, and a name of 255 characters plus "_AbC1234" is not
one. UploadStorage, the default storage (settings.STORAGES), applies it to every FileField of every app and to
every direct save, so no model or view needs to remember it.
"""

import posixpath
import unicodedata

from django.core.exceptions import SuspiciousFileOperation
from django.core.files.storage import FileSystemStorage
from django.utils.text import get_valid_filename

MAX_NAME_CHARS = 100  # what a person still reads as a name
MAX_NAME_BYTES = 200  # of the 255 a file system allows, 55 stay free for the storage's suffix
MAX_EXTENSION_CHARS = 10
FALLBACK_STEM = "file"


def split_extension(name):
    """(stem, extension): the extension only when it is letters and digits with at least one letter, lower case.

    "Notulen 12.03.2026" has no extension: the digits after its last dot are part of its name.
    """
    stem, dot, extension = name.rpartition(".")
    if (
        dot
        and stem
        and extension.isascii()
        and extension.isalnum()
        and not extension.isdigit()
        and len(extension) <= MAX_EXTENSION_CHARS
    ):
        return stem, extension.lower()
    return name, ""


def _visible(name):
    """No control, format, direction, private or unassigned characters; every kind of space an ordinary one."""
    kept = []
    for character in name:
        category = unicodedata.category(character)
        if category.startswith("Z"):
            kept.append(" ")
        elif not category.startswith("C"):
            kept.append(character)
        elif category == "Cc" and character in "\t\n\r":
            kept.append(" ")
    return " ".join("".join(kept).split())


def _safe(stem):
    """Django's safe characters (letters, digits, "-", "_"; a space becomes "_"); the stem's dots are spaces."""
    try:
        return get_valid_filename(stem.replace(".", " ")).strip("_-")
    except SuspiciousFileOperation:  # nothing was left
        return ""


def _shortened(stem, extension):
    suffix = f".{extension}" if extension else ""
    stem = stem[: MAX_NAME_CHARS - len(suffix)]
    while len((stem + suffix).encode()) > MAX_NAME_BYTES:
        stem = stem[:-1]
    return stem.rstrip("_-") or FALLBACK_STEM


def readable_filename(name):
    """The name as a person reads it (a default title, the name shown): NFC, its last path part, visible characters
    only, spaces and punctuation kept."""
    name = unicodedata.normalize("NFC", str(name or ""))
    return _visible(name.replace("\\", "/").rsplit("/", 1)[-1]).strip(". ")


def clean_filename(name):
    """The name as stored: see the module. The same name again gives the same result."""
    stem, extension = split_extension(readable_filename(name))
    stem = _shortened(_safe(stem) or FALLBACK_STEM, extension)
    return f"{stem}.{extension}" if extension else stem


def title_stem(title):
    """A title someone typed as the stem of a download's name: its slashes are no path, a typed extension goes."""
    return split_extension(clean_filename(str(title).replace("/", " ").replace("\\", " ")))[0]


class UploadStorage(FileSystemStorage):
    """FileSystemStorage whose names are always clean_filename's, also for a name passed straight to save()."""

    def get_valid_name(self, name):
        return clean_filename(name)

    def get_available_name(self, name, max_length=None):
        directory, filename = posixpath.split(str(name).replace("\\", "/"))
        return super().get_available_name(posixpath.join(directory, clean_filename(filename)), max_length)
