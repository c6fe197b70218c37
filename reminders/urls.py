from django.urls import path

from . import views

app_name = "reminders"

urlpatterns = [
    path("account/reminders/", views.preferences, name="preferences"),
]
