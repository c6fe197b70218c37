from django.db import models
from django.utils.translation import gettext_lazy as _


class PapersReminder(models.TextChoices):
    """The reminders papers sends (registered with reminders in PapersConfig.ready)."""

    MEETING_PACK = "meeting_pack", _("Meeting papers ready at the papers deadline")


class AnnexState(models.TextChoices):
    """What became of an agenda item's document in the pack."""

    MERGED = "merged", _("included in this pack")
    OTHER_FORMAT = "other_format", _("not a PDF: on the meeting page")
    ENCRYPTED = "encrypted", _("protected with a password: not included, on the meeting page")
    BROKEN = "broken", _("cannot be read as a PDF: not included, on the meeting page")
    MISSING = "missing", _("the file is missing")
