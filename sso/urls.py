from django.urls import path

from . import views

app_name = "sso"

urlpatterns = [
    path("accounts/sso/login/", views.StartView.as_view(), name="start"),
    path("accounts/sso/callback/", views.CallbackView.as_view(), name="callback"),
]
