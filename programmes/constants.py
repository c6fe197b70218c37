from django.db import models
from django.utils.translation import gettext_lazy as _


class OrganisationKind(models.TextChoices):
    MUNICIPALITY = "municipality", _("Municipality")
    CARE_PROVIDER = "care_provider", _("Care provider")
    CERTIFIED_INSTITUTION = "certified_institution", _("Certified institution (GI)")
    EDUCATION = "education", _("Education")
    PUBLIC_HEALTH = "public_health", _("GGD / JGZ")
    CONSULTANCY = "consultancy", _("Consultancy")
    REGIONAL_SERVICE = "regional_service", _("Regional service organisation")
    NATIONAL = "national", _("National programme")
    CLIENT_ORGANISATION = "client_organisation", _("Client or experience organisation")
    OTHER = "other", _("Other")


class MembershipRole(models.TextChoices):
    LEAD = "lead", _("Lead (trekker)")
    MEMBER = "member", _("Member")
    CHAIR = "chair", _("Chair")
    SECRETARY = "secretary", _("Secretary")


class Priority(models.TextChoices):
    HIGH = "high", _("High")
    MEDIUM = "medium", _("Medium")
    LOW = "low", _("Low")


class AccessRole(models.TextChoices):
    MANAGER = "manager", _("Programme manager")
    READER = "reader", _("Reader")


class MilestoneStatus(models.TextChoices):
    OPEN = "open", _("Open")
    DONE = "done", _("Done")


class RiskStatus(models.TextChoices):
    OPEN = "open", _("Open")
    MITIGATED = "mitigated", _("Mitigated")
    OCCURRED = "occurred", _("Occurred")
    CLOSED = "closed", _("Closed")


class BodyKind(models.TextChoices):
    CORE_TEAM = "core_team", _("Core team (kernteam)")
    POLICY_MEETING = "policy_meeting", _("Regional policy meeting (RBJ)")
    STRATEGIC_MEETING = "strategic_meeting", _("Strategic meeting (SO)")
    MANAGERS_MEETING = "managers_meeting", _("Managers meeting (MO)")
    ADMINISTRATIVE_MEETING = "administrative_meeting", _("Administrative meeting (BO)")
    STEERING_GROUP = "steering_group", _("Steering group")
    PROJECT_GROUP = "project_group", _("Project group")
    EXECUTION_TEAM = "execution_team", _("Execution team")
    PORTFOLIO_HOLDERS = "portfolio_holders", _("Portfolio holders meeting")
    PROGRAMME_TEAM = "programme_team", _("Programme team")
    OTHER = "other", _("Other")


class RiskReminder(models.TextChoices):
    RISK_REVIEW = "risk_review", _("Risk past its review date")
