"""Where the organisation's provider is: settings first, then its discovery document.

SSO is on when an issuer and a client id are set. Each endpoint may be set on its own (OIDC_OP_*_ENDPOINT); the
ones left empty are read from <issuer>/.well-known/openid-configuration, fetched when first needed and kept for
an hour, so a password sign-in never waits for the provider and a provider that is down costs a message, not a
crash.
"""

import logging
import threading
import time

import requests
from django.conf import settings
from mozilla_django_oidc.utils import import_from_settings

logger = logging.getLogger(__name__)

# The mozilla-django-oidc setting → the discovery document's field.
DISCOVERED = {
    "OIDC_OP_AUTHORIZATION_ENDPOINT": "authorization_endpoint",
    "OIDC_OP_TOKEN_ENDPOINT": "token_endpoint",
    "OIDC_OP_USER_ENDPOINT": "userinfo_endpoint",
    "OIDC_OP_JWKS_ENDPOINT": "jwks_uri",
    "OIDC_OP_LOGOUT_ENDPOINT": "end_session_endpoint",
}
KEEP_SECONDS = 3600

_documents = {}  # issuer → (fetched at, document)
_lock = threading.Lock()


class Unavailable(Exception):
    """The provider's discovery document cannot be had, or does not describe the configured issuer."""


def enabled():
    return bool(settings.OIDC_OP_ISSUER and settings.OIDC_RP_CLIENT_ID)


def issuer():
    return settings.OIDC_OP_ISSUER


def setting(name, *default):
    """A mozilla-django-oidc setting; an endpoint that is not set comes from the discovery document."""
    value = import_from_settings(name, *default)
    if name in DISCOVERED and not value:
        return discovery().get(DISCOVERED[name]) or (default[0] if default else None)
    return value


def discovery():
    url = issuer().rstrip("/") + "/.well-known/openid-configuration"
    with _lock:
        fetched_at, document = _documents.get(url, (0, None))
    if document is not None and time.monotonic() - fetched_at < KEEP_SECONDS:
        return document
    try:
        response = requests.get(url, timeout=settings.OIDC_TIMEOUT)
        response.raise_for_status()
        document = response.json()
    except (requests.RequestException, ValueError) as error:
        logger.warning("OpenID discovery at %s failed: %s", url, error)
        raise Unavailable(str(error)) from error
    if not isinstance(document, dict) or document.get("issuer") != issuer():
        # OpenID Connect Discovery 1.0 §4.3: the document must name exactly the issuer it was fetched for.
        named = document.get("issuer") if isinstance(document, dict) else None
        logger.warning("OpenID discovery at %s names issuer %r, not %r", url, named, issuer())
        raise Unavailable("issuer mismatch")
    with _lock:
        _documents[url] = (time.monotonic(), document)
    return document


def forget():
    """Fetch the discovery document again next time (tests; a provider that moved its keys or endpoints)."""
    with _lock:
        _documents.clear()
