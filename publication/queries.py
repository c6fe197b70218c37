"""What the public may see: published decisions of a collaboration, read with a fixed number of queries."""

from django.db.models import Prefetch

from finance.constants import MovementKind
from finance.models import BudgetMovement
from governance.models import Decision

from .constants import PublicationState
from .models import PublicDocument

PUBLIC_MOVEMENTS = (MovementKind.RELEASE, MovementKind.RETURN)


def published_decisions(collaboration):
    """The collaboration's published decisions, newest first, with their amounts (released or returned by the decision).

    Publication is a fact: a decision stays on the public pages until it is withdrawn, also when its body's setting
    changes afterwards.
    """
    return (
        Decision.objects.filter(programme__collaboration=collaboration, publication__state=PublicationState.PUBLISHED)
        .select_related("body", "programme__collaboration", "publication", "corrects__publication")
        .prefetch_related(
            Prefetch(
                "budget_movements",
                queryset=BudgetMovement.objects.filter(kind__in=PUBLIC_MOVEMENTS).order_by("year", "pk"),
                to_attr="public_movements",
            )
        )
        .order_by("-date", "-publication__published_at", "-pk")
    )


def with_documents(decisions):
    return decisions.prefetch_related(
        Prefetch(
            "publication__public_documents",
            queryset=PublicDocument.objects.select_related("document").order_by("pk"),
        )
    )
