"""The admin site, with every ModelAdmin reading ids the way the rest of the site does.

Django's admin and django-simple-history read a few raw ids themselves: the object and version ids of the
history pages, the ticked rows of an action (`_selected_action`) and `_to_field`. Malformed, they raise
ValueError or FieldDoesNotExist (an HTTP 500). This site registers every ModelAdmin with SafeIdsAdminMixin in
front, so those ids go through core.params: a malformed object is a 404, a malformed selection a Dutch message,
and an autocomplete field shown again with a malformed value leaves that value out.

Apps above core add conditions for entering the site with require_for_admin() (twofactor: a second factor), so
core knows no app that uses it.
"""

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.apps import AdminConfig
from django.contrib.admin.utils import unquote
from django.contrib.admin.widgets import AutocompleteMixin
from django.http import Http404, HttpResponseRedirect
from django.utils.translation import gettext as _

from .params import parse_id


class _SafeSelectedChoices:
    """An autocomplete widget that leaves out selected values that are no ids when it shows a refused form again
    (Django's looks them up and fails on "abc")."""

    def optgroups(self, name, value, attr=None):
        ids = [v for v in value if v in ("", None) or parse_id(str(v)) is not None]
        return super().optgroups(name, ids, attr)


_safe_classes = {}


def _safe_widget(widget):
    inner = getattr(widget, "widget", widget)  # inside RelatedFieldWidgetWrapper
    if isinstance(inner, AutocompleteMixin) and not isinstance(inner, _SafeSelectedChoices):
        cls = type(inner)
        if cls not in _safe_classes:
            _safe_classes[cls] = type(f"Safe{cls.__name__}", (_SafeSelectedChoices, cls), {})
        inner.__class__ = _safe_classes[cls]


class SafeWidgetsMixin:
    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if field is not None:
            _safe_widget(field.widget)
        return field


class SafeIdsAdminMixin(SafeWidgetsMixin):
    def get_inline_instances(self, request, obj=None):
        inlines = super().get_inline_instances(request, obj)
        for inline in inlines:
            if not isinstance(inline, SafeWidgetsMixin):
                inline.__class__ = type(type(inline).__name__, (SafeWidgetsMixin, type(inline)), {})
        return inlines

    def history_view(self, request, object_id, extra_context=None):
        if parse_id(unquote(object_id)) is None:
            raise Http404
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if parse_id(unquote(object_id)) is None or parse_id(unquote(version_id)) is None:
            raise Http404
        return super().history_form_view(request, object_id, version_id, extra_context)

    def get_object(self, request, object_id, from_field=None):
        return super().get_object(request, object_id, from_field or None)  # "?_to_field=" means the primary key

    def response_action(self, request, queryset):
        selected = request.POST.getlist(helpers.ACTION_CHECKBOX_NAME)
        if any(parse_id(value) is None for value in selected):
            self.message_user(request, _("Select the items again: the selection was not understood."), messages.ERROR)
            return None
        return super().response_action(request, queryset)


_entry_checks = []


def require_for_admin(check):
    """Another condition for entering the admin site besides active staff, registered by an app above core in its
    AppConfig.ready() (twofactor: a verified second factor). `check(request)` answers None when the request may
    enter, or the URL where the user completes what is missing."""
    _entry_checks.append(check)


def _missing_step(request):
    return next((url for url in (check(request) for check in _entry_checks) if url), None)


class JeugdregioAdminSite(admin.AdminSite):
    def has_permission(self, request):
        return super().has_permission(request) and _missing_step(request) is None

    def login(self, request, extra_context=None):
        # Staff who signed in but still miss a registered step go there, not back to the password form.
        if admin.AdminSite.has_permission(self, request):
            url = _missing_step(request)
            if url:
                return HttpResponseRedirect(url)
        return super().login(request, extra_context)

    def register(self, model_or_iterable, admin_class=None, **options):
        admin_class = admin_class or admin.ModelAdmin
        if not issubclass(admin_class, SafeIdsAdminMixin):
            admin_class = type(
                admin_class.__name__,
                (SafeIdsAdminMixin, admin_class),
                {"__module__": admin_class.__module__, "__doc__": admin_class.__doc__},
            )
        return super().register(model_or_iterable, admin_class, **options)


class JeugdregioAdminConfig(AdminConfig):
    default_site = "core.admin_site.JeugdregioAdminSite"
