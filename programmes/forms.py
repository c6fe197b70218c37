from django import forms
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from .models import (
    ActionLine,
    BuildingBlock,
    Membership,
    Milestone,
    Phase,
    Precondition,
    Principle,
    Programme,
    ResultGoal,
    Workgroup,
)

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
SHORT_TEXT = forms.Textarea(attrs={"rows": 3})


class ProgrammeForm(forms.ModelForm):
    class Meta:
        model = Programme
        fields = [
            "title",
            "start_date",
            "end_date",
            "goal",
            "target_group",
            "scope",
            "out_of_scope",
            "background",
            "principal",
        ]
        widgets = {
            "start_date": DATE_WIDGET,
            "end_date": DATE_WIDGET,
            "goal": SHORT_TEXT,
            "target_group": SHORT_TEXT,
            "principal": SHORT_TEXT,
        }

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        if self.instance.pk and start and end and start <= end:
            outside = [
                str(obj)
                for queryset in (self.instance.phases.all(), self.instance.milestones.all())
                for obj in queryset
                if obj.start_date < start or (obj.end_date or obj.start_date) > end
            ]
            if outside:
                raise forms.ValidationError(
                    _("The new period would leave these phases or milestones outside the programme: %(items)s.")
                    % {"items": "; ".join(outside[:5])}
                )
        return cleaned


def _has_programme_field(model):
    return any(field.name == "programme" for field in model._meta.concrete_fields)


class ProgrammeScopedForm(forms.ModelForm):
    """Limits every relation field to objects of the same programme."""

    def __init__(self, *args, programme=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.programme = programme or getattr(self.instance, "programme", None)
        for field in self.fields.values():
            model = getattr(getattr(field, "queryset", None), "model", None)
            if self.programme is not None and model is not None and _has_programme_field(model):
                field.queryset = field.queryset.filter(programme=self.programme)

    def _get_validation_exclusions(self):
        # The programme is set by the view, not typed in, but uniqueness per programme
        # must still be checked on the form rather than end in a database error.
        exclude = super()._get_validation_exclusions()
        exclude.discard("programme")
        return exclude


class ActionLineForm(ProgrammeScopedForm):
    class Meta:
        model = ActionLine
        fields = ["order", "title", "description", "result_goals"]
        widgets = {"result_goals": forms.CheckboxSelectMultiple, "description": SHORT_TEXT}


class BuildingBlockForm(ProgrammeScopedForm):
    class Meta:
        model = BuildingBlock
        fields = ["order", "title", "description", "action_lines"]
        widgets = {"action_lines": forms.CheckboxSelectMultiple, "description": SHORT_TEXT}


class MilestoneForm(ProgrammeScopedForm):
    class Meta:
        model = Milestone
        fields = ["start_date", "end_date", "period_label", "description", "phase", "done"]
        widgets = {"start_date": DATE_WIDGET, "end_date": DATE_WIDGET}


class PhaseForm(ProgrammeScopedForm):
    class Meta:
        model = Phase
        fields = ["order", "name", "start_date", "end_date", "goal", "result"]
        widgets = {"start_date": DATE_WIDGET, "end_date": DATE_WIDGET, "goal": SHORT_TEXT, "result": SHORT_TEXT}


def _parts_formset(model, fields=None, form=ProgrammeScopedForm, widgets=None):
    return inlineformset_factory(
        Programme,
        model,
        form=form,
        fields=fields or form._meta.fields,
        widgets=widgets or {"description": SHORT_TEXT},
        extra=1,
        can_delete=True,
    )


# The parts of a plan that are edited as a list in place, by URL slug.
PLAN_PARTS = {
    "results": {
        "title": _("Result goals"),
        "formset": _parts_formset(ResultGoal, ["order", "title", "description", "target_year"]),
    },
    "action-lines": {"title": _("Action lines"), "formset": _parts_formset(ActionLine, form=ActionLineForm)},
    "preconditions": {
        "title": _("Preconditions"),
        "formset": _parts_formset(Precondition, ["order", "title", "description"]),
    },
    "phases": {"title": _("Phases"), "formset": _parts_formset(Phase, form=PhaseForm)},
    "milestones": {"title": _("Milestones"), "formset": _parts_formset(Milestone, form=MilestoneForm)},
    "principles": {
        "title": _("Leading principles"),
        "formset": _parts_formset(Principle, ["order", "title", "description"]),
    },
    "building-blocks": {
        "title": _("Building blocks"),
        "formset": _parts_formset(BuildingBlock, form=BuildingBlockForm),
    },
}


class WorkgroupForm(ProgrammeScopedForm):
    class Meta:
        model = Workgroup
        fields = [
            "number",
            "name",
            "action_lines",
            "principal",
            "goal",
            "orientation",
            "smart_result",
            "priority",
            "parties_involved",
            "activities_and_planning",
            "depends_on",
            "procurement_relation",
            "end_user_involvement",
        ]
        widgets = {
            "action_lines": forms.CheckboxSelectMultiple,
            "depends_on": forms.CheckboxSelectMultiple,
            **{
                name: SHORT_TEXT
                for name in (
                    "goal",
                    "orientation",
                    "smart_result",
                    "parties_involved",
                    "procurement_relation",
                    "end_user_involvement",
                )
            },
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["depends_on"].queryset = self.fields["depends_on"].queryset.exclude(pk=self.instance.pk)

    def clean_depends_on(self):
        others = self.cleaned_data["depends_on"]
        if self.instance.pk:
            # A dependency cycle (A needs B, B needs A) cannot be planned.
            for other in others:
                if other.depends_on.filter(pk=self.instance.pk).exists():
                    raise forms.ValidationError(
                        _("%(other)s already depends on this workgroup; two workgroups cannot wait for each other.")
                        % {"other": other}
                    )
        return others


MembershipFormSet = inlineformset_factory(
    Workgroup,
    Membership,
    fields=["person", "role", "contribution", "hours_per_week"],
    extra=1,
    can_delete=True,
)
