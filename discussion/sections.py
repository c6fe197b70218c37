"""What the discussion section of a page shows one user: the threads they may read, what they may do with each
comment, the forms, and the annexes. A fixed number of queries whatever the number of comments."""

from django.contrib.auth import get_user_model
from django.db.models import Count, Prefetch

from . import mentions, targets
from .constants import Visibility
from .forms import CommentForm
from .models import Annex, Comment
from .rules import in_team


class Entry:
    """One comment as the page shows it."""

    def __init__(self, comment, user):
        self.comment = comment
        self.replies = []
        self.html = None if comment.is_hidden else mentions.render(comment.text, comment.mentioned.all())
        self.author = mentions.display_name(comment.author)
        self.can_edit = user.has_perm("discussion.change_comment", comment)
        self.can_delete = user.has_perm("discussion.delete_comment", comment)
        self.can_hide = user.has_perm("discussion.hide_comment", comment)
        self.can_history = comment.edited_at is not None or comment.is_hidden
        self.can_history = self.can_history and user.has_perm("discussion.view_history", comment)


def comments_of(subject):
    kind = targets.kind_of(subject)
    users = get_user_model().objects.select_related("person")
    return (
        Comment.objects.filter(**{kind: subject})
        .select_related("author__person")
        .prefetch_related(Prefetch("mentioned", queryset=users))
        .annotate(reply_count=Count("replies"))
        .order_by("created_at", "pk")
    )


def threads(user, subject):
    """The top-level comments the user may read, each with its readable replies, oldest first."""
    if not targets.may_read(user, subject):
        return []
    kind = targets.kind_of(subject)
    comments = comments_of(subject)
    if not in_team(user, subject):
        comments = comments.filter(visibility=Visibility.PROGRAMME)
    entries, top = {}, []
    for comment in comments:
        setattr(comment, kind, subject)  # the subject is known: no query per comment to find it again
        if comment.parent_id is not None:
            parent = entries.get(comment.parent_id)
            if parent is None:
                continue  # the user does not read the comment it answers
            comment.parent = parent.comment
            entry = Entry(comment, user)
            parent.replies.append(entry)
        else:
            entry = entries[comment.pk] = Entry(comment, user)
            top.append(entry)
    return top


def annexes_of(subject):
    kind = targets.kind_of(subject)
    if kind not in targets.ANNEX_WRITE_PERMISSION:
        return None
    annexes = list(Annex.objects.filter(**{kind: subject}).select_related("uploaded_by__person"))
    for annex in annexes:
        setattr(annex, kind, subject)
    return annexes


def section(user, subject):
    """The context of the discussion section, or None when the user may not read the subject at all."""
    if not targets.may_read(user, subject):
        return None
    kind = targets.kind_of(subject)
    team = in_team(user, subject)
    may_post = user.has_perm("discussion.add_comment", subject)
    return {
        "subject": subject,
        "kind": kind,
        "threads": threads(user, subject),
        "may_post": may_post,
        "team": team,
        "form": CommentForm(team=team, auto_id=f"id_{kind}_{subject.pk}_%s") if may_post else None,
        "annexes": annexes_of(subject),
        "may_add_annex": user.has_perm("discussion.add_annex", subject),
        "next_version": subject.submission + 1 if kind == "pilot" else None,
    }
