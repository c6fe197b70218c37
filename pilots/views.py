"""Pilot and experiment pages. Every state change goes through pilots.services."""

from django.contrib import messages
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Prefetch, Q
from django.forms import HiddenInput, RadioSelect
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import DetailView, TemplateView, UpdateView

from core.columns import Column
from core.dryrun import carried_fields, dry_run
from core.refusals import Forbidden, as_permission_denied
from governance.constants import AdviceOutcome, StepAct
from programmes.models import BodyMembership, GovernanceBody, Person, Workgroup
from programmes.roles import roles_of
from programmes.views.lists import ProgrammeFilterView
from programmes.views.mixins import FormWithFormsetMixin, ObjectPermissionMixin, ProgrammePermissionMixin

from . import agenda, assessment, conditions, municipal, services
from .acts import ACTS
from .constants import EventKind, PilotKind, PilotStatus
from .filters import ExperimentFilter, PilotFilter
from .forms import (
    BudgetRequestFormSet,
    ConditionActForm,
    CriterionFormSet,
    ExperimentForm,
    GateFormSet,
    IndicatorFormSet,
    MunicipalDecisionForm,
    PilotForm,
    ProgrammeDocumentForm,
    PromoteForm,
    RoleFormSet,
    ScoreForm,
)
from .models import (
    NOT_A_DRAFT,
    Condition,
    ConditionEvent,
    Experiment,
    Gate,
    Indicator,
    Pilot,
    PilotEvent,
    PilotRole,
    PilotStep,
)
from .rules import acts_for_body, records_for, sees_scores, sits_in


def visible_pilots(user, programme):
    """Submitted pilots for every reader; drafts only for their workgroup, the programme manager and admins (a
    programme document's draft: the programme manager's and the admins' only, as it has no workgroup)."""
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


def waiting_at(pilot):
    step = pilot.step()
    return f"{step.body} {step.get_act_display()}" if step else ""


def pilot_columns(user, programme):
    """The pilot list's columns, the same for every reader; which pilots a reader sees is `visible_pilots`."""
    return [
        Column(_("Title"), lambda p: p.title, "pilots/cells/title.html", sort="title"),
        Column(_("Kind"), lambda p: p.get_kind_display(), css="small"),
        Column(
            _("Action lines"),
            lambda p: "\n".join(line.title for line in p.action_lines.all()),
            "pilots/cells/action_lines.html",
            css="small",
        ),
        Column(_("Workgroup"), lambda p: p.origin, sort="workgroup__number", css="small"),
        Column(_("Status"), lambda p: p.get_status_display(), "pilots/cells/status.html", sort="status"),
        Column(_("Waiting at"), waiting_at, css="small"),
        Column(
            _("Requested"),
            lambda p: sum(r.amount for r in p.budget_requests.all()),
            "pilots/cells/requested.html",
            css="text-end text-nowrap",
        ),
    ]


class PilotListView(ProgrammeFilterView):
    filterset_class = PilotFilter
    template_name = "pilots/pilot_list.html"
    export_name = "pilots"
    columns_for = pilot_columns

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
        context["can_add_document"] = self.request.user.has_perm("pilots.add_programme_document", self.programme)
        return context


class PilotFormMixin(FormWithFormsetMixin):
    model = Pilot
    form_class = PilotForm
    template_name = "pilots/pilot_form.html"
    formset_class = BudgetRequestFormSet
    formset_prefix = "budget"
    success_message = gettext_lazy("The proposal has been saved.")

    def new_instance(self):
        return Pilot(programme=self.programme)

    def get_form_class(self):
        """A programme document has a form of its own: no workgroup, no DIN fields."""
        instance = getattr(self, "object", None)
        if instance is not None and instance.is_programme_document:
            return ProgrammeDocumentForm
        return self.form_class

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["programme"] = self.programme
        if kwargs.get("instance") is None:
            kwargs["instance"] = self.new_instance()
        if not kwargs["instance"].is_programme_document:
            kwargs["workgroups"] = writable_workgroups(self.request.user, self.programme)
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["programme"] = self.programme
        context["is_programme_document"] = context["form"].instance.is_programme_document
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
            if request.user.has_perm("pilots.add_programme_document", self.programme):
                # The programme manager of a programme without workgroups writes the programme's own documents.
                return redirect("pilots:create_document", self.programme.pk)
            raise PermissionDenied
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if not writable_workgroups(request.user, self.programme).exists():
            raise PermissionDenied
        return super().post(request, *args, **kwargs)


