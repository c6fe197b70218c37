from django.contrib import admin
from django.db import models
from simple_history.admin import SimpleHistoryAdmin

from core.downloads import DownloadLinkWidget

from .forms import RouteStepFormSetBase
from .models import (
    Advice,
    AgendaDocument,
    AgendaItem,
    BodyMembership,
    Decision,
    DecisionRoute,
    GovernanceBody,
    Meeting,
    RouteStep,
)


class BodyMembershipInline(admin.TabularInline):
    model = BodyMembership
    extra = 0
    autocomplete_fields = ["person"]
    fields = ["person", "role", "contribution", "hours_per_week"]


@admin.register(GovernanceBody)
class GovernanceBodyAdmin(SimpleHistoryAdmin):
    list_display = ["name", "abbreviation", "kind", "programme", "submission_deadline_days"]
    list_filter = ["kind", "programme"]
    list_select_related = ["programme"]
    search_fields = ["name", "abbreviation", "decision_authority"]
    autocomplete_fields = ["programme"]
    inlines = [BodyMembershipInline]


@admin.register(BodyMembership)
class BodyMembershipAdmin(SimpleHistoryAdmin):
    list_display = ["person", "body", "role"]
    list_filter = ["role", "body__programme"]
    list_select_related = ["person", "body__programme"]
    search_fields = ["person__name", "body__name"]
    autocomplete_fields = ["person", "body"]


class RouteStepInline(admin.TabularInline):
    model = RouteStep
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
class MeetingAdmin(SimpleHistoryAdmin):
    list_display = ["body", "starts_at", "place", "status"]
    list_filter = ["status", "body__programme"]
    list_select_related = ["body__programme"]
    search_fields = ["body__name", "place"]
    autocomplete_fields = ["body"]
    date_hierarchy = "starts_at"


class AppendOnlyAdmin(admin.ModelAdmin):
    """Advice and decisions are recorded, never edited or deleted: a correction is a new record."""

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


class AgendaDocumentInline(admin.TabularInline):
    model = AgendaDocument
    extra = 0
    # The current file links to the permission-checked download, never to its storage URL.
    formfield_overrides = {models.FileField: {"widget": DownloadLinkWidget("governance:document")}}


@admin.register(AgendaItem)
class AgendaItemAdmin(SimpleHistoryAdmin):
    list_display = ["title", "meeting", "order"]
    list_select_related = ["meeting__body"]
    search_fields = ["title", "outcome"]
    autocomplete_fields = ["meeting"]
    inlines = [AgendaDocumentInline]
