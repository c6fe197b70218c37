from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_safe

from core.downloads import serve_file
from governance.models import Meeting

from . import services

PERMISSION = "papers.download_pack"


@require_safe
def pack_download(request, pk):
    """The meeting's pack as one PDF, made again first if the agenda or its papers changed."""
    meeting = get_object_or_404(Meeting.objects.select_related("body__programme__collaboration"), pk=pk)
    # Checked before the pack is made: nobody without the permission makes the server lay out a pack.
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not request.user.has_perm(PERMISSION, meeting):
        raise PermissionDenied
    pack = services.current_pack(meeting)
    return serve_file(request, PERMISSION, meeting, pack.file, services.filename(meeting))
