from django.db import models
from django.utils.translation import gettext_lazy as _


class LinkedBy(models.TextChoices):
    EMAIL = "email", _("verified e-mail address")
    NEW = "new", _("new account")
