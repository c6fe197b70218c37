from django.contrib import admin

from .models import Digest, Notification, NotificationSetting, Reminder


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


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    """Read-only log of notifications: who was told what, how, and whether it went."""

    list_display = ["created_at", "kind", "recipient", "delivery", "status", "attempts", "sent_at"]
    list_filter = ["kind", "delivery", "status"]
    search_fields = ["recipient", "title"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Digest)
class DigestAdmin(admin.ModelAdmin):
    """Read-only log of digests: one per user and period."""

    list_display = ["starts", "period", "user", "status", "attempts", "sent_at"]
    list_filter = ["period", "status"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(NotificationSetting)
class NotificationSettingAdmin(admin.ModelAdmin):
    list_display = ["user", "kind", "delivery"]
    list_filter = ["kind", "delivery"]
    search_fields = ["user__username"]
