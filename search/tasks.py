from celery import shared_task

from . import index


@shared_task
def refresh_index():
    """Writes the whole index again each night: catches what no signal told it (bulk updates, a renamed body or
    organisation) and fills it after a deploy to an existing database."""
    return index.rebuild()