class ProgrammeDocumentCreateView(PilotFormMixin, ProgrammePermissionMixin, UpdateView):
    """A new programme document (a regional vision, a plan van aanpak, ...): the programme manager's own proposal,
    also on a programme without workgroups."""

    permission_required = "pilots.add_programme_document"
    success_message = gettext_lazy(
        "The programme document has been saved as a draft. Add the document itself as an annex, then submit it."
    )

    def get_object(self, queryset=None):
        return None

    def new_instance(self):
        return Pilot(programme=self.programme, kind=PilotKind.PROGRAMME_DOCUMENT)

    def get_form_class(self):
        return ProgrammeDocumentForm


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
        return Pilot.objects.select_related("programme__collaboration", "workgroup", "experiment").prefetch_related(
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
        return PilotEvent.objects.select_related(
            "actor", "body", "advice", "decision", "municipal_decision__municipality"
        )

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
            # Where the municipalities decide, their section records the step, not the body's act form.
            can_act=step is not None and step.act != StepAct.MUNICIPALITIES and records_for(user, step.body),
            agenda_item=agenda.agenda_item_for(pilot),
            next_meeting=step and agenda.next_meeting_for(step.body),
            deciding_body=services.deciding_body(pilot),
            versions=list(pilot.versions.all()),
        )
        # A refused act renders this page again with its bound form (kwargs), so nothing typed is lost.
        deciding_here = context["can_act"] and step.act == StepAct.DECIDE
        context["municipal"] = municipal.section(pilot, user, context["steps"])
        offered = context["municipal"]["may_record"] if context["municipal"] else []
        if "municipal_form" in context:
            context["municipal_form"].offer(offered)
        else:
            context["municipal_form"] = MunicipalDecisionForm(pilot=pilot, municipalities=offered)
        for spec in ACTS.values():
            if spec.form_name == "decide_form" and not deciding_here:
                context.setdefault(spec.form_name, None)  # its budget figures cost a query: only where it is shown
            elif spec.form_name not in context:
                context[spec.form_name] = spec.form(pilot)
        context.setdefault("act_errors", [])
        context["can_gate"] = pilot.status == PilotStatus.RUNNING and records_for(user, context["deciding_body"])
        events = list(pilot.events.all())
        last_submit = max((i for i, e in enumerate(events) if e.kind == "submitted"), default=None)
        this_round = events[last_submit:] if last_submit is not None else []
        context["step_rows"] = [
            {
                "step": s,
                "current": step is not None and s.order == step.order,
                # One municipality's decision is in the section of the municipalities, not in the stepper.
                "events": [
                    e
                    for e in this_round
                    if e.step_order == s.order and e.kind not in ("submitted", EventKind.MUNICIPALITY_DECIDED)
                ],
            }
            for s in context["steps"]
        ]
        context["events"] = events
        context.update(condition_context(pilot, user, events, context.get("condition_form")))
        context.update(assessment_context(pilot, user, step, events))
        context["version_diffs"] = version_diffs(context["versions"])
        context["today"] = timezone.localdate()
        return context


def condition_context(pilot, user, events, bound_form=None):
    """The pilot's conditions with what this user may do with each: two queries, none if no advice set any."""
    if not any(event.advice and event.advice.outcome == AdviceOutcome.CONDITIONAL for event in events):
        return {"conditions": [], "open_count": 0}
    found = Condition.objects.filter(pilot=pilot).select_related("body")
    found = found.prefetch_related(Prefetch("events", queryset=ConditionEvent.objects.select_related("actor")))
    rows = []
    may_mark = user.has_perm("pilots.change_pilot", pilot)
    may_drop = records_for(user, services.deciding_body(pilot))
    followed = pilot.status in conditions.FOLLOWED
    for condition in found:
        current = condition.submission == pilot.submission
        acts = []
        if followed and current:
            if condition.state == "open" and may_mark:
                acts.append(("met", _("Mark as met…")))
            if condition.state == "claimed" and acts_for_body(user, condition.body):
                acts += [("confirm", _("Confirm as met")), ("reopen", _("Not met yet: reopen"))]
            if condition.state in ("open", "claimed") and may_drop:
                acts.append(("drop", _("Drop…")))
        form = bound_form if bound_form is not None and bound_form.prefix == f"c{condition.pk}" else None
        rows.append(
            {
                "condition": condition,
                "current": current,
                "acts": acts,
                "form": form or ConditionActForm(prefix=f"c{condition.pk}"),
            }
        )
    return {"conditions": rows, "open_count": sum(1 for r in rows if r["current"] and not r["condition"].is_settled)}


