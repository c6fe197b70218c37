from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Prefetch, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views import View
from django.views.generic import DetailView, FormView, TemplateView, UpdateView

from core.columns import Column
from core.downloads import serve_file
from core.dryrun import carried_fields, dry_run
from programmes.models import BodyMembership, GovernanceBody
from programmes.views.lists import ProgrammeFilterView
from programmes.views.mixins import FormWithFormsetMixin, ObjectPermissionMixin, ProgrammePermissionMixin

from .constants import MeetingStatus
from .filters import DecisionFilter
from .forms import (
    AgendaItemFormSet,
    CloseMeetingForm,
    DocumentForm,
    MeetingForm,
    MoveItemForm,
    RouteForm,
    RouteStepFormSet,
)
from .meetings import close_meeting, move
from .models import AgendaDocument, AgendaItem, Decision, DecisionRoute, Meeting, MunicipalDecision, RouteStep


class GovernanceView(ProgrammePermissionMixin, TemplateView):
    """The programme's bodies (who may decide what) and its decision routes as rows of steps."""

    template_name = "governance/governance.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["programme"] = self.programme
        context["bodies"] = (
            GovernanceBody.objects.filter(programme=self.programme)
            .select_related("kind")
            .prefetch_related(
                Prefetch("memberships", queryset=BodyMembership.objects.select_related("person__organisation"))
            )
        )
        context["routes"] = DecisionRoute.objects.filter(programme=self.programme).prefetch_related(
            Prefetch("steps", queryset=RouteStep.objects.select_related("body"))
        )
        context["can_edit"] = self.request.user.has_perm("programmes.change_programme", self.programme)
        return context


class RouteEditMixin(FormWithFormsetMixin):
    """Route and steps are saved together, or not at all."""

    model = DecisionRoute
    form_class = RouteForm
    template_name = "governance/route_form.html"
    permission_required = "programmes.change_programme"
    success_message = gettext_lazy("The route has been saved.")

    def get_formset(self, instance):
        data = self.request.POST if self.request.method == "POST" else None
        return RouteStepFormSet(data, instance=instance, programme=self.programme, prefix="steps")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["programme"] = self.programme
        return context

    def success_url_for(self, saved):
        return reverse("governance:overview", args=[self.programme.pk]) + "#routes"


class RouteCreateView(RouteEditMixin, ProgrammePermissionMixin, UpdateView):
    def get_object(self, queryset=None):
        return None

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = DecisionRoute(programme=self.programme, is_default=not self.programme.routes.exists())
        return kwargs


class RouteUpdateView(RouteEditMixin, ObjectPermissionMixin, UpdateView):
    pass


MUNICIPAL_DECISIONS_SHOWN = 500


def decision_columns(user, programme):
    """The decision log's columns, the same for every reader of the programme.

    Not who recorded a decision: the page does not show that account, so neither does the export.
    """
    return [
        Column(_("Date"), lambda d: d.date, css="text-nowrap"),
        Column(_("Body"), lambda d: str(d.body)),
        Column(_("Subject"), lambda d: d.subject_title, "governance/cells/subject.html"),
        Column(_("Outcome"), lambda d: d.get_outcome_display(), "governance/cells/outcome.html"),
        Column(_("Rationale"), lambda d: d.rationale, "includes/cells/lines.html", css="small"),
        Column(_("Action line"), lambda d: str(d.action_line or ""), css="small"),
        Column(_("Meeting"), lambda d: str(d.meeting or ""), "governance/cells/meeting.html", css="small"),
        Column(_("Corrects"), lambda d: str(d.corrects or ""), css="small"),
    ]


