"""A session ends after SESSION_MAX_HOURS since login, however active, and after SESSION_COOKIE_AGE idle.

The idle clock is renewed by saving the session at most every RENEW_SECONDS, not on every request: a page
costs no session write, and the idle limit is exact to within those five minutes.
"""

import re
import time

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.contrib.auth.views import redirect_to_login
from django.dispatch import receiver
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _

from core.safe_text import CONTROL_CHARACTER, control_character

KEY = "jeugdregio_login_at"
TOUCHED = "jeugdregio_touched_at"
RENEW_SECONDS = 300


@receiver(user_logged_in)
def remember_login_time(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        request.session[KEY] = request.session[TOUCHED] = int(time.time())


class SessionLifetimeMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and hasattr(request, "session"):
            login_at = request.session.get(KEY)
            if login_at is None:
                request.session[KEY] = int(time.time())
            elif time.time() - login_at > settings.SESSION_MAX_HOURS * 3600:
                logout(request)
                return redirect_to_login(request.get_full_path())
            if time.time() - request.session.get(TOUCHED, 0) > RENEW_SECONDS:
                request.session[TOUCHED] = int(time.time())  # a change: the session is saved, its expiry renewed
        return self.get_response(request)


# No id, amount or count here has more than 18 digits (a bigint has 19); a longer number is no one's input, and
# SQLite cannot even compare it with an integer column.
LONG_NUMBER = re.compile(r"[+-]?\d{19,}")


# The request headers that are stored (the security audit log keeps the browser's User-Agent).
STORED_HEADERS = ("HTTP_USER_AGENT",)


class InputGuardMiddleware:
    """Refuses, before any view runs, what no field of ours can hold: control characters and over-long values.

    PostgreSQL cannot store a NUL in text, no XML document or spreadsheet can hold most other control characters
    (core.safe_text), and no person types one; a value longer than MAX_PARAMETER_LENGTH is not a text anyone
    writes in a form here. Both are answered with a Dutch 400 page and change nothing. A control character in the
    path is a page that does not exist: 404. Every GET and POST parameter is covered (names, values and uploaded
    file names), whether a view reads it through a form or not, and so are the headers that are stored
    (STORED_HEADERS). Tab, line feed and carriage return are text. A number of more than 18 digits, as a whole
    parameter or in the path, is refused the same way (a 400, or a 404 in the path).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if CONTROL_CHARACTER.search(request.path) or LONG_NUMBER.search(request.path):
            raise Http404
        problem = self.problem(request)
        if problem:
            return render(request, "400.html", {"reason": problem}, status=400)
        return self.get_response(request)

    @staticmethod
    def problem(request):
        for header in STORED_HEADERS:
            found = control_character(_header_text(request.META.get(header, "")))
            if found:
                return _(
                    "Your browser sent an invisible control character (%(character)s) in its description of itself "
                    "(User-Agent), which cannot be saved. Try again with another browser."
                ) % {"character": found}
        limit = settings.MAX_PARAMETER_LENGTH
        parameters = list(request.GET.lists())
        if request.method == "POST":
            parameters += list(request.POST.lists())
            # Django's multipart parser already drops what is not printable from an upload's name; checked anyway.
            parameters += [(name, [upload.name for upload in uploads]) for name, uploads in request.FILES.lists()]
        for name, values in parameters:
            if "\x00" in name or any("\x00" in value for value in values):
                return _("One of the fields contains an invisible control character (NUL) that cannot be saved.")
            found = _first_control_character([name, *values])
            if found:
                return _(
                    "One of the fields contains an invisible control character (%(character)s) that cannot be saved."
                ) % {"character": found}
            if any(LONG_NUMBER.fullmatch(value.strip()) for value in values):
                return _("One of the fields holds a number of more than 18 digits, which no field here can hold.")
            if len(name) > limit or any(len(value) > limit for value in values):
                return _("One of the fields is longer than %(limit)s characters.") % {
                    "limit": f"{limit:,}".replace(",", ".")
                }
        return None


def _first_control_character(texts):
    return next(filter(None, map(control_character, texts)), None)


def _header_text(value):
    """A header as the browser wrote it: the server hands it over as Latin-1, browsers write UTF-8 (else: as is)."""
    try:
        return value.encode("latin-1").decode("utf-8", "replace")
    except UnicodeEncodeError:  # not from the wire: already text (a test client, a server that decoded it)
        return value
