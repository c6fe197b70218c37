from django.core.management.base import BaseCommand

from search import index


class Command(BaseCommand):
    help = "Writes the search index again for every record (after loading data in bulk, or to repair it)."

    def handle(self, *args, **options):
        counts = index.rebuild()
        if options["verbosity"]:
            self.stdout.write(f"Search index rebuilt: {counts}")
