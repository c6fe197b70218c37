"""One settings module, read from the environment (the Healthchecks way).

Development is the default: SQLite under var/, an embedded Celery broker (kombu's
filesystem transport under var/), mail written to var/mail/. DJANGO_ENV=production
switches on the production shape: secrets and hosts must come from the environment,
and the security settings that `manage.py check --deploy` asks for are on.
"""

import datetime
import os
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))


def envbool(name, default="False"):
    return os.environ.get(name, default).strip().lower() in ("1", "true", "yes", "on")


def envint(name, default):
    return int(os.environ.get(name, default))


def envlist(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def required(name):
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(f"{name} must be set when DJANGO_ENV=production")
    return value


DJANGO_ENV = os.environ.get("DJANGO_ENV", "development")
PRODUCTION = DJANGO_ENV == "production"

# Keys that stood in this repository at some time: public, so never a secret.
KNOWN_SECRET_KEYS = {
    "change-me-compose-only-0123456789abcdefghijklmnopqrstuvwxyz",
    "development-only-not-secret-" + "x" * 40,
}


def strong_secret_key(name):
    """A SECRET_KEY fit for production: 50 characters or more, varied, not a published or Django-made default."""
    value = required(name)
    if (
        value in KNOWN_SECRET_KEYS
        or len(value) < 50
        or len(set(value)) < 10
        or value.startswith(("django-insecure", "change-me"))
    ):
        raise ImproperlyConfigured(
            f"{name} is too short, too simple or publicly known; make one with "
            "python -c 'import secrets; print(secrets.token_urlsafe(50))'"
        )
    return value


if PRODUCTION:
    SECRET_KEY = strong_secret_key("SECRET_KEY")
    ALLOWED_HOSTS = envlist("ALLOWED_HOSTS") or [required("ALLOWED_HOSTS")]
    DEBUG = False
else:
    SECRET_KEY = os.environ.get("SECRET_KEY", "development-only-not-secret-" + "x" * 40)
    ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
    DEBUG = envbool("DEBUG", "True")

SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")

INSTALLED_APPS = [
    "core.admin_site.JeugdregioAdminConfig",  # django.contrib.admin, with ids read safely
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_filters",
    "simple_history",
    "rules.apps.AutodiscoverRulesConfig",
    "core",
    "programmes",
    "governance",
    "pilots",
    "finance",
    "reminders",
    "accounts",  # invitations, who has access, the account lifecycle and the security audit log
    # Two-factor authentication (twofactor/): django-otp with TOTP, recovery codes and passkeys (WebAuthn).
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_otp_webauthn",
    "twofactor",
    "sso",  # single sign-on through OpenID Connect (off unless configured, see below)
    "reports",
    "papers",  # the meeting pack (vergaderstukken)
    "publication",  # open publication of decisions (Woo)
    "discussion",  # comments and annexes on proposals
    "search",
    "dashboard",
    "demo",  # demo collaborations and the benchmark data set: on top, imported by no domain app
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",  # request.user.is_verified(): the device that verified this session
    "twofactor.middleware.SecondFactorMiddleware",  # whoever still owes a second factor goes to verify or enrol
    "django.contrib.messages.middleware.MessageMiddleware",
    "core.middleware.InputGuardMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "core.middleware.SessionLifetimeMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes asks
]

# The longest value any GET or POST parameter may have (core.middleware.InputGuardMiddleware): about 25 pages.
MAX_PARAMETER_LENGTH = 50_000

ROOT_URLCONF = "jeugdregio.urls"
WSGI_APPLICATION = "jeugdregio.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# DATABASE_URL unset means SQLite under var/; set means PostgreSQL (psycopg2-binary).
DATABASE_URL = os.environ.get("DATABASE_URL", "").strip()
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": VAR_DIR / "jeugdregio.sqlite3",
            "OPTIONS": {"timeout": 20},
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: refuses a locked-out login before the password is checked
    "rules.permissions.ObjectPermissionBackend",
    "sso.backends.LocalPasswordSwitch",  # refuses every password when LOCAL_PASSWORD_LOGIN is off
    "django.contrib.auth.backends.ModelBackend",
    "sso.backends.OrganisationAccountBackend",  # the organisation's account (OpenID Connect), when configured
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Login throttling (django-axes): after 5 failed attempts for a username from one address, 15 minutes locked.
AXES_FAILURE_LIMIT = envint("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=envint("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
AXES_USERNAME_CALLABLE = "core.auth.axes_username"  # cut to 150 characters: no overflow
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"

# Content Security Policy (django-csp): scripts only from this site, never inline; inline style attributes
# (Bootstrap utilities in a few templates) are allowed. data: images are Bootstrap's CSS icons.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# A session ends after 8 hours, or after 2 hours without a request (core.middleware renews it).
SESSION_COOKIE_AGE = envint("SESSION_IDLE_SECONDS", 2 * 3600)
# Sessions live in the database and are read from the cache (Redis in production): one query less per page.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
SESSION_MAX_HOURS = envint("SESSION_MAX_HOURS", 8)

# The JSON API: token or session, read-only, throttled; OpenAPI schema by drf-spectacular.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_THROTTLE_CLASSES": ["rest_framework.throttling.UserRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {"user": os.environ.get("API_RATE", "600/hour")},
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Jeugdregio API",
    "DESCRIPTION": "Read-only dashboard figures per programme, with the same permissions as the site.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],  # the schema is public; the data is not
}

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# --- Single sign-on through OpenID Connect (app sso/; README "Single sign-on (OpenID Connect)") ---------------------
# Off unless OIDC_OP_ISSUER and OIDC_RP_CLIENT_ID are set. The provider's endpoints come from its discovery document
# (<issuer>/.well-known/openid-configuration) unless set one by one. Authorization code flow with PKCE and a nonce;
# the ID token's signature (the provider's JWKS), issuer, audience and expiry are checked. mozilla-django-oidc reads
# the OIDC_* names.
OIDC_OP_ISSUER = os.environ.get("OIDC_OP_ISSUER", "").strip()
OIDC_RP_CLIENT_ID = os.environ.get("OIDC_RP_CLIENT_ID", "").strip()
OIDC_RP_CLIENT_SECRET = os.environ.get("OIDC_RP_CLIENT_SECRET", "").strip()
OIDC_RP_SCOPES = os.environ.get("OIDC_RP_SCOPES", "openid email profile")
OIDC_RP_SIGN_ALGO = os.environ.get("OIDC_RP_SIGN_ALGO", "RS256")
OIDC_OP_AUTHORIZATION_ENDPOINT = os.environ.get("OIDC_OP_AUTHORIZATION_ENDPOINT", "").strip()
OIDC_OP_TOKEN_ENDPOINT = os.environ.get("OIDC_OP_TOKEN_ENDPOINT", "").strip()
OIDC_OP_USER_ENDPOINT = os.environ.get("OIDC_OP_USER_ENDPOINT", "").strip()
OIDC_OP_JWKS_ENDPOINT = os.environ.get("OIDC_OP_JWKS_ENDPOINT", "").strip()
OIDC_OP_LOGOUT_ENDPOINT = os.environ.get("OIDC_OP_LOGOUT_ENDPOINT", "").strip()  # the end_session_endpoint
OIDC_USE_PKCE = True
OIDC_USE_NONCE = True
OIDC_TIMEOUT = envint("OIDC_TIMEOUT_SECONDS", 10)
OIDC_AUTHENTICATION_CALLBACK_URL = "sso:callback"
# Someone the provider knows but this site does not gets a new account (without any access) on first sign-in;
# false: only people with an account here (matched by a verified e-mail address, or invited) may sign in.
OIDC_CREATE_USER = envbool("OIDC_CREATE_USER", "True")
# The claim that says the provider verified the e-mail address (Microsoft Entra ID: xms_edov).
OIDC_EMAIL_VERIFIED_CLAIM = os.environ.get("OIDC_EMAIL_VERIFIED_CLAIM", "email_verified").strip()
# The claim whose groups give read access to programmes (mapped in the admin site); empty: groups give nothing.
OIDC_GROUPS_CLAIM = os.environ.get("OIDC_GROUPS_CLAIM", "").strip()
# false: no password sign-in at all (the login form is hidden and every password refused): the organisation's only.
LOCAL_PASSWORD_LOGIN = envbool("LOCAL_PASSWORD_LOGIN", "True")
# After Django's logout of an organisation-account session, on to the provider's end_session_endpoint.
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.contrib.auth.middleware.AuthenticationMiddleware") + 1,
    "sso.logout.ProviderLogoutMiddleware",
)
if OIDC_OP_ISSUER:
    # Logging out posts a form that is redirected to the provider's end_session_endpoint: form-action must allow it.
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["form-action"].append(
        "{0.scheme}://{0.netloc}".format(urlsplit(OIDC_OP_ISSUER))
    )

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Dutch")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = VAR_DIR / "media"
# WhiteNoise serves the static files in every mode, gzip-compressed and with cache headers (Last-Modified, ETag,
# max-age). In production collectstatic gives them hashed names, cached as immutable. `make run` collects them too
# (Procfile.dev) and runs runserver with --nostatic, so WhiteNoise serves the collected, compressed copies instead of
# runserver's uncompressed ones; a plain `manage.py runserver` still serves them straight from static/.
# Widgets never show a stored control character, so an edit form can always be saved again (core/form_renderer.py).
FORM_RENDERER = "core.form_renderer.ControlCharacterFreeRenderer"

