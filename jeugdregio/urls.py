from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from core import views as core_views
from dashboard import api
from reminders import calendar
from reminders.views import MyWorkView

admin.site.site_header = "Jeugdregio – functioneel beheer"
admin.site.site_title = "Jeugdregio"

urlpatterns = [
    path("", MyWorkView.as_view(), name="home"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("health/", core_views.health, name="health"),
    path("ping/", core_views.ping, name="ping"),
    path("calendar/renew/", calendar.renew_token, name="calendar_renew"),
    path("calendar/<str:token>.ics", calendar.user_feed, name="calendar_user"),
    path("calendar/<str:token>/programmes/<int:programme_pk>.ics", calendar.programme_feed, name="calendar_programme"),
    path("admin/", admin.site.urls),
    path("api/v1/programmes/", api.ProgrammeListView.as_view(), name="api_programmes"),
    path("api/v1/programmes/<int:pk>/dashboard/", api.ProgrammeDashboardView.as_view(), name="api_dashboard"),
    path("api/schema/", SpectacularAPIView.as_view(), name="api_schema"),
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="api_schema"), name="api_docs"),
    path("", include("programmes.urls")),
    path("", include("governance.urls")),
    path("", include("pilots.urls")),
    path("", include("reports.urls")),
    path("", include("dashboard.urls")),
]

handler403 = "core.views.permission_denied"
handler404 = "core.views.page_not_found"
handler500 = "core.views.server_error"

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
