from django.urls import path

from . import feeds, views

app_name = "publication"

urlpatterns = [
    path("robots.txt", views.robots_txt, name="robots"),
    path("openbaar/", views.collaboration_index, name="collaborations"),
    path("openbaar/<slug:collaboration>/", views.PublicDecisionListView.as_view(), name="list"),
    path("openbaar/<slug:collaboration>/besluiten/<str:pk>/", views.decision_detail, name="decision"),
    path(
        "openbaar/<slug:collaboration>/besluiten/<str:pk>/documenten/<str:document_pk>/",
        views.document_download,
        name="document",
    ),
    path("openbaar/<slug:collaboration>/feed/", feeds.DecisionFeed(), name="feed"),
    path(f"openbaar/<slug:collaboration>/{views.SITEMAP_INDEX_NAME}", views.sitemap_index, name="sitemap_index"),
    path("openbaar/<slug:collaboration>/sitemap-besluiten-<int:page>.xml", views.sitemap, name="sitemap"),
    path("programmes/<int:programme_pk>/openbaarmaking/", views.PublicationOverviewView.as_view(), name="overview"),
    path("besluiten/<str:pk>/openbaarmaking/", views.DecisionPublicationView.as_view(), name="manage"),
    path("besluiten/<str:pk>/openbaarmaking/<slug:act>/", views.DecisionPublicationView.as_view(), name="act"),
]