STORAGES = {
    "default": {"BACKEND": "core.files.UploadStorage"},  # FileSystemStorage that names every file by one rule
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "whitenoise.storage.CompressedStaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = False  # serve the collected files (with their .gz), never the uncompressed sources
WHITENOISE_MAX_AGE = envint("WHITENOISE_MAX_AGE", 60)  # seconds, for names without a hash

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Redis, when REDIS_URL is set, is broker and cache; otherwise an embedded broker
# (kombu's filesystem transport) that a real `celery worker` and `celery beat` share.
REDIS_URL = os.environ.get("REDIS_URL", "").strip()
if PRODUCTION and not REDIS_URL:
    # Sessions are read from the cache (cached_db) and throttles count in it: every web worker must see the same one.
    # With a cache per worker, a session verified by its second factor in one worker is still unverified in another.
    raise ImproperlyConfigured("REDIS_URL is required in production: the web workers share sessions and throttles")
CELERY_FILESYSTEM_DIR = VAR_DIR / "celery"
if REDIS_URL:
    CELERY_BROKER_URL = REDIS_URL
    CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 3600}
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
else:
    CELERY_BROKER_URL = "filesystem://"
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(CELERY_FILESYSTEM_DIR / "queue"),
        "data_folder_out": str(CELERY_FILESYSTEM_DIR / "queue"),
        "processed_folder": str(CELERY_FILESYSTEM_DIR / "processed"),
        "control_folder": str(CELERY_FILESYSTEM_DIR / "control"),
        "store_processed": False,
    }
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
CELERY_TASK_ALWAYS_EAGER = envbool("CELERY_TASK_ALWAYS_EAGER")
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SOFT_TIME_LIMIT = 240
CELERY_TASK_TIME_LIMIT = 300
CELERY_TASK_IGNORE_RESULT = True
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")
CELERY_BEAT_SCHEDULE = {
    "heartbeat": {
        "task": "core.tasks.heartbeat",
        "schedule": envint("HEARTBEAT_SECONDS", 60),
    },
    "reminders": {
        "task": "reminders.tasks.sweep_reminders",
        # Daily in production; `make run` sets a short interval so reminders show up while you watch.
        "schedule": envint("REMINDER_SWEEP_SECONDS", 24 * 3600),
    },
    "digests": {
        "task": "reminders.tasks.send_digests",
        # Hourly; still one daily and one weekly digest per user (claimed per user and period), sent after 07:00;
        # immediate notifications whose task was lost go out here too.
        "schedule": envint("DIGEST_SECONDS", 3600),
    },
    "publish-decisions": {
        "task": "publication.tasks.publish_due_decisions",
        "schedule": envint("PUBLISH_SECONDS", 3600),
    },
    "refresh-search-index": {
        # Daily: the signals keep the index current; this catches what they cannot see (bulk updates, renames).
        "task": "search.tasks.refresh_index",
        "schedule": envint("SEARCH_REFRESH_SECONDS", 24 * 3600),
    },
}
PILOT_WAITING_DAYS = envint("PILOT_WAITING_DAYS", 14)

