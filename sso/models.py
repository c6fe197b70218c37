"""Who someone is at their organisation's provider, and which of its groups may read which programme."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from programmes.models import Programme

from .constants import LinkedBy


class OrganisationAccount(models.Model):
    """A person's account at an OpenID provider (issuer + subject), linked to one login here.

    The provider's `sub` is what identifies them: an e-mail address may change or pass to someone else. The link is
    made once, on the first sign-in (to an account with the same verified e-mail address, or to a new one), and
    afterwards only the subject counts.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="organisation_accounts",
        verbose_name=_("user"),
    )
    issuer = models.CharField(_("issuer"), max_length=255)
    subject = models.CharField(_("subject (sub)"), max_length=255)
    email = models.EmailField(_("e-mail address at the provider"), blank=True)
    linked_by = models.CharField(_("linked by"), max_length=20, choices=LinkedBy.choices)
    created_at = models.DateTimeField(_("linked at"), auto_now_add=True)
    last_login_at = models.DateTimeField(_("last sign-in"), null=True, blank=True)
    programmes_from_groups = models.ManyToManyField(
        Programme,
        blank=True,
        related_name="+",
        verbose_name=_("read access from groups"),
        help_text=_("Programmes this person reads because of a group at the provider; removed with the group."),
    )

    class Meta:
        verbose_name = _("organisation account")
        verbose_name_plural = _("organisation accounts")
        constraints = [
            models.UniqueConstraint(fields=["issuer", "subject"], name="sso_account_unique_subject"),
        ]

    def __str__(self):
        return f"{self.user} – {self.subject}"


class GroupReadAccess(models.Model):
    """Members of this provider group read this programme (only when OIDC_GROUPS_CLAIM is set)."""

    group = models.CharField(
        _("group"),
        max_length=255,
        help_text=_("The group as the provider sends it (Microsoft Entra ID: its object id)."),
    )
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="+", verbose_name=_("programme"))

    class Meta:
        verbose_name = _("group with read access")
        verbose_name_plural = _("groups with read access")
        ordering = ["group"]
        constraints = [
            models.UniqueConstraint(fields=["group", "programme"], name="sso_group_unique_programme"),
        ]

    def __str__(self):
        return f"{self.group} → {self.programme}"