def assessment_context(pilot, user, step, events):
    """The assessment section: the joint assessments kept with the acts, and for the body the scores so far."""
    context = {"joint_assessments": [e for e in events if e.assessment]}
    scoring = assessment.assessing_step(pilot)
    context["assessing_step"] = scoring
    if scoring is not None:
        context["can_score"] = sits_in(user, scoring.body) or records_for(user, scoring.body)
        context["sees_scores"] = sees_scores(user, pilot.programme, scoring.body)
        if context["sees_scores"]:
            context["score_summary"] = assessment.summary(pilot, scoring.order)
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


def error_list(form, anchor, field_links=True):
    """The form's errors for the summary at the top: each links to its field (or to the act's section)."""
    errors = []
    for name, messages_ in form.errors.items():
        field = form.fields.get(name)
        visible = field_links and field is not None and not isinstance(field.widget, HiddenInput)
        target = form[name].id_for_label if visible and form[name].id_for_label else anchor
        if name == NON_FIELD_ERRORS:
            target = None  # the refusal of the act as a whole: plain text, nothing to go to
        if visible and isinstance(field.widget, RadioSelect):
            target = f"{form[name].auto_id}_0"
        errors.extend({"message": message, "target": target} for message in messages_)
    return errors


class PilotActView(View):
    """One POST per act: a form reads the input, the service decides whether it is allowed and says why not.

    A consequential act first answers with a confirmation page (no JavaScript needed) that repeats the input
    and says what will happen; it runs when that page is confirmed. Input that is refused comes back on the
    pilot page with everything that was typed; an act this user may not do is a 403 with the service's message.
    """

    def post(self, request, pk, act):
        pilot = get_object_or_404(Pilot, pk=pk)
        if not request.user.is_authenticated or not request.user.has_perm("pilots.view_pilot", pilot):
            raise PermissionDenied
        spec = ACTS.get(act)
        if spec is None:
            raise Http404
        spec.check(pilot, request.user)
        form = spec.form(pilot, request.POST, request.FILES)
        confirmed = request.POST.get("confirmed") == "1"
        asks = spec.asks_on_confirmation
        try:
            if spec.confirm and not confirmed:
                if asks and not form.is_valid():
                    # The confirmation page asks for the input; check only that the act is allowed now.
                    dry_run(lambda: spec.run(pilot, request.user, _placeholder(form)))
                    return self.confirmation(request, pilot, spec, spec.form(pilot), None)
                if not form.is_valid():
                    return self.refused(request, pilot, spec, form)
                will = dry_run(lambda: spec.will(spec.run(pilot, request.user, form), form))
                return self.confirmation(request, pilot, spec, form, will)
            if not form.is_valid():
                if asks:
                    return self.confirmation(request, pilot, spec, form, None)
                return self.refused(request, pilot, spec, form)
            result = spec.run(pilot, request.user, form)
        except Forbidden as error:
            raise as_permission_denied(error) from None
        except ValidationError as error:
            form.add_error(None, error.messages)
            return self.refused(request, pilot, spec, form)
        after = result if isinstance(result, Pilot) else Pilot.objects.get(pk=pilot.pk)
        messages.success(request, spec.did(after, form))
        return redirect(pilot)

    def refused(self, request, pilot, spec, form):
        """The pilot page again, status 200, with the bound form (all that was typed) and its errors on top."""
        view = PilotDetailView()
        view.setup(request, pk=pilot.pk)
        view.object = view.get_object()
        view.programme = view.object.programme
        context = view.get_context_data(
            object=view.object, act_errors=error_list(form, spec.anchor, spec.field_links), **{spec.form_name: form}
        )
        return view.render_to_response(context)

    def confirmation(self, request, pilot, spec, form, will):
        if will is None:
            will = spec.will(pilot, form)
        asks = spec.asks_on_confirmation
        # What was typed travels on in hidden fields, except what this page asks for itself.
        keep = carried_fields(request, leave_out=_visible(form) if asks else ())
        context = {
            "title": spec.title,
            "subject": pilot.title,
            "will": will,
            "details": spec.details(form) if not asks and form.is_bound and form.is_valid() else [],
            "hidden": keep,
            "form": form if asks else None,
            "action": request.path,
            "cancel_url": pilot.get_absolute_url(),
            "nav_programme": pilot.programme,
            "danger": spec.danger,
        }
        return render(request, "includes/confirm.html", context)


