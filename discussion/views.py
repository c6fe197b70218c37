"""The discussion's pages. Each reads its input through a form or a path converter and calls one service;
a subject or comment the user may not read is a 404, as if it were not there."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from core.downloads import serve_file
from core.params import object_or_404, parse_id
from core.refusals import Forbidden, as_permission_denied

from . import services, targets
from .forms import AnnexForm, CommentForm, EditCommentForm, HideCommentForm
from .models import Annex, Comment
from .rules import in_team


def _subject(request, kind, pk):
    subject = get_object_or_404(targets.queryset(kind), pk=pk)
    if not targets.may_read(request.user, subject):
        raise Http404
    return subject


def _comment(request, pk):
    comment = get_object_or_404(
        Comment.objects.select_related(
            "author__person", "pilot__programme", "experiment__workgroup__programme", "report__programme"
        ),
        pk=pk,
    )
    if not request.user.has_perm("discussion.view_comment", comment):
        raise Http404
    return comment


def _refusal(form, error, field=None):
    """A Forbidden act is a 403 with its reason; a refused one is shown on the form."""
    if isinstance(error, Forbidden):
        raise as_permission_denied(error)
    for message in error.messages:
        form.add_error(field, message)


def _page(request, template, subject, **context):
    context.update(subject=subject, subject_url=targets.url_of(subject), nav_programme=subject.programme)
    return render(request, template, context)


@login_required
@require_http_methods(["GET", "POST"])
def comment_create(request, kind, pk):
    subject = _subject(request, kind, pk)
    team = in_team(request.user, subject)
    if request.method == "GET":
        form = CommentForm(team=team, initial={"parent": parse_id(request.GET.get("parent", "")) or ""})
    else:
        form = CommentForm(request.POST, team=team)
        if form.is_valid():
            parent = None
            if form.cleaned_data["parent"]:
                parent = Comment.objects.filter(pk=form.cleaned_data["parent"]).first()
                if parent is None:
                    form.add_error(None, _("The comment you reply to is not in this discussion."))
            if not form.errors:
                try:
                    comment = services.post_comment(
                        request.user, subject, form.cleaned_data["text"], form.cleaned_data["visibility"], parent
                    )
                except ValidationError as error:
                    _refusal(form, error, "text")
                else:
                    messages.success(request, _("Your comment has been posted."))
                    return redirect(comment.get_absolute_url())
    parent_id = form["parent"].value()
    parent = Comment.objects.filter(pk=parse_id(parent_id)).select_related("author__person").first()
    if parent is not None and not request.user.has_perm("discussion.view_comment", parent):
        parent = None
    return _page(request, "discussion/comment_form.html", subject, form=form, parent=parent)


@login_required
@require_http_methods(["GET", "POST"])
def comment_edit(request, pk):
    comment = _comment(request, pk)
    form = EditCommentForm(request.POST or None, initial={"text": comment.text})
    if request.method == "POST" and form.is_valid():
        try:
            services.edit_comment(request.user, comment, form.cleaned_data["text"])
        except ValidationError as error:
            _refusal(form, error, "text")
        else:
            messages.success(request, _("Your comment has been corrected."))
            return redirect(comment.get_absolute_url())
    return _page(request, "discussion/comment_edit.html", comment.target, form=form, comment=comment)


@login_required
@require_http_methods(["GET", "POST"])
def comment_delete(request, pk):
    comment = _comment(request, pk)
    subject = comment.target
    if request.method == "POST" and request.POST.get("confirmed") == "1":
        try:
            services.delete_comment(request.user, comment)
        except ValidationError as error:
            if isinstance(error, Forbidden):
                raise as_permission_denied(error) from None
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Your comment has been deleted."))
        return redirect(f"{targets.url_of(subject)}#discussion")
    if not request.user.has_perm("discussion.delete_comment", comment):
        messages.error(request, _("This comment can no longer be deleted."))
        return redirect(comment.get_absolute_url())
    return render(
        request,
        "includes/confirm.html",
        {
            "title": _("Delete your comment?"),
            "subject": comment.text[:300],
            "will": _("The comment disappears from the discussion. This cannot be undone."),
            "danger": True,
            "action": reverse("discussion:comment_delete", args=[comment.pk]),
            "cancel_url": comment.get_absolute_url(),
            "nav_programme": subject.programme,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def comment_hide(request, pk):
    comment = _comment(request, pk)
    subject = comment.target
    if not request.user.has_perm("discussion.hide_comment", comment):
        raise as_permission_denied(Forbidden(_("Only the programme manager can hide a comment.")))
    form = HideCommentForm(request.POST if request.POST.get("confirmed") == "1" else None)
    if form.is_bound and form.is_valid():
        try:
            services.hide_comment(request.user, comment, form.cleaned_data["reason"])
        except ValidationError as error:
            _refusal(form, error, "reason")
        else:
            messages.success(request, _("The comment has been hidden."))
            return redirect(comment.get_absolute_url())
    return render(
        request,
        "includes/confirm.html",
        {
            "title": _("Hide this comment?"),
            "subject": comment.text[:300],
            "will": _(
                "Everybody sees “Hidden by the programme manager” with your reason instead of the text. "
                "The text stays in the history. This cannot be undone."
            ),
            "danger": True,
            "form": form,
            "action": reverse("discussion:comment_hide", args=[comment.pk]),
            "cancel_url": comment.get_absolute_url(),
            "nav_programme": subject.programme,
        },
    )


@login_required
def comment_history(request, pk):
    comment = _comment(request, pk)
    if not request.user.has_perm("discussion.view_history", comment):
        raise Http404
    records = list(comment.history.select_related("history_user__person").order_by("history_date", "history_id"))
    return _page(request, "discussion/comment_history.html", comment.target, comment=comment, records=records)


@login_required
@require_http_methods(["GET", "POST"])
def annex_create(request, kind, pk):
    if kind not in targets.ANNEX_WRITE_PERMISSION:
        raise Http404
    subject = _subject(request, kind, pk)
    if not request.user.has_perm("discussion.add_annex", subject):
        raise as_permission_denied(Forbidden(_("Only who writes this proposal can add annexes.")))
    form = AnnexForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.add_annex(request.user, subject, form.cleaned_data["title"], form.cleaned_data["file"])
        except ValidationError as error:
            _refusal(form, error, "file")
        else:
            messages.success(request, _("The annex has been added."))
            return redirect(f"{targets.url_of(subject)}#annexes")
    return _page(request, "discussion/annex_form.html", subject, form=form, kind=kind)


def annex_download(request, pk):
    """An annex goes to whoever may read its proposal (a draft's annexes only to who may see the draft)."""
    annex = object_or_404(
        Annex.objects.select_related("pilot__programme", "pilot__workgroup", "experiment__workgroup__programme"), pk
    )
    subject = annex.target
    return serve_file(request, targets.VIEW_PERMISSION[targets.kind_of(subject)], subject, annex.file, annex.filename)


@login_required
def experiment(request, pk):
    """An experiment as every reader of the programme sees it, with its discussion and annexes."""
    subject = _subject(request, "experiment", pk)
    return _page(
        request,
        "discussion/experiment.html",
        subject,
        experiment=subject,
        can_edit=request.user.has_perm("pilots.change_experiment", subject),
    )
