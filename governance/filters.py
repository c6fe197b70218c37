import django_filters
from django import forms
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from programmes.filters import ProgrammeFilterSet, SearchFilter
from programmes.models import ActionLine, GovernanceBody

from .constants import DecisionOutcome
from .models import Decision

DATE = forms.DateInput(attrs={"type": "date"})


class DecisionFilter(ProgrammeFilterSet):
    q = SearchFilter(fields=("subject_title", "rationale"))
    body = django_filters.ModelChoiceFilter(queryset=GovernanceBody.objects.none(), label=_("Body"))
    outcome = django_filters.ChoiceFilter(choices=DecisionOutcome.choices, label=_("Outcome"))
    date_from = django_filters.DateFilter(field_name="date", lookup_expr="gte", label=_("From"), widget=DATE)
    date_to = django_filters.DateFilter(field_name="date", lookup_expr="lte", label=_("To"), widget=DATE)
    subject_kind = django_filters.ChoiceFilter(method="filter_kind", label=_("Subject kind"), choices=[])
    action_line = django_filters.ModelChoiceFilter(queryset=ActionLine.objects.none(), label=_("Action line"))

    class Meta:
        model = Decision
        fields = ["q", "body", "outcome", "date_from", "date_to", "subject_kind", "action_line"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["body"].queryset = GovernanceBody.objects.filter(programme=self.programme)
        self.filters["action_line"].queryset = ActionLine.objects.filter(programme=self.programme)
        kinds = ContentType.objects.filter(
            pk__in=Decision.objects.filter(programme=self.programme).values("subject_type")
        )
        self.filters["subject_kind"].extra["choices"] = [("none", _("Programme (no subject)"))] + [
            (str(kind.pk), kind.model_class()._meta.verbose_name if kind.model_class() else kind.model)
            for kind in kinds
        ]

    def filter_kind(self, queryset, name, value):
        if value == "none":
            return queryset.filter(subject_type__isnull=True)
        return queryset.filter(Q(subject_type_id=value))