class DecisionLogView(ProgrammeFilterView):
    """The besluitenlijst: every decision of the programme, filterable, searchable, exportable."""

    filterset_class = DecisionFilter
    template_name = "governance/decision_log.html"
    export_name = "besluitenlijst"
    columns_for = decision_columns

    def get_queryset(self):
        return (
            Decision.objects.filter(programme=self.programme)
            .select_related("body", "meeting__body", "action_line", "subject_type", "corrects")
            .prefetch_related("subject")  # one query per kind of subject, not one per row
            .order_by("-date", "-recorded_at")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["municipal_decisions"] = self.municipal_decisions()
        return context

    def municipal_decisions(self):
        """The colleges' and councils' decisions on the programme's proposals (seed 004), under the log's search and
        dates; the route's decision that followed from them is in the log itself. One query."""
        found = MunicipalDecision.objects.filter(programme=self.programme)
        form = self.filterset.form
        if form.is_valid():
            data = form.cleaned_data
            if data.get("q"):
                found = found.filter(
                    Q(subject_title__icontains=data["q"])
                    | Q(municipality__name__icontains=data["q"])
                    | Q(rationale__icontains=data["q"])
                )
            if data.get("date_from"):
                found = found.filter(decided_on__gte=data["date_from"])
            if data.get("date_to"):
                found = found.filter(decided_on__lte=data["date_to"])
            if data.get("body"):
                found = found.filter(body=data["body"])
        return list(
            found.select_related("municipality", "body").order_by("-decided_on", "subject_title", "municipality__name")[
                :MUNICIPAL_DECISIONS_SHOWN
            ]
        )


class MeetingListView(ProgrammePermissionMixin, TemplateView):
    """The agenda: the next meetings per body, and the meetings held recently."""

    template_name = "governance/meeting_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        now = timezone.now()
        meetings = (
            Meeting.objects.filter(body__programme=self.programme)
            .select_related("body")
            .annotate(item_count=Count("items"))
        )
        bodies = list(GovernanceBody.objects.filter(programme=self.programme))
        upcoming = list(meetings.filter(starts_at__gte=now).exclude(status=MeetingStatus.CLOSED).order_by("starts_at"))
        user = self.request.user
        context.update(
            programme=self.programme,
            bodies=[
                {
                    "body": body,
                    "upcoming": [m for m in upcoming if m.body_id == body.pk][:3],
                    "can_plan": user.has_perm("governance.manage_meeting", body),
                }
                for body in bodies
            ],
            past=meetings.filter(starts_at__lt=now).order_by("-starts_at")[:20],
        )
        return context


class MeetingFormMixin(FormWithFormsetMixin):
    model = Meeting
    form_class = MeetingForm
    template_name = "governance/meeting_form.html"
    permission_required = "governance.manage_meeting"
    formset_class = AgendaItemFormSet
    formset_prefix = "items"
    success_message = gettext_lazy("The meeting has been saved.")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["body"] = self.body
        return context


class MeetingCreateView(MeetingFormMixin, ObjectPermissionMixin, UpdateView):
    """Plans a meeting of a body; the permission object is the body."""

    def get_permission_object(self):
        self.body = get_object_or_404(GovernanceBody.objects.select_related("programme"), pk=self.kwargs["body_pk"])
        self.programme = self.body.programme
        return self.body

    def get_object(self, queryset=None):
        return None

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = Meeting(body=self.body)
        return kwargs


class MeetingUpdateView(MeetingFormMixin, ObjectPermissionMixin, UpdateView):
    def get_permission_object(self):
        meeting = super().get_permission_object()
        self.body = meeting.body
        return meeting


class MeetingDetailView(ObjectPermissionMixin, DetailView):
    """The agenda as the secretary sends it round; prints cleanly."""

    permission_required = "programmes.view_programme"
    template_name = "governance/meeting_detail.html"
    context_object_name = "meeting"

    def get_queryset(self):
        return Meeting.objects.select_related("body__programme").prefetch_related("items__documents")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        can_manage = self.request.user.has_perm("governance.manage_meeting", self.object)
        context["can_manage"] = can_manage
        if can_manage:
            context["later_meetings"] = list(
                Meeting.objects.filter(
                    body=self.object.body, status=MeetingStatus.PLANNED, starts_at__gt=self.object.starts_at
                ).order_by("starts_at")[:6]
            )
        if can_manage and self.object.status != MeetingStatus.CLOSED:
            context["document_form"] = kwargs.get("document_form") or DocumentForm(meeting=self.object)
        return context

    def post(self, request, *args, **kwargs):
        """Uploads a document to one of the meeting's agenda items."""
        self.object = self.get_object()
        if not request.user.has_perm("governance.manage_meeting", self.object):
            raise PermissionDenied
        form = DocumentForm(request.POST, request.FILES, meeting=self.object)
        if form.is_valid():
            form.save()
            messages.success(request, _("The document has been added."))
            return redirect(self.object)
        return self.render_to_response(self.get_context_data(document_form=form))


class MeetingCloseView(ObjectPermissionMixin, FormView):
    permission_required = "governance.manage_meeting"
    template_name = "governance/meeting_close.html"
    form_class = CloseMeetingForm

    def get_permission_object(self):
        self.object = get_object_or_404(Meeting.objects.select_related("body__programme"), pk=self.kwargs["pk"])
        self.programme = self.object.programme
        return self.object

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["meeting"] = self.object
        kwargs["initial"] = {"minutes": self.object.minutes}
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["meeting"] = self.object
        return context

    def form_valid(self, form):
        def close():
            return close_meeting(
                self.object, form.cleaned_data["minutes"], form.outcomes(), self.request.user, acts=form.acts()
            )

        confirmed = self.request.POST.get("confirmed") == "1"
        try:
            # Closing asks first; the trial run makes sure the page asks only when closing would succeed.
            if confirmed:
                close()
            else:
                dry_run(close)
        except ValidationError as error:
            form.add_error(None, error.messages)
            return self.form_invalid(form)
        if not confirmed:
            return self.confirmation(form)
        performed = [value for value in form.acts().values() if value]
        messages.success(
            self.request,
            ngettext(
                "The meeting is closed and its outcomes and minutes are recorded. %(count)s proposal has been "
                "dealt with; its page says where it is now.",
                "The meeting is closed and its outcomes and minutes are recorded. %(count)s proposals have been "
                "dealt with; their pages say where they are now.",
                len(performed),
            )
            % {"count": len(performed)}
            if performed
            else _("The meeting is closed: the outcomes and minutes are recorded and can no longer be changed."),
        )
        return redirect(self.object)

    def confirmation(self, form):
        """Repeats what was entered and says what closing does, with the input in hidden fields (no JavaScript)."""
        details = []
        for name, field in form.fields.items():
            value = form.cleaned_data.get(name)
            if value:
                shown = dict(field.choices).get(value, value) if hasattr(field, "choices") else value
                details.append((field.label, shown))
        acts = sum(1 for value in form.acts().values() if value)
        will = _("The meeting is closed. Its outcomes and minutes are recorded and can no longer be changed.")
        if acts:
            will += " " + ngettext(
                "The chosen act is performed now for %(count)s proposal, as if recorded on its page.",
                "The chosen acts are performed now for %(count)s proposals, as if recorded on their pages.",
                acts,
            ) % {"count": acts}
        context = {
            "title": _("Close meeting"),
            "subject": str(self.object),
            "will": will,
            "details": details,
            "hidden": carried_fields(self.request),
            "action": self.request.path,
            "cancel_url": self.object.get_absolute_url(),
            "nav_programme": self.programme,
        }
        return render(self.request, "includes/confirm.html", context)


def document_download(request, pk):
    """A document goes to whoever the meeting page shows it to."""
    document = get_object_or_404(AgendaDocument.objects.select_related("item__meeting__body__programme"), pk=pk)
    meeting = document.item.meeting
    return serve_file(request, "governance.view_meeting_documents", meeting, document.file, str(document))


def municipal_document_download(request, pk):
    """A municipality's decision document goes to every reader of the programme, like the decision itself."""
    decision = get_object_or_404(MunicipalDecision.objects.select_related("programme"), pk=pk)
    if not decision.document:
        raise Http404
    name = f"{decision.municipality} – {decision.subject_title}"
    return serve_file(request, "governance.view_municipal_decision", decision, decision.document, name)


class AgendaItemMoveView(View):
    """The secretary moves an item (e.g. a proposal) to a later planned meeting of the same body."""

    def post(self, request, pk):
        item = get_object_or_404(AgendaItem.objects.select_related("meeting__body__programme"), pk=pk)
        if not request.user.has_perm("governance.manage_meeting", item.meeting):
            raise PermissionDenied
        form = MoveItemForm(request.POST, item=item)
        try:
            if not form.is_valid():
                raise ValidationError([message for errors in form.errors.values() for message in errors])
            target = form.cleaned_data["meeting"]
            move(item, target)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
            return redirect(item.meeting)
        messages.success(request, _("The item has been moved to %(meeting)s.") % {"meeting": target})
        return redirect(target)
