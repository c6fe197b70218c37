from django.db import models
from django.utils.translation import gettext_lazy as _


class InvitationRole(models.TextChoices):
    """What an invitation grants: access to the programme, a seat in one of its workgroups or bodies."""

    READER = "reader", _("Reader of the programme")
    MANAGER = "manager", _("Programme manager")
    WORKGROUP_LEAD = "workgroup_lead", _("Lead (trekker) of a workgroup")
    WORKGROUP_MEMBER = "workgroup_member", _("Member of a workgroup")
    BODY_MEMBER = "body_member", _("Member of a governance body")
    BODY_CHAIR = "body_chair", _("Chair of a governance body")
    BODY_SECRETARY = "body_secretary", _("Secretary of a governance body")


WORKGROUP_ROLES = {InvitationRole.WORKGROUP_LEAD, InvitationRole.WORKGROUP_MEMBER}
BODY_ROLES = {InvitationRole.BODY_MEMBER, InvitationRole.BODY_CHAIR, InvitationRole.BODY_SECRETARY}


class InvitationStatus(models.TextChoices):
    PENDING = "pending", _("Open")
    ACCEPTED = "accepted", _("Accepted")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class AuditKind(models.TextChoices):
    """What the security audit log records. The README (Beveiligingslogboek) says why each is kept."""

    LOGIN = "login", _("Signed in")
    SSO_LOGIN = "sso_login", _("Signed in with the organisation account")
    LOGIN_FAILED = "login_failed", _("Sign-in failed")
    LOCKED_OUT = "locked_out", _("Locked out after failed sign-ins")
    SSO_REFUSED = "sso_refused", _("Sign-in with the organisation account refused")
    OTP_DEVICE_ADDED = "otp_device_added", _("Second factor added")
    OTP_DEVICE_REMOVED = "otp_device_removed", _("Second factor removed")
    OTP_VERIFIED = "otp_verified", _("Second factor accepted")
    OTP_FAILED = "otp_failed", _("Second factor refused")
    OTP_DEVICES_RESET = "otp_devices_reset", _("Second factors reset")
    INVITATION_SENT = "invitation_sent", _("Invitation sent")
    INVITATION_ACCEPTED = "invitation_accepted", _("Invitation accepted")
    INVITATION_REFUSED = "invitation_refused", _("Invitation link refused")
    INVITATION_WITHDRAWN = "invitation_withdrawn", _("Invitation withdrawn")
    ACCESS_GRANTED = "access_granted", _("Access granted")
    ACCESS_REVOKED = "access_revoked", _("Access revoked")
    PRIVILEGES_CHANGED = "privileges_changed", _("Staff or administrator rights changed")
    ACCOUNT_DEACTIVATED = "account_deactivated", _("Account deactivated")
    ACCOUNT_REACTIVATED = "account_reactivated", _("Account reactivated")
    API_TOKEN_CREATED = "api_token_created", _("API token made")
    API_TOKEN_REVOKED = "api_token_revoked", _("API token revoked")
    CALENDAR_LINK_CREATED = "calendar_link_created", _("Calendar link made")
    CALENDAR_LINK_RENEWED = "calendar_link_renewed", _("Calendar link renewed (the old one revoked)")
    CALENDAR_LINK_REVOKED = "calendar_link_revoked", _("Calendar link revoked")
    DATA_EXPORT = "data_export", _("List downloaded")
    ADMIN_ACTION = "admin_action", _("Change in the admin site")
    RETENTION = "retention", _("Old log entries removed")
