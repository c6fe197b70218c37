"""Plan edits are kept (django-simple-history); a programme manager sees them and can revert one."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from core.params import object_or_404

from ..models import (
    ActionLine,
    BuildingBlock,
    Membership,
    Milestone,
    Phase,
    Precondition,
    Principle,
    Programme,
    ResultGoal,
    Workgroup,
)
from ..risks import Risk
from .mixins import ProgrammeContextMixin

# Models whose history can be read and reverted in the browser, by URL name.
HISTORY_MODELS = {
    model._meta.model_name: model
    for model in (
        Programme,
        ResultGoal,
        ActionLine,
        Precondition,
        Principle,
        BuildingBlock,
        Phase,
        Milestone,
        Workgroup,
        Membership,
        Risk,
    )
}


def history_model(name):
    model = HISTORY_MODELS.get(name)
    if model is None:
        raise Http404
    return model


def programme_of_record(record):
    """The programme a historical row belongs to, also when the object itself is gone."""
    instance = record.instance
    if isinstance(instance, Programme):
        return Programme.objects.get(pk=instance.pk) if Programme.objects.filter(pk=instance.pk).exists() else None
    if isinstance(instance, Membership):
        workgroup = Workgroup.objects.filter(pk=instance.workgroup_id).select_related("programme").first()
        return workgroup.programme if workgroup else None
    return Programme.objects.filter(pk=instance.programme_id).first()


def changes_between(record, previous):
    if previous is None:
        return []
    delta = record.diff_against(previous)
    model = record.instance_type
    changes = []
    for change in delta.changes:
        field = model._meta.get_field(change.field)
        changes.append({"field": field.verbose_name, "old": change.old, "new": change.new})
    return changes


def restore(record, user):
    """Brings an object back to the state of one historical row, relations included."""
    model = record.instance_type
    instance = record.instance
    instance._change_reason = _("Reverted to the version of %(date)s") % {
        "date": record.history_date.strftime("%d-%m-%Y %H:%M")
    }
    # A restored row replaces the live one (if any): validate it as an update, not an insert.
    instance._state.adding = not model.objects.filter(pk=instance.pk).exists()
    instance.full_clean()
    with transaction.atomic():
        model.objects.select_for_update().filter(pk=instance.pk).first()
        instance.save()
        for field in model._meta.many_to_many:
            if not hasattr(record, field.name):
                continue
            target = field.m2m_reverse_field_name()
            ids = [getattr(row, f"{target}_id") for row in getattr(record, field.name).all()]
            getattr(instance, field.name).set(ids)
    return instance


class RecordHistoryView(ProgrammeContextMixin, TemplateView):
    template_name = "programmes/history.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            from django.contrib.auth.views import redirect_to_login

            return redirect_to_login(request.get_full_path())
        self.model = history_model(kwargs["model"])
        records = list(
            self.model.history.filter(id=kwargs["pk"])
            .select_related("history_user")
            .order_by("-history_date", "-history_id")
        )
        if not records:
            raise Http404
        self.records = records
        self.programme = programme_of_record(records[0])
        if self.programme is None or not request.user.has_perm("programmes.view_history", self.programme):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rows = []
        for index, record in enumerate(self.records):
            previous = self.records[index + 1] if index + 1 < len(self.records) else None
            rows.append({"record": record, "changes": changes_between(record, previous), "is_current": index == 0})
        context.update(
            model_name=self.model._meta.verbose_name,
            model_key=self.model._meta.model_name,
            object_label=str(self.records[0].instance),
            rows=rows,
            can_revert=self.request.user.has_perm("programmes.revert_history", self.programme),
            programme=self.programme,
        )
        return context

    def post(self, request, *args, **kwargs):
        if not request.user.has_perm("programmes.revert_history", self.programme):
            raise PermissionDenied
        record = object_or_404(self.model.history.filter(id=kwargs["pk"]), request.POST.get("history_id"), "history_id")
        try:
            restore(record, request.user)
        except ValidationError as error:
            messages.error(
                request, _("This version cannot be restored: %(reason)s") % {"reason": "; ".join(error.messages)}
            )
        else:
            messages.success(
                request,
                _("Restored the version of %(date)s.") % {"date": record.history_date.strftime("%d-%m-%Y %H:%M")},
            )
        return redirect(request.path)
