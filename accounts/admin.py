"""Read-only in the admin site: invitations are made on a programme's access page (accounts:invite), the audit log
is written by the site alone and read on its own page too (accounts:audit_log)."""

from django.contrib import admin

from .models import AuditEntry, Invitation


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Invitation)
class InvitationAdmin(ReadOnlyAdmin):
    list_display = ["email", "programme", "role", "status", "created_at", "expires_at", "invited_by"]
    list_filter = ["status", "role"]
    search_fields = ["email", "name"]
    list_select_related = ["programme", "invited_by"]
    exclude = ["token_hash"]


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyAdmin):
    list_display = ["at", "kind", "actor_name", "subject_name", "username", "ip_address", "programme"]
    list_filter = ["kind"]
    search_fields = ["actor_name", "subject_name", "username"]
    list_select_related = ["programme"]
