"""One act: the meeting's pack as it should be now. Called by the download view and by the refresh task."""

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from .contents import collect
from .models import MeetingPack
from .render import render


def _is_current(pack, contents):
    return bool(pack.file) and pack.fingerprint == contents.fingerprint and pack.file.storage.exists(pack.file.name)


def current_pack(meeting):
    """The meeting's pack, made again first when what it is made of has changed since it was last made.

    A closed meeting is a record: once it has a pack, that pack stays as it was. Two downloads at once make one
    file: the second waits for the pack row's lock and then finds the pack current.
    """
    pack = MeetingPack.objects.filter(meeting=meeting).first()
    if pack is not None and pack.file and meeting.is_closed:
        return pack
    if pack is not None and _is_current(pack, collect(meeting)):
        return pack
    with transaction.atomic():
        pack, _created = MeetingPack.objects.get_or_create(meeting=meeting)
        pack = MeetingPack.objects.select_for_update().get(pk=pack.pk)
        contents = collect(meeting)  # again, under the lock: another download may have made it meanwhile
        if _is_current(pack, contents):
            return pack
        pdf, pages = render(contents)
        old = pack.file.name
        pack.file.save(f"{filename(meeting)[:-4]}-{contents.fingerprint[:10]}.pdf", ContentFile(pdf), save=False)
        pack.fingerprint, pack.pages, pack.made_at = contents.fingerprint, pages, timezone.now()
        pack.save()
        if old and old != pack.file.name:
            storage = pack.file.storage
            transaction.on_commit(lambda: storage.delete(old))
    return pack


def filename(meeting):
    """vergaderstukken-regionaal-beleidsoverleg-jeugd-2026-12-10.pdf"""
    day = timezone.localtime(meeting.starts_at).date().isoformat()
    return f"{slugify(_('meeting papers'))}-{slugify(meeting.body.name)}-{day}.pdf"