def _visible(form):
    return [name for name, field in form.fields.items() if not isinstance(field.widget, HiddenInput)]


def _placeholder(form):
    """A stand-in for input the confirmation page still asks for, so the dry run checks only who and when."""

    class Stand:
        cleaned_data = {name: "-" for name in form.fields}

    return Stand()


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


def experiment_columns(user, programme):
    """The experiment list's columns, the same for every reader of the programme."""
    return [
        Column(_("Title"), lambda e: e.title),
        Column(_("Workgroup"), lambda e: str(e.workgroup)),
        Column(_("Status"), lambda e: e.get_status_display()),
        Column(_("Start date"), lambda e: e.start_date),
        Column(_("End date"), lambda e: e.end_date),
        Column(_("Problem"), lambda e: e.problem),
        Column(_("Hypothesis"), lambda e: e.hypothesis),
        Column(_("Test set-up"), lambda e: e.test_setup),
        Column(_("Outcome"), lambda e: e.outcome),
        Column(_("Lessons learned"), lambda e: e.lessons),
        Column(_("Pilot"), lambda e: str(getattr(e, "pilot", None) or ""), "pilots/cells/experiment_pilot.html"),
    ]


class ExperimentListView(ProgrammeFilterView):
    filterset_class = ExperimentFilter
    template_name = "pilots/experiment_list.html"
    export_name = "experimenten"
    columns_for = experiment_columns

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
            if not self.programme.workgroups.exists():
                raise PermissionDenied(_("Experiments are tried out in a workgroup, and this programme has none."))
            raise PermissionDenied
        return None


class ExperimentUpdateView(ExperimentFormMixin, ObjectPermissionMixin, UpdateView):
    permission_required = "pilots.change_experiment"


class ExperimentPromoteView(View):
    """Promoting asks first: a page shows the draft the experiment becomes, the lead corrects it and confirms."""

    template_name = "pilots/experiment_promote.html"

    def experiment(self, request, pk):
        experiment = get_object_or_404(Experiment.objects.select_related("workgroup__programme"), pk=pk)
        if not request.user.has_perm("pilots.change_experiment", experiment):
            raise PermissionDenied
        return experiment

    def page(self, request, experiment, form):
        context = {
            "experiment": experiment,
            "form": form,
            "nav_programme": experiment.workgroup.programme,
            "cancel_url": reverse("pilots:experiments", args=[experiment.workgroup.programme_id]),
        }
        return render(request, self.template_name, context)

    def refuse(self, request, experiment, error):
        for message in error.messages:
            messages.error(request, message)
        return redirect("pilots:experiments", experiment.workgroup.programme_id)

    def get(self, request, pk):
        experiment = self.experiment(request, pk)
        if Pilot.objects.filter(experiment=experiment).exists():
            return self.refuse(
                request, experiment, ValidationError(_("This experiment has already been promoted to a pilot."))
            )
        return self.page(request, experiment, PromoteForm(initial=services.promotion_fields(experiment)))

    def post(self, request, pk):
        experiment = self.experiment(request, pk)
        if request.POST.get("confirmed") != "1":
            return self.get(request, pk)
        form = PromoteForm(request.POST)
        if not form.is_valid():
            return self.page(request, experiment, form)
        try:
            pilot = services.promote(experiment, request.user, fields=form.cleaned_data)
        except Forbidden as error:
            raise as_permission_denied(error) from None
        except ValidationError as error:
            if Pilot.objects.filter(experiment=experiment).exists():
                return self.refuse(request, experiment, error)
            form.add_error(None, error.messages)
            return self.page(request, experiment, form)
        messages.success(
            request,
            _(
                "A draft pilot has been made from the experiment. Complete the proposal (efforts, network, "
                "requested budget) and submit it when it is ready; the experiment links to it."
            ),
        )
        return redirect(pilot)


