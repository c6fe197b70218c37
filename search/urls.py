from django.urls import path

from . import views

app_name = "search"

urlpatterns = [
    path("programmes/<int:programme_pk>/search/", views.SearchView.as_view(), name="results"),
]
