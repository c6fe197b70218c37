import importlib.util

from django.apps import AppConfig, apps
from django.db.backends.signals import connection_created
from django.db.models.signals import post_delete, post_init, post_migrate, post_save, pre_save
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts and security")

    def ready(self):
        from axes.signals import user_locked_out
        from django.contrib.admin.models import LogEntry
        from django.contrib.auth import get_user_model
        from django.contrib.auth.signals import user_logged_in, user_login_failed
        from rest_framework.authtoken.models import Token

        from core.signals import export_made
        from reminders.models import CalendarToken

        from . import receivers, triggers

        uid = "accounts.audit"
        user_logged_in.connect(receivers.logged_in, dispatch_uid=f"{uid}.logged_in")
        user_login_failed.connect(receivers.login_failed, dispatch_uid=f"{uid}.login_failed")
        user_locked_out.connect(receivers.locked_out, dispatch_uid=f"{uid}.locked_out")
        User = get_user_model()
        pre_save.connect(receivers.user_saving, sender=User, dispatch_uid=f"{uid}.user_saving")
        post_save.connect(receivers.user_saved, sender=User, dispatch_uid=f"{uid}.user_saved")
        for model in receivers.SEAT_MODELS:
            post_init.connect(receivers.seat_loaded, sender=model, dispatch_uid=f"{uid}.seat_loaded")
            post_save.connect(receivers.seat_saved, sender=model, dispatch_uid=f"{uid}.seat_saved")
            post_delete.connect(receivers.seat_deleted, sender=model, dispatch_uid=f"{uid}.seat_deleted")
        post_save.connect(receivers.api_token_saved, sender=Token, dispatch_uid=f"{uid}.api_token_saved")
        post_delete.connect(receivers.api_token_deleted, sender=Token, dispatch_uid=f"{uid}.api_token_deleted")
        post_init.connect(receivers.calendar_token_loaded, sender=CalendarToken, dispatch_uid=f"{uid}.cal_loaded")
        post_save.connect(receivers.calendar_token_saved, sender=CalendarToken, dispatch_uid=f"{uid}.cal_saved")
        post_delete.connect(receivers.calendar_token_deleted, sender=CalendarToken, dispatch_uid=f"{uid}.cal_deleted")
        export_made.connect(receivers.export_made, dispatch_uid=f"{uid}.export_made")
        post_save.connect(receivers.admin_logged, sender=LogEntry, dispatch_uid=f"{uid}.admin_logged")

        # The second factor: django-otp's devices (whichever plugins are installed) and the twofactor app's signals.
        if apps.is_installed("django_otp"):
            from django_otp.models import Device

            for model in apps.get_models():
                if issubclass(model, Device):
                    post_init.connect(receivers.device_loaded, sender=model, dispatch_uid=f"{uid}.device_loaded")
                    post_save.connect(receivers.device_saved, sender=model, dispatch_uid=f"{uid}.device_saved")
                    post_delete.connect(receivers.device_deleted, sender=model, dispatch_uid=f"{uid}.device_deleted")
        if apps.is_installed("twofactor") and importlib.util.find_spec("twofactor.signals") is not None:
            signals = importlib.import_module("twofactor.signals")
            for name in ("otp_verified", "otp_failed", "devices_reset"):
                if hasattr(signals, name):
                    getattr(signals, name).connect(getattr(receivers, name), dispatch_uid=f"{uid}.{name}")

        # Single sign-on: the sso app's refusals (its sign-ins are user_logged_in with an "sso." backend).
        if apps.is_installed("sso") and importlib.util.find_spec("sso.signals") is not None:
            refused = getattr(importlib.import_module("sso.signals"), "sign_in_refused", None)
            if refused is not None:
                refused.connect(receivers.sso_refused, dispatch_uid=f"{uid}.sso_refused")

        connection_created.connect(triggers.connection_created, dispatch_uid=f"{uid}.sqlite_function")
        post_migrate.connect(triggers.post_migrate, sender=self, dispatch_uid=f"{uid}.triggers")
