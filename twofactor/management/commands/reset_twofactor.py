"""manage.py reset_twofactor USERNAME: remove a user's second factors after a lost phone, from the command line
(the admin site's action "Twee-factorauthenticatie resetten" does the same)."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _

from twofactor import services


class Command(BaseCommand):
    help = "Removes a user's authenticator app, recovery codes and passkeys; at the next login they enrol anew."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--noinput", "--no-input", action="store_false", dest="interactive")

    def handle(self, username, interactive=True, **options):
        with translation.override("nl"):
            user = get_user_model().objects.filter(username=username).first()
            if user is None:
                raise CommandError(_("There is no user %(username)s.") % {"username": username})
            if interactive:
                answer = input(
                    _("Remove every second factor of %(username)s? Type yes to go on: ") % {"username": username}
                )
                if answer.strip().lower() not in (_("yes"), "yes"):
                    raise CommandError(_("Nothing was changed."))
            removed = services.reset_devices(user, via="command")
            self.stdout.write(
                _(
                    "Two-factor authentication of %(username)s is reset: %(totp)s authenticator app(s), %(recovery)s "
                    "set(s) of recovery codes and %(passkey)s passkey(s) removed. At the next login they set it up "
                    "again."
                )
                % {"username": username, **removed}
            )