# --- Invitations, the account lifecycle and the security audit log (app accounts/; README "Uitnodigingen en
# toegang" and "Beveiligingslogboek") ------------------------------------------------------------------------------
# An invitation link works once, for this many days.
INVITATION_DAYS = envint("INVITATION_DAYS", 7)
# Unknown invitation links recorded in the audit log per address and hour; more are refused without an entry.
INVITATION_REFUSALS_RECORDED_PER_HOUR = envint("INVITATION_REFUSALS_RECORDED_PER_HOUR", 20)
# Accounts not used for this many days (last login, or creation when never logged in) are deactivated by a daily
# task; never the last active administrator.
ACCOUNT_INACTIVE_DAYS = envint("ACCOUNT_INACTIVE_DAYS", 365)
# Audit log entries are kept this long (the AVG's storage limitation), then removed by a daily task. The database
# refuses to delete younger entries; a shorter period takes effect at the next `migrate` (accounts/triggers.py).
AUDIT_RETENTION_DAYS = envint("AUDIT_RETENTION_DAYS", 730)
if AUDIT_RETENTION_DAYS < 1 or ACCOUNT_INACTIVE_DAYS < 1 or INVITATION_DAYS < 1:
    raise ImproperlyConfigured("INVITATION_DAYS, ACCOUNT_INACTIVE_DAYS and AUDIT_RETENTION_DAYS must be at least 1")
