"""Pilots in the admin site. Acts on the route are admin actions with an intermediate form that call the same
services as the web pages: same refusals, same history (marked "admin"). Status and money are never raw fields."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from governance.constants import AdviceOutcome

from . import services
from .models import BudgetRequest, Experiment, Gate, Indicator, Measurement, Pilot, PilotEvent, PilotRole


class ActForm(forms.Form):
    _selected_action = forms.CharField(widget=forms.MultipleHiddenInput)
    outcome = forms.ChoiceField(label=_("Outcome"), required=False, choices=[])
    rationale = forms.CharField(label=_("Rationale"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    conditions = forms.CharField(label=_("Conditions"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


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
        lambda p, u, d: services.decide(p, u, d["outcome"], d["rationale"], via="admin"),
    ),
    "return": (
        _("Return for revision"),
        [],
        lambda p, u, d: services.return_for_revision(p, u, d["rationale"], via="admin"),
    ),
    "withdraw": (_("Withdraw"), [], lambda p, u, d: services.withdraw(p, u, d["rationale"], via="admin")),
    "start": (_("Start"), [], lambda p, u, d: services.start(p, u, via="admin")),
}


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
        if "apply" in request.POST and form.is_valid():
            data = {"outcome": "", "conditions": "", **form.cleaned_data}
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
                "opts": modeladmin.model._meta,
            },
        )

    action.__name__ = f"act_{name}"
    action.short_description = label
    return action


class BudgetRequestInline(admin.TabularInline):
    model = BudgetRequest
    extra = 0


class GateInline(admin.TabularInline):
    model = Gate
    extra = 0
    readonly_fields = ["outcome", "decision"]


class IndicatorInline(admin.TabularInline):
    model = Indicator
    extra = 0


class RoleInline(admin.TabularInline):
    model = PilotRole
    extra = 0
    autocomplete_fields = ["person"]


class EventInline(admin.TabularInline):
    model = PilotEvent
    extra = 0
    can_delete = False
    fields = ["at", "kind", "body", "actor", "via", "note"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Pilot)
class PilotAdmin(SimpleHistoryAdmin):
    list_display = ["title", "programme", "workgroup", "kind", "status", "current_step"]
    list_filter = ["status", "kind", "programme"]
    list_select_related = ["programme", "workgroup"]
    search_fields = ["title", "goals", "objective"]
    autocomplete_fields = ["programme", "workgroup", "experiment"]
    filter_horizontal = ["action_lines", "parties"]
    readonly_fields = ["status", "current_step", "submission"]
    inlines = [BudgetRequestInline, GateInline, IndicatorInline, RoleInline, EventInline]
    actions = [make_action(name) for name in ACTS]

    def has_delete_permission(self, request, obj=None):
        return obj is not None and obj.status == "draft" and not obj.events.exists()


@admin.register(Experiment)
class ExperimentAdmin(SimpleHistoryAdmin):
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
