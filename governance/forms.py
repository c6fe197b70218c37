from django import forms
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from programmes.forms import ProgrammeScopedForm, ProgrammeScopedInlineFormSet, programme_of

from .constants import MeetingStatus
from .meetings import handler_for
from .models import AgendaDocument, AgendaItem, DecisionRoute, Meeting, RouteStep
from .routes import validate_steps


class RouteStepFormSetBase(ProgrammeScopedInlineFormSet):
    """Validates the route as a whole: one deciding step, last, with bodies of the same programme, and a rule of the
    municipalities that can be met."""

    def clean(self):
        super().clean()
        # In the admin the route's programme is known only once its own form has been validated.
        self.programme = self.programme or programme_of(self.instance)
        if any(self.errors) or self.programme is None:
            return
        steps = [
            (
                form.cleaned_data["order"],
                form.cleaned_data["body"],
                form.cleaned_data["act"],
                form.cleaned_data.get("organ", ""),
                form.cleaned_data.get("rule", ""),
            )
            for form in self.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        validate_steps(self.programme, steps)


RouteStepFormSet = inlineformset_factory(
    DecisionRoute,
    RouteStep,
    form=ProgrammeScopedForm,
    formset=RouteStepFormSetBase,
    fields=["order", "body", "act", "organ", "rule", "only_agreeing"],
    extra=1,
    can_delete=True,
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


class MeetingForm(forms.ModelForm):
    class Meta:
        model = Meeting
        fields = ["starts_at", "place", "status"]
        widgets = {"starts_at": forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["starts_at"].input_formats = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%d-%m-%Y %H:%M"]
        if self.instance.status == MeetingStatus.CLOSED:
            for field in self.fields.values():
                field.disabled = True
        else:
            # Closing happens on its own page, which records the outcomes.
            self.fields["status"].choices = [c for c in MeetingStatus.choices if c[0] != MeetingStatus.CLOSED]


class AgendaFormSetBase(forms.BaseInlineFormSet):
    """The agenda of a closed meeting is part of its record: shown, not changed, added to or removed from."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.is_closed:
            self.extra, self.can_delete = 0, False

    def add_fields(self, form, index):
        super().add_fields(form, index)
        if self.instance.is_closed:
            for field in form.fields.values():
                field.disabled = True


AgendaItemFormSet = inlineformset_factory(
    Meeting,
    AgendaItem,
    formset=AgendaFormSetBase,
    fields=["order", "title", "presenter", "duration_minutes"],
    extra=2,
    can_delete=True,
)


class DocumentForm(forms.ModelForm):
    class Meta:
        model = AgendaDocument
        fields = ["item", "title", "file"]

    def __init__(self, *args, meeting=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.meeting = meeting
        self.fields["item"].queryset = AgendaItem.objects.filter(meeting=meeting)
        self.fields["file"].max_length = None  # a long name is shortened when stored (core.files), not refused

    def clean(self):
        if self.meeting is not None and self.meeting.is_closed:
            raise forms.ValidationError(_("This meeting is closed: its papers stay as they were."))
        return super().clean()


class CloseMeetingForm(forms.Form):
    minutes = forms.CharField(label=_("Minutes"), widget=forms.Textarea(attrs={"rows": 6}), required=False)

    def __init__(self, *args, meeting=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.items = list(meeting.items.all())
        for item in self.items:
            handler, _subject = handler_for(item)
            choices = handler.choices(item) if handler else None
            if choices:
                self.fields[f"act_{item.pk}"] = forms.ChoiceField(
                    label=_("%(item)s – act on the proposal") % {"item": f"{item.order}. {item.title}"},
                    choices=[("", _("No act at this meeting")), *choices],
                    required=False,
                )
            self.fields[f"outcome_{item.pk}"] = forms.CharField(
                label=_("Outcome and rationale") if choices else f"{item.order}. {item.title}",
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
                initial=item.outcome,
            )

    def outcomes(self):
        return {item.pk: self.cleaned_data.get(f"outcome_{item.pk}", "") for item in self.items}

    def acts(self):
        return {item.pk: self.cleaned_data.get(f"act_{item.pk}", "") for item in self.items}


class MoveItemForm(forms.Form):
    """Where the secretary moves an agenda item: a later planned meeting of the same body."""

    meeting = forms.ModelChoiceField(
        queryset=Meeting.objects.none(),
        error_messages={
            "required": _("Choose a later planned meeting of the same body."),
            "invalid_choice": _("Choose a later planned meeting of the same body."),
        },
    )

    def __init__(self, *args, item, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = Meeting.objects.filter(
            body_id=item.meeting.body_id, status=MeetingStatus.PLANNED, starts_at__gt=item.meeting.starts_at
        )
