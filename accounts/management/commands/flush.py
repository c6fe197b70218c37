"""Django's flush, allowed to empty the audit log on SQLite too (see accounts/triggers.py).

Flush empties every table: it is how the test runner resets the database, and on PostgreSQL it is a TRUNCATE that
the row triggers do not see. On SQLite it is a DELETE, which the audit log's trigger lets pass only while this
command runs.
"""

from django.core.management.commands import flush

from accounts import triggers


class Command(flush.Command):
    def handle(self, **options):
        with triggers.flushing():
            return super().handle(**options)