def _error_targets(form, anchor):
    return [
        {"message": message, "target": form[name].auto_id if name in form.fields else anchor}
        for name, messages_ in form.errors.items()
        for message in messages_
    ]


class ConditionActView(View):
    """Marks a condition met, confirms, reopens or drops it; the rules are in pilots.conditions.

    Confirming and dropping are final, so they ask first on a confirmation page (without JavaScript).
    """

    CONFIRM_FIRST = {"confirm", "drop"}
    TITLES = {
        "met": gettext_lazy("Mark the condition as met"),
        "confirm": gettext_lazy("Confirm that the condition is met"),
        "reopen": gettext_lazy("Reopen the condition"),
        "drop": gettext_lazy("Drop the condition"),
    }

    def post(self, request, pk, act):
        condition = get_object_or_404(Condition.objects.select_related("pilot__programme", "body"), pk=pk)
        pilot = condition.pilot
        if not request.user.is_authenticated or not request.user.has_perm("pilots.view_pilot", pilot):
            raise PermissionDenied
        perform = conditions.ACTS.get(act)
        if perform is None:
            raise Http404
        form = ConditionActForm(request.POST, prefix=f"c{condition.pk}")
        if not form.is_valid():
            return self.refused(request, pilot, form, condition)
        explanation = form.cleaned_data["explanation"]
        try:
            if act in self.CONFIRM_FIRST and request.POST.get("confirmed") != "1":
                dry_run(lambda: perform(condition, request.user, explanation))
                return self.confirmation(request, condition, act, form)
            perform(condition, request.user, explanation)
        except Forbidden as error:
            raise as_permission_denied(error) from None
        except ValidationError as error:
            form.add_error(None, error.messages)
            return self.refused(request, pilot, form, condition)
        messages.success(request, self.done(act))
        return redirect(pilot.get_absolute_url() + "#conditions")

    @staticmethod
    def done(act):
        return {
            "met": _("The condition is marked as met; the body that set it is asked to confirm."),
            "confirm": _("The condition is confirmed as met."),
            "reopen": _("The condition is open again; the lead has been told why."),
            "drop": _("The condition has been dropped; the reason is in its history."),
        }[act]

    def refused(self, request, pilot, form, condition):
        view = PilotDetailView()
        view.setup(request, pk=pilot.pk)
        view.object = view.get_object()
        view.programme = view.object.programme
        errors = _error_targets(form, f"condition-{condition.pk}")
        context = view.get_context_data(object=view.object, act_errors=errors, condition_form=form)
        return view.render_to_response(context)

    def confirmation(self, request, condition, act, form):
        will = {
            "confirm": _("%(body)s confirms that the condition is met. This is final and kept in its history."),
            "drop": _(
                "The condition is dropped: it is no longer followed. Your reason is kept in its history. "
                "This cannot be undone."
            ),
        }[act] % {"body": condition.body}
        context = {
            "title": self.TITLES[act],
            "subject": f"{condition.pilot.title}: {condition.text}",
            "will": will,
            "details": [(form.fields["explanation"].label, form.cleaned_data["explanation"])]
            if form.cleaned_data["explanation"]
            else [],
            "hidden": [(f"c{condition.pk}-explanation", form.cleaned_data["explanation"])],
            "form": None,
            "action": request.path,
            "cancel_url": condition.pilot.get_absolute_url() + "#conditions",
            "nav_programme": condition.pilot.programme,
            "danger": act == "drop",
        }
        return render(request, "includes/confirm.html", context)


