from django.contrib import admin

from .models import GroupReadAccess, OrganisationAccount


@admin.register(OrganisationAccount)
class OrganisationAccountAdmin(admin.ModelAdmin):
    """Read-only: links are made by signing in. Deleting one lets the next sign-in link again (by e-mail, once)."""

    list_display = ["user", "email", "issuer", "linked_by", "created_at", "last_login_at"]
    list_filter = ["linked_by", "issuer"]
    search_fields = ["user__username", "user__email", "email", "subject"]
    list_select_related = ["user"]
    readonly_fields = [
        "user",
        "issuer",
        "subject",
        "email",
        "linked_by",
        "created_at",
        "last_login_at",
        "programmes_from_groups",
    ]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(GroupReadAccess)
class GroupReadAccessAdmin(admin.ModelAdmin):
    list_display = ["group", "programme"]
    list_select_related = ["programme"]
    search_fields = ["group", "programme__title"]
    autocomplete_fields = ["programme"]
