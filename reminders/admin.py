from django.contrib import admin

from .models import Reminder


@admin.register(Reminder)
class ReminderAdmin(admin.ModelAdmin):
    """Read-only log of reminders: what was sent to whom, and what failed."""

    list_display = ["created_at", "kind", "recipient", "due_date", "status", "attempts", "sent_at"]
    list_filter = ["kind", "status"]
    search_fields = ["recipient", "title"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
