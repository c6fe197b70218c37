from django.urls import path

from . import views

app_name = "governance"

urlpatterns = [
    path("programmes/<int:programme_pk>/governance/", views.GovernanceView.as_view(), name="overview"),
    path("programmes/<int:programme_pk>/routes/new/", views.RouteCreateView.as_view(), name="route_create"),
    path("programmes/<int:programme_pk>/decisions/", views.DecisionLogView.as_view(), name="decisions"),
    path("routes/<int:pk>/edit/", views.RouteUpdateView.as_view(), name="route_edit"),
]
