"""Makes the request known to the audit log for the time it is served (accounts.audit.current_request), so an
entry written by a model signal has its actor, address and browser.

It also catches the admin's bulk actions: Django writes the LogEntry rows of an action on several objects (delete
selected) with bulk_create, which sends no post_save. After such a request the rows this user added are recorded,
those already recorded one by one excepted.
"""

from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.admin.models import LogEntry

from . import audit, receivers


class AuditContextMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with audit.request_context(request):
            response = self.get_response(request)
            floor = request.__dict__.pop("_audit_admin_floor", None)
            if floor is not None:
                self._record_bulk_entries(request, floor)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        """Before an admin action on selected rows: the last LogEntry so far, to find the ones the action adds."""
        match = request.resolver_match
        if request.method == "POST" and match is not None and "admin" in match.namespaces:
            if ACTION_CHECKBOX_NAME in request.POST:
                request._audit_admin_floor = LogEntry.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        return None

    def _record_bulk_entries(self, request, floor):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return
        done = request.__dict__.get("_audit_log_entries", set())
        for entry in LogEntry.objects.filter(pk__gt=floor, user_id=user.pk).exclude(pk__in=done).order_by("pk"):
            receivers.record_admin_entry(entry, request)
