import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from programmes.models import Programme

from .constants import AuditKind
from .models import AuditEntry

DATE = forms.DateInput(attrs={"type": "date"})


class AuditFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(choices=AuditKind.choices, label=_("What"))
    user = django_filters.CharFilter(method="filter_user", label=_("Username"))
    programme = django_filters.ModelChoiceFilter(
        queryset=Programme.objects.select_related("collaboration"), label=_("Programme")
    )
    date_from = django_filters.DateFilter(field_name="at", lookup_expr="date__gte", label=_("From"), widget=DATE)
    date_to = django_filters.DateFilter(field_name="at", lookup_expr="date__lte", label=_("To"), widget=DATE)

    class Meta:
        model = AuditEntry
        fields = ["kind", "user", "programme", "date_from", "date_to"]

    @property
    def form(self):
        form = super().form
        for field in form.fields.values():
            css = "form-select" if isinstance(field.widget, forms.Select) else "form-control"
            field.widget.attrs.setdefault("class", css)
        return form

    def filter_user(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(
            Q(actor_name__icontains=value) | Q(subject_name__icontains=value) | Q(username__icontains=value)
        )
