"""Pilot and experiment pages. Every state change goes through pilots.services."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Prefetch, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import DetailView, UpdateView

from core.refusals import Forbidden, as_permission_denied
from governance.exports import export
from programmes.models import Workgroup
from programmes.roles import roles_of
from programmes.views.lists import ProgrammeFilterView
from programmes.views.mixins import FormWithFormsetMixin, ObjectPermissionMixin, ProgrammePermissionMixin

from . import agenda, services
from .constants import PilotStatus
from .filters import ExperimentFilter, PilotFilter
from .forms import (
    AdviceForm,
    BudgetRequestFormSet,
    DecideForm,
    ExperimentForm,
    GateForm,
    GateFormSet,
    IndicatorFormSet,
    MeasurementForm,
    PilotForm,
    RationaleForm,
    RoleFormSet,
    SpendForm,
)
from .models import NOT_A_DRAFT, Experiment, Gate, Indicator, Pilot, PilotRole, PilotStep
from .rules import records_for


def visible_pilots(user, programme):
    """Submitted pilots for every reader; drafts only for their workgroup, the programme manager and admins."""
    queryset = Pilot.objects.filter(programme=programme)
    roles = roles_of(user)
    if roles.is_admin or programme.pk in roles.managed_programmes:
        return queryset
    return queryset.filter(~Q(status=PilotStatus.DRAFT) | Q(workgroup__in=roles.member_workgroups))


def writable_workgroups(user, programme):
    roles = roles_of(user)
    workgroups = Workgroup.objects.filter(programme=programme)
    if roles.is_admin or programme.pk in roles.managed_programmes:
        return workgroups
    return workgroups.filter(pk__in=roles.led_workgroups)


class PilotListView(ProgrammeFilterView):
    filterset_class = PilotFilter
    template_name = "pilots/pilot_list.html"

    def get_filterset_kwargs(self, filterset_class):
        kwargs = super().get_filterset_kwargs(filterset_class)
        kwargs["user"] = self.request.user
        return kwargs

    def get_queryset(self):
        return (
            visible_pilots(self.request.user, self.programme)
            .select_related("workgroup")
            .prefetch_related(
                "action_lines", "budget_requests", Prefetch("steps", queryset=PilotStep.objects.select_related("body"))
            )
            .order_by(
                self.request.GET.get("sort")
                if self.request.GET.get("sort") in ("title", "-title", "status", "workgroup__number")
                else "workgroup__number",
                "title",
            )
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_add"] = writable_workgroups(self.request.user, self.programme).exists()
        return context

    def get(self, request, *args, **kwargs):
        kind = request.GET.get("export")
        if kind not in ("csv", "xlsx"):
            return super().get(request, *args, **kwargs)
        filterset = self.get_filterset(self.get_filterset_class())
        pilots = filterset.qs if filterset.is_valid() else Pilot.objects.none()
        headers = [_("Title"), _("Kind"), _("Workgroup"), _("Status"), _("Waiting at"), _("Requested")]
        rows = [
            (
                p.title,
                p.get_kind_display(),
                str(p.workgroup),
                p.get_status_display(),
                str(p.step().body) if p.step() else "",
                sum(r.amount for r in p.budget_requests.all()),
            )
            for p in pilots
        ]
        return export(rows, headers, "pilots", kind)


class PilotFormMixin(FormWithFormsetMixin):
    model = Pilot
    form_class = PilotForm
    template_name = "pilots/pilot_form.html"
    formset_class = BudgetRequestFormSet
    formset_prefix = "budget"
    success_message = gettext_lazy("The proposal has been saved.")

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["programme"] = self.programme
        kwargs["workgroups"] = writable_workgroups(self.request.user, self.programme)
        if kwargs.get("instance") is None:
            kwargs["instance"] = Pilot(programme=self.programme)
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["programme"] = self.programme
        return context


class PilotCreateView(PilotFormMixin, ProgrammePermissionMixin, UpdateView):
    permission_required = "programmes.view_programme"

    def get_object(self, queryset=None):
        return None

    def dispatch(self, request, *args, **kwargs):
        response = super().dispatch(request, *args, **kwargs)
        return response

    def get(self, request, *args, **kwargs):
        if not writable_workgroups(request.user, self.programme).exists():
            raise PermissionDenied
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if not writable_workgroups(request.user, self.programme).exists():
            raise PermissionDenied
        return super().post(request, *args, **kwargs)


class PilotUpdateView(PilotFormMixin, ObjectPermissionMixin, UpdateView):
    permission_required = "pilots.change_pilot"

    def has_permission(self):
        """The proposal's writers, and only while it is a draft: the state binds administrators too."""
        allowed = super().has_permission()
        if allowed and not self.object.is_editable:
            raise PermissionDenied(NOT_A_DRAFT)
        return allowed


