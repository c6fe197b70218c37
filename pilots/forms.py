from django import forms
from django.core.exceptions import ValidationError
from django.forms import BaseInlineFormSet, BaseModelFormSet, inlineformset_factory, modelformset_factory
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.amounts import EuroField
from core.templatetags.money import euro
from finance import ledger
from governance.constants import AdviceOutcome, MunicipalOrgan, MunicipalOutcome
from governance.models import ALLOWED_DOCUMENT_EXTENSIONS
from programmes.forms import DATE_WIDGET, SHORT_TEXT, ProgrammeScopedForm, ProgrammeScopedInlineFormSet
from programmes.models import Municipality

from .assessment import MOTIVATION_LENGTH
from .conditions import open_conditions
from .constants import WORKGROUP_KINDS, GateOutcome
from .models import AssessmentCriterion, BudgetRequest, Experiment, Gate, Indicator, Measurement, Pilot, PilotRole
from .services import pilot_budget_years


class PilotForm(ProgrammeScopedForm):
    class Meta:
        model = Pilot
        fields = [
            "kind",
            "title",
            "workgroup",
            "action_lines",
            "goals",
            "efforts",
            "network",
            "objective",
            "target_group",
            "approach",
            "parties",
            "parties_text",
            "intended_effects",
            "planned_start",
            "planned_end",
        ]
        widgets = {
            "action_lines": forms.CheckboxSelectMultiple,
            "planned_start": DATE_WIDGET,
            "planned_end": DATE_WIDGET,
            "parties": forms.SelectMultiple(attrs={"size": 6}),
            **{
                name: SHORT_TEXT
                for name in (
                    "goals",
                    "efforts",
                    "network",
                    "objective",
                    "target_group",
                    "approach",
                    "parties_text",
                    "intended_effects",
                )
            },
        }

    def __init__(self, *args, programme=None, workgroups=None, **kwargs):
        super().__init__(*args, programme=programme, **kwargs)
        # A workgroup writes pilots and new initiatives; a programme document has a form of its own.
        self.fields["kind"].choices = [(kind.value, kind.label) for kind in WORKGROUP_KINDS]
        self.fields["workgroup"].required = True
        if workgroups is not None:
            self.fields["workgroup"].queryset = workgroups
        choices = list(self.fields["workgroup"].queryset[:2])
        if len(choices) == 1 and not self.instance.workgroup_id:
            self.initial["workgroup"] = choices[0].pk  # a lead writes for their own workgroup


class ProgrammeDocumentForm(ProgrammeScopedForm):
    """A programme document: what it is, its summary and the action lines it serves. No workgroup and no DIN
    fields; the document itself is added as an annex, money (if any) in the budget rows below the form."""

    class Meta:
        model = Pilot
        fields = ["title", "document_type", "summary", "action_lines"]
        widgets = {"action_lines": forms.CheckboxSelectMultiple, "summary": forms.Textarea(attrs={"rows": 8})}

    def __init__(self, *args, programme=None, **kwargs):
        super().__init__(*args, programme=programme, **kwargs)
        self.fields["document_type"].required = True
        self.fields["document_type"].error_messages["required"] = _("Choose what kind of programme document this is.")


def years_text(years):
    return ", ".join(str(year) for year in years)


