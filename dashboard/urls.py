from django.urls import path

from . import views

app_name = "dashboard"

urlpatterns = [
    path("programmes/<int:programme_pk>/dashboard/", views.ProgrammeDashboardView.as_view(), name="programme"),
    path("collaborations/<int:pk>/dashboard/", views.CollaborationDashboardView.as_view(), name="collaboration"),
    path("national/", views.NationalDashboardView.as_view(), name="national"),
    path("account/api-token/", views.api_token, name="api_token"),
]
