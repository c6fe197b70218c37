import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _

# A comment can be corrected by its author this long after it was posted; after that it stands as written.
EDIT_WINDOW = datetime.timedelta(minutes=15)
# A comment is a remark, not a document: longer texts belong in an annex.
MAX_COMMENT_LENGTH = 10_000
# Mentions beyond this many in one comment are left as plain text (no mass notification by one comment).
MAX_MENTIONS = 20


class Visibility(models.TextChoices):
    TEAM = "team", _("Workgroup and programme team only")
    PROGRAMME = "programme", _("Everyone who reads the programme")


class DiscussionNotification(models.TextChoices):
    """What a comment tells people (registered with reminders in DiscussionConfig.ready)."""

    MENTIONED = "mentioned", _("Comments that mention me")
    REPLY = "reply", _("Replies to my comments")
    ON_MY_PROPOSAL = "comment_own", _("Comments on the proposals and reports of my workgroup")
