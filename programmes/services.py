"""Acts on the programmes' own data that more than one place performs (the admin, the demo, the tests' factories)."""

from django.db import transaction

from .constants import DEFAULT_BODY_KINDS
from .models import BodyKind, Collaboration


def default_body_kinds(collaboration):
    """Gives a collaboration the default kinds of bodies it lacks (by code or by name) and returns its kinds.

    Called when a collaboration is made (the admin's add form, the demo); calling it again adds nothing, and a kind
    the collaboration renamed or added itself is left as it is."""
    with transaction.atomic():
        Collaboration.objects.select_for_update().get(pk=collaboration.pk)  # two calls at once add each kind once
        have = BodyKind.objects.filter(collaboration=collaboration)
        codes = set(have.exclude(code="").values_list("code", flat=True))
        names = {name.casefold() for name in have.values_list("name", flat=True)}
        for order, (code, name, abbreviation) in enumerate(DEFAULT_BODY_KINDS, start=1):
            if code not in codes and name.casefold() not in names:  # one by one, so each gets its history row
                BodyKind.objects.create(
                    collaboration=collaboration, code=code, name=name, abbreviation=abbreviation, order=order
                )
    return BodyKind.objects.filter(collaboration=collaboration)


def body_kind(collaboration, code):
    """The collaboration's kind of body with this code (BodyKindCode), or None when it has none."""
    return BodyKind.objects.filter(collaboration=collaboration, code=code).first()
