from django.core.management.base import BaseCommand

from search import index
from search.models import SearchEntry


class Command(BaseCommand):
    help = "Writes the search index again for every record (after loading data in bulk, or to repair it)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Only when the index holds nothing yet (the first deploy to an existing database).",
        )

    def handle(self, *args, **options):
        if options["if_empty"] and SearchEntry.objects.exists():
            if options["verbosity"]:
                self.stdout.write("Search index already filled; left as it is.")
            return
        counts = index.rebuild()
        if options["verbosity"]:
            self.stdout.write(f"Search index rebuilt: {counts}")
