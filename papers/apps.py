"""The meeting pack (vergaderstukken) as one PDF per meeting, and its mailing at the papers deadline."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PapersConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "papers"
    verbose_name = _("Meeting papers")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from governance.models import AgendaDocument, AgendaItem, Meeting
        from reminders import registry

        from . import reminding, signals
        from .constants import PapersReminder
        from .models import MeetingPack

        # The members are mailed the pack's link once per meeting, on the first sweep from the papers deadline.
        registry.reminder_kind(PapersReminder.MEETING_PACK, PapersReminder.MEETING_PACK.label)
        registry.reminder_source(reminding.pack_candidates)

        post_save.connect(signals.meeting_changed, sender=Meeting, dispatch_uid="papers_meeting_saved")
        for model, handler in ((AgendaItem, signals.item_changed), (AgendaDocument, signals.document_changed)):
            post_save.connect(handler, sender=model, dispatch_uid=f"papers_{model.__name__}_saved")
            post_delete.connect(handler, sender=model, dispatch_uid=f"papers_{model.__name__}_deleted")
        post_delete.connect(signals.pack_deleted, sender=MeetingPack, dispatch_uid="papers_pack_deleted")
