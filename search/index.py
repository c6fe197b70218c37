"""Writing the index: one record at a time from the signals, or everything at once (rebuild_search_index).

The index is written in the transaction that changes the record, so it never says more than the database holds.
Changes that bypass signals (queryset.update(), bulk_create: the demo and benchmark loaders) are caught up by
`manage.py rebuild_search_index`.
"""

from django.contrib.postgres.search import SearchVector
from django.db import connection, transaction
from django.db.models import Value

from .kinds import BY_MODEL, DEPENDANTS, KINDS
from .models import SearchEntry

CONFIG = "dutch"
BATCH = 2000


def on_postgresql():
    return connection.vendor == "postgresql"


def vector(title, text):
    """Title weighs most (A), the body text less (B): a record whose title matches ranks above one that only
    mentions the words."""
    return SearchVector(title, weight="A", config=CONFIG) + SearchVector(text, weight="B", config=CONFIG)


def _fields(kind, obj):
    return {
        "programme_id": kind.programme_id(obj),
        "title": kind.title(obj)[:600],
        "text": kind.text(obj),
    }


def index(kind, obj):
    """Writes (or rewrites) the entry of one record."""
    fields = _fields(kind, obj)
    if on_postgresql():
        fields["vector"] = vector(Value(fields["title"]), Value(fields["text"]))
    SearchEntry.objects.update_or_create(kind=kind.name, object_id=obj.pk, defaults=fields)


def forget(kind, pk):
    SearchEntry.objects.filter(kind=kind.name, object_id=pk).delete()


def _loaded(kind, queryset):
    return queryset.select_related(*kind.related).prefetch_related(*kind.prefetch)


def saved(sender, instance, raw=False, **kwargs):
    if raw:  # loaddata: related rows may not be there yet; rebuild_search_index catches up
        return
    kind = BY_MODEL[sender]
    obj = _loaded(kind, kind.model.objects.filter(pk=instance.pk)).first()
    if obj is not None:
        index(kind, obj)


def deleted(sender, instance, **kwargs):
    forget(BY_MODEL[sender], instance.pk)


def dependant_changed(kind, records):
    def receiver(sender, instance, raw=False, **kwargs):
        if raw:
            return
        for obj in _loaded(kind, records(instance)):
            index(kind, obj)

    return receiver


def connect(post_save, post_delete):
    """Called once from SearchConfig.ready()."""
    for model in BY_MODEL:
        post_save.connect(saved, sender=model, dispatch_uid=f"search-save-{model._meta.label}")
        post_delete.connect(deleted, sender=model, dispatch_uid=f"search-delete-{model._meta.label}")
    for model, kind, records in DEPENDANTS:
        receiver = dependant_changed(kind, records)
        uid = f"search-{kind.name}-after-{model._meta.label}"
        post_save.connect(receiver, sender=model, weak=False, dispatch_uid=f"{uid}-save")
        post_delete.connect(receiver, sender=model, weak=False, dispatch_uid=f"{uid}-delete")


def rebuild(kinds=None):
    """Empties the index and writes every record again, in bulk: about a minute for the national data set."""
    counts = {}
    with transaction.atomic():
        for kind in kinds or KINDS.values():
            SearchEntry.objects.filter(kind=kind.name).delete()
            batch, counts[kind.name] = [], 0
            for obj in _loaded(kind, kind.model.objects.order_by("pk")).iterator(chunk_size=BATCH):
                batch.append(SearchEntry(kind=kind.name, object_id=obj.pk, **_fields(kind, obj)))
                if len(batch) >= BATCH:
                    SearchEntry.objects.bulk_create(batch)
                    counts[kind.name] += len(batch)
                    batch = []
            SearchEntry.objects.bulk_create(batch)
            counts[kind.name] += len(batch)
        if on_postgresql():
            SearchEntry.objects.update(vector=vector("title", "text"))
    return counts
