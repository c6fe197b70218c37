"""Comments with @mentions on proposals, experiments and reports; annexes on proposals."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DiscussionConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "discussion"
    verbose_name = _("Discussion")

    def ready(self):
        from reminders import registry

        from .constants import DiscussionNotification

        # Being mentioned is as personal as a reply; neither reaches anybody who switched it off.
        registry.notification_kind(DiscussionNotification.MENTIONED, DiscussionNotification.MENTIONED.label, rank=20)
        registry.notification_kind(DiscussionNotification.REPLY, DiscussionNotification.REPLY.label, rank=25)
        registry.notification_kind(
            DiscussionNotification.ON_MY_PROPOSAL, DiscussionNotification.ON_MY_PROPOSAL.label, rank=35
        )