class PilotDetailView(ObjectPermissionMixin, DetailView):
    permission_required = "pilots.view_pilot"
    template_name = "pilots/pilot_detail.html"
    context_object_name = "pilot"

    def get_queryset(self):
        return Pilot.objects.select_related("programme__region", "workgroup", "experiment").prefetch_related(
            "action_lines",
            "parties",
            "budget_requests",
            Prefetch("roles", queryset=PilotRole.objects.select_related("person")),
            Prefetch("steps", queryset=PilotStep.objects.select_related("body")),
            Prefetch("events", queryset=self.object_events()),
            Prefetch("gates", queryset=Gate.objects.select_related("body", "decision")),
            Prefetch("indicators", queryset=Indicator.objects.prefetch_related("measurements")),
            "versions",
        )

    @staticmethod
    def object_events():
        from .models import PilotEvent

        return PilotEvent.objects.select_related("actor", "body", "advice", "decision")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        pilot, user = self.object, self.request.user
        step = pilot.step()
        context.update(
            step=step,
            steps=pilot.steps_now(),
            money=services.money_per_year(pilot),
            can_edit=pilot.is_editable and user.has_perm("pilots.change_pilot", pilot),
            can_write=user.has_perm("pilots.change_pilot", pilot),
            can_act=step is not None and records_for(user, step.body),
            agenda_item=agenda.agenda_item_for(pilot),
            next_meeting=step and agenda.next_meeting_for(step.body),
            rationale_form=RationaleForm(),
            advice_form=AdviceForm(),
            decide_form=DecideForm(pilot=pilot),
            gate_form=GateForm(),
            deciding_body=services.deciding_body(pilot),
            measurement_form=MeasurementForm(pilot=pilot),
            versions=list(pilot.versions.all()),
        )
        context["can_gate"] = pilot.status == PilotStatus.RUNNING and records_for(user, context["deciding_body"])
        events = list(pilot.events.all())
        last_submit = max((i for i, e in enumerate(events) if e.kind == "submitted"), default=None)
        this_round = events[last_submit:] if last_submit is not None else []
        context["step_rows"] = [
            {
                "step": s,
                "current": step is not None and s.order == step.order,
                "events": [e for e in this_round if e.step_order == s.order and e.kind != "submitted"],
            }
            for s in context["steps"]
        ]
        context["events"] = events
        context["version_diffs"] = version_diffs(context["versions"])
        context["today"] = timezone.localdate()
        return context


def version_diffs(versions):
    """What changed between successive frozen versions of a proposal."""
    diffs = []
    for previous, current in zip(versions, versions[1:], strict=False):
        changed = sorted(
            key for key in set(previous.data) | set(current.data) if previous.data.get(key) != current.data.get(key)
        )
        diffs.append(
            {
                "version": current,
                "changes": [
                    {"field": key, "before": previous.data.get(key), "after": current.data.get(key)} for key in changed
                ],
            }
        )
    return diffs


ACTS = {
    "submit": lambda pilot, user, data: services.submit(pilot, user),
    "withdraw": lambda pilot, user, data: services.withdraw(pilot, user, data.get("rationale", "")),
    "forward": lambda pilot, user, data: services.forward(pilot, user, data.get("rationale", "")),
    "return": lambda pilot, user, data: services.return_for_revision(pilot, user, data.get("rationale", "")),
    "start": lambda pilot, user, data: services.start(pilot, user),
}


def _form_errors(form):
    return ValidationError([message for errors in form.errors.values() for message in errors])


