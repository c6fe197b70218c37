"""The admin site for functional administrators: every plan model, with history (and revert) and inlines."""

from django.contrib import admin
from django.db.models import Count, Sum
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from .forms import ProgrammeScopedForm
from .models import (
    ActionLine,
    BuildingBlock,
    Membership,
    Milestone,
    Municipality,
    Organisation,
    Person,
    Phase,
    Precondition,
    Principle,
    Programme,
    ProgrammeAccess,
    Region,
    ResultGoal,
    Workgroup,
)
from .risks import Mitigation, Risk


class MunicipalityInline(admin.TabularInline):
    model = Municipality
    extra = 0
    fields = ["name", "cbs_code", "inhabitants", "purchases_independently", "inhabitants_reference"]


@admin.register(Region)
class RegionAdmin(SimpleHistoryAdmin):
    list_display = ["name", "municipality_count", "inhabitants_total"]
    search_fields = ["name"]
    inlines = [MunicipalityInline]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(municipality_count=Count("municipalities"), inhabitants_total=Sum("municipalities__inhabitants"))
        )

    @admin.display(description=_("municipalities"), ordering="municipality_count")
    def municipality_count(self, obj):
        return obj.municipality_count

    @admin.display(description=_("inhabitants"), ordering="inhabitants_total")
    def inhabitants_total(self, obj):
        return obj.inhabitants_total


@admin.register(Municipality)
class MunicipalityAdmin(SimpleHistoryAdmin):
    list_display = ["name", "region", "cbs_code", "inhabitants", "purchases_independently"]
    list_filter = ["region", "purchases_independently"]
    list_select_related = ["region"]
    search_fields = ["name", "cbs_code"]


@admin.register(Organisation)
class OrganisationAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "municipality"]
    list_filter = ["kind"]
    list_select_related = ["municipality"]
    search_fields = ["name"]
    autocomplete_fields = ["municipality"]


@admin.register(Person)
class PersonAdmin(SimpleHistoryAdmin):
    list_display = ["name", "function", "organisation", "user"]
    list_filter = ["organisation__kind"]
    list_select_related = ["organisation", "user"]
    search_fields = ["name", "email", "function", "organisation__name"]
    autocomplete_fields = ["organisation", "user"]


class ProgrammePartInline(admin.StackedInline):
    """Inline plan parts validate against their programme: the form gets it before validation."""

    extra = 0
    form = ProgrammeScopedForm
    classes = ["collapse"]

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)

        class ScopedFormSet(formset):
            def get_form_kwargs(self, index):
                kwargs = super().get_form_kwargs(index)
                kwargs["programme"] = self.instance if self.instance.pk else None
                return kwargs

        return ScopedFormSet


class ResultGoalInline(ProgrammePartInline):
    model = ResultGoal
    fields = ["order", "title", "description", "target_year"]


class ActionLineInline(ProgrammePartInline):
    model = ActionLine
    fields = ["order", "title", "description", "result_goals"]
    filter_horizontal = ["result_goals"]


class PreconditionInline(ProgrammePartInline):
    model = Precondition
    fields = ["order", "title", "description"]


class PrincipleInline(ProgrammePartInline):
    model = Principle
    fields = ["order", "title", "description"]


class BuildingBlockInline(ProgrammePartInline):
    model = BuildingBlock
    fields = ["order", "title", "description", "action_lines"]
    filter_horizontal = ["action_lines"]


class PhaseInline(ProgrammePartInline, admin.TabularInline):
    model = Phase
    fields = ["order", "name", "start_date", "end_date"]
    template = "admin/edit_inline/tabular.html"


class MilestoneInline(ProgrammePartInline, admin.TabularInline):
    model = Milestone
    fields = ["start_date", "end_date", "period_label", "description", "phase", "done"]
    template = "admin/edit_inline/tabular.html"


