from django.contrib import admin
from django.db import models
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from core.downloads import DownloadLinkWidget
from programmes.admin import ScopedInlineMixin, StateLockedAdmin
from programmes.forms import GovernanceBodyForm, ProgrammeScopedForm
from programmes.models import BodyMembership, GovernanceBody

from .constants import MeetingStatus
from .forms import RouteStepFormSetBase
from .models import (
    Advice,
    AgendaDocument,
    AgendaItem,
    Decision,
    DecisionRoute,
    Meeting,
    MunicipalDecision,
    RouteStep,
)

MEETING_CLOSED = _("This meeting is closed: its agenda, papers and minutes stay as they were.")


class BodyMembershipInline(ScopedInlineMixin, admin.TabularInline):
    model = BodyMembership
    extra = 0
    autocomplete_fields = ["person"]
    fields = ["person", "role", "contribution", "hours_per_week"]


@admin.register(GovernanceBody)
class GovernanceBodyAdmin(SimpleHistoryAdmin):
    """A body's kind is one of its programme's collaboration's kinds (GovernanceBodyForm)."""

    form = GovernanceBodyForm
    list_display = ["name", "abbreviation", "kind", "programme", "submission_deadline_days", "decisions_public"]
    list_filter = ["programme__collaboration", "programme"]
    list_select_related = ["programme", "kind"]
    search_fields = ["name", "abbreviation", "decision_authority"]
    autocomplete_fields = ["programme"]
    inlines = [BodyMembershipInline]


@admin.register(BodyMembership)
class BodyMembershipAdmin(SimpleHistoryAdmin):
    form = ProgrammeScopedForm
    list_display = ["person", "body", "role"]
    list_filter = ["role", "body__programme"]
    list_select_related = ["person", "body__programme"]
    search_fields = ["person__name", "body__name"]
    autocomplete_fields = ["person", "body"]


class RouteStepInline(admin.TabularInline):
    model = RouteStep
    form = ProgrammeScopedForm
    formset = RouteStepFormSetBase
    extra = 0
    autocomplete_fields = ["body"]


@admin.register(DecisionRoute)
class DecisionRouteAdmin(SimpleHistoryAdmin):
    list_display = ["name", "programme", "is_default"]
    list_filter = ["programme"]
    list_select_related = ["programme"]
    search_fields = ["name"]
    autocomplete_fields = ["programme"]
    inlines = [RouteStepInline]


@admin.register(Meeting)
class MeetingAdmin(StateLockedAdmin, SimpleHistoryAdmin):
    """A meeting is closed on its own page, which records the outcomes; once closed it is read-only here too."""

    form = ProgrammeScopedForm
    list_display = ["body", "starts_at", "place", "status"]
    list_filter = ["status", "body__programme"]
    list_select_related = ["body__programme"]
    search_fields = ["body__name", "place"]
    autocomplete_fields = ["body"]
    date_hierarchy = "starts_at"
    locked_message = MEETING_CLOSED

    def is_locked(self, meeting):
        return meeting.is_closed

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        if db_field.name == "status":
            kwargs["choices"] = [choice for choice in MeetingStatus.choices if choice[0] != MeetingStatus.CLOSED]
        return super().formfield_for_choice_field(db_field, request, **kwargs)


class AppendOnlyAdmin(admin.ModelAdmin):
    """Advice and decisions are recorded, never edited or deleted: a correction is a new record."""

    form = ProgrammeScopedForm
    list_select_related = ["body", "programme"]
    search_fields = ["subject_title", "rationale"]
    autocomplete_fields = ["corrects"]
    date_hierarchy = "date"
    exclude = ["recorded_by", "subject_type", "subject_id"]

    def has_change_permission(self, request, obj=None):
        return obj is None and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return False

    def get_readonly_fields(self, request, obj=None):
        if obj is not None:
            return [field.name for field in self.model._meta.fields]
        return []

    def save_model(self, request, obj, form, change):
        if change:
            raise PermissionError("append-only")
        obj.recorded_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(Advice)
class AdviceAdmin(AppendOnlyAdmin):
    list_display = ["date", "body", "outcome", "subject_title", "programme"]
    list_filter = ["outcome", "body", "programme"]


@admin.register(Decision)
class DecisionAdmin(AppendOnlyAdmin):
    list_display = ["date", "body", "outcome", "subject_title", "programme"]
    list_filter = ["outcome", "body", "programme"]


@admin.register(MunicipalDecision)
class MunicipalDecisionAdmin(admin.ModelAdmin):
    """Read only. A municipality's decision is recorded on the proposal's page only, through
    pilots.services.record_municipal_decision, which checks who may record it and ends the step when the rule is met;
    a form here would have to repeat all of that, so the admin site shows the decisions and records none."""

    list_display = ["decided_on", "municipality", "outcome", "organ", "subject_title", "body", "programme"]
    list_filter = ["outcome", "organ", "programme"]
    list_select_related = ["municipality", "body", "programme"]
    search_fields = ["subject_title", "municipality__name", "rationale"]
    date_hierarchy = "decided_on"
    exclude = ["subject_type", "subject_id", "document"]
    readonly_fields = [
        "programme",
        "body",
        "subject_title",
        "step_order",
        "submission",
        "municipality",
        "outcome",
        "decided_on",
        "organ",
        "rationale",
        "document_link",
        "recorded_by",
        "recorded_at",
    ]

    @admin.display(description=_("decision document"))
    def document_link(self, obj):
        if not obj.document:
            return "-"
        return format_html(
            '<a href="{}">{}</a>', reverse("governance:municipal_document", args=[obj.pk]), obj.document.name
        )

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class AgendaDocumentInline(admin.TabularInline):
    model = AgendaDocument
    extra = 0
    # The current file links to the permission-checked download, never to its storage URL.
    # A long name is shortened when stored (core.files), not refused.
    formfield_overrides = {models.FileField: {"widget": DownloadLinkWidget("governance:document"), "max_length": None}}

    def has_add_permission(self, request, obj=None):
        return not (obj is not None and obj.meeting.is_closed) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return not (obj is not None and obj.meeting.is_closed) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return not (obj is not None and obj.meeting.is_closed) and super().has_delete_permission(request, obj)


@admin.register(AgendaItem)
class AgendaItemAdmin(StateLockedAdmin, SimpleHistoryAdmin):
    form = ProgrammeScopedForm
    locked_message = MEETING_CLOSED
    list_display = ["title", "meeting", "order"]
    list_select_related = ["meeting__body"]
    search_fields = ["title", "outcome"]
    autocomplete_fields = ["meeting"]
    inlines = [AgendaDocumentInline]

    def is_locked(self, item):
        return item.meeting.is_closed
