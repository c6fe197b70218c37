"""Reading and editing the programme plan."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.db import transaction
from django.db.models import Prefetch, ProtectedError, RestrictedError
from django.forms import Form
from django.http import Http404
from django.shortcuts import redirect
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.views.generic import CreateView, DeleteView, DetailView, FormView, ListView, UpdateView

from ..constants import MembershipRole
from ..forms import PLAN_PARTS, MembershipFormSet, MilestoneForm, ProgrammeForm, WorkgroupForm
from ..models import (
    ActionLine,
    BodyMembership,
    GovernanceBody,
    Membership,
    Milestone,
    Participation,
    Programme,
    Workgroup,
)
from ..roles import roles_of
from .mixins import ObjectPermissionMixin, ProgrammePermissionMixin


class ProgrammeListView(LoginRequiredMixin, ListView):
    template_name = "programmes/programme_list.html"
    context_object_name = "programmes"

    def get_queryset(self):
        roles = roles_of(self.request.user)
        queryset = Programme.objects.select_related("collaboration")
        if not roles.is_admin:
            queryset = queryset.filter(pk__in=roles.readable_programmes | roles.managed_programmes)
        return queryset

    def get(self, request, *args, **kwargs):
        programmes = list(self.get_queryset()[:2])
        if len(programmes) == 1:
            return redirect(programmes[0])
        return super().get(request, *args, **kwargs)


class ProgrammeDetailView(ObjectPermissionMixin, DetailView):
    """The programme as its document reads: goal, results, action lines, scope, organisation."""

    permission_required = "programmes.view_programme"
    template_name = "programmes/programme_detail.html"
    context_object_name = "programme"

    def get_queryset(self):
        return Programme.objects.select_related("collaboration").prefetch_related(
            Prefetch(
                "collaboration__participations",
                queryset=Participation.objects.select_related("municipality").order_by("municipality__name"),
            ),
            "result_goals",
            Prefetch("action_lines", queryset=ActionLine.objects.prefetch_related("result_goals")),
            "preconditions",
            "principles",
            "building_blocks__action_lines",
            "phases",
            Prefetch("milestones", queryset=Milestone.objects.select_related("phase")),
            Prefetch(
                "workgroups",
                queryset=Workgroup.objects.prefetch_related(
                    "action_lines",
                    Prefetch("memberships", queryset=Membership.objects.select_related("person__organisation")),
                ),
            ),
            Prefetch(
                "bodies",
                queryset=GovernanceBody.objects.prefetch_related(
                    Prefetch("memberships", queryset=BodyMembership.objects.select_related("person__organisation"))
                ),
            ),
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        programme = self.object
        participations = list(programme.collaboration.participations.all())
        context["participations"] = participations
        context["inhabitants_total"] = sum(p.municipality.inhabitants or 0 for p in participations)
        context["can_edit"] = self.request.user.has_perm("programmes.change_programme", programme)
        context["plan_parts"] = PLAN_PARTS
        return context


class ProgrammeUpdateView(ObjectPermissionMixin, UpdateView):
    permission_required = "programmes.change_programme"
    model = Programme
    form_class = ProgrammeForm
    template_name = "programmes/programme_form.html"

    def form_valid(self, form):
        messages.success(self.request, _("The programme has been saved."))
        return super().form_valid(form)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["unused_parts"] = unused_parts(self.object)
        return context


def unused_parts(programme):
    """The optional parts of the plan (leading principles, building blocks) the programme has none of: its page
    does not show them, so its edit page offers to add the first, as (slug, label of the add link)."""
    return [
        (slug, part["new"])
        for slug, part in PLAN_PARTS.items()
        if part["optional"] and not part["model"].objects.filter(programme=programme).exists()
    ]


class PlanPartsView(ProgrammePermissionMixin, FormView):
    """Edits one list of the plan (results, action lines, phases, ...) in place."""

    permission_required = "programmes.change_programme"
    template_name = "programmes/plan_parts_form.html"

    def dispatch(self, request, *args, **kwargs):
        self.part = PLAN_PARTS.get(kwargs["part"])
        if self.part is None:
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_form(self, form_class=None):
        formset_class = self.part["formset"]
        return formset_class(
            data=self.request.POST if self.request.method == "POST" else None,
            instance=self.programme,
            prefix="parts",
            form_kwargs={"programme": self.programme},
        )

    def form_valid(self, formset):
        with transaction.atomic():
            formset.save()
        messages.success(self.request, _("%(part)s saved.") % {"part": self.part["title"]})
        return redirect(self.get_success_url())

    def get_success_url(self):
        return self.programme.get_absolute_url() + "#" + self.kwargs["part"]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["formset"] = context.pop("form")
        context["part_title"] = self.part["title"]
        context["programme"] = self.programme
        return context


class PlanItemMixin(ProgrammePermissionMixin):
    """One item of a plan list (a milestone, an action line, ...): who may edit the list may add, edit or remove
    one of its items. Every change is kept in the history like the list's."""

    permission_required = "programmes.change_programme"
    template_name = "programmes/plan_item_form.html"

    def dispatch(self, request, *args, **kwargs):
        self.part = PLAN_PARTS.get(kwargs["part"])
        if self.part is None:
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return self.part["model"].objects.filter(programme=self.programme)

    def get_form_class(self):
        return self.part["form"]

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["programme"] = self.programme
        if kwargs.get("instance") is None:
            kwargs["instance"] = self.part["model"](programme=self.programme)
        return kwargs

    def item_name(self):
        return capfirst(self.part["model"]._meta.verbose_name)

    def get_success_url(self):
        return self.programme.get_absolute_url() + "#" + self.kwargs["part"]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            programme=self.programme,
            part=self.kwargs["part"],
            part_title=self.part["title"],
            item_name=self.item_name(),
            new_title=self.part["new"],
            history_model=self.part["model"]._meta.model_name,
        )
        return context

    def form_valid(self, form):
        with transaction.atomic():
            response = super().form_valid(form)
        messages.success(self.request, _("%(part)s saved.") % {"part": self.item_name()})
        return response