# Tells the audit log which request it is serving (actor, address, browser); before axes, which stays last.
MIDDLEWARE.insert(MIDDLEWARE.index("axes.middleware.AxesMiddleware"), "accounts.middleware.AuditContextMiddleware")
CELERY_BEAT_SCHEDULE.update(
    {
        "deactivate-unused-accounts": {
            "task": "accounts.tasks.deactivate_unused_accounts",
            "schedule": envint("ACCOUNT_SWEEP_SECONDS", 24 * 3600),
        },
        "purge-audit-log": {
            "task": "accounts.tasks.purge_audit_log",
            "schedule": envint("AUDIT_PURGE_SECONDS", 24 * 3600),
        },
    }
)

# Mail: a visible folder in development, SMTP (the mail catcher in docker compose) otherwise.
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Jeugdregio <noreply@jeugdregio.local>")
# Where people report accessibility problems; the accessibility statement (/toegankelijkheid/) names it.
ACCESSIBILITY_CONTACT_EMAIL = os.environ.get("ACCESSIBILITY_CONTACT_EMAIL", "toegankelijkheid@jeugdregio.local")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = envint("EMAIL_PORT", 25)
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = envbool("EMAIL_USE_TLS")
else:
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = VAR_DIR / "mail"
# Another backend by dotted path (an API-based mail service, or the slow test backend of the crash test).
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", EMAIL_BACKEND)

SIMPLE_HISTORY_REVERT_DISABLED = False

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # WeasyPrint tells every rendering step at INFO ("Step 2 - Fetching and parsing CSS"): only its problems.
    "loggers": {"weasyprint": {"level": "WARNING"}},
}

# Demo users exist only outside production; their password never does in production.
DEMO_PASSWORD = None if PRODUCTION else os.environ.get("DEMO_PASSWORD", "jeugdregio-demo")

# --- Two-factor authentication (app twofactor/; README "Twee-factorauthenticatie") ---------------------------------
# Administrators, staff, programme managers and the chairs and secretaries of governance bodies must verify a second
# factor (TOTP app, recovery code or passkey) after their password; others may enrol. Sessions signed in through SSO
# (a backend of the sso app) count as multi-factor. TWO_FACTOR_REQUIRED=false skips the requirement, for `make run`
# and the tests only: it needs DEBUG outside production, and production refuses to start with it.
TWO_FACTOR_REQUIRED = envbool("TWO_FACTOR_REQUIRED", "False" if DEBUG and not PRODUCTION else "True")
if not TWO_FACTOR_REQUIRED and (PRODUCTION or not DEBUG):
    raise ImproperlyConfigured("TWO_FACTOR_REQUIRED can be switched off only in development with DEBUG on")
# Five wrong codes in a row lock the device like five wrong passwords lock a login (django-axes); below five,
# django-otp's own per-device throttling asks for 1, 2, 4, 8 seconds between tries.
TWO_FACTOR_FAILURE_LIMIT = envint("TWO_FACTOR_FAILURE_LIMIT", 5)
TWO_FACTOR_COOLOFF = datetime.timedelta(minutes=envint("TWO_FACTOR_COOLOFF_MINUTES", 15))
TWO_FACTOR_RECOVERY_CODES = 10
OTP_TOTP_ISSUER = "Jeugdregio"  # the name the authenticator app shows next to the code
OTP_TOTP_THROTTLE_FACTOR = 1
OTP_STATIC_THROTTLE_FACTOR = 1
OTP_ADMIN_HIDE_SENSITIVE_DATA = True
# Passkeys (django-otp-webauthn) as a second factor only, never instead of the password. A passkey belongs to one
# domain: the host of SITE_URL (browsers refuse an IP address, so the demo's 127.0.0.1 becomes localhost: open the demo
# at http://localhost:8000 to try passkeys). Origins must be https, or http://localhost.
_site = urlsplit(SITE_URL)
_site_is_ip = (_site.hostname or "").replace(".", "").isdigit() or ":" in (_site.hostname or "")
OTP_WEBAUTHN_RP_ID = os.environ.get("OTP_WEBAUTHN_RP_ID", "localhost" if _site_is_ip else _site.hostname or "localhost")
OTP_WEBAUTHN_RP_NAME = "Jeugdregio"
OTP_WEBAUTHN_ALLOWED_ORIGINS = envlist("OTP_WEBAUTHN_ALLOWED_ORIGINS") or [
    f"https://{_site.netloc}"
    if _site.scheme == "https"
    else f"http://localhost{':' + str(_site.port) if _site.port else ''}"
]
OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN = False

if PRODUCTION:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", "True")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_CONTENT_TYPE_NOSNIFF = True
    SECURE_REFERRER_POLICY = "same-origin"
    X_FRAME_OPTIONS = "DENY"
    CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS")
else:
    X_FRAME_OPTIONS = "DENY"
