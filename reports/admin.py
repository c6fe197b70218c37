from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from programmes.forms import ProgrammeScopedForm

from .models import ProgrammeReport, ProgressReport, ReportingSchedule, ReportReview, ReportSubmission


@admin.register(ReportingSchedule)
class ReportingScheduleAdmin(SimpleHistoryAdmin):
    form = ProgrammeScopedForm
    list_display = ["workgroup", "pilot", "frequency", "first_due", "active"]
    list_filter = ["programme", "frequency", "active"]
    autocomplete_fields = ["reporters"]
    list_select_related = ["workgroup", "pilot"]


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class SubmissionInline(ReadOnlyInline):
    model = ReportSubmission
    fields = ["number", "submitted_by", "submitted_at", "course", "progress"]
    readonly_fields = fields


class ReviewInline(ReadOnlyInline):
    model = ReportReview
    fields = ["reviewed_at", "reviewed_by", "body", "outcome", "comment"]
    readonly_fields = fields


@admin.register(ProgressReport)
class ProgressReportAdmin(admin.ModelAdmin):
    """Reports are written and reviewed on the site (reports.services); the admin shows them and their history."""

    list_display = ["due_date", "workgroup", "pilot", "status", "course"]
    list_filter = ["programme", "status", "course"]
    list_select_related = ["workgroup", "pilot"]
    inlines = [SubmissionInline, ReviewInline]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(ProgrammeReport)
class ProgrammeReportAdmin(SimpleHistoryAdmin):
    list_display = ["programme", "period_start", "period_end", "compiled_at", "adopted_at"]
    list_filter = ["programme"]
    readonly_fields = ["programme", "period_start", "period_end", "compiled_by", "decision", "adopted_at"]

    def has_add_permission(self, request):
        return False  # compiled by the programme manager on the reports page (reports.services), never typed in

    def has_change_permission(self, request, obj=None):
        # Adopted (vastgesteld) binds administrators too: the report is kept as the body adopted it.
        if obj is not None and obj.is_adopted:
            return False
        return super().has_change_permission(request, obj)
