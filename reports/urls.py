from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("programmes/<int:programme_pk>/reports/", views.ReportListView.as_view(), name="list"),
    path("programmes/<int:programme_pk>/reports/request/", views.ReportRequestView.as_view(), name="request"),
    path(
        "programmes/<int:programme_pk>/reports/schedules/new/",
        views.ScheduleCreateView.as_view(),
        name="schedule_create",
    ),
    path(
        "programmes/<int:programme_pk>/programme-reports/new/",
        views.ProgrammeReportCreateView.as_view(),
        name="programme_report_create",
    ),
    path("reports/<int:pk>/", views.ReportDetailView.as_view(), name="detail"),
    path("reports/attachments/<int:pk>/", views.attachment_download, name="attachment"),
    path("reports/schedules/<int:pk>/edit/", views.ScheduleUpdateView.as_view(), name="schedule_edit"),
    path("programme-reports/<int:pk>/", views.ProgrammeReportView.as_view(), name="programme_report"),
    path("programme-reports/<int:pk>/word/", views.programme_report_docx, name="programme_report_docx"),
    path("programme-reports/<int:pk>/pdf/", views.programme_report_pdf, name="programme_report_pdf"),
    path("programme-reports/<int:pk>/adopt/", views.ProgrammeReportAdoptView.as_view(), name="programme_report_adopt"),
]
