"""The risk register: a 5×5 heatmap over a filterable list, and the risk form with its measures in place."""

from django import forms
from django.db.models import F
from django.forms import inlineformset_factory
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import UpdateView

from core.columns import Column

from ..filters import RiskFilter
from ..forms import DATE_WIDGET, SHORT_TEXT, ProgrammeScopedForm
from ..risks import SCORE_CHOICES, Mitigation, Risk
from .lists import ProgrammeFilterView
from .mixins import FormWithFormsetMixin, ObjectPermissionMixin, ProgrammePermissionMixin

SCORES = range(1, 6)


def risk_columns(user, programme):
    """The risk register's columns, the same for every reader of the programme."""
    return [
        Column(_("Risk"), lambda r: r.title),
        Column(_("Description"), lambda r: r.description),
        Column(_("Workgroup"), lambda r: str(r.workgroup or "")),
        Column(_("Likelihood"), lambda r: r.likelihood),
        Column(_("Impact"), lambda r: r.impact),
        Column(_("Score"), lambda r: r.likelihood * r.impact),
        Column(_("Status"), lambda r: r.get_status_display()),
        Column(_("Owner"), lambda r: r.owner.name if r.owner else ""),
        Column(_("Next review"), lambda r: r.review_date),
        Column(
            _("Mitigation"),
            lambda r: "\n".join(m.description for m in r.mitigations.all()),
            "includes/cells/lines.html",
        ),
    ]


class RiskListView(ProgrammeFilterView):
    filterset_class = RiskFilter
    template_name = "programmes/risk_list.html"
    export_name = "risicos"
    columns_for = risk_columns

    def get_queryset(self):
        return (
            Risk.objects.filter(programme=self.programme)
            .annotate(score_value=F("likelihood") * F("impact"))
            .order_by("-score_value", "-impact", "title")
            .select_related("owner", "workgroup")
            .prefetch_related("mitigations")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        counts = {}
        for likelihood, impact in Risk.objects.filter(programme=self.programme).values_list("likelihood", "impact"):
            counts[likelihood, impact] = counts.get((likelihood, impact), 0) + 1
        # Rows from likelihood 5 (top) to 1, columns impact 1 to 5, as a risk matrix is drawn.
        context["heatmap"] = [
            {
                "likelihood": likelihood,
                "cells": [
                    {
                        "impact": impact,
                        "count": counts.get((likelihood, impact), 0),
                        "level": "high"
                        if likelihood * impact >= 15
                        else "medium"
                        if likelihood * impact >= 8
                        else "low",
                    }
                    for impact in SCORES
                ],
            }
            for likelihood in reversed(SCORES)
        ]
        context["impacts"] = list(SCORES)
        context["can_edit"] = self.request.user.has_perm("programmes.change_programme", self.programme)
        return context


class RiskForm(ProgrammeScopedForm):
    class Meta:
        model = Risk
        fields = ["title", "description", "workgroup", "likelihood", "impact", "owner", "status", "review_date"]
        widgets = {
            "description": SHORT_TEXT,
            "review_date": DATE_WIDGET,
            "likelihood": forms.Select(choices=SCORE_CHOICES),
            "impact": forms.Select(choices=SCORE_CHOICES),
        }


MitigationFormSet = inlineformset_factory(Risk, Mitigation, fields=["order", "description"], extra=2, can_delete=True)


class RiskEditMixin(FormWithFormsetMixin):
    model = Risk
    form_class = RiskForm
    template_name = "programmes/risk_form.html"
    permission_required = "programmes.change_programme"
    formset_class = MitigationFormSet
    formset_prefix = "measures"
    success_message = gettext_lazy("The risk has been saved.")

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["programme"] = self.programme
        if kwargs.get("instance") is None:
            kwargs["instance"] = Risk(programme=self.programme)
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["programme"] = self.programme
        return context

    def success_url_for(self, saved):
        return reverse("programmes:risks", args=[self.programme.pk])


class RiskCreateView(RiskEditMixin, ProgrammePermissionMixin, UpdateView):
    def get_object(self, queryset=None):
        return None


class RiskUpdateView(RiskEditMixin, ObjectPermissionMixin, UpdateView):
    pass
