from django.urls import path

from . import din_views, views

app_name = "pilots"

urlpatterns = [
    path("programmes/<int:programme_pk>/pilots/", views.PilotListView.as_view(), name="list"),
    path("programmes/<int:programme_pk>/pilots/new/", views.PilotCreateView.as_view(), name="create"),
    path(
        "programmes/<int:programme_pk>/pilots/new/document/",
        views.ProgrammeDocumentCreateView.as_view(),
        name="create_document",
    ),
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
    path("pilots/<int:pk>/din.docx", din_views.proposal_docx, name="din_docx"),
    path("pilots/<int:pk>/din.pdf", din_views.proposal_pdf, name="din_pdf"),
    path(
        "programmes/<int:programme_pk>/pilots/din/template/", din_views.DinTemplateView.as_view(), name="din_template"
    ),
    path("programmes/<int:programme_pk>/pilots/din/import/", din_views.DinImportView.as_view(), name="din_import"),
    path("pilots/conditions/<int:pk>/<slug:act>/", views.ConditionActView.as_view(), name="condition_act"),
    path("pilots/<int:pk>/assessment/", views.AssessmentView.as_view(), name="assessment"),
    path("programmes/<int:programme_pk>/bodies/<int:body_pk>/matrix/", views.MatrixView.as_view(), name="matrix"),
    path("programmes/<int:programme_pk>/assessment-criteria/", views.CriteriaView.as_view(), name="criteria"),
]
