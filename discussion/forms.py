"""What a person types in a discussion. The rules themselves live in discussion.services; these forms read the
input and show the service's Dutch refusal on the field it concerns."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.params import parse_id

from .constants import MAX_COMMENT_LENGTH, Visibility
from .models import Annex

TEXT_HELP = _(
    'Plain text. Mention someone of the programme with @username or @"First name Surname": they are notified.'
)


class CommentForm(forms.Form):
    text = forms.CharField(
        label=_("Your comment"),
        strip=False,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": MAX_COMMENT_LENGTH}),
        help_text=TEXT_HELP,
        error_messages={"required": _("Write a comment: it cannot be empty.")},
    )
    visibility = forms.ChoiceField(
        label=_("Visible to"),
        choices=Visibility.choices,
        initial=Visibility.PROGRAMME,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("Choose who may read the comment.")},
    )
    parent = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, team=True, **kwargs):
        super().__init__(*args, **kwargs)
        if not team:
            # Who is not in the team writes for everybody who reads the programme: no choice is offered. A posted
            # "team" is still a valid choice here, so the service refuses it as Forbidden (a 403, as the README says)
            # instead of this form hiding the forgery behind a form error.
            self.fields["visibility"].widget = forms.HiddenInput()

    def clean_parent(self):
        raw = self.cleaned_data.get("parent") or ""
        if not raw:
            return None
        value = parse_id(raw)
        if value is None:
            raise forms.ValidationError(_("The comment you reply to is not in this discussion."))
        return value


class EditCommentForm(forms.Form):
    text = forms.CharField(
        label=_("Your comment"),
        strip=False,
        widget=forms.Textarea(attrs={"rows": 5, "maxlength": MAX_COMMENT_LENGTH}),
        help_text=TEXT_HELP,
        error_messages={"required": _("Write a comment: it cannot be empty.")},
    )


class HideCommentForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Everybody who could read the comment reads this reason instead."),
        error_messages={"required": _("Say why the comment is hidden: everybody reads the reason.")},
    )


class AnnexForm(forms.Form):
    """The agenda documents' types and size: the validators of Annex.file, which are governance's own."""

    title = forms.CharField(label=_("Title"), max_length=200, required=False, help_text=_("Empty: the file name."))
    file = forms.FileField(
        label=_("Document"),
        validators=Annex._meta.get_field("file").validators,
        help_text=_("PDF, Word, Excel, PowerPoint, OpenDocument, text or an image (PNG, JPG); at most 10 MB."),
        error_messages={"required": _("Choose a document to upload.")},
    )