class BudgetRequestForm(forms.ModelForm):
    """One year of requested money: only a year the programme has a pilot budget for."""

    class Meta:
        model = BudgetRequest
        fields = ["year", "amount"]

    def __init__(self, *args, budget_years=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.budget_years = list(budget_years)
        if self.budget_years:
            self.fields["year"].help_text = _("Budget years: %(years)s.") % {"years": years_text(self.budget_years)}
            self.fields["year"].widget.attrs.update(min=self.budget_years[0], max=self.budget_years[-1])

    def clean_year(self):
        year = self.cleaned_data.get("year")
        if year is not None and year not in self.budget_years:
            if not self.budget_years:
                raise ValidationError(_("The programme has no pilot budget yet: money cannot be requested."))
            raise ValidationError(
                _("Choose one of the programme's budget years: %(years)s.") % {"years": years_text(self.budget_years)}
            )
        return year


class BaseBudgetRequestFormSet(BaseInlineFormSet):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        programme = self.instance.programme if self.instance.programme_id else None
        self.budget_years = pilot_budget_years(programme) if programme else []

    def get_form_kwargs(self, index):
        return {**super().get_form_kwargs(index), "budget_years": self.budget_years}


BudgetRequestFormSet = inlineformset_factory(
    Pilot,
    BudgetRequest,
    form=BudgetRequestForm,
    formset=BaseBudgetRequestFormSet,
    fields=["year", "amount"],
    extra=2,
    can_delete=True,
)
GateFormSet = inlineformset_factory(
    Pilot,
    Gate,
    fields=["planned_date", "criteria", "is_final"],
    extra=1,
    can_delete=True,
    widgets={"planned_date": DATE_WIDGET, "criteria": SHORT_TEXT},
)
IndicatorFormSet = inlineformset_factory(
    Pilot,
    Indicator,
    fields=["name", "unit", "baseline", "target", "measured_by", "method", "frequency"],
    extra=1,
    can_delete=True,
)
RoleFormSet = inlineformset_factory(
    Pilot,
    PilotRole,
    form=ProgrammeScopedForm,
    formset=ProgrammeScopedInlineFormSet,
    fields=["person", "role"],
    extra=1,
    can_delete=True,
)


class MeasurementForm(forms.ModelForm):
    class Meta:
        model = Measurement
        fields = ["indicator", "date", "value", "note"]
        widgets = {"date": DATE_WIDGET}

    def __init__(self, *args, pilot=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indicator"].queryset = Indicator.objects.filter(pilot=pilot)


class ExperimentForm(forms.ModelForm):
    class Meta:
        model = Experiment
        fields = [
            "workgroup",
            "title",
            "problem",
            "hypothesis",
            "test_setup",
            "outcome",
            "lessons",
            "status",
            "start_date",
            "end_date",
        ]
        widgets = {
            "start_date": DATE_WIDGET,
            "end_date": DATE_WIDGET,
            **{n: SHORT_TEXT for n in ("problem", "hypothesis", "test_setup", "outcome", "lessons")},
        }

    def __init__(self, *args, workgroups=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["workgroup"].queryset = workgroups


class RationaleForm(forms.Form):
    rationale = forms.CharField(label=_("Rationale"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class WithdrawForm(RationaleForm):
    """Withdrawing asks why: the reason goes into the history (the service requires it too)."""

    rationale = forms.CharField(
        label=_("Reason for withdrawing"),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Say why the proposal is withdrawn: a reason is required.")},
    )


class AdviceForm(RationaleForm):
    # Radio buttons without an initial value: the body chooses, nothing is chosen for it.
    outcome = forms.ChoiceField(
        label=_("Advice"),
        choices=AdviceOutcome.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the advice.")},
    )
    conditions = forms.CharField(
        label=_("Conditions"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For a conditional advice: one condition per line. Each is followed on the proposal until met."),
    )
    field_order = ["outcome", "rationale", "conditions"]

    def clean(self):
        data = super().clean()
        if data.get("outcome") == AdviceOutcome.CONDITIONAL and not (data.get("conditions") or "").strip():
            self.add_error("conditions", _("Name the conditions of a conditional advice, one per line."))
        return data


class MunicipalDecisionForm(RationaleForm):
    """One municipality's decision, as its college or council took it. The service checks who may record it, that the
    municipality takes part and has not decided yet; the list offers only the municipalities this user may record."""

    municipality = forms.ModelChoiceField(
        label=_("Municipality"),
        queryset=Municipality.objects.all(),
        error_messages={
            "required": _("Choose the municipality whose decision you record."),
            "invalid_choice": _("Choose a municipality that takes part in the collaboration."),
        },
    )
    outcome = forms.ChoiceField(
        label=_("Decision of the municipality"),
        choices=MunicipalOutcome.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose whether the municipality agreed or declined.")},
    )
    organ = forms.ChoiceField(label=_("Decided by"), choices=MunicipalOrgan.choices)
    decided_on = forms.DateField(
        label=_("Date of the decision"),
        widget=DATE_WIDGET,
        error_messages={"required": _("Give the date of the college's or council's decision.")},
    )
    document = forms.FileField(
        label=_("Decision document"),
        required=False,
        max_length=None,  # a long name is shortened when stored (core.files), not refused
        help_text=_("Optional: the decision as published (%(types)s; at most 10 MB).")
        % {"types": ", ".join(ALLOWED_DOCUMENT_EXTENSIONS)},
    )
    field_order = ["municipality", "outcome", "organ", "decided_on", "rationale", "document"]

    def __init__(self, *args, pilot=None, municipalities=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["rationale"].help_text = _("Required when the municipality declines.")
        step = pilot.step() if pilot is not None else None
        if step is not None and step.organ:
            self.fields["organ"].initial = step.organ
        self.offer(municipalities or [])

    def offer(self, municipalities):
        """The list shows only these municipalities; what is posted is checked by the service, with its reason."""
        self.fields["municipality"].widget.choices = [("", "---------")] + [(m.pk, m.name) for m in municipalities]

    def clean_decided_on(self):
        decided_on = self.cleaned_data["decided_on"]
        if decided_on > timezone.localdate():
            raise ValidationError(_("The date of the decision cannot lie in the future."))
        return decided_on


DECIDE_OUTCOMES = [("approved", _("Approve")), ("rejected", _("Reject")), ("returned", _("Return for revision"))]


class DecideForm(RationaleForm):
    outcome = forms.ChoiceField(
        label=_("Decision"),
        choices=DECIDE_OUTCOMES,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the decision.")},
    )
    field_order = ["outcome", "rationale"]

    def __init__(self, *args, pilot=None, **kwargs):
        super().__init__(*args, **kwargs)
        # The conditions of the advice still open: the deciding body sees them, and says how they are dealt with.
        self.open_conditions = list(open_conditions(pilot))
        if self.open_conditions:
            self.fields["conditions_note"] = forms.CharField(
                label=_("How the open conditions are dealt with"),
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
                help_text=_("Required for an approval while conditions of the advice are still open."),
            )
        requests = list(pilot.budget_requests.all())
        balances = {b.year: b for b in ledger.year_balances(pilot.programme, [r.year for r in requests])}
        for request in requests:
            balance = balances.get(request.year)
            self.fields[f"amount_{request.year}"] = EuroField(
                label=_("Released for %(year)s (requested %(amount)s)")
                % {"year": request.year, "amount": euro(request.amount)},
                initial=request.amount,
                required=False,
                help_text=(
                    _("Left of the pilot budget for %(year)s: %(left)s")
                    % {"year": request.year, "left": euro(balance.available)}
                    if balance is not None
                    else _("The programme has no pilot budget for %(year)s.") % {"year": request.year}
                ),
            )

    def clean(self):
        data = super().clean()
        if data.get("outcome") == "approved" and self.open_conditions and not data.get("conditions_note", "").strip():
            self.add_error(
                "conditions_note",
                _("Conditions of the advice are still open: state how they are dealt with before approving."),
            )
        if data.get("outcome") == "approved":
            for name in self.fields:
                if name.startswith("amount_") and data.get(name) is None and name not in self.errors:
                    self.add_error(
                        name,
                        _("State the amount released for %(year)s (0 if nothing is released that year).")
                        % {"year": name.split("_")[1]},
                    )
        return data

    def amounts(self):
        """Every requested year with what the decision releases (the service refuses a missing year)."""
        return {
            int(name.split("_")[1]): value
            for name, value in self.cleaned_data.items()
            if name.startswith("amount_") and value is not None
        }


class GateForm(RationaleForm):
    gate = forms.ModelChoiceField(
        queryset=Gate.objects.none(),
        widget=forms.HiddenInput,
        error_messages={
            "required": _("Choose a go/no-go moment of this pilot."),
            "invalid_choice": _("Choose a go/no-go moment of this pilot."),
        },
    )
    outcome = forms.ChoiceField(label=_("Outcome"), choices=GateOutcome.choices)
    field_order = ["gate", "outcome", "rationale"]

    def __init__(self, *args, pilot=None, **kwargs):
        super().__init__(*args, **kwargs)
        if pilot is not None:
            self.fields["gate"].queryset = pilot.gates.all()


class SpendForm(forms.Form):
    """Spending on a running pilot: a year the pilot has money for, an amount in euros, what it was for."""

    year = forms.TypedChoiceField(label=_("Year"), coerce=int, choices=[])
    amount = EuroField(label=_("Spent (EUR)"))
    note = forms.CharField(label=_("What for"), max_length=300, required=False)

    def __init__(self, *args, pilot=None, **kwargs):
        super().__init__(*args, **kwargs)
        years = sorted(r.year for r in pilot.budget_requests.all()) if pilot is not None else []  # prefetched
        self.fields["year"].choices = [(year, year) for year in years]


class PromoteForm(forms.Form):
    """The draft pilot an experiment becomes, as services.promotion_fields proposes it and the lead corrects it."""

    title = forms.CharField(label=_("Title"), max_length=200)
    goals = forms.CharField(label=_("Goals (Doelen)"), required=False, widget=forms.Textarea(attrs={"rows": 6}))
    objective = forms.CharField(label=_("Objective"), required=False, widget=SHORT_TEXT)
    approach = forms.CharField(label=_("Approach"), required=False, widget=forms.Textarea(attrs={"rows": 8}))
    intended_effects = forms.CharField(label=_("Intended effects"), required=False, widget=SHORT_TEXT)


class ConditionActForm(forms.Form):
    """Marking a condition met, confirming, reopening or dropping it, with an explanation (the service says when)."""

    explanation = forms.CharField(
        label=_("Explanation"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )


class ScoreForm(forms.Form):
    """One member's scores of a proposal: per criterion a score on its scale and a short motivation."""

    def __init__(self, *args, criteria=(), members=None, scores=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        scores = scores or {}
        if members is not None:
            self.fields["member"] = forms.ModelChoiceField(
                label=_("Scores of"),
                queryset=members,
                required=False,
                empty_label=_("myself"),
                help_text=_("As chair or secretary you can record the scores a member gave in the meeting."),
            )
        for criterion in self.criteria:
            given = scores.get(criterion.pk)
            self.fields[f"value_{criterion.pk}"] = forms.TypedChoiceField(
                label=criterion.name,
                help_text=criterion.description,
                choices=[("", "–")] + [(value, value) for value in criterion.scale],
                coerce=int,
                empty_value=None,
                required=False,
                initial=given.value if given else None,
                error_messages={
                    "invalid_choice": _("Choose a score from %(min)s to %(max)s.")
                    % {"min": criterion.scale_min, "max": criterion.scale_max}
                },
            )
            self.fields[f"motivation_{criterion.pk}"] = forms.CharField(
                label=_("Motivation for %(criterion)s") % {"criterion": criterion.name},
                required=False,
                max_length=MOTIVATION_LENGTH,
                initial=given.motivation if given else "",
            )

    def clean(self):
        data = super().clean()
        if self.criteria and all(data.get(f"value_{c.pk}") is None for c in self.criteria) and not self.errors:
            raise ValidationError(_("Give a score on at least one criterion."))
        return data

    def rows(self):
        """Per criterion its score and motivation fields, to lay out together."""
        return [(c, self[f"value_{c.pk}"], self[f"motivation_{c.pk}"]) for c in self.criteria]

    def entries(self):
        return {
            criterion.pk: (
                self.cleaned_data.get(f"value_{criterion.pk}"),
                self.cleaned_data.get(f"motivation_{criterion.pk}"),
            )
            for criterion in self.criteria
        }


class CriterionForm(forms.ModelForm):
    class Meta:
        model = AssessmentCriterion
        fields = ["name", "description", "order", "scale_min", "scale_max", "axis"]
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}

    def clean(self):
        data = super().clean()
        low, high = data.get("scale_min"), data.get("scale_max")
        if low is not None and high is not None and low >= high:
            self.add_error("scale_max", _("The highest score must be higher than the lowest score."))
        elif self.instance.pk and low is not None and high is not None:
            outside = self.instance.scores.exclude(value__range=(low, high)).exists()
            if outside:
                self.add_error("scale_max", _("Scores already given lie outside this scale: keep the scale wider."))
        return data


class BaseCriterionFormSet(BaseModelFormSet):
    def __init__(self, *args, programme=None, **kwargs):
        self.programme = programme
        kwargs.setdefault("queryset", AssessmentCriterion.objects.filter(programme=programme))
        super().__init__(*args, **kwargs)

    def save_new(self, form, commit=True):
        form.instance.programme = self.programme
        return super().save_new(form, commit)

    def clean(self):
        super().clean()
        names, axes = set(), set()
        for form in self.forms:
            if not form.is_valid() or form.cleaned_data.get("DELETE") or not form.cleaned_data.get("name"):
                continue
            name, axis = form.cleaned_data["name"].strip().lower(), form.cleaned_data.get("axis")
            if name in names:
                form.add_error("name", _("Two criteria have the same name."))
            if axis and axis in axes:
                form.add_error("axis", _("Only one criterion can take this place in the matrix."))
            names.add(name)
            if axis:
                axes.add(axis)
        # A deleted form's own errors do not count, so a criterion that has scores is refused for the whole set.
        scored = [
            form.instance.name for form in self.deleted_forms if form.instance.pk and form.instance.scores.exists()
        ]
        if scored:
            raise ValidationError(
                _("%(names)s already has scores and cannot be removed.") % {"names": ", ".join(scored)}
            )


CriterionFormSet = modelformset_factory(
    AssessmentCriterion, form=CriterionForm, formset=BaseCriterionFormSet, extra=1, can_delete=True
)
