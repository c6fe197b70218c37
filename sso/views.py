"""The three steps of signing in and out with the organisation's account.

StartView sends the browser to the provider with a fresh state, nonce and PKCE challenge (mozilla-django-oidc keeps
them in the session). CallbackView takes the provider's answer: the state must be one this session sent and not yet
used, then the backend exchanges the code and checks the ID token. Whatever goes wrong ends on the login page with
a Dutch message, never an error page. Logging out is Django's own, followed by the provider's (sso/logout.py).
"""

import logging
import time

from django.conf import settings
from django.contrib import auth, messages
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import redirect, resolve_url
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from mozilla_django_oidc.views import OIDCAuthenticationRequestView

from core.refusals import Refused

from . import config
from .backends import not_verified, unreachable
from .signals import sign_in_refused

logger = logging.getLogger(__name__)

ID_TOKEN_KEY = "oidc_id_token"  # for the provider's logout (id_token_hint)
# How long the provider may take between sending someone off and their coming back.
STATE_SECONDS = 15 * 60
UNKNOWN_ATTEMPT = gettext_lazy("This sign-in attempt is unknown or has expired, so you are not signed in.")
NOT_SIGNED_IN = gettext_lazy("Your organisation did not sign you in. Please try again.")


class StartView(OIDCAuthenticationRequestView):
    get_settings = staticmethod(config.setting)

    def __init__(self, **kwargs):
        View.__init__(self, **kwargs)  # the endpoint is read in get(): a provider that is down is a message, not a 500

    def get(self, request):
        if not config.enabled():
            raise Http404
        try:
            self.OIDC_OP_AUTH_ENDPOINT = self.get_settings("OIDC_OP_AUTHORIZATION_ENDPOINT")
        except config.Unavailable:
            messages.error(request, unreachable().messages[0])
            return redirect(settings.LOGIN_URL)
        self.OIDC_RP_CLIENT_ID = settings.OIDC_RP_CLIENT_ID
        return super().get(request)


class CallbackView(View):
    http_method_names = ["get"]

    def get(self, request):
        if not config.enabled():
            raise Http404
        states = request.session.get("oidc_states")
        sent = states.pop(request.GET.get("state", ""), None) if isinstance(states, dict) else None
        if sent is not None:
            request.session.modified = True  # used once: the same answer again finds nothing
        if not isinstance(sent, dict) or time.time() - sent.get("added_on", 0) > STATE_SECONDS:
            return self.refuse("unknown state", UNKNOWN_ATTEMPT)
        if request.GET.get("error"):
            if request.GET["error"] == "access_denied":
                return self.refuse("cancelled", _("Signing in with your organisation account was cancelled."))
            return self.refuse(f"provider said {request.GET['error'][:100]!r}", NOT_SIGNED_IN)
        if request.GET.get("iss", config.issuer()) != config.issuer():  # RFC 9207: the answer of another provider
            return self.refuse("another issuer", not_verified().messages[0])
        if not request.GET.get("code"):
            return self.refuse("no code", NOT_SIGNED_IN)
        request.sso_sent = sent  # the nonce and PKCE verifier, for the backend (never in credentials or signals)
        try:
            user = auth.authenticate(request, sso_callback=True)
        except Refused as refusal:
            return self.refuse("refused", " ".join(refusal.messages))
        if user is None:  # another backend said no first
            return self.refuse("no user", NOT_SIGNED_IN)
        next_url = request.session.pop("oidc_login_next", None)
        auth.login(request, user)
        request.session[ID_TOKEN_KEY] = user.sso_id_token
        if not next_url or not url_has_allowed_host_and_scheme(
            next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            next_url = resolve_url(settings.LOGIN_REDIRECT_URL)
        return HttpResponseRedirect(next_url)

    def refuse(self, reason, message):
        logger.warning("Sign-in with the organisation account refused: %s", reason)
        sign_in_refused.send(sender=type(self), request=self.request, reason=reason)
        messages.error(self.request, message)
        return redirect(settings.LOGIN_URL)
