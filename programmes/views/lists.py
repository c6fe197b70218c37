"""Filterable lists of one programme: workgroups, milestones, people. Query counts do not grow with rows."""

from django.db.models import Count, Prefetch, Q, Sum
from django_filters.views import FilterView

from governance.models import BodyMembership

from ..filters import MilestoneFilter, PersonFilter, WorkgroupFilter
from ..models import Membership, Milestone, Person, Workgroup
from .mixins import ProgrammePermissionMixin


class ProgrammeFilterView(ProgrammePermissionMixin, FilterView):
    paginate_by = 50

    def get_filterset_kwargs(self, filterset_class):
        kwargs = super().get_filterset_kwargs(filterset_class)
        kwargs["programme"] = self.programme
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["programme"] = self.programme
        query = self.request.GET.copy()
        query.pop("page", None)
        context["query_without_page"] = query.urlencode()
        return context


class WorkgroupListView(ProgrammeFilterView):
    filterset_class = WorkgroupFilter
    template_name = "programmes/workgroup_list.html"

    def get_queryset(self):
        return (
            Workgroup.objects.filter(programme=self.programme)
            .annotate(member_count=Count("memberships", distinct=True), hours_total=Sum("memberships__hours_per_week"))
            .prefetch_related(
                "action_lines",
                Prefetch(
                    "memberships",
                    queryset=Membership.objects.filter(role="lead").select_related("person"),
                    to_attr="lead_seats",
                ),
            )
            .order_by("number")
        )


class MilestoneListView(ProgrammeFilterView):
    filterset_class = MilestoneFilter
    template_name = "programmes/milestone_list.html"

    def get_queryset(self):
        return (
            Milestone.objects.filter(programme=self.programme).select_related("phase").order_by("start_date", "order")
        )


class PersonListView(ProgrammeFilterView):
    filterset_class = PersonFilter
    template_name = "programmes/person_list.html"

    def get_queryset(self):
        programme = self.programme
        return (
            Person.objects.filter(
                Q(memberships__workgroup__programme=programme) | Q(bodymembership__body__programme=programme)
            )
            .distinct()
            .select_related("organisation")
            .prefetch_related(
                Prefetch(
                    "memberships",
                    queryset=Membership.objects.filter(workgroup__programme=programme).select_related("workgroup"),
                    to_attr="workgroup_seats",
                ),
                Prefetch(
                    "bodymembership_set",
                    queryset=BodyMembership.objects.filter(body__programme=programme).select_related("body"),
                    to_attr="body_seats",
                ),
            )
            .order_by("name")
        )
