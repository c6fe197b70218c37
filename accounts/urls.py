from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("programmes/<int:programme_pk>/access/", views.AccessView.as_view(), name="access"),
    path("programmes/<int:programme_pk>/access/invite/", views.InviteView.as_view(), name="invite"),
    path("programmes/<int:programme_pk>/access/revoke/", views.RevokeView.as_view(), name="revoke"),
    path("programmes/<int:programme_pk>/access/withdraw/", views.WithdrawView.as_view(), name="withdraw"),
    path("invitations/<token:token>/", views.AcceptView.as_view(), name="accept"),
    path("audit/", views.AuditLogView.as_view(), name="audit_log"),
]
