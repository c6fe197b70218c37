"""The Atom feed of a collaboration's published decisions: newest publications first."""

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from core.safe_text import xml_safe_all
from core.templatetags.money import euro
from programmes.models import Collaboration

from .queries import published_decisions

FEED_SIZE = 50


class SafeAtom1Feed(Atom1Feed):
    """Atom, with every stored text made fit for XML first (core.safe_text): a control character typed into a
    decision once would otherwise make the feed fail (UnserializableContentError) as long as it is published."""

    def write(self, outfile, encoding):
        self.feed, self.items = xml_safe_all(self.feed), xml_safe_all(self.items)
        super().write(outfile, encoding)


class DecisionFeed(Feed):
    feed_type = SafeAtom1Feed

    def get_object(self, request, collaboration):
        return get_object_or_404(Collaboration, slug=collaboration)

    def title(self, collaboration):
        return _("Published decisions – %(collaboration)s") % {"collaboration": collaboration.name}

    def subtitle(self, collaboration):
        return _("Decisions of the public governance bodies of %(collaboration)s (Woo).") % {
            "collaboration": collaboration.name
        }

    def link(self, collaboration):
        return reverse("publication:list", args=[collaboration.slug])

    def items(self, collaboration):
        return published_decisions(collaboration).order_by("-publication__published_at", "-pk")[:FEED_SIZE]

    def item_title(self, decision):
        return f"{decision.body}: {decision.get_outcome_display()} – {decision.publication.public_title}"

    def item_description(self, decision):
        parts = [_("Date of decision: %(date)s") % {"date": decision.date.strftime("%d-%m-%Y")}]
        if decision.publication.public_rationale:
            parts.append(decision.publication.public_rationale)
        for movement in decision.public_movements:
            parts.append(f"{movement.get_kind_display()} {movement.year}: {euro(movement.amount)}")
        return "\n\n".join(parts)

    def item_link(self, decision):
        return reverse("publication:decision", args=[decision.programme.collaboration.slug, decision.pk])

    def item_pubdate(self, decision):
        return decision.publication.published_at

    def item_updateddate(self, decision):
        return decision.publication.changed_at

    def item_author_name(self, decision):
        return str(decision.body)
