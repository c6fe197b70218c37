import datetime
import os

from django.conf import settings
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from jeugdregio.celery import app

from .models import Heartbeat


def check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def check_broker():
    options = app.conf.broker_transport_options or {}
    if str(app.conf.broker_url).startswith("filesystem://"):
        folder = options.get("data_folder_in", "")
        if not (os.path.isdir(folder) and os.access(folder, os.W_OK)):
            raise OSError(f"broker folder {folder} is not writable")
        return
    with app.connection_for_write() as conn:
        conn.ensure_connection(max_retries=1, timeout=3)


@never_cache
def health(request):
    """Database and broker reachable? 200 with details, or 503 naming what failed."""
    checks = {}
    for name, check in (("database", check_database), ("broker", check_broker)):
        try:
            check()
            checks[name] = "ok"
        except Exception as exc:  # noqa: BLE001 - any failure is reported, not raised
            checks[name] = f"error: {exc.__class__.__name__}"
    beat = (
        Heartbeat.objects.filter(name="celery").values_list("seen_at", flat=True).first()
        if checks["database"] == "ok"
        else None
    )
    healthy = all(value == "ok" for value in checks.values())
    body = {
        "status": "ok" if healthy else "error",
        "checks": checks,
        "broker": "redis" if settings.REDIS_URL else "filesystem",
        "last_worker_heartbeat": beat.isoformat() if beat else None,
    }
    return JsonResponse(body, status=200 if healthy else 503)


def bad_request(request, exception=None):
    return render(request, "400.html", status=400)


def permission_denied(request, exception=None):
    """The 403 page says why when the refusal says why (PermissionDenied("...") with a Dutch message)."""
    reason = str(exception) if exception is not None and exception.args else ""
    return render(request, "403.html", {"reason": reason}, status=403)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    return render(request, "500.html", status=500)


def ping(request):
    """A trivial answer: a liveness probe, and the reference page of `make bench`."""
    return HttpResponse("ok", content_type="text/plain")


# When the accessibility statement was drawn up and last reviewed: change it whenever the statement changes.
ACCESSIBILITY_STATEMENT_DRAWN_UP = datetime.date(2026, 11, 24)
ACCESSIBILITY_STATEMENT_REVIEWED = datetime.date(2026, 11, 24)


def accessibility_statement(request):
    """The accessibility statement (toegankelijkheidsverklaring): public, because the law wants everyone to reach it."""
    return render(
        request,
        "core/accessibility_statement.html",
        {
            "contact_email": settings.ACCESSIBILITY_CONTACT_EMAIL,
            "drawn_up": ACCESSIBILITY_STATEMENT_DRAWN_UP,
            "reviewed": ACCESSIBILITY_STATEMENT_REVIEWED,
        },
    )
