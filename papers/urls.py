from django.urls import path

from . import views

app_name = "papers"

urlpatterns = [
    path("meetings/<int:pk>/papers.pdf", views.pack_download, name="pack"),
]
