"""Progress reports, their schedules, the half-yearly programme report and reminder preferences."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import DetailView, UpdateView

from core.columns import Column
from core.downloads import serve_file
from core.dryrun import carried_fields
from core.refusals import Forbidden, as_permission_denied
from pilots.models import Indicator
from programmes.views.lists import ProgrammeFilterView
from programmes.views.mixins import ObjectPermissionMixin, ProgrammePermissionMixin

from . import services
from .document import long_date, shown_figures
from .filters import ReportFilter
from .forms import (
    AdoptForm,
    ProgrammeReportCreateForm,
    ProgrammeReportSummaryForm,
    ReportForm,
    RequestForm,
    ReviewForm,
    ScheduleForm,
    body_name,
)
from .models import ProgrammeReport, ProgressReport, ReportAttachment, ReportingSchedule, ReportStatus


def _errors(request, error):
    for message in error.messages:
        messages.error(request, message)


def report_status(report):
    """The status as the list shows it: an open report past its due date is overdue."""
    if report.is_open and report.due_date < timezone.localdate():
        return _("Overdue")
    return report.get_status_display()


def report_course(report):
    """The status of the work, once the report is in (submitted or accepted); a draft's is its writers' own."""
    return report.get_course_display() if report.status in (ReportStatus.SUBMITTED, ReportStatus.ACCEPTED) else ""


def report_columns(user, programme):
    """The report list's columns, the same for every reader: what a report says is read on its own page."""
    return [
        Column(_("Due date"), lambda r: r.due_date, css="text-nowrap"),
        Column(
            _("Workgroup or pilot"),
            lambda r: r.pilot.title if r.pilot_id else str(r.workgroup),
            "reports/cells/subject.html",
        ),
        Column(_("Period from"), lambda r: r.period_start, css="small text-nowrap"),
        Column(_("Period to"), lambda r: r.period_end, css="small text-nowrap"),
        Column(_("What is asked"), lambda r: r.request_note, css="small"),
        Column(_("Status"), report_status, "reports/cells/status.html"),
        Column(_("Status of the work"), report_course, "reports/cells/course.html"),
    ]


class ReportListView(ProgrammeFilterView):
    filterset_class = ReportFilter
    template_name = "reports/report_list.html"
    export_name = "rapportages"
    columns_for = report_columns

    def get_queryset(self):
        return (
            ProgressReport.objects.filter(programme=self.programme)
            .select_related("workgroup", "pilot")
            .order_by("-due_date", "workgroup__number", "pk")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        manages = services.may_request(self.request.user, self.programme)
        context.update(
            today=timezone.localdate(),
            can_manage=manages,
            schedules=ReportingSchedule.objects.filter(programme=self.programme)
            .select_related("workgroup", "pilot")
            .prefetch_related("reporters"),
            programme_reports=ProgrammeReport.objects.filter(programme=self.programme),
            # Three forms on one page (the filter too): each its own ids, so every label names its own field.
            request_form=RequestForm(programme=self.programme, auto_id="id_request_%s") if manages else None,
            compile_form=ProgrammeReportCreateForm(
                initial=dict(
                    zip(("period_start", "period_end"), services.half_year(timezone.localdate()), strict=True)
                ),
                auto_id="id_compile_%s",
            )
            if manages
            else None,
        )
        return context


class ReportRequestView(ProgrammePermissionMixin, View):
    permission_required = "reports.manage_reports"

    def post(self, request, programme_pk):
        form = RequestForm(request.POST, programme=self.programme)
        if not form.is_valid():
            for errors in form.errors.values():
                for message in errors:
                    messages.error(request, message)
            return redirect("reports:list", self.programme.pk)
        data = form.cleaned_data
        try:
            report = services.request_report(
                self.programme,
                request.user,
                data["workgroup"],
                data["due_date"],
                data["note"],
                pilot=data["pilot"],
                period_start=data["period_start"],
            )
        except ValidationError as error:
            _errors(request, error)
            return redirect("reports:list", self.programme.pk)
        messages.success(request, _("The report has been requested."))
        return redirect(report)


class ScheduleCreateView(ProgrammePermissionMixin, UpdateView):
    permission_required = "reports.manage_reports"
    form_class = ScheduleForm
    template_name = "reports/schedule_form.html"

    def get_object(self, queryset=None):
        return ReportingSchedule(programme=self.programme)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "programme": self.programme}

    def form_valid(self, form):
        form.save()
        messages.success(self.request, _("The reporting schedule has been saved."))
        return redirect("reports:list", self.programme.pk)


