"""Uploaded files leave the site only here, never by their storage URL.

Each download checks the same permission as the page that links to the file, on the same object, so a
user who cannot see a page's content cannot fetch its files either. The admin links here too.
"""

from django.contrib.admin.widgets import AdminFileWidget
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.urls import reverse


def serve_file(request, permission, obj, file, filename):
    """The file, if the user has `permission` on `obj` (the object whose page lists it); 403 otherwise."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not request.user.has_perm(permission, obj):
        raise PermissionDenied
    try:
        handle = file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    return FileResponse(handle, as_attachment=True, filename=filename)


class _Link:
    def __init__(self, name, url):
        self.name, self.url = name, url

    def __str__(self):
        return self.name


class DownloadLinkWidget(AdminFileWidget):
    """The admin's file input, linking the current file to its permission-checked download view."""

    def __init__(self, url_name, attrs=None):
        self.url_name = url_name
        super().__init__(attrs)

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        if context["widget"]["is_initial"]:
            link = reverse(self.url_name, args=[value.instance.pk])
            context["widget"]["value"] = _Link(value.name.rsplit("/", 1)[-1], link)
        return context
