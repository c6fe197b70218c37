from django import forms
from django.utils.translation import gettext_lazy as _

from . import registry
from .models import Delivery


class PreferenceForm(forms.Form):
    """How each kind of notification reaches the user, and which reminders they do not want by email."""

    muted = forms.MultipleChoiceField(
        label=_("Do not email me about"),
        choices=registry.mutable_reminder_choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Escalations of long-overdue reports always reach you."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        fields = {}
        always_delivered = registry.always_delivered()
        for kind, label in registry.notification_choices():
            always = kind in always_delivered
            fields[f"delivery_{kind}"] = forms.ChoiceField(
                label=label,
                choices=[(value, text) for value, text in Delivery.choices if not (always and value == Delivery.NEVER)],
                initial=Delivery.IMMEDIATELY,
                widget=forms.RadioSelect,
                help_text=_("Decisions on your own proposals always reach you.") if always else "",
                error_messages={"invalid_choice": _("Decisions on your own proposals cannot be switched off.")}
                if always
                else {},
            )
        # The notification settings first, the reminders after.
        self.fields = {**fields, "muted": self.fields["muted"]}

    def deliveries(self):
        return {kind: self.cleaned_data[f"delivery_{kind}"] for kind, _label in registry.notification_choices()}
