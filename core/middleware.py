"""A session ends after SESSION_MAX_HOURS since login, however active, and after SESSION_COOKIE_AGE idle.

The idle clock is renewed by saving the session at most every RENEW_SECONDS, not on every request: a page
costs no session write, and the idle limit is exact to within those five minutes.
"""

import time

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.contrib.auth.views import redirect_to_login
from django.dispatch import receiver

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
