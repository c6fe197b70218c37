"""What never reaches the public pages, even when someone typed it into a decision: e-mail addresses."""

import re

from django.utils.translation import gettext as _

EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+\s*(?:@|\(at\)|\[at\])\s*[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")


def redact(text):
    """The text with every e-mail address replaced by a note that it was removed."""
    if not text:
        return ""
    return EMAIL.sub(_("[e-mail address removed]"), text)
