from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from simple_history.admin import SimpleHistoryAdmin

from core.admin import euro_column
from programmes.admin import ScopedInlineMixin
from programmes.forms import ProgrammeScopedForm

from . import ledger
from .constants import MovementKind
from .models import BudgetLine, BudgetMovement, BudgetPost, CostSplit, FixedShare, FundingSource


class BudgetLineInline(admin.TabularInline):
    model = BudgetLine
    extra = 0


@admin.register(BudgetPost)
class BudgetPostAdmin(SimpleHistoryAdmin):
    list_display = ["name", "programme", "order", "in_kind", "holds_pilot_money"]
    list_filter = ["programme", "in_kind", "holds_pilot_money"]
    list_select_related = ["programme"]
    search_fields = ["name", "explanation"]
    autocomplete_fields = ["programme"]
    inlines = [BudgetLineInline]


@admin.register(FundingSource)
class FundingSourceAdmin(SimpleHistoryAdmin):
    list_display = ["name", "programme", "year", euro_column()]
    list_filter = ["programme", "year"]
    list_select_related = ["programme"]
    search_fields = ["name"]
    autocomplete_fields = ["programme"]


class FixedShareInline(ScopedInlineMixin, admin.TabularInline):
    """Municipalities of the split's own collaboration only."""

    model = FixedShare
    extra = 0


@admin.register(CostSplit)
class CostSplitAdmin(SimpleHistoryAdmin):
    list_display = ["programme", "key"]
    list_select_related = ["programme"]
    autocomplete_fields = ["programme"]
    inlines = [FixedShareInline]


class MovementForm(ProgrammeScopedForm):
    """Adding a movement in the admin goes through the ledger, with the same refusals as everywhere."""

    class Meta:
        model = BudgetMovement
        fields = ["programme", "year", "kind", "amount", "subject_key", "subject_label", "decision", "note"]

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        user = getattr(self, "user", None)
        args = (data["programme"], data["year"])
        try:
            if data["kind"] == MovementKind.RESERVE:
                movement = ledger.reserve(
                    *args, data["amount"], data["subject_key"], data["subject_label"], user, note=data["note"]
                )
            elif data["kind"] == MovementKind.RELEASE:
                movement = ledger.release(
                    *args,
                    data["amount"],
                    data["subject_key"],
                    data["subject_label"],
                    data["decision"],
                    user,
                    note=data["note"],
                )
            elif data["kind"] == MovementKind.SPEND:
                movement = ledger.spend(
                    *args, data["amount"], data["subject_key"], data["subject_label"], user, note=data["note"]
                )
            else:
                movement = ledger.return_unspent(
                    *args,
                    data["subject_key"],
                    data["subject_label"],
                    user,
                    amount=data["amount"],
                    decision=data["decision"],
                    note=data["note"],
                )
        except ValidationError as error:
            raise forms.ValidationError(error.messages) from None
        self.instance = movement
        return data


@admin.register(BudgetMovement)
class BudgetMovementAdmin(admin.ModelAdmin):
    form = MovementForm
    list_display = ["recorded_at", "programme", "year", "kind", euro_column(), "subject_label", "decision"]
    list_filter = ["programme", "year", "kind"]
    list_select_related = ["programme", "decision__body"]
    search_fields = ["subject_label", "subject_key", "note"]
    autocomplete_fields = ["programme", "decision"]

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        form.user = request.user
        return form

    def save_model(self, request, obj, form, change):
        """The ledger already wrote the row while validating the form."""

    def has_change_permission(self, request, obj=None):
        return obj is None and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return False

    def get_readonly_fields(self, request, obj=None):
        return [field.name for field in BudgetMovement._meta.fields] if obj else []