class ScheduleUpdateView(ObjectPermissionMixin, UpdateView):
    permission_required = "reports.manage_reports"
    model = ReportingSchedule
    form_class = ScheduleForm
    template_name = "reports/schedule_form.html"

    def form_valid(self, form):
        form.save()
        messages.success(self.request, _("The reporting schedule has been saved."))
        return redirect("reports:list", self.object.programme_id)


class ReportDetailView(ObjectPermissionMixin, DetailView):
    permission_required = "reports.view_progressreport"
    template_name = "reports/report_detail.html"

    def get_queryset(self):
        return ProgressReport.objects.select_related("programme__collaboration", "workgroup", "pilot", "schedule")

    def indicators(self):
        if not self.object.pilot_id:
            return []
        return list(Indicator.objects.filter(pilot_id=self.object.pilot_id))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        report, user = self.object, self.request.user
        may_write = report.is_open and services.may_write(user, report)
        may_review = report.status == ReportStatus.SUBMITTED and services.may_review(user, report)
        initial = {
            "progress": report.progress,
            "bottlenecks": report.bottlenecks,
            "lessons": report.lessons,
            "course": report.course,
        }
        # Drafts are the reporters' own until submitted: text and attachments alike (reports.rules).
        shows_content = user.has_perm("reports.view_report_content", report)
        context.update(
            today=timezone.localdate(),
            may_write=may_write,
            may_review=may_review,
            shows_text=shows_content,
            form=kwargs.get("form")
            or (ReportForm(initial=initial, indicators=self.indicators()) if may_write else None),
            review_form=kwargs.get("review_form") or (ReviewForm() if may_review else None),
            submissions=report.submissions.select_related("submitted_by").order_by("-number"),
            reviews={r.submission_id: r for r in report.reviews.select_related("reviewed_by", "body")},
            attachments=report.attachments.all() if shows_content else [],
        )
        return context

    def post(self, request, pk):
        self.object = report = self.get_object()
        if not request.user.has_perm("reports.view_progressreport", report):
            raise PermissionDenied
        action = request.POST.get("action")
        try:
            if action == "review":
                form = ReviewForm(request.POST)
                if not form.is_valid():
                    raise ValidationError(_("Choose accept or return."))
                services.review(report, request.user, form.cleaned_data["outcome"], form.cleaned_data["comment"])
                messages.success(request, _("The review has been recorded."))
            elif action in ("save", "submit"):
                form = ReportForm(request.POST, request.FILES, indicators=self.indicators())
                if not form.is_valid():
                    return self.render_to_response(self.get_context_data(form=form))
                files = [form.cleaned_data["attachment"]] if form.cleaned_data.get("attachment") else []
                if action == "save":
                    services.save_draft(report, request.user, form.cleaned_data, files=files)
                    messages.success(request, _("Your draft has been saved."))
                else:
                    services.submit(report, request.user, form.cleaned_data, form.measurements(), files=files)
                    messages.success(request, _("Your report has been submitted to the kernteam."))
            else:
                raise PermissionDenied
        except Forbidden as error:
            raise as_permission_denied(error) from None
        except ValidationError as error:
            _errors(request, error)
            if action in ("save", "submit"):
                form = ReportForm(request.POST, indicators=self.indicators())
                form.is_valid()
                return self.render_to_response(self.get_context_data(form=form))
        return redirect(report)


def attachment_download(request, pk):
    """An attachment goes to whoever the report page shows it to: a draft's only to its writers and the manager."""
    attachment = get_object_or_404(ReportAttachment.objects.select_related("report__programme"), pk=pk)
    return serve_file(request, "reports.view_report_content", attachment.report, attachment.file, str(attachment))


class ProgrammeReportCreateView(ProgrammePermissionMixin, View):
    permission_required = "reports.manage_reports"

    def post(self, request, programme_pk):
        form = ProgrammeReportCreateForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Give the period as two dates."))
            return redirect("reports:list", self.programme.pk)
        try:
            report = services.compile_programme_report(
                self.programme, request.user, form.cleaned_data["period_start"], form.cleaned_data["period_end"]
            )
        except ValidationError as error:
            _errors(request, error)
            return redirect("reports:list", self.programme.pk)
        messages.success(request, _("The programme report has been compiled; write the summaries."))
        return redirect(report)


