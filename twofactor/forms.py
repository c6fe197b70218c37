"""What a person types for the second factor: six digits from the app, or one recovery code. Their formats are
the services' (twofactor.services.totp_code, recovery_code), which refuse the same whoever calls them."""

from django import forms
from django.utils.translation import gettext_lazy as _

from . import services


class CodeForm(forms.Form):
    token = forms.CharField(
        label=_("Code from your authenticator app"),
        help_text=_("The 6 digits the app shows now. A new code appears every 30 seconds."),
        max_length=20,
        error_messages={
            "required": _("Enter the 6-digit code from your authenticator app."),
            "max_length": _("Enter the 6-digit code from your authenticator app."),
        },
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "autocapitalize": "off",
                "spellcheck": "false",
            }
        ),
    )

    def clean_token(self):
        return services.totp_code(self.cleaned_data["token"])


class RecoveryCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Recovery code"),
        help_text=_("One of the codes you saved when you set up two-factor authentication. Each code works once."),
        max_length=40,
        error_messages={
            "required": _("Enter one of your recovery codes."),
            "max_length": _("A recovery code has 8 letters and digits."),
        },
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autocapitalize": "off", "spellcheck": "false"}),
    )

    def clean_code(self):
        return services.recovery_code(self.cleaned_data["code"])
