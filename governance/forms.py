from django import forms
from django.forms import inlineformset_factory

from .models import DecisionRoute, RouteStep
from .routes import validate_steps


class RouteStepFormSetBase(forms.BaseInlineFormSet):
    """Validates the route as a whole: one deciding step, last, with bodies of the same programme."""

    def __init__(self, *args, programme=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.programme = programme or getattr(self.instance, "programme", None)
        for form in self.forms + [self.empty_form]:
            form.fields["body"].queryset = form.fields["body"].queryset.filter(programme=self.programme)

    def clean(self):
        super().clean()
        if any(self.errors):
            return
        steps = [
            (form.cleaned_data["order"], form.cleaned_data["body"], form.cleaned_data["act"])
            for form in self.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        validate_steps(self.programme, steps)


RouteStepFormSet = inlineformset_factory(
    DecisionRoute, RouteStep, formset=RouteStepFormSetBase, fields=["order", "body", "act"], extra=1, can_delete=True
)


class RouteForm(forms.ModelForm):
    class Meta:
        model = DecisionRoute
        fields = ["name", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}

    def _get_validation_exclusions(self):
        exclude = super()._get_validation_exclusions()
        exclude.discard("programme")
        return exclude