class PilotActView(View):
    """One POST per act: a form reads the input, the service decides whether it is allowed and says why not.

    Input that is wrong comes back as a message on the pilot page; an act this user may not do is a 403
    with the service's message."""

    def post(self, request, pk, act):
        pilot = get_object_or_404(Pilot, pk=pk)
        if not request.user.is_authenticated or not request.user.has_perm("pilots.view_pilot", pilot):
            raise PermissionDenied
        try:
            if act in ACTS:
                form = RationaleForm(request.POST)
                if not form.is_valid():
                    raise _form_errors(form)
                ACTS[act](pilot, request.user, form.cleaned_data)
            elif act == "advise":
                form = AdviceForm(request.POST)
                if not form.is_valid():
                    raise _form_errors(form)
                data = form.cleaned_data
                services.record_advice(pilot, request.user, data["outcome"], data["rationale"], data["conditions"])
            elif act == "decide":
                form = DecideForm(request.POST, pilot=pilot)
                if not form.is_valid():
                    raise _form_errors(form)
                data = form.cleaned_data
                services.decide(pilot, request.user, data["outcome"], data["rationale"], amounts=form.amounts())
            elif act == "gate":
                form = GateForm(request.POST, pilot=pilot)
                if not form.is_valid():
                    raise _form_errors(form)
                data = form.cleaned_data
                services.record_gate(data["gate"], request.user, data["outcome"], data["rationale"])
            elif act == "spend":
                form = SpendForm(request.POST, pilot=pilot)
                if not form.is_valid():
                    raise _form_errors(form)
                data = form.cleaned_data
                services.record_spending(pilot, request.user, data["year"], data["amount"], data["note"])
            elif act == "measure":
                if not request.user.has_perm("pilots.change_pilot", pilot):
                    raise PermissionDenied
                form = MeasurementForm(request.POST, pilot=pilot)
                if not form.is_valid():
                    raise _form_errors(form)
                form.save()
            else:
                raise Http404
        except Forbidden as error:
            raise as_permission_denied(error) from None
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("Done."))
        return redirect(pilot)


class PilotPlanView(ObjectPermissionMixin, UpdateView):
    """Gates, indicators and the role division of a pilot, edited in place."""

    permission_required = "pilots.change_pilot"
    model = Pilot
    fields = []
    template_name = "pilots/pilot_plan.html"

    def formsets(self):
        data = self.request.POST if self.request.method == "POST" else None
        return {
            "gates": GateFormSet(data, instance=self.object, prefix="gates"),
            "indicators": IndicatorFormSet(data, instance=self.object, prefix="indicators"),
            "roles": RoleFormSet(data, instance=self.object, prefix="roles"),
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("formsets", self.formsets())
        return context

    def post(self, request, *args, **kwargs):
        self.object = self.get_object()
        formsets = self.formsets()
        if not all(formset.is_valid() for formset in formsets.values()):
            return self.render_to_response(self.get_context_data(formsets=formsets))
        decided = [
            f.instance
            for f in formsets["gates"].forms
            if f.instance.pk and f.instance.outcome and (f.has_changed() or f.cleaned_data.get("DELETE"))
        ]
        if decided:
            messages.error(request, _("A decided go/no-go moment cannot be changed or removed."))
            return self.render_to_response(self.get_context_data(formsets=formsets))
        with transaction.atomic():
            for formset in formsets.values():
                formset.save()
        messages.success(request, _("The plan of the pilot has been saved."))
        return redirect(self.object)


class ExperimentListView(ProgrammeFilterView):
    filterset_class = ExperimentFilter
    template_name = "pilots/experiment_list.html"
    export_name = "experimenten"

    def export_rows(self, objects):
        headers = [_("Title"), _("Workgroup"), _("Status"), _("Start"), _("End"), _("Hypothesis"), _("Outcome")]
        rows = [
            (e.title, str(e.workgroup), e.get_status_display(), e.start_date, e.end_date, e.hypothesis, e.outcome)
            for e in objects
        ]
        return headers, rows

    def get_queryset(self):
        return (
            Experiment.objects.filter(workgroup__programme=self.programme)
            .select_related("workgroup")
            .prefetch_related("pilot")
            .order_by("workgroup__number", "title")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["writable_ids"] = set(
            writable_workgroups(self.request.user, self.programme).values_list("pk", flat=True)
        )
        context["can_add"] = bool(context["writable_ids"])
        return context


class ExperimentFormMixin:
    model = Experiment
    form_class = ExperimentForm
    template_name = "pilots/experiment_form.html"

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["workgroups"] = writable_workgroups(self.request.user, self.programme)
        return kwargs

    def form_valid(self, form):
        messages.success(self.request, _("The experiment has been saved."))
        form.save()
        return redirect("pilots:experiments", self.programme.pk)


class ExperimentCreateView(ExperimentFormMixin, ProgrammePermissionMixin, UpdateView):
    def get_object(self, queryset=None):
        if not writable_workgroups(self.request.user, self.programme).exists():
            raise PermissionDenied
        return None


class ExperimentUpdateView(ExperimentFormMixin, ObjectPermissionMixin, UpdateView):
    permission_required = "pilots.change_experiment"


class ExperimentPromoteView(View):
    def post(self, request, pk):
        experiment = get_object_or_404(Experiment.objects.select_related("workgroup__programme"), pk=pk)
        if not request.user.has_perm("pilots.change_experiment", experiment):
            raise PermissionDenied
        try:
            pilot = services.promote(experiment, request.user)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
            return redirect("pilots:experiments", experiment.workgroup.programme_id)
        messages.success(request, _("A draft pilot has been made from the experiment."))
        return redirect(pilot)
