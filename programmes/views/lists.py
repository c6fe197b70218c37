"""Filterable lists of one programme: workgroups, milestones, people. Query counts do not grow with rows.

Each list's columns come from one function of (user, programme) next to its view: the page draws them and the
CSV/XLSX export writes them, so a download never carries what the page does not show (core.columns).
"""

from django.db.models import Count, Prefetch, Q, Sum
from django.utils.formats import localize
from django.utils.translation import gettext as _
from django_filters.views import FilterView

from core.columns import Column, ColumnListMixin

from ..filters import MilestoneFilter, PersonFilter, WorkgroupFilter
from ..models import BodyMembership, Membership, Milestone, Person, Workgroup
from .mixins import ProgrammePermissionMixin


class ProgrammeFilterView(ColumnListMixin, ProgrammePermissionMixin, FilterView):
    """A filterable list of one programme; `?export=csv` or `?export=xlsx` downloads what the filters show.

    A list that defines `export_name` and `columns_for(user, programme)` (a list of core.columns.Column) can be
    exported; its page and its download show those columns of the same filtered queryset.
    """

    paginate_by = 50
    columns_for = None

    def get_columns(self):
        columns_for = type(self).columns_for
        return columns_for(self.request.user, self.programme) if columns_for else []

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


def workgroup_columns(user, programme):
    """The workgroup list's columns, the same for every reader of the programme."""
    return [
        Column(_("Number"), lambda w: w.number),
        Column(_("Name"), lambda w: w.name, "programmes/cells/workgroup_name.html"),
        Column(_("Action lines"), lambda w: "; ".join(line.title for line in w.action_lines.all()), css="small"),
        Column(
            _("Leads"),
            lambda w: ", ".join(seat.person.name for seat in w.lead_seats),
            "programmes/cells/leads.html",
            css="small",
        ),
        Column(_("Members"), lambda w: w.member_count, css="text-end"),
        Column(_("Hours/week"), lambda w: w.hours_total, css="text-end"),
        Column(_("Priority"), lambda w: w.get_priority_display()),
    ]


class WorkgroupListView(ProgrammeFilterView):
    filterset_class = WorkgroupFilter
    template_name = "programmes/workgroup_list.html"
    export_name = "werkgroepen"
    columns_for = workgroup_columns

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


def milestone_columns(user, programme):
    """The milestone list's columns, the same for every reader of the programme."""
    return [
        Column(_("When"), lambda m: m.period_label or m.start_date, css="text-nowrap"),
        Column(_("Until"), lambda m: m.end_date, css="text-nowrap"),
        Column(_("Description"), lambda m: m.description),
        Column(_("Phase"), lambda m: m.phase.name if m.phase else "", css="small"),
        Column(_("Status"), lambda m: _("done") if m.done else _("open"), "programmes/cells/milestone_status.html"),
    ]


class MilestoneListView(ProgrammeFilterView):
    filterset_class = MilestoneFilter
    template_name = "programmes/milestone_list.html"
    export_name = "mijlpalen"
    columns_for = milestone_columns

    def get_queryset(self):
        return (
            Milestone.objects.filter(programme=self.programme).select_related("phase").order_by("start_date", "order")
        )


def person_seats(person):
    """A person's seats in the programme, one a line: the workgroups, with hours, then the bodies."""
    seats = []
    for seat in person.workgroup_seats:
        text = f"{_('Workgroup')} {seat.workgroup.number} {seat.workgroup.name} — {seat.get_role_display().lower()}"
        if seat.hours_per_week:
            text += f", {localize(seat.hours_per_week)} {_('h/week')}"
        seats.append(text)
    seats += [f"{seat.body.name} — {seat.get_role_display().lower()}" for seat in person.body_seats]
    return "\n".join(seats)


def person_columns(user, programme):
    """Who is who: name, function, organisation and seats, for every reader alike; never an e-mail address.

    The people page shows no e-mail addresses (nor does search find people by one), so neither does its export.
    """
    return [
        Column(_("Name"), lambda p: p.name),
        Column(_("Function"), lambda p: p.function, css="small"),
        Column(_("Organisation"), lambda p: str(p.organisation or ""), css="small"),
        Column(_("Seats in this programme"), person_seats, "includes/cells/lines.html", css="small"),
    ]


class PersonListView(ProgrammeFilterView):
    filterset_class = PersonFilter
    template_name = "programmes/person_list.html"
    export_name = "personen"
    columns_for = person_columns

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
