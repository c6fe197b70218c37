from django.urls import path

from . import views

app_name = "pilots"

urlpatterns = [
    path("programmes/<int:programme_pk>/pilots/", views.PilotListView.as_view(), name="list"),
    path("programmes/<int:programme_pk>/pilots/new/", views.PilotCreateView.as_view(), name="create"),
    path("programmes/<int:programme_pk>/experiments/", views.ExperimentListView.as_view(), name="experiments"),
    path(
        "programmes/<int:programme_pk>/experiments/new/", views.ExperimentCreateView.as_view(), name="experiment_create"
    ),
    path("experiments/<int:pk>/edit/", views.ExperimentUpdateView.as_view(), name="experiment_edit"),
    path("experiments/<int:pk>/promote/", views.ExperimentPromoteView.as_view(), name="experiment_promote"),
    path("pilots/<int:pk>/", views.PilotDetailView.as_view(), name="detail"),
    path("pilots/<int:pk>/edit/", views.PilotUpdateView.as_view(), name="edit"),
    path("pilots/<int:pk>/plan/", views.PilotPlanView.as_view(), name="plan"),
    path("pilots/<int:pk>/act/<slug:act>/", views.PilotActView.as_view(), name="act"),
]