class ProgrammeReportView(ObjectPermissionMixin, DetailView):
    """Reads as a report; the programme manager writes the summaries in place until a body adopts it."""

    permission_required = "programmes.view_programme"
    template_name = "reports/programme_report.html"

    def get_queryset(self):
        return ProgrammeReport.objects.select_related("programme__collaboration", "decision__body")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        report = self.object
        can_edit = services.may_request(self.request.user, report.programme) and not report.is_adopted
        context.update(
            figures=shown_figures(report),
            can_edit=can_edit,
            editing=can_edit and "edit" in self.request.GET,
        )
        return context

    def post(self, request, pk):
        self.object = report = self.get_object()
        if not services.may_request(request.user, report.programme):
            raise PermissionDenied
        summaries = report.summaries.select_related("action_line")
        form = ProgrammeReportSummaryForm(request.POST, instance=report, summaries=summaries)
        if not form.is_valid():
            messages.error(request, _("The summary could not be saved."))
            for errors in form.errors.values():
                for message in errors:
                    messages.error(request, message)
            return redirect(report)
        try:
            services.save_programme_report(report, request.user, form)
        except Forbidden as error:
            raise as_permission_denied(error) from None
        except ValidationError as error:
            _errors(request, error)
            return redirect(report)
        messages.success(request, _("The summaries have been saved."))
        return redirect(report)


class ProgrammeReportAdoptView(ObjectPermissionMixin, DetailView):
    """The programme manager records that a body adopted (vaststelde) the report; a confirmation page asks first."""

    permission_required = "reports.manage_reports"
    template_name = "reports/programme_report_adopt.html"

    def get_queryset(self):
        return ProgrammeReport.objects.select_related("programme__collaboration", "decision__body")

    def get_context_data(self, form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        context["form"] = form or AdoptForm(
            programme=self.object.programme, initial={"date": timezone.localdate()}, auto_id="id_adopt_%s"
        )
        return context

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        if self.object.is_adopted:
            messages.info(request, _("This programme report has been adopted (vastgesteld); it no longer changes."))
            return redirect(self.object)
        return self.render_to_response(self.get_context_data())

    def post(self, request, pk):
        self.object = report = self.get_object()
        form = AdoptForm(request.POST, programme=report.programme, auto_id="id_adopt_%s")
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        data = form.cleaned_data
        try:
            if request.POST.get("confirmed") != "1":
                date = services.check_adoption(report, request.user, data["body"], data["date"])
                return self.confirmation(form, date)
            services.adopt_programme_report(report, request.user, data["body"], data["date"], data["rationale"])
        except Forbidden as error:
            raise as_permission_denied(error) from None
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
            return self.render_to_response(self.get_context_data(form=form))
        messages.success(
            request,
            _("The programme report is adopted. Its figures and documents are kept as they are now."),
        )
        return redirect(report)

    def confirmation(self, form, date):
        data = form.cleaned_data
        details = [(_("Adopted by"), body_name(data["body"])), (_("Date of the decision"), long_date(date))]
        if data["rationale"]:
            details.append((_("Remark (optional)"), data["rationale"]))
        context = {
            "title": _("Adopt the programme report"),
            "subject": f"{self.object} · {self.object.programme}",
            "will": _(
                "A decision of %(body)s is recorded. The report's figures, summaries, Word file and PDF are kept as "
                "they are now; afterwards nobody can change the report, and later changes to budgets or "
                "measurements do not alter it. This cannot be undone."
            )
            % {"body": body_name(data["body"])},
            "details": details,
            "danger": True,
            "hidden": carried_fields(self.request),
            "action": self.request.path,
            "cancel_url": self.object.get_absolute_url(),
            "nav_programme": self.object.programme,
        }
        return render(self.request, "includes/confirm.html", context)


WORD = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _programme_report_file(request, pk, kind):
    """The adopted report's frozen file; a concept's document made now from the current figures."""
    report = get_object_or_404(
        ProgrammeReport.objects.select_related("programme__collaboration", "decision__body"), pk=pk
    )
    stored = report.word_file if kind == "docx" else report.pdf_file
    if report.is_adopted and stored:
        return serve_file(request, "programmes.view_programme", report, stored, f"{report.file_stem}.{kind}")
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not request.user.has_perm("programmes.view_programme", report.programme):
        raise PermissionDenied
    if kind == "docx":
        response = HttpResponse(services.word_document(report), content_type=WORD)
    else:
        response = HttpResponse(services.pdf_document(report), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{report.file_stem}.{kind}"'
    return response


def programme_report_docx(request, pk):
    return _programme_report_file(request, pk, "docx")


def programme_report_pdf(request, pk):
    return _programme_report_file(request, pk, "pdf")
