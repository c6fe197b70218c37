import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .constants import MembershipRole, Priority, RiskStatus
from .models import ActionLine, Milestone, Organisation, Person, Phase, Workgroup
from .risks import SCORE_CHOICES, Risk


class SearchFilter(django_filters.CharFilter):
    """Case-insensitive search over several text fields."""

    def __init__(self, *args, fields=(), **kwargs):
        self.search_fields = fields
        kwargs.setdefault("label", _("Search"))
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        if not value:
            return qs
        query = Q()
        for field in self.search_fields:
            query |= Q(**{f"{field}__icontains": value.strip()})
        return qs.filter(query)


class YesNoAll(django_filters.widgets.BooleanWidget):
    """Yes, no, or "All" when nothing is chosen (django-filter's own says "Unknown", which reads as a value)."""

    def __init__(self, attrs=None):
        super().__init__(attrs)
        self.choices = [("", _("All")), ("true", _("Yes")), ("false", _("No"))]


class YesNoFilter(django_filters.BooleanFilter):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", YesNoAll)
        super().__init__(*args, **kwargs)


class ProgrammeFilterSet(django_filters.FilterSet):
    """A filter set whose choices are limited to one programme."""

    def __init__(self, *args, programme=None, **kwargs):
        self.programme = programme
        super().__init__(*args, **kwargs)

    @property
    def form(self):
        form = super().form
        for field in form.fields.values():
            css = "form-select" if isinstance(field.widget, forms.Select) else "form-control"
            field.widget.attrs.setdefault("class", css)
        return form


class WorkgroupFilter(ProgrammeFilterSet):
    q = SearchFilter(fields=("name", "goal", "orientation"))
    action_line = django_filters.ModelChoiceFilter(
        field_name="action_lines", queryset=ActionLine.objects.none(), label=_("Action line"), empty_label=_("All")
    )
    priority = django_filters.ChoiceFilter(choices=Priority.choices, label=_("Priority"), empty_label=_("All"))

    class Meta:
        model = Workgroup
        fields = ["q", "action_line", "priority"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["action_line"].queryset = ActionLine.objects.filter(programme=self.programme)


class MilestoneFilter(ProgrammeFilterSet):
    q = SearchFilter(fields=("description", "period_label"))
    phase = django_filters.ModelChoiceFilter(queryset=Phase.objects.none(), label=_("Phase"), empty_label=_("All"))
    done = YesNoFilter(label=_("Done"))
    date_from = django_filters.DateFilter(
        method="filter_from", label=_("From"), widget=django_filters.widgets.forms.DateInput(attrs={"type": "date"})
    )
    date_to = django_filters.DateFilter(
        method="filter_to", label=_("To"), widget=django_filters.widgets.forms.DateInput(attrs={"type": "date"})
    )

    class Meta:
        model = Milestone
        fields = ["q", "phase", "done", "date_from", "date_to"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["phase"].queryset = Phase.objects.filter(programme=self.programme)

    def filter_from(self, queryset, name, value):
        # A milestone overlaps the range when it has not ended before its start.
        return queryset.filter(Q(end_date__gte=value) | Q(end_date__isnull=True, start_date__gte=value))

    def filter_to(self, queryset, name, value):
        return queryset.filter(start_date__lte=value)


class PersonFilter(ProgrammeFilterSet):
    q = SearchFilter(fields=("name", "function"))
    organisation = django_filters.ModelChoiceFilter(
        queryset=Organisation.objects.none(), label=_("Organisation"), empty_label=_("All")
    )
    role = django_filters.ChoiceFilter(
        choices=MembershipRole.choices, method="filter_role", label=_("Role"), empty_label=_("All")
    )

    class Meta:
        model = Person
        fields = ["q", "organisation", "role"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["organisation"].queryset = Organisation.objects.filter(
            people__in=self.queryset.values("pk")
        ).distinct()

    def filter_role(self, queryset, name, value):
        return queryset.filter(
            Q(memberships__workgroup__programme=self.programme, memberships__role=value)
            | Q(bodymembership__body__programme=self.programme, bodymembership__role=value)
        ).distinct()


class RiskFilter(ProgrammeFilterSet):
    q = SearchFilter(fields=("title", "description", "mitigations__description"))
    status = django_filters.ChoiceFilter(choices=RiskStatus.choices, label=_("Status"), empty_label=_("All"))
    workgroup = django_filters.ModelChoiceFilter(
        queryset=Workgroup.objects.none(), label=_("Workgroup"), empty_label=_("All")
    )
    likelihood = django_filters.TypedChoiceFilter(
        choices=[("", _("All")), *SCORE_CHOICES], coerce=int, label=_("Likelihood")
    )
    impact = django_filters.TypedChoiceFilter(choices=[("", _("All")), *SCORE_CHOICES], coerce=int, label=_("Impact"))

    class Meta:
        model = Risk
        fields = ["q", "status", "workgroup", "likelihood", "impact"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["workgroup"].queryset = Workgroup.objects.filter(programme=self.programme)

    def filter_queryset(self, queryset):
        return super().filter_queryset(queryset).distinct()
