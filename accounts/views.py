"""Invitations and who has access (per programme, for its programme managers), the invitation link, and the
security audit log (administrators). Each act is a service function; these views read input and say what happened."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, TemplateView
from django_filters.views import FilterView

from core.columns import Column, ColumnListMixin
from core.dryrun import dry_run
from core.params import parse_id
from core.refusals import Forbidden, Refused, as_permission_denied
from programmes.models import Programme
from programmes.views.mixins import ProgrammeContextMixin

from . import access, services
from .details import details_text
from .filters import AuditFilter
from .forms import AcceptForm, InviteForm, SiteAddressPasswordResetForm
from .models import AuditEntry, Invitation

PASSWORD_BACKEND = "django.contrib.auth.backends.ModelBackend"


class ManageAccessMixin(ProgrammeContextMixin):
    """A page of one programme's access: its programme managers and administrators only, checked per programme."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        self.programme = get_object_or_404(Programme.objects.select_related("collaboration"), pk=kwargs["programme_pk"])
        if not request.user.has_perm("accounts.manage_access", self.programme):
            raise PermissionDenied(
                _("Only the programme managers of %(programme)s and administrators can manage who has access to it.")
                % {"programme": self.programme}
            )
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["programme"] = self.programme
        return context

    def access_url(self):
        return reverse("accounts:access", args=[self.programme.pk])


class AccessView(ManageAccessMixin, TemplateView):
    template_name = "accounts/access.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["holders"] = access.holders(self.programme)
        context["invitations"] = access.open_invitations(self.programme)
        context["can_see_audit_log"] = self.request.user.has_perm("accounts.view_audit_log")
        return context


class InviteView(ManageAccessMixin, FormView):
    form_class = InviteForm
    template_name = "accounts/invite.html"

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["programme"] = self.programme
        kwargs["may_invite_managers"] = self.request.user.has_perm("accounts.invite_manager")
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["cancel_url"] = self.access_url()
        context["settings_invitation_days"] = settings.INVITATION_DAYS
        return context

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            invitation = services.invite(
                self.request.user,
                self.programme,
                email=data["email"],
                name=data["name"],
                role=data["role"],
                workgroup=data.get("workgroup"),
                body=data.get("body"),
            )
        except Forbidden as error:
            raise as_permission_denied(error) from error
        except Refused as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("The invitation has been sent to %(email)s as %(role)s. The link is valid for %(days)s days.")
            % {"email": invitation.email, "role": invitation.role_label, "days": settings.INVITATION_DAYS},
        )
        return redirect(self.access_url())


class RevokeView(ManageAccessMixin, View):
    """Asks first: the confirmation page says what the person loses and that they are told; then revokes."""

    def target(self, request):
        """The person chosen on the access page: only someone who has access here (no names of others by id)."""
        data = request.POST if request.method == "POST" else request.GET
        user_id = parse_id(data.get("user"))
        if user_id is None:
            return None
        return next((h.user for h in access.holders(self.programme) if h.user.pk == user_id), None)

    def get(self, request, programme_pk):
        return self.confirm(request)

    def post(self, request, programme_pk):
        if request.POST.get("confirmed") != "1":
            return self.confirm(request)
        user = self.target(request)
        if user is None:
            messages.error(request, _("Choose a person from the list."))
            return redirect(self.access_url())
        try:
            removed = services.revoke_access(request.user, self.programme, user)
        except Forbidden as error:
            raise as_permission_denied(error) from error
        except Refused as error:
            messages.error(request, " ".join(error.messages))
            return redirect(self.access_url())
        messages.success(
            request,
            _("%(name)s no longer has access to %(programme)s (%(removed)s) and has been told by email.")
            % {"name": _name(user), "programme": self.programme, "removed": "; ".join(removed)},
        )
        return redirect(self.access_url())

    def confirm(self, request):
        user = self.target(request)
        if user is None:
            messages.error(request, _("Choose a person from the list."))
            return redirect(self.access_url())
        try:
            removed = dry_run(lambda: services.revoke_access(request.user, self.programme, user))
        except Forbidden as error:
            raise as_permission_denied(error) from error
        except Refused as error:
            messages.error(request, " ".join(error.messages))
            return redirect(self.access_url())
        will = _(
            "%(name)s loses: %(removed)s. %(name)s is told by email. The account stays, with what it has in other "
            "programmes; you can invite %(name)s again later."
        ) % {"name": _name(user), "removed": "; ".join(removed)}
        return render(
            request,
            "includes/confirm.html",
            {
                "title": _("Revoke access to %(programme)s") % {"programme": self.programme},
                "subject": f"{_name(user)} ({user.get_username()})",
                "will": will,
                "danger": True,
                "action": request.path,
                "hidden": [("user", user.pk)],
                "cancel_url": self.access_url(),
                "nav_programme": self.programme,
            },
        )


def _name(user):
    person = getattr(user, "person", None)
    return (person.name if person else "") or user.get_full_name() or user.get_username()


class WithdrawView(ManageAccessMixin, View):
    http_method_names = ["post"]

    def post(self, request, programme_pk):
        invitation = Invitation.objects.filter(programme=self.programme, pk=parse_id(request.POST.get("invitation")))
        invitation = invitation.select_related("programme").first()
        if invitation is None:
            messages.error(request, _("This invitation does not exist (any more)."))
            return redirect(self.access_url())
        try:
            services.withdraw_invitation(request.user, invitation)
        except Forbidden as error:
            raise as_permission_denied(error) from error
        except Refused as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("The invitation to %(email)s has been withdrawn; its link no longer works.")
                % {"email": invitation.email},
            )
        return redirect(self.access_url())


