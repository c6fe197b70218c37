import django_filters
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy as _

from governance.constants import DecisionOutcome
from governance.models import Decision
from programmes.filters import ProgrammeFilterSet, SearchFilter
from programmes.models import GovernanceBody


class PublicDecisionFilter(ProgrammeFilterSet):
    """The public list's filters: text, body, year and outcome. A value that is no choice is a form error."""

    # The public search reads the text the public pages show (publication/redaction.py), never the decision's own.
    q = SearchFilter(fields=("publication__public_title", "publication__public_rationale"), max_length=200)
    body = django_filters.ModelChoiceFilter(
        queryset=GovernanceBody.objects.none(), label=_("Body"), empty_label=_("All")
    )
    year = django_filters.ChoiceFilter(field_name="date__year", label=_("Year"), choices=[], empty_label=_("All"))
    outcome = django_filters.ChoiceFilter(choices=DecisionOutcome.choices, label=_("Outcome"), empty_label=_("All"))

    class Meta:
        model = Decision
        fields = ["q", "body", "year", "outcome"]

    def __init__(self, *args, collaboration=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["body"].queryset = GovernanceBody.objects.filter(
            programme__collaboration=collaboration, decisions_public=True
        ).select_related("programme")
        years = (
            self.queryset.annotate(year=ExtractYear("date")).order_by("-year").values_list("year", flat=True).distinct()
        )
        self.filters["year"].extra["choices"] = [(str(year), str(year)) for year in years]
