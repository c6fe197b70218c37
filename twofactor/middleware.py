"""Whoever signed in with a password but still owes a second factor goes to verify it (they have a device) or to
enrol one (their role requires it: twofactor/policy.py), before any other page. Runs after django-otp's
OTPMiddleware, which knows whether the session is verified."""

from django.shortcuts import redirect

from .policy import pending_step, step_url

# Pages that stay open before the second factor: its own, logging out or in as someone else, the language switch,
# the health checks, the accessibility statement, and single sign-on (namespace "sso", mozilla-django-oidc's "oidc_…").
OPEN_NAMESPACES = {"twofactor", "otp_webauthn", "sso"}
OPEN_NAMES = {"login", "logout", "set_language", "health", "ping", "accessibility"}
# The public pages of published decisions (Woo) are open to anyone; the pages where a secretary publishes are not.
OPEN_VIEWS = {
    f"publication:{name}"
    for name in ("robots", "collaborations", "list", "decision", "document", "feed", "sitemap_index", "sitemap")
}


def is_open(match):
    if match is None:
        return True
    return (
        bool(OPEN_NAMESPACES.intersection(match.namespaces))
        or match.url_name in OPEN_NAMES
        or match.view_name in OPEN_VIEWS
        or (match.url_name or "").startswith("oidc_")
    )


class SecondFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if is_open(request.resolver_match):
            return None
        step = pending_step(request)
        if step is None:
            return None
        # After verifying, a GET comes back here; a POST's data is gone, so its page starts anew from home.
        return redirect(step_url(step, request.get_full_path() if request.method in ("GET", "HEAD") else ""))
