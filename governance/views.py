from django.contrib import messages
from django.db import transaction
from django.db.models import Prefetch
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import TemplateView, UpdateView

from programmes.views.lists import ProgrammeFilterView
from programmes.views.mixins import ObjectPermissionMixin, ProgrammePermissionMixin

from .exports import export
from .filters import DecisionFilter
from .forms import RouteForm, RouteStepFormSet
from .models import BodyMembership, Decision, DecisionRoute, GovernanceBody, RouteStep


class GovernanceView(ProgrammePermissionMixin, TemplateView):
    """The programme's bodies (who may decide what) and its decision routes as rows of steps."""

    template_name = "governance/governance.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["programme"] = self.programme
        context["bodies"] = GovernanceBody.objects.filter(programme=self.programme).prefetch_related(
            Prefetch("memberships", queryset=BodyMembership.objects.select_related("person__organisation"))
        )
        context["routes"] = DecisionRoute.objects.filter(programme=self.programme).prefetch_related(
            Prefetch("steps", queryset=RouteStep.objects.select_related("body"))
        )
        context["can_edit"] = self.request.user.has_perm("programmes.change_programme", self.programme)
        return context


class RouteEditMixin:
    """Route and steps are saved together, or not at all."""

    model = DecisionRoute
    form_class = RouteForm
    template_name = "governance/route_form.html"
    permission_required = "programmes.change_programme"

    def get_formset(self):
        return RouteStepFormSet(
            data=self.request.POST if self.request.method == "POST" else None,
            instance=self.object if self.object and self.object.pk else DecisionRoute(programme=self.programme),
            programme=self.programme,
            prefix="steps",
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("formset", self.get_formset())
        context["programme"] = self.programme
        return context

    def form_valid(self, form):
        formset = self.get_formset()
        if not formset.is_valid():
            return self.render_to_response(self.get_context_data(form=form, formset=formset))
        with transaction.atomic():
            route = form.save()
            formset.instance = route
            formset.save()
        messages.success(self.request, _("The route has been saved."))
        return redirect(reverse("governance:overview", args=[self.programme.pk]) + "#routes")


class RouteCreateView(RouteEditMixin, ProgrammePermissionMixin, UpdateView):
    def get_object(self, queryset=None):
        return None

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = DecisionRoute(programme=self.programme, is_default=not self.programme.routes.exists())
        return kwargs


class RouteUpdateView(RouteEditMixin, ObjectPermissionMixin, UpdateView):
    pass


class DecisionLogView(ProgrammeFilterView):
    """The besluitenlijst: every decision of the programme, filterable, searchable, exportable."""

    filterset_class = DecisionFilter
    template_name = "governance/decision_log.html"

    def get_queryset(self):
        return (
            Decision.objects.filter(programme=self.programme)
            .select_related("body", "meeting__body", "action_line", "subject_type", "recorded_by", "corrects")
            .order_by("-date", "-recorded_at")
        )

    def get(self, request, *args, **kwargs):
        kind = request.GET.get("export")
        if kind not in ("csv", "xlsx"):
            return super().get(request, *args, **kwargs)
        filterset = self.get_filterset(self.get_filterset_class())
        decisions = filterset.qs if filterset.is_valid() else self.get_queryset().none()
        headers = [
            _("Date"),
            _("Body"),
            _("Subject"),
            _("Outcome"),
            _("Rationale"),
            _("Action line"),
            _("Meeting"),
            _("Recorded by"),
            _("Corrects"),
        ]
        rows = [
            (
                d.date,
                str(d.body),
                d.subject_title,
                d.get_outcome_display(),
                d.rationale,
                str(d.action_line or ""),
                str(d.meeting or ""),
                d.recorded_by.get_full_name() or d.recorded_by.username if d.recorded_by else "",
                str(d.corrects or ""),
            )
            for d in decisions
        ]
        return export(rows, headers, "besluitenlijst", kind)
