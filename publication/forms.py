from django import forms
from django.utils.translation import gettext_lazy as _

from .constants import WooGround
from .services import candidate_documents


class PublishForm(forms.Form):
    documents = forms.ModelMultipleChoiceField(
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Papers to publish with it"),
        help_text=_("Only papers without personal data or internal advice. Papers not ticked stay internal."),
    )

    def __init__(self, decision, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["documents"].queryset = candidate_documents(decision)
        if not self.fields["documents"].queryset.exists():
            del self.fields["documents"]

    def details(self):
        chosen = self.cleaned_data.get("documents") or []
        return [(_("Papers to publish with it"), "\n".join(str(d) for d in chosen) or "–")]


class GroundForm(forms.Form):
    ground = forms.ChoiceField(label=_("Woo ground"), choices=[("", "---------")] + WooGround.choices)
    explanation = forms.CharField(
        label=_("Explanation"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text=_("Why the ground applies to this decision. It is kept in the publication history."),
    )

    def __init__(self, decision, *args, **kwargs):
        super().__init__(*args, **kwargs)

    def details(self):
        return [
            (_("Woo ground"), WooGround(self.cleaned_data["ground"]).label),
            (_("Explanation"), self.cleaned_data["explanation"]),
        ]
