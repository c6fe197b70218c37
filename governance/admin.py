from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import BodyMembership, GovernanceBody


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