class ProgrammeAccessInline(admin.TabularInline):
    model = ProgrammeAccess
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Programme)
class ProgrammeAdmin(SimpleHistoryAdmin):
    list_display = ["title", "region", "start_date", "end_date"]
    list_filter = ["region"]
    list_select_related = ["region"]
    search_fields = ["title", "goal", "region__name"]
    inlines = [
        ResultGoalInline,
        ActionLineInline,
        PreconditionInline,
        PrincipleInline,
        BuildingBlockInline,
        PhaseInline,
        MilestoneInline,
        ProgrammeAccessInline,
    ]


@admin.register(ProgrammeAccess)
class ProgrammeAccessAdmin(SimpleHistoryAdmin):
    list_display = ["user", "programme", "role"]
    list_filter = ["role", "programme"]
    list_select_related = ["user", "programme"]
    search_fields = ["user__username", "user__first_name", "user__last_name", "programme__title"]
    autocomplete_fields = ["user", "programme"]


class PlanPartAdmin(SimpleHistoryAdmin):
    """Plan parts on their own, for searching across programmes."""

    form = ProgrammeScopedForm
    list_filter = ["programme"]
    list_select_related = ["programme"]
    search_fields = ["title", "description"]
    autocomplete_fields = ["programme"]


@admin.register(ResultGoal)
class ResultGoalAdmin(PlanPartAdmin):
    list_display = ["title", "programme", "target_year", "order"]


@admin.register(ActionLine)
class ActionLineAdmin(PlanPartAdmin):
    list_display = ["title", "programme", "order"]
    filter_horizontal = ["result_goals"]


@admin.register(Precondition)
class PreconditionAdmin(PlanPartAdmin):
    list_display = ["title", "programme", "order"]


@admin.register(Principle)
class PrincipleAdmin(PlanPartAdmin):
    list_display = ["title", "programme", "order"]


@admin.register(BuildingBlock)
class BuildingBlockAdmin(PlanPartAdmin):
    list_display = ["title", "programme", "order"]
    filter_horizontal = ["action_lines"]


@admin.register(Phase)
class PhaseAdmin(PlanPartAdmin):
    list_display = ["name", "programme", "start_date", "end_date"]
    search_fields = ["name", "goal"]


@admin.register(Milestone)
class MilestoneAdmin(PlanPartAdmin):
    list_display = ["description", "period_label", "programme", "phase", "done"]
    list_filter = ["programme", "done"]
    list_select_related = ["programme", "phase"]
    search_fields = ["description", "period_label"]


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["person"]
    fields = ["person", "role", "contribution", "hours_per_week"]


@admin.register(Workgroup)
class WorkgroupAdmin(SimpleHistoryAdmin):
    form = ProgrammeScopedForm
    list_display = ["__str__", "programme", "priority", "member_count"]
    list_filter = ["programme", "priority"]
    list_select_related = ["programme"]
    search_fields = ["name", "goal"]
    autocomplete_fields = ["programme"]
    filter_horizontal = ["action_lines", "depends_on"]
    inlines = [MembershipInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(member_count=Count("memberships"))

    @admin.display(description=_("members"), ordering="member_count")
    def member_count(self, obj):
        return obj.member_count


@admin.register(Membership)
class MembershipAdmin(SimpleHistoryAdmin):
    list_display = ["person", "workgroup", "role", "hours_per_week"]
    list_filter = ["role", "workgroup__programme"]
    list_select_related = ["person", "workgroup__programme"]
    search_fields = ["person__name", "workgroup__name"]
    autocomplete_fields = ["person", "workgroup"]


class MitigationInline(admin.TabularInline):
    model = Mitigation
    extra = 0


@admin.register(Risk)
class RiskAdmin(SimpleHistoryAdmin):
    list_display = ["title", "programme", "likelihood", "impact", "status", "review_date"]
    list_filter = ["programme", "status", "likelihood", "impact"]
    list_select_related = ["programme"]
    search_fields = ["title", "description", "mitigations__description"]
    autocomplete_fields = ["programme", "workgroup", "owner"]
    inlines = [MitigationInline]
