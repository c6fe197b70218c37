from django.urls import path, register_converter

from . import views


class SubjectConverter:
    """What can be discussed; anything else in the path is a 404 before a view runs."""

    regex = "pilot|experiment|report"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(SubjectConverter, "subject")

app_name = "discussion"

urlpatterns = [
    path("discussion/<subject:kind>/<int:pk>/comments/new/", views.comment_create, name="comment_create"),
    path("discussion/<subject:kind>/<int:pk>/annexes/new/", views.annex_create, name="annex_create"),
    path("discussion/comments/<int:pk>/edit/", views.comment_edit, name="comment_edit"),
    path("discussion/comments/<int:pk>/delete/", views.comment_delete, name="comment_delete"),
    path("discussion/comments/<int:pk>/hide/", views.comment_hide, name="comment_hide"),
    path("discussion/comments/<int:pk>/history/", views.comment_history, name="comment_history"),
    path("discussion/annexes/<int:pk>/", views.annex_download, name="annex"),
    path("experiments/<int:pk>/", views.experiment, name="experiment"),
]
