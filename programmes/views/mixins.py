from django.contrib import messages
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from rules.contrib.views import PermissionRequiredMixin

from ..models import Programme


class ProgrammeContextMixin:
    """Puts the programme in the context so the navigation can link to its pages."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["nav_programme"] = self.programme
        return context


class ProgrammePermissionMixin(PermissionRequiredMixin, ProgrammeContextMixin):
    """A view below /programmes/<programme_pk>/, guarded by a permission on that programme.

    Anonymous users are sent to the login page; logged-in users without permission get 403.
    """

    permission_required = "programmes.view_programme"

    def dispatch(self, request, *args, **kwargs):
        self.programme = get_object_or_404(Programme.objects.select_related("collaboration"), pk=kwargs["programme_pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_permission_object(self):
        return self.programme


class ObjectPermissionMixin(PermissionRequiredMixin, ProgrammeContextMixin):
    """A view of one object (with a `programme`), guarded by a permission on that object."""

    def get_object(self, queryset=None):
        """Read once per request: the permission check and the view share the object and its prefetches."""
        if queryset is not None:
            return super().get_object(queryset)
        if getattr(self, "_object", None) is None:
            self._object = super().get_object()
        return self._object

    def get_permission_object(self):
        if not hasattr(self, "object") or self.object is None:
            self.object = self.get_object()
        self.programme = self.object.programme
        return self.object


class FormWithFormsetMixin:
    """A form and an inline formset of its children, saved together in one transaction, or not at all."""

    formset_class = None
    formset_prefix = None
    success_message = ""

    def get_formset(self, instance):
        data = self.request.POST if self.request.method == "POST" else None
        return self.formset_class(data, instance=instance, prefix=self.formset_prefix)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("formset", self.get_formset(context["form"].instance))
        return context

    def form_valid(self, form):
        formset = self.get_formset(form.instance)
        if not formset.is_valid():
            return self.render_to_response(self.get_context_data(form=form, formset=formset))
        with transaction.atomic():
            saved = form.save()
            formset.instance = saved
            formset.save()
        messages.success(self.request, self.success_message)
        return redirect(self.success_url_for(saved))

    def success_url_for(self, saved):
        return saved.get_absolute_url()