class AcceptView(View):
    """The link of the invitation mail. Anonymous: choose a password (a new account), sign in first (an account
    with this address exists), or sign in with the organisation's account. Signed in with the invited address:
    accept as that account. Signed in with another: a 403 page that offers to sign out and open the link again."""

    template_name = "accounts/accept.html"

    def dispatch(self, request, token):
        self.token = token
        self.invitation = services.find(token)
        problem = services.problem_of(self.invitation)
        if problem is not None:
            return self.refused(services.refuse_link(self.invitation, problem, request))
        if request.user.is_authenticated and not services.is_invitee(self.invitation, request.user):
            return self.other_account(services.refuse_other_account(self.invitation, request.user, request))
        return super().dispatch(request, token)

    def other_account(self, error):
        return render(
            request=self.request,
            template_name="accounts/invitation_other_account.html",
            context={"message": error.messages[0], "link": self.request.path},
            status=403,
        )

    def refused(self, error):
        status = 404 if error.problem == "unknown" else 410
        return render(
            request=self.request,
            template_name="accounts/invitation_refused.html",
            context={"message": error.messages[0], "problem": error.problem},
            status=status,
        )

    def get(self, request, token):
        return self.page(AcceptForm(self.invitation) if self.needs_password_form() else None)

    def post(self, request, token):
        if request.user.is_authenticated:
            return self.accept(user=request.user)
        if not self.needs_password_form():
            return self.page(None)
        form = AcceptForm(self.invitation, request.POST)
        if not form.is_valid():
            return self.page(form)
        return self.accept(form=form)

    def accept(self, user=None, form=None):
        try:
            if form is not None:
                invitation, account = services.accept(
                    self.token,
                    name=form.cleaned_data["name"],
                    password=form.cleaned_data["new_password1"],
                    request=self.request,
                )
            else:
                invitation, account = services.accept(self.token, user=user, request=self.request)
        except services.InvitationLinkRefused as error:
            return self.refused(error)
        except services.NotTheInvitee as error:
            return self.other_account(error)
        except Refused as error:
            if form is None:
                form = AcceptForm(self.invitation) if self.needs_password_form() else None
            if form is not None:
                form.add_error(None, error)
            else:
                messages.error(self.request, " ".join(error.messages))
            return self.page(form)
        if user is None:
            login(self.request, account, backend=PASSWORD_BACKEND)
        messages.success(
            self.request,
            _("Welcome. You now have access to %(programme)s as %(role)s.")
            % {"programme": invitation.programme, "role": invitation.role_label},
        )
        return redirect("home")

    def needs_password_form(self):
        return (
            not self.request.user.is_authenticated
            and services.password_login_allowed()
            and not services.account_exists(self.invitation.email)
        )

    def page(self, form):
        here = self.request.path
        sso = services.sso_login_url()
        context = {
            "invitation": self.invitation,
            "form": form,
            "sso_url": f"{sso}?{urlencode({'next': here})}" if sso else "",
            "login_url": f"{reverse('login')}?{urlencode({'next': here})}",
            "account_exists": not self.request.user.is_authenticated and services.account_exists(self.invitation.email),
            "password_login": services.password_login_allowed(),
        }
        return render(self.request, self.template_name, context)


class PasswordResetView(auth_views.PasswordResetView):
    """*Wachtwoord vergeten?*: Django's view, but the mail's link is on SITE_URL (SiteAddressPasswordResetForm)."""

    form_class = SiteAddressPasswordResetForm


def audit_columns(user):
    """The audit log's columns: what the page shows of an entry is what its export holds."""
    return [
        Column(
            _("When"),
            lambda e: timezone.localtime(e.at).strftime("%Y-%m-%d %H:%M:%S"),
            "accounts/cells/when.html",
            css="text-nowrap small",
        ),
        Column(_("What"), lambda e: e.get_kind_display(), css="small"),
        Column(_("By"), lambda e: e.actor_name, css="small text-break"),
        Column(_("Account concerned"), lambda e: e.subject_name, css="small text-break"),
        Column(_("Username tried"), lambda e: e.username, css="small text-break"),
        Column(_("IP address"), lambda e: e.ip_address or "", css="small text-break"),
        Column(_("Browser"), lambda e: e.user_agent, "accounts/cells/browser.html", css="small"),
        Column(_("Programme"), lambda e: str(e.programme or ""), css="small"),
        Column(_("Details"), lambda e: details_text(e.details), css="small text-break"),
    ]


class AuditLogView(ColumnListMixin, FilterView):
    """The security audit log for administrators: filters, CSV and Excel. A fixed number of queries per page."""

    filterset_class = AuditFilter
    template_name = "accounts/audit_log.html"
    paginate_by = 50
    export_name = "beveiligingslogboek"

    def get_columns(self):
        return audit_columns(self.request.user)

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not request.user.has_perm("accounts.view_audit_log"):
            raise PermissionDenied(_("Only administrators can read the security audit log."))
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return AuditEntry.objects.select_related("programme").order_by("-at", "-pk")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.copy()
        query.pop("page", None)
        context["query_without_page"] = query.urlencode()
        context["retention_days"] = settings.AUDIT_RETENTION_DAYS
        return context
