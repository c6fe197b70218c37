from django.contrib import admin

from .models import Heartbeat
from .templatetags.money import euro


class ReadOnlyMixin:
    """For what the site alone writes (by its services or tasks): the admin shows it, and changes nothing."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Heartbeat)
class HeartbeatAdmin(ReadOnlyMixin, admin.ModelAdmin):
    """Read-only: written by the Celery heartbeat task."""

    list_display = ["name", "seen_at"]


def euro_column(field="amount", description=None):
    """A list column that shows an amount the Dutch way (€ 15.000), sortable by the field itself."""
    from django.utils.translation import gettext_lazy

    @admin.display(description=description or gettext_lazy("amount"), ordering=field)
    def column(obj):
        return euro(getattr(obj, field))

    column.__name__ = f"{field}_euro"
    return column