class AssessmentView(View):
    """A proposal's scores at the assessing step: the member's own form, and all scores side by side."""

    template_name = "pilots/assessment_scores.html"

    def pilot(self, request, pk):
        pilot = get_object_or_404(Pilot.objects.select_related("programme", "workgroup"), pk=pk)
        if not request.user.is_authenticated or not request.user.has_perm("pilots.view_pilot", pilot):
            raise PermissionDenied
        return pilot

    def context(self, request, pilot, form=None):
        step = assessment.assessing_step(pilot)
        if step is None:
            return None
        user = request.user
        if not sees_scores(user, pilot.programme, step.body):
            raise PermissionDenied(_("Individual scores are for the assessing body and the programme manager only."))
        criteria = assessment.criteria_of(pilot.programme)
        member_field = records_for(user, step.body)
        can_score = criteria and (sits_in(user, step.body) or member_field)
        if form is None and can_score:
            own = getattr(user, "person", None)
            given = (
                {
                    score.criterion_id: score
                    for score in pilot.scores.filter(
                        submission=pilot.submission, step_order=step.order, member=own
                    ).select_related("criterion")
                }
                if own is not None
                else {}
            )
            form = ScoreForm(criteria=criteria, members=self.members(step) if member_field else None, scores=given)
        return {
            "pilot": pilot,
            "step": step,
            "criteria": criteria,
            "form": form if can_score else None,
            "grid": assessment.score_grid(pilot, step.order, criteria),
            "summary": assessment.summary(pilot, step.order, criteria=criteria),
            "nav_programme": pilot.programme,
            "can_manage_criteria": user.has_perm("programmes.change_programme", pilot.programme),
        }

    @staticmethod
    def members(step):
        return Person.objects.filter(pk__in=BodyMembership.objects.filter(body=step.body).values("person")).order_by(
            "name"
        )

    def get(self, request, pk):
        pilot = self.pilot(request, pk)
        context = self.context(request, pilot)
        if context is None:
            messages.info(request, _("This proposal is not waiting at an assessing step."))
            return redirect(pilot.get_absolute_url() + "#assessment")
        return render(request, self.template_name, context)

    def post(self, request, pk):
        pilot = self.pilot(request, pk)
        step = assessment.assessing_step(pilot)
        if step is None:
            messages.error(
                request,
                _("This proposal is not waiting at an assessing step: scores can no longer be given or changed."),
            )
            return redirect(pilot.get_absolute_url() + "#assessment")
        criteria = assessment.criteria_of(pilot.programme)
        members = self.members(step) if records_for(request.user, step.body) else None
        form = ScoreForm(request.POST, criteria=criteria, members=members)
        if form.is_valid():
            try:
                assessment.save_scores(pilot, request.user, form.entries(), member=form.cleaned_data.get("member"))
            except Forbidden as error:
                raise as_permission_denied(error) from None
            except ValidationError as error:
                form.add_error(None, error.messages)
            else:
                messages.success(
                    request,
                    _(
                        "Your scores have been saved. You can change them until the body forwards or returns "
                        "the proposal."
                    ),
                )
                return redirect("pilots:assessment", pilot.pk)
        context = self.context(request, pilot, form)
        return render(request, self.template_name, context)


class MatrixView(ProgrammePermissionMixin, TemplateView):
    """The prioritisation matrix of all proposals waiting at a body's assessing step: table and bubble chart."""

    template_name = "pilots/assessment_matrix.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        body = get_object_or_404(GovernanceBody, pk=self.kwargs["body_pk"], programme=self.programme)
        if not sees_scores(self.request.user, self.programme, body):
            raise PermissionDenied(_("The matrix is for the assessing body and the programme manager only."))
        criteria, rows, chart = assessment.matrix(self.programme, body)
        context.update(programme=self.programme, body=body, criteria=criteria, rows=rows, chart=chart)
        return context


class CriteriaView(ProgrammePermissionMixin, TemplateView):
    """The programme's assessment criteria and their scales, kept by the programme manager."""

    permission_required = "pilots.change_assessmentcriterion"
    template_name = "pilots/assessment_criteria.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("formset", CriterionFormSet(programme=self.programme, prefix="criteria"))
        context["programme"] = self.programme
        return context

    def post(self, request, *args, **kwargs):
        formset = CriterionFormSet(request.POST, programme=self.programme, prefix="criteria")
        if not formset.is_valid():
            return self.render_to_response(self.get_context_data(formset=formset))
        with transaction.atomic():
            formset.save()
        messages.success(request, _("The assessment criteria have been saved."))
        return redirect("pilots:criteria", self.programme.pk)
