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


class BodyKindCode(models.TextChoices):
    """The stable code of a default kind of governance body. A collaboration names its kinds as it likes; code that
    depends on a kind (the kernteam reviews progress reports) asks for the code, never for the name. A kind a
    collaboration adds itself has no code."""

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


# The kinds of bodies a new collaboration starts with (code, name, abbreviation), in the collaboration's own words:
# data in Dutch, which the collaboration renames, adds to or removes from as it works.
DEFAULT_BODY_KINDS = (
    (BodyKindCode.CORE_TEAM, "Kernteam", ""),
    (BodyKindCode.POLICY_MEETING, "Regionaal Beleidsoverleg Jeugd", "RBJ"),
    (BodyKindCode.STRATEGIC_MEETING, "Strategisch Overleg", "SO"),
    (BodyKindCode.MANAGERS_MEETING, "Managers Overleg", "MO"),
    (BodyKindCode.ADMINISTRATIVE_MEETING, "Bestuurlijk Overleg", "BO"),
    (BodyKindCode.STEERING_GROUP, "Stuurgroep", ""),
    (BodyKindCode.PROJECT_GROUP, "Projectgroep", ""),
    (BodyKindCode.EXECUTION_TEAM, "Uitvoeringsteam", ""),
    (BodyKindCode.PORTFOLIO_HOLDERS, "Portefeuillehoudersoverleg", ""),
    (BodyKindCode.PROGRAMME_TEAM, "Programmateam", ""),
)


class Domain(models.TextChoices):
    """What a programme is about. Labels speak of youth care only where the programme is about youth care."""

    YOUTH = "youth", _("Youth care (jeugd)")
    WMO = "wmo", _("Social support (Wmo)")
    SOCIAL_DOMAIN = "social_domain", _("Social domain as a whole")


class RiskReminder(models.TextChoices):
    RISK_REVIEW = "risk_review", _("Risk past its review date")
