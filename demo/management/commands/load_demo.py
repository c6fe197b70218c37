from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from demo import noord_holland_noord, regio_alkmaar, rivierenland, west_brabant_oost
from demo.collaboration import load_demo_collaboration
from demo.discussion import load_demo_discussion
from demo.loader import load_collaboration, load_users
from demo.other_collaborations import load_demo_other_collaborations
from demo.papers import load_demo_papers
from demo.pilots import load_demo_pilots
from demo.publication import load_demo_publication
from demo.reports import load_demo_reports
from demo.users import DEMO_USERS
from search import index as search_index


class Command(BaseCommand):
    help = "Loads the demo collaborations Rivierenland (seed 002) and West-Brabant-Oost (seed 000) and the demo users."

    def handle(self, *args, **options):
        password = settings.DEMO_PASSWORD
        if not password:
            raise CommandError("Demo data and demo users are not available in production mode (DJANGO_ENV=production).")
        with transaction.atomic():
            riv, riv_people = load_collaboration(rivierenland, rivierenland.ORGANISATIONS)
            wbo, wbo_people = load_collaboration(west_brabant_oost)
            nhn, nhn_people = load_collaboration(noord_holland_noord, noord_holland_noord.ORGANISATIONS)
            alkmaar, alkmaar_people = load_collaboration(regio_alkmaar, regio_alkmaar.ORGANISATIONS)
            programmes = {
                rivierenland.COLLABORATION: (riv, riv_people),
                west_brabant_oost.COLLABORATION: (wbo, wbo_people),
                noord_holland_noord.COLLABORATION: (nhn, nhn_people),
                regio_alkmaar.COLLABORATION: (alkmaar, alkmaar_people),
            }
            users = load_users(
                DEMO_USERS,
                {name: programme for name, (programme, _people) in programmes.items()},
                {name: people for name, (_programme, people) in programmes.items()},
                password,
            )
            load_demo_pilots()
            load_demo_other_collaborations()  # NHN's college decisions, Regio Alkmaar's vision
            load_demo_reports()
            load_demo_discussion()
            load_demo_collaboration()
            load_demo_publication()
            load_demo_papers()  # annexes on the RBJ's next meeting, for its meeting pack
        search_index.rebuild()  # the loaders write in bulk too, past the signals that keep the index fresh
        self.stdout.write(
            self.style.SUCCESS(
                "Demo collaborations loaded: "
                + "; ".join(f"{p.collaboration} ({p})" for p, _people in programmes.values())
                + "."
            )
        )
        self.stdout.write("")
        self.stdout.write("Demo logins (http://127.0.0.1:8000):")
        width = max(len(username) for username, _ in users)
        for username, label in users:
            self.stdout.write(f"  {username.ljust(width)}  {password}  {label}")
