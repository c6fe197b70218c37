import django_filters
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from programmes.filters import ProgrammeFilterSet
from programmes.models import Workgroup

from .models import OPEN_STATUSES, ProgressReport, ReportStatus


class ReportFilter(ProgrammeFilterSet):
    status = django_filters.ChoiceFilter(choices=ReportStatus.choices, label=_("Status"), empty_label=_("All"))
    workgroup = django_filters.ModelChoiceFilter(
        queryset=Workgroup.objects.none(), label=_("Workgroup"), empty_label=_("All")
    )
    overdue = django_filters.ChoiceFilter(
        method="filter_overdue",
        label=_("Overdue"),
        choices=[("yes", _("Only overdue reports"))],
        empty_label=_("All"),
    )

    class Meta:
        model = ProgressReport
        fields = ["status", "workgroup", "overdue"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["workgroup"].queryset = Workgroup.objects.filter(programme=self.programme)

    def filter_overdue(self, queryset, name, value):
        if value != "yes":
            return queryset
        return queryset.filter(status__in=OPEN_STATUSES, due_date__lt=timezone.localdate())
