"""Who may read, write and moderate a discussion. One predicate per act; services, views and templates share them.

- Reading a comment: whoever may read its subject (the subject's own permission, so a draft's comments stay
  with those who may see the draft), and for a "team" comment only the team: the members of the subject's
  workgroup, the programme managers, administrators and the members of the bodies on the programme's routes.
- Posting: whoever may read the subject; a "team" comment only by the team.
- Editing: the author, within EDIT_WINDOW of posting, while the comment is not hidden.
- Deleting: the author, while nobody has replied and the comment is not hidden.
- Hiding: the programme manager (or an administrator), with a reason.
"""

import rules
from django.utils import timezone

from programmes.roles import roles_of

from . import targets
from .constants import Visibility


def in_team(user, subject):
    roles = roles_of(user)
    return (
        roles.is_admin
        or subject.programme.pk in roles.managed_programmes
        or subject.workgroup_id in roles.member_workgroups
        or bool(roles.body_ids & targets.team_body_ids(subject))
    )


@rules.predicate
def reads_subject(user, subject):
    return subject is not None and targets.may_read(user, subject)


@rules.predicate
def is_team(user, subject):
    return subject is not None and in_team(user, subject)


@rules.predicate
def sees_comment(user, comment):
    subject = comment.target
    return targets.may_read(user, subject) and (comment.visibility == Visibility.PROGRAMME or in_team(user, subject))


@rules.predicate
def wrote_comment(user, comment):
    return user.is_authenticated and comment.author_id == user.pk


@rules.predicate
def not_hidden(user, comment):
    return not comment.is_hidden


@rules.predicate
def within_edit_window(user, comment):
    return timezone.now() <= comment.editable_until


@rules.predicate
def has_no_replies(user, comment):
    """Pages annotate `reply_count` (one query for all comments); elsewhere the database is asked."""
    count = getattr(comment, "reply_count", None)
    return not (comment.replies.exists() if count is None else count)


@rules.predicate
def moderates(user, comment):
    roles = roles_of(user)
    return roles.is_admin or comment.programme_id in roles.managed_programmes


@rules.predicate
def writes_proposal(user, subject):
    permission = targets.ANNEX_WRITE_PERMISSION.get(targets.kind_of(subject))
    return permission is not None and user.has_perm(permission, subject)


rules.add_perm("discussion.add_comment", reads_subject)
rules.add_perm("discussion.add_team_comment", reads_subject & is_team)
rules.add_perm("discussion.view_comment", sees_comment)
rules.add_perm("discussion.change_comment", sees_comment & wrote_comment & not_hidden & within_edit_window)
rules.add_perm("discussion.delete_comment", sees_comment & wrote_comment & not_hidden & has_no_replies)
rules.add_perm("discussion.hide_comment", sees_comment & moderates & not_hidden)
rules.add_perm("discussion.view_history", sees_comment & (not_hidden | moderates))
rules.add_perm("discussion.add_annex", reads_subject & writes_proposal)
