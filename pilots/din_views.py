"""DIN proposals through Word: the empty template, a proposal as Word and PDF, and the import of a filled template.

The import saves nothing itself. The upload is read in memory and turned into the normal proposal form, filled
in and checked; that form posts to the normal "new proposal" page (PilotCreateView), so a proposal from Word is
saved by the same code and rules as one typed in the browser, after the person has checked and corrected it.
"""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views import View

from core.files import readable_filename
from programmes.views.mixins import ProgrammePermissionMixin

from . import din
from .din_forms import DinUploadForm, proposal_form_data, proposal_forms
from .models import Pilot
from .views import writable_workgroups


def _attachment(content, content_type, filename):
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _readable_pilot(request, pk):
    pilot = get_object_or_404(
        Pilot.objects.select_related("programme__collaboration", "workgroup").prefetch_related(
            "budget_requests", "parties", "action_lines"
        ),
        pk=pk,
    )
    if not request.user.has_perm("pilots.view_pilot", pilot):
        raise PermissionDenied
    return pilot


def _name(pilot, extension):
    return f"din-voorstel-{slugify(pilot.title)[:60] or pilot.pk}.{extension}"


def proposal_docx(request, pk):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    pilot = _readable_pilot(request, pk)
    return _attachment(din.proposal_document(pilot, request.user), din.DOCX_TYPE, _name(pilot, "docx"))


def proposal_pdf(request, pk):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    pilot = _readable_pilot(request, pk)
    return _attachment(din.proposal_pdf(pilot, request.user), "application/pdf", _name(pilot, "pdf"))


class WritersOnlyMixin(ProgrammePermissionMixin):
    """Those who may write a new proposal in this programme (the rule of PilotCreateView); 403 for the rest."""

    def has_permission(self):
        if not super().has_permission():
            return False
        self.workgroups = writable_workgroups(self.request.user, self.programme)
        if not self.workgroups.exists():
            # The programme manager of a programme without workgroups is sent on to the programme document.
            self.writes_documents = self.request.user.has_perm("pilots.add_programme_document", self.programme)
            if not self.writes_documents:
                raise PermissionDenied
            return False
        return True

    def handle_no_permission(self):
        if getattr(self, "writes_documents", False):
            messages.info(
                self.request,
                _(
                    "The DIN format is for a workgroup's proposals, and this programme has no workgroups: "
                    "write a programme document instead."
                ),
            )
            return redirect("pilots:create_document", self.programme.pk)
        return super().handle_no_permission()


class DinTemplateView(WritersOnlyMixin, View):
    def get(self, request, programme_pk):
        content = din.template_document(self.programme, request.user)
        return _attachment(content, din.DOCX_TYPE, f"din-sjabloon-{slugify(self.programme.title)[:60]}.docx")


class DinImportView(WritersOnlyMixin, View):
    """Upload a filled-in template; answer with the proposal form filled in from it, for checking. Saves nothing."""

    template_name = "pilots/din/import.html"

    def page(self, request, form):
        return render(
            request, self.template_name, {"form": form, "programme": self.programme, "nav_programme": self.programme}
        )

    def get(self, request, programme_pk):
        return self.page(request, DinUploadForm(workgroups=self.workgroups))

    def post(self, request, programme_pk):
        form = DinUploadForm(request.POST, request.FILES, workgroups=self.workgroups)
        if not form.is_valid():
            return self.page(request, form)
        data = proposal_form_data(form.proposal, form.cleaned_data["workgroup"])
        pilot_form, formset = proposal_forms(data, self.programme, self.workgroups)
        context = {
            "form": pilot_form,
            "formset": formset,
            "programme": self.programme,
            "nav_programme": self.programme,
            "filename": readable_filename(form.cleaned_data["document"].name),
            "has_budget_table": form.proposal.has_budget_table,
            "action": reverse("pilots:create", args=[self.programme.pk]),
            "cancel_url": reverse("pilots:din_import", args=[self.programme.pk]),
        }
        return render(request, "pilots/din/import_preview.html", context)
