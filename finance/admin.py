from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy
from simple_history.admin import SimpleHistoryAdmin

from core.admin import euro_column
from programmes.admin import ScopedInlineMixin
from programmes.forms import ProgrammeScopedForm, ProgrammeScopedInlineFormSet

from . import ledger, split
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


class FixedShareFormSet(ProgrammeScopedInlineFormSet):
    """The fixed shares together: only participating municipalities, adding up to 100 % (split.check_fixed_shares).
    On an error nothing of the cost split is saved."""

    def clean(self):
        super().clean()
        cost_split = self.instance
        if any(form.errors for form in self.forms) or not cost_split.programme_id:
            return
        shares = [
            (form.cleaned_data["municipality"], form.cleaned_data["percentage"])
            for form in self.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        try:
            split.check_fixed_shares(cost_split.programme.collaboration, cost_split.key, shares)
        except ValidationError as error:
            raise forms.ValidationError(error.messages) from None


class FixedShareForm(ProgrammeScopedForm):
    class Meta:
        model = FixedShare
        fields = ["municipality", "percentage"]
        localized_fields = ["percentage"]  # 33,333 as a Dutch reader writes it (33.333 is read the same)


class FixedShareInline(ScopedInlineMixin, admin.TabularInline):
    """Municipalities of the split's own collaboration only."""

    model = FixedShare
    form = FixedShareForm
    formset = FixedShareFormSet
    extra = 0


class CostSplitForm(forms.ModelForm):
    class Meta:
        model = CostSplit
        fields = ["programme", "key", "inhabitants_date", "note"]

    def clean(self):
        data = super().clean()
        if data.get("programme") and data.get("key"):
            split.check_figures(data["programme"], data["key"], data.get("inhabitants_date"))
        return data


@admin.register(CostSplit)
class CostSplitAdmin(SimpleHistoryAdmin):
    form = CostSplitForm
    list_display = ["programme", "key", "inhabitants_date"]
    list_select_related = ["programme"]
    autocomplete_fields = ["programme"]
    readonly_fields = ["figures_used"]
    inlines = [FixedShareInline]

    @admin.display(description=gettext_lazy("inhabitants figures used"))
    def figures_used(self, obj):
        """Each participant's figure at the split's reference date, and which one is missing."""
        if obj is None or not obj.programme_id:
            return "–"
        municipalities = split.participants(obj.programme.collaboration)
        figures = split.inhabitants_figures(municipalities, obj.inhabitants_date)
        missing = [m for m in municipalities if figures[m.pk] is None]
        listed = format_html_join(
            "", "<li>{}: {}</li>", ((m.name, figures[m.pk].described) for m in municipalities if figures[m.pk])
        )
        warning = split.missing_figures_message(missing, obj.inhabitants_date) if missing else ""
        return format_html('<p class="errornote">{}</p><ul>{}</ul>', warning, listed) if warning else listed

    def get_object(self, request, object_id, from_field=None):
        """A save takes the cost split's row lock (the admin's change view runs in one transaction) before its
        fixed shares are read, so two people saving them at once are checked one after the other."""
        obj = super().get_object(request, object_id, from_field)
        if obj is not None and request.method == "POST":
            CostSplit.objects.select_for_update().filter(pk=obj.pk).first()
        return obj


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
