"""Plan edits are kept (django-simple-history); a programme manager sees them and can revert one."""

import difflib
import itertools
import re

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import capfirst
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


def when(record):
    """The moment of a historical row as people read it: Dutch local time, not the UTC it is stored in."""
    return date_format(timezone.localtime(record.history_date), "d-m-Y H:i")


def _named(field, value):
    """A relation's value by name: a foreign key's object, a many-to-many's objects (simple-history gives ids)."""
    if field.many_to_many:
        target = field.m2m_reverse_field_name()
        ids = [row[target] for row in value or []]
        names = {obj.pk: str(obj) for obj in field.related_model._default_manager.filter(pk__in=ids)}
        return ", ".join(sorted(names.get(pk, _("(removed, #%(id)s)") % {"id": pk}) for pk in ids)) or None
    if field.is_relation and value not in (None, ""):
        obj = field.related_model._default_manager.filter(pk=value).first()
        return str(obj) if obj else _("(removed, #%(id)s)") % {"id": value}
    if field.choices and value not in (None, ""):
        return str(dict(field.flatchoices).get(value, value))
    return value


def word_diff(old, new):
    """Both texts as runs of words, each marked kept, removed (old) or added (new): a sentence appended at the end
    of a long text shows, where cutting both texts at the same length would hide it."""
    old_words = re.findall(r"\S+|\s+", "" if old is None else str(old))
    new_words = re.findall(r"\S+|\s+", "" if new is None else str(new))
    before, after = [], []
    matcher = difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            before.append(("same", "".join(old_words[a1:a2])))
            after.append(("same", "".join(new_words[b1:b2])))
            continue
        if a2 > a1:
            before.append(("removed", "".join(old_words[a1:a2])))
        if b2 > b1:
            after.append(("added", "".join(new_words[b1:b2])))
    return before, after


def changes_between(record, previous):
    if previous is None:
        return []
    delta = record.diff_against(previous)
    model = record.instance_type
    changes = []
    for change in delta.changes:
        field = model._meta.get_field(change.field)
        old, new = _named(field, change.old), _named(field, change.new)
        before, after = word_diff(old, new)
        changes.append({"field": field.verbose_name, "old": old, "new": new, "before": before, "after": after})
    return changes


def restore(record, user):
    """Brings an object back to the state of one historical row, relations included."""
    model = record.instance_type
    instance = record.instance
    instance._change_reason = _("Reverted to the version of %(date)s") % {"date": when(record)}
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


def history_rows(records, membership=False):
    """Rows for the history page, newest first: each row with its changes against the version before it."""
    rows = []
    for index, record in enumerate(records):
        previous = records[index + 1] if index + 1 < len(records) else None
        rows.append(
            {
                "record": record,
                "changes": changes_between(record, previous),
                "is_current": index == 0 and not membership,
                "membership": record.instance if membership else None,
            }
        )
    return rows


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
        rows = history_rows(self.records)
        if self.model is Workgroup:
            # A workgroup's history includes its members' seats: who joined, left, or changed role or hours.
            memberships = list(
                Membership.history.filter(workgroup_id=self.kwargs["pk"])
                .select_related("history_user")
                .order_by("id", "-history_date", "-history_id")
            )
            for _pk, records in itertools.groupby(memberships, key=lambda record: record.id):
                rows += history_rows(list(records), membership=True)
            rows.sort(key=lambda row: row["record"].history_date, reverse=True)
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
        moment = when(record)
        if request.POST.get("confirmed") != "1":
            return self.confirmation(request, record, moment)
        try:
            restore(record, request.user)
        except ValidationError as error:
            messages.error(
                request, _("This version cannot be restored: %(reason)s") % {"reason": "; ".join(error.messages)}
            )
        else:
            messages.success(
                request,
                _(
                    "The version of %(date)s has been restored. The restore is itself a new edit at the top of "
                    "this history, so the version it replaced can be brought back the same way."
                )
                % {"date": moment},
            )
        return redirect(request.path)

    def confirmation(self, request, record, when):
        """Restoring asks first and names the fields that will change (no JavaScript needed)."""
        current = self.records[0]
        changes = changes_between(record, current) if current.history_id != record.history_id else []
        context = {
            "title": _("Restore this version"),
            "subject": f"{capfirst(self.model._meta.verbose_name)}: {self.records[0].instance}",
            "will": _(
                "“%(object)s” gets back the content of %(date)s. This is saved as a new edit; nothing in the history "
                "is erased."
            )
            % {"object": self.records[0].instance, "date": when},
            "details": [
                (
                    str(change["field"]).capitalize(),
                    _("%(now)s → %(then)s") % {"now": _shown(change["old"]), "then": _shown(change["new"])},
                )
                for change in changes
            ],
            "hidden": [("history_id", record.history_id)],
            "action": request.path,
            "cancel_url": request.path,
            "nav_programme": self.programme,
        }
        return render(request, "includes/confirm.html", context)


def _shown(value):
    text = "–" if value in (None, "") else str(value)
    return text if len(text) <= 200 else text[:199] + "…"
