from urllib.parse import urlsplit

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import PasswordResetForm, SetPasswordForm
from django.utils.translation import gettext_lazy as _

from programmes.models import GovernanceBody, Workgroup

from .constants import BODY_ROLES, WORKGROUP_ROLES, InvitationRole


class InviteForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=150, widget=forms.TextInput(attrs={"autocomplete": "off"}))
    email = forms.EmailField(
        label=_("Email address"),
        max_length=150,
        help_text=_("The invitation goes to this address; it becomes the username."),
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )
    role = forms.ChoiceField(label=_("Role"), widget=forms.RadioSelect)
    workgroup = forms.ModelChoiceField(
        label=_("Workgroup"),
        queryset=Workgroup.objects.none(),
        required=False,
        help_text=_("Only for a role in a workgroup."),
    )
    body = forms.ModelChoiceField(
        label=_("Governance body"),
        queryset=GovernanceBody.objects.none(),
        required=False,
        help_text=_("Only for a role in a governance body."),
    )

    def __init__(self, *args, programme, may_invite_managers=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.programme = programme
        self.fields["role"].choices = [
            (value, label)
            for value, label in InvitationRole.choices
            if may_invite_managers or value != InvitationRole.MANAGER
        ]
        self.fields["workgroup"].queryset = Workgroup.objects.filter(programme=programme)
        self.fields["body"].queryset = GovernanceBody.objects.filter(programme=programme)

    def clean(self):
        cleaned = super().clean()
        role = cleaned.get("role")
        if role in WORKGROUP_ROLES and not cleaned.get("workgroup"):
            self.add_error("workgroup", _("Choose the workgroup for this role."))
        if role in BODY_ROLES and not cleaned.get("body"):
            self.add_error("body", _("Choose the governance body for this role."))
        return cleaned


class AcceptForm(SetPasswordForm):
    """A new account: the name, and a password checked by the site's password rules (against the name and address
    too). The username is the invited address, shown but not editable."""

    username = forms.CharField(
        label=_("Username (your email address)"),
        required=False,
        disabled=True,
        widget=forms.TextInput(attrs={"autocomplete": "username"}),
    )
    name = forms.CharField(label=_("Your name"), max_length=150, widget=forms.TextInput(attrs={"autocomplete": "name"}))
    field_order = ["username", "name", "new_password1", "new_password2"]

    def __init__(self, invitation, *args, **kwargs):
        user = get_user_model()(username=invitation.email.lower(), email=invitation.email)
        super().__init__(user, *args, **kwargs)
        self.fields["username"].initial = invitation.email.lower()
        self.fields["name"].initial = invitation.name
        self.fields["new_password1"].label = _("Choose a password")
        self.fields["new_password2"].label = _("Repeat the password")
        self.order_fields(self.field_order)

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        first, _space, last = name.partition(" ")
        self.user.first_name, self.user.last_name = first, last.strip()  # the password may not resemble the name
        return name


class SiteAddressPasswordResetForm(PasswordResetForm):
    """Django's reset form, with the link in the mail on the site's configured address (SITE_URL, like every other
    mail here) instead of the host and port of the request: a forged Host header cannot send the token elsewhere."""

    def save(self, *args, **kwargs):
        site = urlsplit(settings.SITE_URL)
        kwargs["domain_override"] = site.netloc
        kwargs["use_https"] = site.scheme == "https"
        return super().save(*args, **kwargs)
