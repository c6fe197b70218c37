"""A reminder is claimed (a row with a unique key) before it is sent, so a sweep run twice, or retried
after a crash, never sends the same reminder twice."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import registry


class ReminderStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")


class Claimed(models.Model):
    """What the exactly-once machinery keeps of a message it claims before sending (reminders and digests):
    pending until sent, failed after the last attempt, with the error for the administrator."""

    status = models.CharField(
        _("status"), max_length=10, choices=ReminderStatus.choices, default=ReminderStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.CharField(_("last error"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True


class Reminder(Claimed):
    kind = models.CharField(_("kind"), max_length=20, choices=registry.reminder_choices)
    subject_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    subject_id = models.PositiveBigIntegerField()
    subject = GenericForeignKey("subject_type", "subject_id")
    due_date = models.DateField(_("due date"))
    recipient = models.EmailField(_("recipient"))
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True)
    title = models.CharField(_("subject line"), max_length=300)
    body = models.TextField(_("message"))
    url = models.CharField(_("link"), max_length=500, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "subject_type", "subject_id", "due_date", "recipient"],
                name="reminder_once_per_subject_period_kind_recipient",
            ),
        ]
        indexes = [models.Index(fields=["status", "attempts"])]

    def __str__(self):
        return f"{self.get_kind_display()} → {self.recipient} ({self.due_date})"


class ReminderPreference(models.Model):
    """The kinds of reminder a user does not want by email. Escalations cannot be muted."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminder_preference")
    muted = models.JSONField(_("muted reminders"), default=list, blank=True)

    class Meta:
        verbose_name = _("reminder preference")
        verbose_name_plural = _("reminder preferences")

    def __str__(self):
        return f"{self.user}"

    def save(self, *args, **kwargs):
        self.full_clean()
        super().save(*args, **kwargs)

    def clean(self):
        from django.core.exceptions import ValidationError

        unknown = set(self.muted) - {value for value, _label in registry.reminder_choices()}
        if unknown:
            raise ValidationError({"muted": _("Unknown kind of reminder.")})
        if set(self.muted) & registry.unmutable_reminder_kinds():
            raise ValidationError({"muted": _("Escalations cannot be muted.")})


def new_token():
    import secrets

    return secrets.token_urlsafe(24)


class CalendarToken(models.Model):
    """The secret in a user's calendar subscription URL. Replacing it revokes the old link."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_token")
    token = models.CharField(max_length=64, unique=True, default=new_token)
    created_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("calendar link")
        verbose_name_plural = _("calendar links")

    def __str__(self):
        return f"{self.user}"

    def renew(self):
        self.token = new_token()
        self.save(update_fields=["token", "created_at"])


class Delivery(models.TextChoices):
    IMMEDIATELY = "immediately", _("Immediately")
    DAILY = "daily", _("Daily digest")
    WEEKLY = "weekly", _("Weekly digest")
    NEVER = "never", _("Not at all")


class NotificationSetting(models.Model):
    """How one user wants one kind of notification: immediately, in a digest, or not at all."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_settings")
    kind = models.CharField(_("kind"), max_length=20, choices=registry.notification_choices)
    delivery = models.CharField(_("delivery"), max_length=12, choices=Delivery.choices, default=Delivery.IMMEDIATELY)

    class Meta:
        verbose_name = _("notification setting")
        verbose_name_plural = _("notification settings")
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="notificationsetting_once_per_user_kind"),
        ]

    def __str__(self):
        return f"{self.user}: {self.get_kind_display()} – {self.get_delivery_display()}"

    def save(self, *args, **kwargs):
        self.full_clean()
        super().save(*args, **kwargs)

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.kind in registry.always_delivered() and self.delivery == Delivery.NEVER:
            raise ValidationError({"delivery": _("Decisions on your own proposals cannot be switched off.")})


class Digest(Claimed):
    """One digest mail, claimed (user, period, start) before it is sent: a task run twice sends it once."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    period = models.CharField(_("period"), max_length=12, choices=Delivery.choices)
    starts = models.DateField(_("period starts"))

    class Meta:
        ordering = ["-starts"]
        verbose_name = _("digest")
        verbose_name_plural = _("digests")
        constraints = [
            models.UniqueConstraint(fields=["user", "period", "starts"], name="digest_once_per_user_period"),
        ]

    def __str__(self):
        return f"{self.user} {self.get_period_display()} {self.starts}"


class Notification(models.Model):
    """A message for one recipient, written when the act is recorded, so nothing is lost when the worker is late.

    Sent at once by a task queued after commit, or collected in that user's daily or weekly digest.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True, related_name="notifications"
    )
    recipient = models.EmailField(_("recipient"))
    kind = models.CharField(_("kind"), max_length=20, choices=registry.notification_choices)
    delivery = models.CharField(_("delivery"), max_length=12, choices=Delivery.choices)
    title = models.CharField(_("subject line"), max_length=300)
    body = models.TextField(_("message"))
    url = models.CharField(_("link"), max_length=500, blank=True)
    digest = models.ForeignKey(Digest, on_delete=models.SET_NULL, null=True, blank=True, related_name="items")
    status = models.CharField(
        _("status"), max_length=10, choices=ReminderStatus.choices, default=ReminderStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.CharField(_("last error"), max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        indexes = [models.Index(fields=["status", "delivery"])]

    def __str__(self):
        return f"{self.title} → {self.recipient}"
