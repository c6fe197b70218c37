from django.db import models
from django.utils.translation import gettext_lazy as _

# DiWoo (KOOP's metadata standard for the national Woo index): namespace, and where a body's decisions belong.
# The information category is Woo art. 3.3 lid 2 sub d, "agenda's en besluitenlijsten bestuurscolleges", from the
# TOOI list of Woo information categories; its sitemap index is named by the harvester's convention (infocat009).
DIWOO_NAMESPACE = "https://standaarden.overheid.nl/diwoo/metadata/"
SITEMAP_NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9"
TOOI_KERN = "https://identifier.overheid.nl/tooi/def/thes/kern/"
INFORMATION_CATEGORY = {
    "code": "infocat009",
    "uri": TOOI_KERN + "c_3a248e3a",
    "label": "agenda's en besluitenlijsten bestuurscolleges",
}
# The act a decision document records: "vaststelling" (adoption) in the TOOI list of document acts.
ACT_ADOPTION = {"uri": TOOI_KERN + "c_641ecd76", "label": "vaststelling"}
SITEMAP_PAGE_SIZE = 1000


class PublicationState(models.TextChoices):
    PUBLISHED = "published", _("Published")
    WITHHELD = "withheld", _("Withheld")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class PublicationAct(models.TextChoices):
    PUBLISH = "publish", _("published")
    WITHHOLD = "withhold", _("withheld")
    WITHDRAW = "withdraw", _("withdrawn")


class WooGround(models.TextChoices):
    """The grounds of the Woo (art. 5.1 and 5.2) on which a decision may be kept from the public."""

    SPECIAL_PERSONAL_DATA = "5.1.1d", _("Special categories of personal data (art. 5.1 (1) d)")
    CONFIDENTIAL_BUSINESS_DATA = "5.1.1c", _("Business data given in confidence (art. 5.1 (1) c)")
    ECONOMIC_INTERESTS = "5.1.2b", _("Economic or financial interests of the public bodies (art. 5.1 (2) b)")
    INSPECTION = "5.1.2d", _("Inspection, control and supervision (art. 5.1 (2) d)")
    PRIVACY = "5.1.2e", _("Personal privacy (art. 5.1 (2) e)")
    COMPETITIVE_DATA = "5.1.2f", _("Competitively sensitive business data (art. 5.1 (2) f)")
    FUNCTIONING = "5.1.2i", _("Proper functioning of the public body (art. 5.1 (2) i)")
    DISPROPORTIONATE_HARM = "5.1.5", _("Disproportionate harm (art. 5.1 (5))")
    INTERNAL_DELIBERATION = "5.2", _("Personal policy views in internal deliberation (art. 5.2)")
