"""Invitations to a programme, and the security audit log.

An invitation keeps only the SHA-256 of its link's secret: whoever reads the database cannot use a link. The audit
log is append-only like the decisions: the model refuses changes, and database triggers (accounts/triggers.py)
refuse UPDATE always and DELETE of rows younger than the retention period, whatever client runs the SQL.
"""

import hashlib

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import AppendOnlyModel, AppendOnlyQuerySet
from programmes.models import GovernanceBody, Programme, Workgroup

from .constants import AuditKind, InvitationRole, InvitationStatus


def token_hash(token):
    return hashlib.sha256(str(token).encode()).hexdigest()


class Invitation(models.Model):
    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="invitations", verbose_name=_("programme")
    )
    email = models.EmailField(_("email"), max_length=150)
    name = models.CharField(_("name"), max_length=150)
    role = models.CharField(_("role"), max_length=30, choices=InvitationRole.choices)
    workgroup = models.ForeignKey(
        Workgroup, on_delete=models.CASCADE, null=True, blank=True, related_name="+", verbose_name=_("workgroup")
    )
    body = models.ForeignKey(
        GovernanceBody, on_delete=models.CASCADE, null=True, blank=True, related_name="+", verbose_name=_("body")
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    status = models.CharField(
        _("status"), max_length=20, choices=InvitationStatus.choices, default=InvitationStatus.PENDING
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("invited by"),
    )
    created_at = models.DateTimeField(_("sent"), default=timezone.now)
    expires_at = models.DateTimeField(_("valid until"))
    closed_at = models.DateTimeField(_("accepted or withdrawn"), null=True, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="invitations",
        verbose_name=_("accepted by"),
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        indexes = [models.Index(fields=["programme", "status"])]

    def __str__(self):
        return f"{self.email} – {self.role_label} – {self.programme}"

    @property
    def target(self):
        return self.workgroup or self.body

    @property
    def role_label(self):
        """The role in words, with its workgroup or body: "Lead (trekker) of a workgroup: 1. Instroom"."""
        target = self.target
        return f"{self.get_role_display()}: {target}" if target is not None else str(self.get_role_display())

    @property
    def is_expired(self):
        return self.expires_at <= timezone.now()

    @property
    def is_open(self):
        return self.status == InvitationStatus.PENDING and not self.is_expired


class AuditEntryQuerySet(AppendOnlyQuerySet):
    def purge(self):
        """The retention task's delete; the database trigger refuses it for rows younger than the retention period."""
        return models.QuerySet.delete(self)


class AuditEntry(AppendOnlyModel):
    """One security event: who, what, when, from where. Names are kept as text so an entry still reads after the
    account is gone; the ids are not foreign-key constraints (a user or programme may be deleted, the log stays)."""

    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    kind = models.CharField(_("what"), max_length=40, choices=AuditKind.choices, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    actor_name = models.CharField(_("by (username)"), max_length=150, blank=True)
    subject = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("account concerned"),
    )
    subject_name = models.CharField(_("account concerned (username)"), max_length=150, blank=True)
    username = models.CharField(_("username tried"), max_length=150, blank=True)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    user_agent = models.CharField(_("browser"), max_length=300, blank=True)
    programme = models.ForeignKey(
        Programme,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("programme"),
    )
    details = models.JSONField(_("details"), default=dict, blank=True)

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("audit log entry")
        verbose_name_plural = _("security audit log")
        indexes = [models.Index(fields=["kind", "at"]), models.Index(fields=["actor", "at"])]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.get_kind_display()} {self.actor_name or self.username}".strip()
