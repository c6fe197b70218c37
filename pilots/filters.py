import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from programmes.filters import ProgrammeFilterSet, SearchFilter, YesNoFilter
from programmes.models import ActionLine, GovernanceBody, Workgroup
from programmes.roles import roles_of

from .constants import ExperimentStatus, PilotKind, PilotStatus
from .models import Experiment, Pilot


class PilotFilter(ProgrammeFilterSet):
    q = SearchFilter(fields=("title", "goals", "objective"))
    status = django_filters.ChoiceFilter(choices=PilotStatus.choices, label=_("Status"), empty_label=_("All"))
    body = django_filters.ModelChoiceFilter(
        queryset=GovernanceBody.objects.none(), method="filter_body", label=_("Waiting at"), empty_label=_("All")
    )
    workgroup = django_filters.ModelChoiceFilter(
        queryset=Workgroup.objects.none(), label=_("Workgroup"), empty_label=_("All")
    )
    action_line = django_filters.ModelChoiceFilter(
        field_name="action_lines", queryset=ActionLine.objects.none(), label=_("Action line"), empty_label=_("All")
    )
    kind = django_filters.ChoiceFilter(choices=PilotKind.choices, label=_("Kind"), empty_label=_("All"))
    year = django_filters.NumberFilter(field_name="budget_requests__year", label=_("Budget year"))
    mine = YesNoFilter(method="filter_mine", label=_("Waiting for me"))

    class Meta:
        model = Pilot
        fields = ["q", "status", "body", "workgroup", "action_line", "kind", "year", "mine"]

    def __init__(self, *args, **kwargs):
        self.user = kwargs.pop("user", None)
        super().__init__(*args, **kwargs)
        self.filters["body"].queryset = GovernanceBody.objects.filter(programme=self.programme)
        self.filters["workgroup"].queryset = Workgroup.objects.filter(programme=self.programme)
        self.filters["action_line"].queryset = ActionLine.objects.filter(programme=self.programme)

    def filter_body(self, queryset, name, value):
        return queryset.filter(
            status=PilotStatus.ON_ROUTE,
            steps__body=value,
            steps__order=models_current_step(),
            steps__submission=models_submission(),
        )

    def filter_mine(self, queryset, name, value):
        if not value:
            return queryset
        roles = roles_of(self.user)
        waiting_at_my_body = Q(
            status=PilotStatus.ON_ROUTE,
            steps__body__in=roles.recording_body_ids,
            steps__order=models_current_step(),
            steps__submission=models_submission(),
        )
        my_drafts = Q(status=PilotStatus.DRAFT, workgroup__in=roles.led_workgroups) | Q(
            status=PilotStatus.DRAFT, kind=PilotKind.PROGRAMME_DOCUMENT, programme__in=roles.managed_programmes
        )
        return queryset.filter(waiting_at_my_body | my_drafts)

    def filter_queryset(self, queryset):
        return super().filter_queryset(queryset).distinct()


def models_current_step():
    from django.db.models import F

    return F("current_step")


def models_submission():
    from django.db.models import F

    return F("submission")


class ExperimentFilter(ProgrammeFilterSet):
    q = SearchFilter(fields=("title", "problem", "hypothesis", "lessons"))
    status = django_filters.ChoiceFilter(choices=ExperimentStatus.choices, label=_("Status"), empty_label=_("All"))
    workgroup = django_filters.ModelChoiceFilter(
        queryset=Workgroup.objects.none(), label=_("Workgroup"), empty_label=_("All")
    )

    class Meta:
        model = Experiment
        fields = ["q", "status", "workgroup"]

    def __init__(self, *args, **kwargs):
        kwargs.pop("user", None)
        super().__init__(*args, **kwargs)
        self.filters["workgroup"].queryset = Workgroup.objects.filter(programme=self.programme)