class PlanItemCreateView(PlanItemMixin, CreateView):
    def get_object(self, queryset=None):
        return None


class PlanItemUpdateView(PlanItemMixin, UpdateView):
    pass


class PlanItemDeleteView(PlanItemMixin, DeleteView):
    """Asks first: the confirmation page names the item; removing it keeps its history."""

    template_name = "programmes/plan_item_confirm_delete.html"

    def get_form_class(self):
        return Form  # the confirmation asks nothing

    def get_form_kwargs(self):
        return super(PlanItemMixin, self).get_form_kwargs()

    def form_valid(self, form):
        name = str(self.object)
        try:
            with transaction.atomic():
                self.object.delete()
        except (ProtectedError, RestrictedError):
            messages.error(self.request, _("%(item)s is still in use and cannot be removed.") % {"item": name})
            return redirect(self.get_success_url())
        messages.success(self.request, _("%(item)s removed.") % {"item": f"{self.item_name()} “{name}”"})
        return redirect(self.get_success_url())


class MilestoneUpdateView(ObjectPermissionMixin, UpdateView):
    permission_required = "programmes.change_programme"
    model = Milestone
    form_class = MilestoneForm
    template_name = "programmes/milestone_form.html"

    def get_success_url(self):
        return self.object.programme.get_absolute_url() + "#planning"

    def form_valid(self, form):
        messages.success(self.request, _("The milestone has been saved."))
        return super().form_valid(form)


class WorkgroupDetailView(ObjectPermissionMixin, DetailView):
    permission_required = "programmes.view_programme"
    template_name = "programmes/workgroup_detail.html"
    context_object_name = "workgroup"

    def get_queryset(self):
        return Workgroup.objects.select_related("programme__collaboration").prefetch_related(
            "action_lines",
            "depends_on",
            "dependants",
            Prefetch("memberships", queryset=Membership.objects.select_related("person__organisation")),
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        memberships = list(self.object.memberships.all())
        context["memberships"] = memberships
        context["leads"] = [m for m in memberships if m.role == MembershipRole.LEAD]
        context["hours_total"] = sum(m.hours_per_week or 0 for m in memberships)
        context["can_edit"] = self.request.user.has_perm("programmes.change_workgroup", self.object)
        context["can_view_history"] = self.request.user.has_perm("programmes.view_history", self.object)
        return context


class WorkgroupFormMixin:
    model = Workgroup
    form_class = WorkgroupForm
    template_name = "programmes/workgroup_form.html"

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["programme"] = self.programme
        if kwargs.get("instance") is None:
            kwargs["instance"] = Workgroup(programme=self.programme)
        return kwargs

    def form_valid(self, form):
        messages.success(self.request, _("The workgroup has been saved."))
        return super().form_valid(form)


class WorkgroupCreateView(ProgrammePermissionMixin, WorkgroupFormMixin, CreateView):
    permission_required = "programmes.add_workgroup"

    def get_object(self):
        return None


class WorkgroupUpdateView(ObjectPermissionMixin, WorkgroupFormMixin, UpdateView):
    permission_required = "programmes.change_workgroup"


class WorkgroupMembersView(ObjectPermissionMixin, UpdateView):
    """A lead or programme manager edits the members of a workgroup in place."""

    permission_required = "programmes.change_workgroup"
    model = Workgroup
    template_name = "programmes/workgroup_members_form.html"
    context_object_name = "workgroup"

    def get_form_class(self):
        return MembershipFormSet

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["prefix"] = "members"
        return kwargs

    def get_form(self, form_class=None):
        formset = super().get_form(form_class)
        for form in formset.forms + [formset.empty_form]:
            form.fields["person"].queryset = form.fields["person"].queryset.select_related("organisation")
        return formset

    def form_valid(self, formset):
        with transaction.atomic():
            formset.save()
        messages.success(self.request, _("The members have been saved."))
        return redirect(self.object)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["formset"] = context.pop("form")
        return context
