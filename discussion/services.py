"""The acts of a discussion, one function each, called by the views, the admin and the demo alike.

Each act locks the row it changes, checks who may act (discussion.rules), enforces the rule, and queues its
notifications after commit. The edit history (django-simple-history) keeps every earlier text, and the text of a
hidden comment; nothing here rewrites it.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.files import readable_filename
from core.refusals import allow as _allow
from core.refusals import require as _require
from pilots.models import Pilot
from reminders import tasks as reminder_tasks

from . import mentions, notifications, targets
from .constants import EDIT_WINDOW, MAX_COMMENT_LENGTH, Visibility
from .models import Annex, Comment
from .rules import moderates

MAX_REASON_LENGTH = 500


def clean_text(text, *, limit=MAX_COMMENT_LENGTH, empty=None):
    """Plain text as typed, with Windows line ends made plain; refused when empty, too long or holding a NUL."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n")
    _require("\x00" not in text, _("The text contains an invisible control character (NUL) that cannot be saved."))
    text = text.strip()
    _require(text, empty or _("Write a comment: it cannot be empty."))
    _require(
        len(text) <= limit,
        _("A comment may be at most %(limit)s characters; put a longer text in an annex.")
        % {"limit": f"{limit:,}".replace(",", ".")},
    )
    return text


def _lock(comment):
    return Comment.objects.select_for_update(of=("self",)).select_related("author__person").get(pk=comment.pk)


@transaction.atomic
def post_comment(user, subject, text, visibility, parent=None):
    """A new comment on a pilot, experiment or report, or a reply (one level deep) to one of its comments."""
    kind = targets.kind_of(subject)
    _allow(user.has_perm("discussion.add_comment", subject), _("You may not take part in this discussion."))
    _require(visibility in Visibility.values, _("Choose who may read the comment."))
    if parent is not None:
        # Locked, so it cannot be deleted while this reply is written (a comment with a reply stays).
        parent = Comment.objects.select_for_update().filter(pk=parent.pk).first()
        _require(
            parent is not None and parent.target == subject, _("The comment you reply to is not in this discussion.")
        )
        _allow(
            user.has_perm("discussion.view_comment", parent), _("The comment you reply to is not in this discussion.")
        )
        _require(parent.parent_id is None, _("Replies go one level deep: reply to the comment itself."))
        _require(not parent.is_hidden, _("A hidden comment cannot be replied to."))
        if parent.visibility == Visibility.TEAM:
            visibility = Visibility.TEAM  # a reply is never read more widely than what it answers
    if visibility == Visibility.TEAM:
        _allow(
            user.has_perm("discussion.add_team_comment", subject),
            _("Only the workgroup and the programme team can write a comment for the team."),
        )
    text = clean_text(text)
    comment = Comment(
        programme=subject.programme,
        parent=parent,
        author=user,
        text=text,
        visibility=visibility,
        created_at=timezone.now(),
        **{kind: subject},
    )
    comment._history_user = user  # the history says who wrote, edited or hid, on the web and elsewhere
    comment.save()
    mentioned = mentions.resolve(subject.programme, text)
    comment.mentioned.set(mentioned)
    reminder_tasks.queue(notifications.comment_posted(comment, mentioned))
    return comment


@transaction.atomic
def edit_comment(user, comment, text):
    """Corrects a comment within EDIT_WINDOW of posting; the history keeps the earlier text."""
    comment = _lock(comment)
    _allow(comment.author_id == user.pk, _("Only the author can edit a comment."))
    _require(not comment.is_hidden, _("A hidden comment cannot be edited."))
    minutes = int(EDIT_WINDOW.total_seconds() // 60)
    _require(
        timezone.now() <= comment.editable_until,
        _("A comment can be edited only within %(minutes)s minutes of posting.") % {"minutes": minutes},
    )
    text = clean_text(text)
    if text == comment.text:
        return comment
    before = set(comment.mentioned.values_list("pk", flat=True))
    comment.text, comment.edited_at = text, timezone.now()
    comment._history_user = user
    comment.save(update_fields=["text", "edited_at"])
    mentioned = mentions.resolve(comment.programme, text)
    comment.mentioned.set(mentioned)
    reminder_tasks.queue(notifications.mentions_added(comment, [u for u in mentioned if u.pk not in before]))
    return comment


@transaction.atomic
def delete_comment(user, comment):
    """The author removes a comment nobody replied to yet; the history keeps that it was there."""
    comment = _lock(comment)
    _allow(comment.author_id == user.pk, _("Only the author can delete a comment."))
    _require(not comment.is_hidden, _("A hidden comment stays: the programme manager hid it with a reason."))
    _require(not comment.replies.exists(), _("Someone has replied to this comment, so it can no longer be deleted."))
    comment._history_user = user
    comment.delete()


@transaction.atomic
def hide_comment(user, comment, reason):
    """The programme manager hides a comment with a reason; its text stays in the history."""
    comment = _lock(comment)
    _allow(
        moderates(user, comment) and user.has_perm("discussion.view_comment", comment),
        _("Only the programme manager can hide a comment."),
    )
    _require(not comment.is_hidden, _("This comment is hidden already."))
    reason = clean_text(
        reason, limit=MAX_REASON_LENGTH, empty=_("Say why the comment is hidden: everybody reads the reason.")
    )
    comment.hidden_at, comment.hidden_by, comment.hidden_reason = timezone.now(), user, reason
    comment._history_user = user
    comment.save(update_fields=["hidden_at", "hidden_by", "hidden_reason"])
    return comment


@transaction.atomic
def add_annex(user, subject, title, file):
    """Attaches a document to a pilot or experiment. A pilot's annex goes with its coming submission."""
    kind = targets.kind_of(subject)
    _require(kind in targets.ANNEX_WRITE_PERMISSION, _("Only proposals have annexes."))
    if isinstance(subject, Pilot):
        # Locked against a submission at the same moment: the annex goes with exactly one version.
        subject = (
            Pilot.objects.select_for_update(of=("self",)).select_related("programme", "workgroup").get(pk=subject.pk)
        )
    _allow(user.has_perm("discussion.add_annex", subject), _("Only who writes this proposal can add annexes."))
    annex = Annex(
        title=(title or "").strip() or readable_filename(file.name)[:200],
        file=file,
        uploaded_by=user,
        version=subject.submission + 1 if kind == "pilot" else None,
        **{kind: subject},
    )
    annex.full_clean()
    annex.save()
    return annex
