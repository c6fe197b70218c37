"""Signing in with the organisation's account (OpenID Connect), and the switch that turns passwords off.

mozilla-django-oidc does the protocol's HTTP (token request, JWKS, userinfo). What it leaves loose is done here:
the ID token's issuer and audience are checked, not only its signature; an expired or malformed token, a refused
code or a provider that does not answer is a Dutch refusal instead of an exception; and nothing is read from the
provider unless a callback asks, because Django makes every backend for every sign-in, password sign-ins too.
"""

import logging

import jwt
import requests
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.urls import reverse
from django.utils.crypto import constant_time_compare
from django.utils.translation import gettext as _
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from core.refusals import Refused

from . import config, matching

logger = logging.getLogger(__name__)

# How far the provider's clock may be off from ours when the ID token's times are checked.
LEEWAY_SECONDS = 60
ID_TOKEN_CLAIMS = ["iss", "aud", "sub", "exp", "iat"]
TOKEN_ERRORS = (jwt.PyJWTError, SuspiciousOperation, KeyError, TypeError, ValueError, requests.RequestException)


def unreachable():
    return Refused(_("Your organisation cannot be reached right now. Please try again later."))


def not_verified():
    return Refused(_("Your organisation's answer could not be verified, so you are not signed in. Please try again."))


class LocalPasswordSwitch:
    """With LOCAL_PASSWORD_LOGIN off, no password signs anyone in: not on the login page, not in the admin site.

    Only authenticate(): without get_user() it is never the backend a session (or the test client's force_login)
    is kept with, and without permission methods it answers no permission question.
    """

    def authenticate(self, request, password=None, **credentials):
        if password is not None and not settings.LOCAL_PASSWORD_LOGIN:
            raise PermissionDenied("Password sign-in is switched off (LOCAL_PASSWORD_LOGIN)")
        return None


class OrganisationAccountBackend(OIDCAuthenticationBackend):
    """The login a callback of the organisation's provider proves, or Refused with the reason.

    Only sso.views.CallbackView calls it (`sso_callback=True`, after checking the state and putting what the
    session sent on the request); for any other credentials it answers None at once.
    """

    get_settings = staticmethod(config.setting)

    def __init__(self, *args, **kwargs):
        self.UserModel = get_user_model()  # the endpoints are read in authenticate(), when they are needed

    def authenticate(self, request, sso_callback=False, **credentials):
        sent = getattr(request, "sso_sent", None)
        if sso_callback is not True or sent is None or not config.enabled():
            return None
        self.request = request
        self.OIDC_RP_CLIENT_ID = settings.OIDC_RP_CLIENT_ID
        self.OIDC_RP_CLIENT_SECRET = settings.OIDC_RP_CLIENT_SECRET
        self.OIDC_RP_SIGN_ALGO = settings.OIDC_RP_SIGN_ALGO
        try:
            self.OIDC_OP_TOKEN_ENDPOINT = self.get_settings("OIDC_OP_TOKEN_ENDPOINT")
            self.OIDC_OP_JWKS_ENDPOINT = self.get_settings("OIDC_OP_JWKS_ENDPOINT", "")
            self.OIDC_OP_USER_ENDPOINT = self.get_settings("OIDC_OP_USER_ENDPOINT", "")
        except config.Unavailable as error:
            raise unreachable() from error
        tokens = self.exchange(request.GET["code"], sent.get("code_verifier"))
        id_token = tokens.get("id_token")
        claims = self.verify_token(id_token, nonce=sent.get("nonce"))
        claims = {**self.userinfo(tokens.get("access_token"), claims["sub"]), **claims}
        user = matching.sign_in(claims["iss"], claims)
        user.sso_id_token = id_token  # the view keeps it in the session, for the provider's logout
        return user

    def exchange(self, code, code_verifier):
        """The provider's tokens for the code; a replayed, expired or foreign code is refused by the provider."""
        payload = {
            "client_id": self.OIDC_RP_CLIENT_ID,
            "client_secret": self.OIDC_RP_CLIENT_SECRET,
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": self.request.build_absolute_uri(reverse(settings.OIDC_AUTHENTICATION_CALLBACK_URL)),
            "code_verifier": code_verifier,
        }
        try:
            tokens = self.get_token(payload)
        except requests.HTTPError as error:
            logger.warning("The provider refused the code: %s", error)
            raise not_verified() from error
        except (requests.RequestException, ValueError) as error:
            logger.warning("The token request failed: %s", error)
            raise unreachable() from error
        if not isinstance(tokens, dict) or not isinstance(tokens.get("id_token"), str):
            raise not_verified()
        return tokens

    def verify_token(self, token, **kwargs):
        """The ID token's claims, if it is signed by the provider, for us, current, and answers our nonce."""
        claims = self.decode(token, require=ID_TOKEN_CLAIMS)
        audiences = claims["aud"] if isinstance(claims["aud"], list) else [claims["aud"]]
        if len(audiences) > 1 and claims.get("azp") != self.OIDC_RP_CLIENT_ID:
            raise not_verified()
        nonce = kwargs.get("nonce")
        if not nonce or not isinstance(claims.get("nonce"), str) or not constant_time_compare(claims["nonce"], nonce):
            logger.warning("ID token refused: its nonce is not the one this session sent")
            raise not_verified()
        return claims

    def decode(self, token, require):
        try:
            algorithm = jwt.get_unverified_header(token).get("alg")
            if algorithm != self.OIDC_RP_SIGN_ALGO:
                raise jwt.InvalidAlgorithmError(f"{algorithm!r} is not {self.OIDC_RP_SIGN_ALGO!r}")
            key = self.OIDC_RP_CLIENT_SECRET if algorithm.startswith("HS") else self.retrieve_matching_jwk(token)
            return jwt.decode(
                token,
                key,
                algorithms=[algorithm],
                audience=self.OIDC_RP_CLIENT_ID,
                issuer=config.issuer(),
                leeway=LEEWAY_SECONDS,
                options={"require": require},
            )
        except TOKEN_ERRORS as error:
            logger.warning("Token refused: %s", error)
            raise not_verified() from error

    def userinfo(self, access_token, subject):
        """What the userinfo endpoint adds, about the same subject (OpenID Connect Core 5.3.2), if there is one."""
        if not self.OIDC_OP_USER_ENDPOINT or not access_token:
            return {}
        try:
            response = requests.get(
                self.OIDC_OP_USER_ENDPOINT,
                headers={"Authorization": f"Bearer {access_token}"},
                timeout=settings.OIDC_TIMEOUT,
            )
            response.raise_for_status()
            if response.headers.get("content-type", "").lower().startswith("application/jwt"):
                info = self.decode(response.text, require=["sub"])
            else:
                info = response.json()
        except (requests.RequestException, ValueError) as error:
            logger.warning("The userinfo request failed: %s", error)
            raise unreachable() from error
        if not isinstance(info, dict) or info.get("sub") != subject:
            raise not_verified()
        return info

    def get_user(self, user_id):
        user = super().get_user(user_id)
        return user if user is not None and user.is_active else None
