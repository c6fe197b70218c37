"""Demo publication (Woo) for Rivierenland: the SO and the BO publish their decisions.

The SO's secretary publishes the SO's decisions early through publication.services, except the latest one, which
waits for its publication day (the beat task publishes it then); whatever is due already is published the same
way the task does it. Created once: a second load_demo leaves publications alone.
"""

from django.contrib.auth import get_user_model

from governance.models import Decision
from programmes.models import GovernanceBody, Programme
from publication import services
from publication.models import Publication, Publisher

PUBLIC_BODIES = ("SO", "BO")


def load_demo_publication():
    programme = Programme.objects.select_related("collaboration").get(collaboration__name="Rivierenland")
    GovernanceBody.objects.filter(programme=programme, abbreviation__in=PUBLIC_BODIES).update(decisions_public=True)
    Publisher.objects.get_or_create(collaboration=programme.collaboration, defaults={"name": "Regio Rivierenland"})
    if Publication.objects.filter(decision__programme=programme).exists():
        return 0
    secretary = get_user_model().objects.filter(username="so").first()
    decisions = list(
        Decision.objects.filter(programme=programme, body__abbreviation="SO").order_by("date", "recorded_at", "pk")
    )
    for decision in decisions[:-1]:
        services.publish(decision, secretary)
    return services.publish_due() + max(len(decisions) - 1, 0)
