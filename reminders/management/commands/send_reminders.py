from django.core.management.base import BaseCommand

from reminders import sweep


class Command(BaseCommand):
    help = "Runs the reminder sweep by hand: the same code the Celery beat schedule runs."

    def handle(self, *args, **options):
        result = sweep.run()
        self.stdout.write(f"{result['candidates']} due, {result['sent']} sent, {result['failed']} failed")
