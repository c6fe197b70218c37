"""Uploaded files leave the site only here, never by their storage URL.

Each download checks the same permission as the page that links to the file, on the same object, so a
user who cannot see a page's content cannot fetch its files either. The admin links here too. A download is named
and typed by the stored file's extension, checked against CONTENT_TYPES: a title typed as "rapport.html" on a PDF
leaves as rapport.pdf, application/pdf (issue #21).
"""

from django.contrib.admin.widgets import AdminFileWidget
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.urls import reverse

from .files import clean_filename, split_extension, title_stem

# The one place a download's type is decided: by the extension of the stored file, checked against this list.
# Any other extension (.html, .svg, .exe from before the upload checks) leaves as bytes without an extension.
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "doc": "application/msword",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "xls": "application/vnd.ms-excel",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "txt": "text/plain",
    "png": "image/png",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
}
UNKNOWN_TYPE = "application/octet-stream"


def download_name_and_type(file, name=None):
    """(name, Content-Type): the stem of `name` (a title someone typed; else the stored name) with the stored file's
    checked extension. An extension typed in the title is dropped: "Vergaderstukken.exe" on a PDF is
    "Vergaderstukken.pdf", application/pdf."""
    stored_stem, extension = split_extension(clean_filename(file.name.rsplit("/", 1)[-1]))
    stem = title_stem(name) if name else stored_stem
    if extension not in CONTENT_TYPES:
        return stem, UNKNOWN_TYPE
    return f"{stem}.{extension}", CONTENT_TYPES[extension]


def file_response(file, name=None):
    """The stored file as an attachment, named and typed by download_name_and_type; 404 when it is gone."""
    try:
        handle = file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    filename, content_type = download_name_and_type(file, name)
    return FileResponse(handle, as_attachment=True, filename=filename, content_type=content_type)


def serve_file(request, permission, obj, file, name=None):
    """The file, if the user has `permission` on `obj` (the object whose page lists it); 403 otherwise.

    `name` suggests the name it is saved under; its extension and type are always the stored file's."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not request.user.has_perm(permission, obj):
        raise PermissionDenied
    return file_response(file, name)


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
