"""The programme dashboard (the programme manager's home next to Mijn werk), a collaboration view across its
programmes, and a national view across collaborations for administrators."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from rest_framework.authtoken.models import Token

from programmes.models import Collaboration, Programme
from programmes.roles import readable_programmes, roles_of
from programmes.views.mixins import ProgrammePermissionMixin

from . import figures


class ProgrammeDashboardView(ProgrammePermissionMixin, TemplateView):
    template_name = "dashboard/programme.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        data = figures.programme_figures(self.programme)
        context.update(
            programme=self.programme,
            data=data,
            today=timezone.localdate(),
            on_route_total=sum(bar["count"] for bar in data["pipeline"] if bar["key"] == "on_route"),
            money_totals={
                key: sum(row[key] for row in data["money"]) for key in ("budget", "released", "spent", "available")
            },
        )
        return context


def _totals(rows):
    keys = (
        "pilots_total",
        "running",
        "on_route",
        "budget",
        "released",
        "spent",
        "available",
        "overdue_reports",
        "high_risks",
    )
    return {key: sum(row[key] or 0 for row in rows) for key in keys}


class CollaborationDashboardView(LoginRequiredMixin, TemplateView):
    """The programmes of one collaboration the user may read, side by side."""

    template_name = "dashboard/collaboration.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        collaboration = get_object_or_404(Collaboration, pk=kwargs["pk"])
        programmes = list(readable_programmes(self.request.user).filter(collaboration=collaboration))
        if not programmes:
            raise PermissionDenied
        rows = figures.overview(programmes)
        context.update(collaboration=collaboration, rows=rows, totals=_totals(rows), chart={"rows": rows})
        return context


class NationalDashboardView(LoginRequiredMixin, TemplateView):
    """Every collaboration on one installation, for administrators."""

    template_name = "dashboard/national.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if not roles_of(self.request.user).is_admin:
            raise PermissionDenied
        rows = figures.overview(Programme.objects.all())
        collaborations = {}
        for row in rows:
            collaborations.setdefault(row["collaboration"], []).append(row)
        collaboration_rows = [
            {"collaboration": name, "programmes": len(items), **_totals(items)}
            for name, items in collaborations.items()
        ]
        collaboration_ids = dict(Collaboration.objects.values_list("name", "pk"))
        for row in collaboration_rows:
            row["collaboration_id"] = collaboration_ids.get(row["collaboration"])
        context.update(collaborations=collaboration_rows, totals=_totals(rows), chart={"rows": collaboration_rows})
        return context


@login_required
@require_POST
def api_token(request):
    """Makes a new API token for the user (the old one stops working), or revokes it."""
    Token.objects.filter(user=request.user).delete()
    if request.POST.get("action") != "revoke":
        Token.objects.create(user=request.user)
        messages.success(request, _("Your new API token is shown below; the old one no longer works."))
    else:
        messages.success(request, _("Your API token has been revoked."))
    return redirect("reminders:preferences")
