from django.contrib import admin
from django.contrib.auth import urls as auth_urls
from django.urls import include, path, register_converter
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from accounts.views import PasswordResetView
from core import views as core_views
from core.converters import TokenConverter
from dashboard import api, calendar
from dashboard.my_work import MyWorkView

register_converter(TokenConverter, "token")

admin.site.site_header = "Jeugdregio – functioneel beheer"
admin.site.site_title = "Jeugdregio"

urlpatterns = [
    path("", MyWorkView.as_view(), name="home"),
    path("", include("sso.urls")),  # signing in with the organisation's account (/accounts/sso/…)
    # ours instead of Django's own: the reset mail links to SITE_URL, not to the request's host and port
    path("accounts/password_reset/", PasswordResetView.as_view(), name="password_reset"),
    path("accounts/", include([p for p in auth_urls.urlpatterns if p.name != "password_reset"])),
    path("i18n/", include("django.conf.urls.i18n")),
    path("health/", core_views.health, name="health"),
    path("ping/", core_views.ping, name="ping"),
    path("toegankelijkheid/", core_views.accessibility_statement, name="accessibility"),
    path("calendar/renew/", calendar.renew_token, name="calendar_renew"),
    path("calendar/<token:token>.ics", calendar.user_feed, name="calendar_user"),
    path(
        "calendar/<token:token>/programmes/<int:programme_pk>.ics", calendar.programme_feed, name="calendar_programme"
    ),
    path("admin/", admin.site.urls),
    path("api/v1/programmes/", api.ProgrammeListView.as_view(), name="api_programmes"),
    path("api/v1/programmes/<int:pk>/dashboard/", api.ProgrammeDashboardView.as_view(), name="api_dashboard"),
    path("api/schema/", SpectacularAPIView.as_view(), name="api_schema"),
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="api_schema"), name="api_docs"),
    path("", include("programmes.urls")),
    path("", include("governance.urls")),
    path("", include("finance.urls")),
    path("", include("pilots.urls")),
    path("", include("reports.urls")),
    path("", include("reminders.urls")),
    path("", include("accounts.urls")),
    path("", include("twofactor.urls")),  # /account/twofactor/ (second factor), /account/passkeys/ (WebAuthn)
    path("", include("papers.urls")),
    path("", include("publication.urls")),
    path("", include("discussion.urls")),
    path("", include("search.urls")),
    path("", include("dashboard.urls")),
]

handler400 = "core.views.bad_request"
handler403 = "core.views.permission_denied"
handler404 = "core.views.page_not_found"
handler500 = "core.views.server_error"

# Uploads are never served by their MEDIA_URL, not even under DEBUG: only through the permission-checked
# download views (core.downloads.serve_file).
