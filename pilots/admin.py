"""Pilots in the admin site. Acts on the route are admin actions with an intermediate form that call the same
services as the web pages: same refusals, same history (marked "admin"). Status and money are never raw fields.

The state rules of the web pages hold here too, for administrators as well: the proposal and its requested budget
are edited only while the pilot is a draft, a decided go/no-go moment stays as it was, and the programme is chosen
once, when the pilot is added, so that every list of the change form is that programme's."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.options import IS_POPUP_VAR
from django.core.exceptions import ValidationError
from django.shortcuts import render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from core.amounts import EuroField
from core.templatetags.money import euro
from governance.constants import AdviceOutcome
from programmes.admin import ScopedInlineMixin, StateLockedAdmin
from programmes.forms import ProgrammeScopedForm, ProgrammeScopedInlineFormSet

from . import services
from .conditions import open_conditions
from .models import (
    NOT_A_DRAFT,
    AssessmentCriterion,
    BudgetRequest,
    Condition,
    Experiment,
    Gate,
    Indicator,
    Measurement,
    Pilot,
    PilotEvent,
    PilotRole,
)


class ActForm(forms.Form):
    _selected_action = forms.CharField(widget=forms.MultipleHiddenInput)
    outcome = forms.ChoiceField(label=_("Outcome"), required=False, choices=[])
    rationale = forms.CharField(label=_("Rationale"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    conditions = forms.CharField(
        label=_("Conditions"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For a conditional advice: one condition per line. Each is followed on the proposal until met."),
    )
    conditions_note = forms.CharField(
        label=_("How the open conditions are dealt with"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Required for an approval while conditions of the advice are still open."),
    )


ACTS = {
    "forward": (_("Assess and forward"), [], lambda p, u, d: services.forward(p, u, d["rationale"], via="admin")),
    "advise": (
        _("Record advice"),
        AdviceOutcome.choices,
        lambda p, u, d: services.record_advice(p, u, d["outcome"], d["rationale"], d["conditions"], via="admin"),
    ),
    "decide": (
        _("Record decision"),
        [("approved", _("Approve")), ("rejected", _("Reject")), ("returned", _("Return for revision"))],
        lambda p, u, d: services.decide(
            p,
            u,
            d["outcome"],
            d["rationale"],
            amounts=_stated_amounts(p, d) if d["outcome"] == "approved" else None,
            via="admin",
            conditions_note=d["conditions_note"],
        ),
    ),
    "return": (
        _("Return for revision"),
        [],
        lambda p, u, d: services.return_for_revision(p, u, d["rationale"], via="admin"),
    ),
    "withdraw": (_("Withdraw"), [], lambda p, u, d: services.withdraw(p, u, d["rationale"], via="admin")),
    "start": (_("Start"), [], lambda p, u, d: services.start(p, u, via="admin")),
}


def _amount_field_name(pilot, year):
    return f"amount_{pilot.pk}_{year}"


def _add_amount_fields(form, pilots):
    """Approving states the amount per year, as on the pilot page: the requested amount unless changed."""
    for pilot in pilots:
        for request in pilot.budget_requests.all():
            form.fields[_amount_field_name(pilot, request.year)] = EuroField(
                label=_("%(pilot)s: released for %(year)s (requested %(amount)s)")
                % {"pilot": pilot.title, "year": request.year, "amount": euro(request.amount)},
                initial=request.amount,
                required=False,
                help_text=_("Only for an approval; 0 if nothing is released that year."),
            )


def _stated_amounts(pilot, data):
    return {r.year: data.get(_amount_field_name(pilot, r.year)) for r in pilot.budget_requests.all()}


def make_action(name):
    label, choices, perform = ACTS[name]

    def action(modeladmin, request, queryset):
        form = ActForm(
            request.POST if "apply" in request.POST else None,
            initial={"_selected_action": request.POST.getlist(admin.helpers.ACTION_CHECKBOX_NAME)},
        )
        form.fields["outcome"].choices = choices
        form.fields["outcome"].required = bool(choices)
        if not choices:
            del form.fields["outcome"]
        if name != "advise":
            del form.fields["conditions"]
        if name != "decide":
            del form.fields["conditions_note"]
        if name == "decide":
            _add_amount_fields(form, queryset.prefetch_related("budget_requests"))
        open_now = {}
        if name == "decide":
            open_now = {pilot: list(open_conditions(pilot)) for pilot in queryset if pilot.status == "on_route"}
            open_now = {pilot: found for pilot, found in open_now.items() if found}
        if "apply" in request.POST and form.is_valid():
            data = {"outcome": "", "conditions": "", "conditions_note": "", **form.cleaned_data}
            for pilot in queryset:
                try:
                    perform(pilot, request.user, data)
                except ValidationError as error:
                    modeladmin.message_user(request, f"{pilot}: {' '.join(error.messages)}", messages.ERROR)
                else:
                    modeladmin.message_user(request, f"{pilot}: {label}", messages.SUCCESS)
            return None
        return render(
            request,
            "admin/pilots/act.html",
            {
                **modeladmin.admin_site.each_context(request),
                "title": label,
                "form": form,
                "pilots": queryset,
                "action": f"act_{name}",
                "open_conditions": open_now,
                "opts": modeladmin.model._meta,
            },
        )

    action.__name__ = f"act_{name}"
    action.short_description = label
    return action


class BudgetRequestInline(admin.TabularInline):
    """The requested budget is part of the proposal: read-only once the pilot is submitted."""

    model = BudgetRequest
    extra = 0
    readonly_fields = ["requested"]

    def get_fields(self, request, obj=None):
        return ["year", "amount"] if obj is None or obj.is_editable else ["year", "requested"]

    @admin.display(description=_("requested amount"))
    def requested(self, budget_request):
        return euro(budget_request.amount)

    def has_add_permission(self, request, obj=None):
        return (obj is None or obj.is_editable) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return (obj is None or obj.is_editable) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return (obj is None or obj.is_editable) and super().has_delete_permission(request, obj)


class GateFormSet(ProgrammeScopedInlineFormSet):
    """A go/no-go moment whose outcome is recorded is history: shown, not changed or removed."""

    def add_fields(self, form, index):
        super().add_fields(form, index)
        if form.instance.outcome:
            for field in form.fields.values():
                field.disabled = True


class GateInline(ScopedInlineMixin, admin.TabularInline):
    model = Gate
    formset = GateFormSet
    extra = 0
    readonly_fields = ["outcome", "decision_text"]

    @admin.display(description=_("Decision"))
    def decision_text(self, gate):
        return gate.decision.rationale or str(gate.decision) if gate.decision else "–"


class IndicatorInline(admin.TabularInline):
    model = Indicator
    extra = 0


class RoleInline(ScopedInlineMixin, admin.TabularInline):
    model = PilotRole
    extra = 0
    autocomplete_fields = ["person"]


class EventInline(admin.TabularInline):
    """The route's acts as the pilot page shows them: when, what, which body, by whom, and why."""

    model = PilotEvent
    extra = 0
    can_delete = False
    verbose_name = _("act on the route")
    verbose_name_plural = _("acts on the route")
    fields = ["moment", "kind", "body_name", "by", "note_text"]
    readonly_fields = fields

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("actor", "body", "advice", "decision")

    @admin.display(description=_("Date/time"))
    def moment(self, event):
        return date_format(timezone.localtime(event.at), "d-m-Y H:i")

    @admin.display(description=_("Body"))
    def body_name(self, event):
        return event.body or "–"

    @admin.display(description=_("By"))
    def by(self, event):
        name = event.actor.get_full_name() or event.actor.username if event.actor else "–"
        return f"{name} ({_('admin site')})" if event.via == "admin" else name

    @admin.display(description=_("Outcome and rationale"))
    def note_text(self, event):
        record = event.decision or event.advice
        parts = [str(record.get_outcome_display()) if record else "", event.note]
        if record and record.rationale and record.rationale not in event.note:
            parts.append(f"{_('Rationale')}: {record.rationale}")
        if event.advice and event.advice.conditions:
            parts.append(f"{_('Conditions')}: {event.advice.conditions}")
        return " · ".join(part for part in parts if part) or "–"

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class ConditionInline(admin.TabularInline):
    """The conditions of conditional advice, as followed: changed only by their acts (pilots.conditions)."""

    model = Condition
    extra = 0
    can_delete = False
    fields = ["text", "body", "state", "submission"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(AssessmentCriterion)
class AssessmentCriterionAdmin(SimpleHistoryAdmin):
    list_display = ["name", "programme", "order", "scale_min", "scale_max", "axis"]
    list_filter = ["programme"]
    list_select_related = ["programme"]
    search_fields = ["name"]
    autocomplete_fields = ["programme"]


@admin.register(Pilot)
class PilotAdmin(StateLockedAdmin, SimpleHistoryAdmin):
    form = ProgrammeScopedForm
    add_fields = ["programme", "workgroup", "kind", "document_type", "title"]
    locked_message = NOT_A_DRAFT
    list_display = ["title", "programme", "workgroup", "kind", "status", "current_step"]
    list_filter = ["status", "kind", "programme"]
    list_select_related = ["programme", "workgroup"]
    search_fields = ["title", "goals", "objective"]
    autocomplete_fields = ["programme", "workgroup", "experiment"]
    filter_horizontal = ["action_lines", "parties"]
    readonly_fields = ["status", "current_step", "submission"]
    inlines = [BudgetRequestInline, GateInline, IndicatorInline, RoleInline, ConditionInline, EventInline]
    actions = [make_action(name) for name in ACTS]
    object_history_template = "admin/pilots/pilot/object_history.html"

    def history_view(self, request, object_id, extra_context=None):
        """The route's acts (who, when, which body, outcome, why) above the edits of the proposal itself."""
        events = PilotEvent.objects.filter(pilot_id=object_id).select_related("actor", "body", "advice", "decision")
        return super().history_view(request, object_id, {"events": events, **(extra_context or {})})

    def is_locked(self, pilot):
        return not pilot.is_editable

    def get_readonly_fields(self, request, obj=None):
        readonly = super().get_readonly_fields(request, obj)
        return readonly if obj is None or "programme" in readonly else [*readonly, "programme"]

    def get_fields(self, request, obj=None):
        return self.add_fields if obj is None else super().get_fields(request, obj)

    def get_inlines(self, request, obj):
        return [] if obj is None else super().get_inlines(request, obj)

    def response_add(self, request, obj, post_url_continue=None):
        """A new pilot opens in its change form, whose lists now know its programme."""
        if "_addanother" not in request.POST and IS_POPUP_VAR not in request.POST:
            request.POST = request.POST.copy()
            request.POST["_continue"] = 1
        return super().response_add(request, obj, post_url_continue)

    def has_delete_permission(self, request, obj=None):
        return obj is not None and obj.status == "draft" and not obj.events.exists()


@admin.register(Experiment)
class ExperimentAdmin(SimpleHistoryAdmin):
    form = ProgrammeScopedForm
    list_display = ["title", "workgroup", "status", "start_date"]
    list_filter = ["status", "workgroup__programme"]
    list_select_related = ["workgroup__programme"]
    search_fields = ["title", "problem", "hypothesis"]
    autocomplete_fields = ["workgroup"]


@admin.register(Measurement)
class MeasurementAdmin(SimpleHistoryAdmin):
    list_display = ["indicator", "date", "value"]
    list_select_related = ["indicator__pilot"]
    search_fields = ["indicator__name", "indicator__pilot__title"]
