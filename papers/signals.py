"""A change to a meeting, its agenda or an item's documents queues the pack to be made again (after commit).

The download checks the fingerprint anyway, so a missed signal (a bulk update) never serves a stale pack; the
task only makes sure the pack is ready before someone asks for it.
"""

from governance.models import AgendaItem

from .tasks import queue_refresh


def meeting_changed(sender, instance, **kwargs):
    queue_refresh(instance.pk)


def item_changed(sender, instance, **kwargs):
    queue_refresh(instance.meeting_id)


def document_changed(sender, instance, **kwargs):
    meeting_id = AgendaItem.objects.filter(pk=instance.item_id).values_list("meeting_id", flat=True).first()
    if meeting_id:
        queue_refresh(meeting_id)


def pack_deleted(sender, instance, **kwargs):
    if instance.file:
        instance.file.delete(save=False)
