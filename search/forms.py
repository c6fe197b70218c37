from django import forms
from django.utils.translation import gettext_lazy as _

from .kinds import KINDS


class SearchForm(forms.Form):
    """What to look for, and optionally in which kind of record. A bad value is a Dutch error, never a 500."""

    q = forms.CharField(label=_("Search for"), max_length=200, required=False)
    kind = forms.ChoiceField(label=_("Kind"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("All kinds"))] + [(k.name, k.label) for k in KINDS.values()]
        self.fields["q"].widget.input_type = "search"
