from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TwofactorConfig(AppConfig):
    name = "twofactor"
    verbose_name = _("Two-factor authentication")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from core.admin_site import require_for_admin

        from . import policy

        user_logged_in.connect(policy.remember_devices_at_login, dispatch_uid="twofactor.remember_devices")
        require_for_admin(policy.admin_entry_check)
