from django.db import models
from django.utils.translation import gettext_lazy as _


class SplitKey(models.TextChoices):
    INHABITANTS = "inhabitants", _("By inhabitants")
    EQUAL = "equal", _("Equal shares")
    FIXED = "fixed", _("Fixed percentages")


class MovementKind(models.TextChoices):
    RESERVE = "reserve", _("Reserve")
    RELEASE = "release", _("Release")
    SPEND = "spend", _("Spend")
    RETURN = "return", _("Return")
