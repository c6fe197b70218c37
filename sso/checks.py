from django.conf import settings
from django.core import checks

from . import config


@checks.register(checks.Tags.security)
def somebody_can_sign_in(app_configs, **kwargs):
    if not settings.LOCAL_PASSWORD_LOGIN and not config.enabled():
        return [
            checks.Error(
                "LOCAL_PASSWORD_LOGIN is off and single sign-on is not configured: nobody can sign in.",
                hint="Set OIDC_OP_ISSUER and OIDC_RP_CLIENT_ID, or LOCAL_PASSWORD_LOGIN=true.",
                id="sso.E001",
            )
        ]
    if config.enabled() and settings.PRODUCTION and not settings.OIDC_OP_ISSUER.startswith("https://"):
        return [checks.Error("OIDC_OP_ISSUER must be an https:// address in production.", id="sso.E002")]
    return []
