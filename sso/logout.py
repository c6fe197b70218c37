"""Logging out of the provider too: after Django's own logout of someone who signed in with their organisation's
account, the browser goes on to the provider's end_session_endpoint (OpenID Connect RP-Initiated Logout).

Django's logout views stay as they are (the menu's and the admin site's): when one logs out such a session,
`remember_id_token` keeps the ID token on the request before the session is flushed, and the middleware sends the
answer of that logout view on to the provider, which returns the browser to the login page. A session that ends by
itself (core.middleware.SessionLifetimeMiddleware) does not: only a logout view that someone posted to.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY
from django.contrib.auth.signals import user_logged_out
from django.dispatch import receiver
from django.http import HttpResponseRedirect
from django.shortcuts import resolve_url

from . import config
from .views import ID_TOKEN_KEY

BACKEND = "sso.backends.OrganisationAccountBackend"


def is_organisation_login(request):
    """Whether this session was signed in with the organisation's account (what the audit log reads too)."""
    return request.session.get(BACKEND_SESSION_KEY) == BACKEND


@receiver(user_logged_out, dispatch_uid="sso.remember_id_token")
def remember_id_token(sender, request, **kwargs):
    if request is not None and hasattr(request, "session") and is_organisation_login(request):
        request.sso_id_token_hint = request.session.get(ID_TOKEN_KEY)


def end_session_url(request, id_token):
    """The provider's logout address for this ID token, or "" (no SSO, or a provider without one, or down)."""
    if not config.enabled():
        return ""
    try:
        endpoint = config.setting("OIDC_OP_LOGOUT_ENDPOINT", "")
    except config.Unavailable:
        return ""  # logged out here; the provider's session ends with its own lifetime
    if not endpoint:
        return ""
    query = {
        "id_token_hint": id_token,
        "client_id": settings.OIDC_RP_CLIENT_ID,
        "post_logout_redirect_uri": request.build_absolute_uri(resolve_url(settings.LOGOUT_REDIRECT_URL)),
    }
    return f"{endpoint}?{urlencode(query)}"


class ProviderLogoutMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        id_token = getattr(request, "sso_id_token_hint", None)
        match = getattr(request, "resolver_match", None)
        if id_token and match is not None and match.url_name == "logout" and response.status_code < 400:
            url = end_session_url(request, id_token)
            if url:
                return HttpResponseRedirect(url)
        return response
