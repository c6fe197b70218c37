from functools import cache

from django import forms
from django.contrib.admin.widgets import AutocompleteMixin
from django.core.exceptions import ObjectDoesNotExist
from django.db import router
from django.db.models import ProtectedError, QuerySet, RestrictedError
from django.db.models.deletion import Collector
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from .constants import Domain
from .models import (
    ActionLine,
    BuildingBlock,
    Collaboration,
    GovernanceBody,
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
    domains = forms.MultipleChoiceField(
        label=_("Domains"),
        choices=Domain.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("What the programme is about; pages speak of youth care only where youth care is one of them."),
        error_messages={
            "required": _(
                "Choose at least one domain: youth care, social support (Wmo) or the social domain as a whole."
            )
        },
    )

    class Meta:
        model = Programme
        fields = [
            "title",
            "start_date",
            "end_date",
            "domains",
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

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["domains"].initial = self.instance.domains

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("domains"):
            self.instance.domains = cleaned["domains"]  # before the model's own checks, which need one domain
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


@cache
def lookup_to(model, target, depth=3):
    """The lookup from `model` to `target` along foreign keys ("programme", "meeting__body__programme"), or None."""
    level = [("", model)]
    for _depth in range(depth):
        following = []
        for prefix, current in level:
            for field in current._meta.concrete_fields:
                if field.many_to_one or field.one_to_one:
                    if field.related_model is target:
                        return prefix + field.name
                    following.append((f"{prefix}{field.name}__", field.related_model))
        level = following
    return None


def programme_of(obj):
    """The programme an object belongs to, or None while that is not known (a new object, programme not chosen)."""
    try:
        return obj.programme
    except (AttributeError, ObjectDoesNotExist):
        return None


def scoped_choices(queryset, programme):
    """What of `queryset` a form of `programme` offers: the programme's own records, and its collaboration's people,
    organisations and municipalities. None for what belongs to no programme (users, programmes themselves).
    A programme that is still being created has no records of its own yet."""
    model = queryset.model
    if model is Programme:
        return None
    if hasattr(queryset, "of_collaboration"):
        return queryset.of_collaboration(programme.collaboration_id) if programme.collaboration_id else queryset.none()
    if path := lookup_to(model, Programme):
        return queryset.filter(**{path: programme}) if programme.pk else queryset.none()
    if path := lookup_to(model, Collaboration):
        return queryset.filter(**{path: programme.collaboration_id})
    return None


def _plain_select(field):
    """Autocomplete suggestions come from one view for every object, which cannot know this object's programme;
    a scoped list is offered as a plain select instead."""
    owner, widget = (field.widget, field.widget.widget) if hasattr(field.widget, "widget") else (field, field.widget)
    if isinstance(widget, AutocompleteMixin):
        owner.widget = forms.SelectMultiple() if widget.allow_multiple_selected else forms.Select()
        field.widget.choices = field.choices


class ProgrammeScopedForm(forms.ModelForm):
    """Every choice list offers only what belongs with the object's programme (scoped_choices).

    When the programme is known up front the lists are limited to it; when it is chosen in the same form (an
    admin add form) or changed there, clean() refuses choices that do not belong with the chosen programme.
    """

    def __init__(self, *args, programme=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.programme = programme or programme_of(self.instance)
        if self.programme is None:
            return
        for field in self._choice_fields().values():
            scoped = scoped_choices(field.queryset, self.programme)
            if scoped is not None:
                field.queryset = scoped
                _plain_select(field)

    def _choice_fields(self):
        return {
            name: field for name, field in self.fields.items() if isinstance(getattr(field, "queryset", None), QuerySet)
        }

    def clean(self):
        cleaned = super().clean()
        path = lookup_to(self._meta.model, Programme)
        owner = path.split("__")[0] if path else None  # the field that says which programme: programme, workgroup...
        programme = programme_of(cleaned.get(owner)) if owner else None
        if programme is None or programme == self.programme:
            return cleaned  # the lists were limited to this programme already
        for name, field in self._choice_fields().items():
            value = cleaned.get(name)
            scoped = scoped_choices(field.queryset, programme) if value and name != owner else None
            if scoped is None:
                continue
            chosen = {obj.pk for obj in value} if isinstance(value, QuerySet) else {value.pk}
            if scoped.filter(pk__in=chosen).count() != len(chosen):
                self.add_error(
                    name,
                    _("Choose only what belongs to %(programme)s and its collaboration.") % {"programme": programme},
                )
        return cleaned

    def _get_validation_exclusions(self):
        # The programme is set by the view, not typed in, but uniqueness per programme
        # must still be checked on the form rather than end in a database error.
        exclude = super()._get_validation_exclusions()
        exclude.discard("programme")
        return exclude


class ProgrammeScopedInlineFormSet(forms.BaseInlineFormSet):
    """Children of an object (members of a workgroup, roles of a pilot) choose from the parent's programme."""

    def __init__(self, *args, programme=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.programme = programme or programme_of(self.instance)

    def get_form_kwargs(self, index):
        kwargs = super().get_form_kwargs(index)
        if issubclass(self.form, ProgrammeScopedForm):
            kwargs["programme"] = self.programme
        return kwargs

    def clean(self):
        """A row ticked for removal that other records still rest on (an action line named in decisions) is
        refused with a Dutch error above the rows, and nothing of the formset is saved."""
        super().clean()
        in_use = [
            _("%(item)s is still in use and cannot be removed.") % {"item": str(form.instance)}
            for form in self.deleted_forms
            if form.instance.pk and still_in_use(form.instance)
        ]
        if in_use:
            raise forms.ValidationError(in_use)


def still_in_use(obj):
    """Whether deleting obj would be refused because protected or restricted records point at it."""
    collector = Collector(using=router.db_for_write(type(obj)))
    try:
        collector.collect([obj])
    except (ProtectedError, RestrictedError):
        return True
    return False


class GovernanceBodyForm(ProgrammeScopedForm):
    """A body chooses its kind from its programme's collaboration's kinds (scoped_choices). On an add form the
    programme is chosen in the same form: every collaboration's kinds are listed, each with its collaboration, and a
    kind of another collaboration than the chosen programme's is refused."""

    class Meta:
        model = GovernanceBody
        fields = [
            "programme",
            "name",
            "abbreviation",
            "kind",
            "description",
            "decision_authority",
            "submission_deadline_days",
            "decisions_public",
            "publication_delay_days",
            "order",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        kind = self.fields.get("kind")
        if kind is not None and self.programme is None:
            kind.queryset = kind.queryset.select_related("collaboration")
            kind.label_from_instance = lambda obj: f"{obj} – {obj.collaboration}"


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


def _part(title, new, model, fields=None, form=ProgrammeScopedForm, widgets=None, optional=False):
    """One list of the plan: edited all at once (formset), or one item at a time (form). Both use the same
    fields and widgets; the form's own widgets (e.g. checkboxes for result goals) are kept. An optional part
    (West-Brabant-Oost's leading principles) shows only on a programme that has some; the programme's edit page
    offers to add the first."""
    fields = fields or form._meta.fields
    widgets = {**getattr(getattr(form, "Meta", None), "widgets", {}), **(widgets or {"description": SHORT_TEXT})}
    return {
        "title": title,
        "new": new,
        "model": model,
        "optional": optional,
        "formset": inlineformset_factory(
            Programme,
            model,
            form=form,
            formset=ProgrammeScopedInlineFormSet,
            fields=fields,
            widgets=widgets,
            extra=1,
            can_delete=True,
        ),
        "form": forms.modelform_factory(model, form=form, fields=fields, widgets=widgets),
    }


# The parts of a plan, by URL slug: each is edited as a list in place, or one item at a time.
PLAN_PARTS = {
    "results": _part(
        _("Result goals"), _("New result goal"), ResultGoal, ["order", "title", "description", "target_year"]
    ),
    "action-lines": _part(_("Action lines"), _("New action line"), ActionLine, form=ActionLineForm),
    "preconditions": _part(_("Preconditions"), _("New precondition"), Precondition, ["order", "title", "description"]),
    "phases": _part(_("Phases"), _("New phase"), Phase, form=PhaseForm),
    "milestones": _part(_("Milestones"), _("New milestone"), Milestone, form=MilestoneForm),
    "principles": _part(
        _("Leading principles"),
        _("New leading principle"),
        Principle,
        ["order", "title", "description"],
        optional=True,
    ),
    "building-blocks": _part(
        _("Building blocks"), _("New building block"), BuildingBlock, form=BuildingBlockForm, optional=True
    ),
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
    form=ProgrammeScopedForm,
    formset=ProgrammeScopedInlineFormSet,
    fields=["person", "role", "contribution", "hours_per_week"],
    extra=1,
    can_delete=True,
)
