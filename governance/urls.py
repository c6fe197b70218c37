from django.urls import path

from . import views

app_name = "governance"

urlpatterns = [
    path("programmes/<int:programme_pk>/governance/", views.GovernanceView.as_view(), name="overview"),
    path("programmes/<int:programme_pk>/routes/new/", views.RouteCreateView.as_view(), name="route_create"),
    path("programmes/<int:programme_pk>/decisions/", views.DecisionLogView.as_view(), name="decisions"),
    path("programmes/<int:programme_pk>/meetings/", views.MeetingListView.as_view(), name="meetings"),
    path("bodies/<int:body_pk>/meetings/new/", views.MeetingCreateView.as_view(), name="meeting_create"),
    path("meetings/<int:pk>/", views.MeetingDetailView.as_view(), name="meeting"),
    path("meetings/<int:pk>/edit/", views.MeetingUpdateView.as_view(), name="meeting_edit"),
    path("meetings/<int:pk>/close/", views.MeetingCloseView.as_view(), name="meeting_close"),
    path("documents/<int:pk>/", views.document_download, name="document"),
    path("municipal-decisions/<int:pk>/document/", views.municipal_document_download, name="municipal_document"),
    path("agenda-items/<int:pk>/move/", views.AgendaItemMoveView.as_view(), name="item_move"),
    path("routes/<int:pk>/edit/", views.RouteUpdateView.as_view(), name="route_edit"),
]
