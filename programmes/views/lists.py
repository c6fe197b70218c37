"""Filterable lists of one programme: workgroups, milestones, people. Query counts do not grow with rows."""

from django.db.models import Count, Prefetch, Q, Sum
from django.utils.translation import gettext as _
from django_filters.views import FilterView

from core.exports import export

from ..filters import MilestoneFilter, PersonFilter, WorkgroupFilter
from ..models import BodyMembership, Membership, Milestone, Person, Workgroup
from .mixins import ProgrammePermissionMixin


class ProgrammeFilterView(ProgrammePermissionMixin, FilterView):
    """A filterable list of one programme; `?export=csv` or `?export=xlsx` downloads what the filters show.

    A list that defines `export_name` and `export_rows(objects)` → (headers, rows) can be exported.
    """

    paginate_by = 50
    export_name = None

    def get(self, request, *args, **kwargs):
        kind = request.GET.get("export")
        if self.export_name is None or kind not in ("csv", "xlsx"):
            return super().get(request, *args, **kwargs)
        filterset = self.get_filterset(self.get_filterset_class())
        objects = filterset.qs if filterset.is_valid() else self.get_queryset().none()
        headers, rows = self.export_rows(objects)
        return export(rows, headers, self.export_name, kind, user=request.user)

    def export_rows(self, objects):
        raise NotImplementedError

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
    export_name = "werkgroepen"

    def export_rows(self, objects):
        headers = [_("Number"), _("Name"), _("Action lines"), _("Priority"), _("Members"), _("Hours per week")]
        rows = [
            (
                w.number,
                w.name,
                ", ".join(str(line) for line in w.action_lines.all()),
                w.get_priority_display(),
                w.member_count,
                w.hours_total,
            )
            for w in objects
        ]
        return headers, rows

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
    export_name = "mijlpalen"

    def export_rows(self, objects):
        headers = [_("Date"), _("Until"), _("Period"), _("Description"), _("Phase"), _("Done")]
        rows = [
            (m.start_date, m.end_date, m.period_label, m.description, str(m.phase or ""), _("yes") if m.done else "")
            for m in objects
        ]
        return headers, rows

    def get_queryset(self):
        return (
            Milestone.objects.filter(programme=self.programme).select_related("phase").order_by("start_date", "order")
        )


class PersonListView(ProgrammeFilterView):
    filterset_class = PersonFilter
    template_name = "programmes/person_list.html"
    export_name = "personen"

    def export_rows(self, objects):
        headers = [_("Name"), _("Function"), _("Organisation"), _("Email"), _("Workgroups"), _("Bodies")]
        rows = [
            (
                p.name,
                p.function,
                str(p.organisation or ""),
                p.email,
                "; ".join(f"{seat.workgroup} ({seat.get_role_display()})" for seat in p.workgroup_seats),
                "; ".join(f"{seat.body} ({seat.get_role_display()})" for seat in p.body_seats),
            )
            for p in objects
        ]
        return headers, rows

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
