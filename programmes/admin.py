"""The admin site for functional administrators: every plan model, with history (and revert) and inlines."""

from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Sum
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from .forms import ProgrammeScopedForm, ProgrammeScopedInlineFormSet
from .models import (
    ActionLine,
    BodyKind,
    BuildingBlock,
    Collaboration,
    Membership,
    Milestone,
    Municipality,
    Organisation,
    Participation,
    Person,
    Phase,
    Population,
    Precondition,
    Principle,
    Programme,
    ProgrammeAccess,
    Region,
    ResultGoal,
    Workgroup,
)
from .risks import Mitigation, Risk
from .services import default_body_kinds


class ParticipationInline(admin.TabularInline):
    """The collaboration's municipalities, chosen from the national list (never typed here); once each."""

    model = Participation
    extra = 0
    fields = ["municipality", "purchases_independently"]
    autocomplete_fields = ["municipality"]


class BodyKindInline(admin.TabularInline):
    """The collaboration's own kinds of bodies, which its bodies choose from. A new collaboration starts with the
    defaults; a kind a body still has cannot be removed."""

    model = BodyKind
    extra = 0
    fields = ["order", "name", "abbreviation", "code"]
    readonly_fields = ["code"]


@admin.register(Collaboration)
class CollaborationAdmin(SimpleHistoryAdmin):
    list_display = ["name", "municipality_count", "inhabitants_total"]
    search_fields = ["name"]
    autocomplete_fields = ["partners"]
    inlines = [ParticipationInline, BodyKindInline]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if not change:
            default_body_kinds(form.instance)  # after the kinds typed on the add form, which it leaves as they are

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


class PopulationInline(admin.TabularInline):
    model = Population
    extra = 0
    fields = readonly_fields = ["reference_date", "inhabitants", "source"]
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Municipality)
class MunicipalityAdmin(SimpleHistoryAdmin):
    """National reference data: what CBS says (code, province, youth-care region, dates) is read-only here and kept
    by `manage.py refresh_municipalities`; the inhabitants figure in use is ours. Which collaborations it takes part in
    is set on the collaboration."""

    list_display = ["name", "cbs_code", "province", "region", "inhabitants"]
    list_filter = ["region", "province", "collaborations"]
    list_select_related = ["region"]
    search_fields = ["name", "cbs_code"]
    readonly_fields = ["name", "cbs_code", "province", "region", "valid_from", "valid_to"]
    inlines = [PopulationInline]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["name", "code"]
    search_fields = ["name", "code"]
    readonly_fields = ["code", "name"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


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


class StateLockedAdmin:
    """An admin of records whose state forbids edits (a submitted pilot, a closed meeting).

    The state binds administrators too: the change form shows a locked record read-only, and reverting it to
    an earlier version, which is an edit like any other, is refused.
    """

    locked_message = ""

    def is_locked(self, obj):
        raise NotImplementedError

    def locked_now(self, obj):
        """Whether the record as it is now is locked (a historical version may show an earlier state)."""
        current = self.model._default_manager.filter(pk=obj.pk).first() if obj is not None and obj.pk else None
        return current is not None and self.is_locked(current)

    def editable_fields(self):
        fields = self.model._meta.get_fields()
        return [field.name for field in fields if getattr(field, "editable", False) and not field.auto_created]

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if obj is not None and self.is_locked(obj):
            readonly += [name for name in self.editable_fields() if name not in readonly]
        return readonly

    def has_delete_permission(self, request, obj=None):
        return not (obj is not None and self.is_locked(obj)) and super().has_delete_permission(request, obj)

    def revert_disabled(self, request, obj=None):
        return self.locked_now(obj) or super().revert_disabled(request, obj)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method == "POST" and self.locked_now(self.get_object(request, unquote(object_id))):
            raise PermissionDenied(self.locked_message)
        return super().history_form_view(request, object_id, version_id, extra_context)


class ScopedInlineMixin:
    """An inline whose forms get the parent's programme: their lists offer only its records, people and
    organisations, and they validate against it (a new programme has no records of its own to offer yet)."""

    form = ProgrammeScopedForm
    formset = ProgrammeScopedInlineFormSet


class ProgrammePartInline(ScopedInlineMixin, admin.StackedInline):
    extra = 0
    classes = ["collapse"]


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
    list_display = ["title", "collaboration", "start_date", "end_date"]
    list_filter = ["collaboration"]
    list_select_related = ["collaboration"]
    search_fields = ["title", "goal", "collaboration__name"]
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


class MembershipInline(ScopedInlineMixin, admin.TabularInline):
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
    form = ProgrammeScopedForm
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
    form = ProgrammeScopedForm
    list_display = ["title", "programme", "likelihood", "impact", "status", "review_date"]
    list_filter = ["programme", "status", "likelihood", "impact"]
    list_select_related = ["programme"]
    search_fields = ["title", "description", "mitigations__description"]
    autocomplete_fields = ["programme", "workgroup", "owner"]
    inlines = [MitigationInline]
