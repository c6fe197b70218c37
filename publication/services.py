"""The acts on a decision's publication: publish, withhold, withdraw, and the daily publication of what is due.

One place for the rules, whoever acts (a web page, the admin, the beat task):
- only decisions of a body whose decisions are public are ever published;
- the body's chair or secretary, the programme manager or an administrator publishes early, withholds or withdraws;
  the task publishes what is due without a person;
- a withheld decision names a Woo ground; it can be published later, when the ground no longer holds;
- publication cannot be undone: a published decision can only be withdrawn, on a Woo ground, as a new act in the
  history, and a withdrawn decision stays withdrawn;
- every act is a PublicationEvent (append-only), written in the same transaction as the state;
- publishing stores the decision's public text (redaction.py): what the public pages, feed, sitemap and search read.
"""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.refusals import Forbidden, Refused
from governance.models import AgendaDocument, Decision
from programmes.models import GovernanceBody

from .constants import PublicationAct, PublicationState, WooGround
from .models import Publication, PublicationEvent, PublicDocument
from .redaction import public_text

PERMISSION = "publication.publish_decision"


def candidate_documents(decision):
    """The papers of the agenda item at which the decision was taken: what its publisher may make public with it."""
    if decision.meeting_id is None or decision.subject_type_id is None:
        return AgendaDocument.objects.none()
    return AgendaDocument.objects.filter(
        item__meeting_id=decision.meeting_id,
        item__subject_type_id=decision.subject_type_id,
        item__subject_id=decision.subject_id,
    ).order_by("item__order", "pk")


def due_date(decision):
    """The day the decision is published by itself, unless it is published or withheld before."""
    return decision.date + datetime.timedelta(days=decision.body.publication_delay_days)


def _locked(decision, user, via):
    """The decision, locked, so that two people acting at once give one outcome; checks who may act."""
    decision = Decision.objects.select_for_update().select_related("body", "programme").get(pk=decision.pk)
    if via != "task" and (user is None or not user.has_perm(PERMISSION, decision)):
        raise Forbidden(
            _("Only the chair or secretary of %(body)s, the programme manager or an administrator can do this.")
            % {"body": decision.body}
        )
    if not decision.body.decisions_public:
        raise Refused(_("The decisions of %(body)s are not public.") % {"body": decision.body})
    publication = Publication.objects.select_for_update().filter(decision=decision).first()
    return decision, publication


def _record(decision, publication, act, state, user, via, ground="", explanation="", now=None):
    now = now or timezone.now()
    if publication is None:
        publication = Publication(decision=decision)
    publication.state = state
    publication.ground = ground
    publication.explanation = explanation
    publication.changed_at = now
    if state == PublicationState.PUBLISHED:
        publication.published_at = now
        publication.public_title = public_text(decision.subject_title)
        publication.public_rationale = public_text(decision.rationale)
    publication.save()
    PublicationEvent.objects.create(
        decision=decision, act=act, ground=ground, explanation=explanation, actor=user, via=via
    )
    return publication


@transaction.atomic
def publish(decision, user, documents=(), via="web"):
    """Publishes the decision now, with the chosen papers of its agenda item."""
    decision, publication = _locked(decision, user, via)
    if publication is not None and publication.state == PublicationState.PUBLISHED:
        raise Refused(_("This decision has already been published."))
    if publication is not None and publication.state == PublicationState.WITHDRAWN:
        raise Refused(_("This decision has been withdrawn; a withdrawn decision is not published again."))
    documents = list(documents)
    allowed = set(candidate_documents(decision).values_list("pk", flat=True))
    if any(document.pk not in allowed for document in documents):
        raise Refused(_("Only papers of the agenda item of this decision can be published with it."))
    publication = _record(decision, publication, PublicationAct.PUBLISH, PublicationState.PUBLISHED, user, via)
    for document in documents:
        PublicDocument.objects.create(publication=publication, document=document)
    return publication


def _check_ground(ground, explanation):
    if ground not in WooGround.values:
        raise Refused(_("Choose the Woo ground."))
    if not (explanation or "").strip():
        raise Refused(_("Explain why the ground applies: the history keeps it."))


@transaction.atomic
def withhold(decision, user, ground, explanation, via="web"):
    """Keeps a decision that is not yet published from the public, on a Woo ground."""
    _check_ground(ground, explanation)
    decision, publication = _locked(decision, user, via)
    if publication is not None and publication.state == PublicationState.PUBLISHED:
        raise Refused(_("This decision has already been published: withdraw it instead."))
    if publication is not None:
        raise Refused(_("This decision is already kept from the public."))
    return _record(
        decision,
        publication,
        PublicationAct.WITHHOLD,
        PublicationState.WITHHELD,
        user,
        via,
        ground,
        explanation.strip(),
    )


@transaction.atomic
def withdraw(decision, user, ground, explanation, via="web"):
    """Takes a published decision off the public pages, on a Woo ground. The publication stays in the history."""
    _check_ground(ground, explanation)
    decision, publication = _locked(decision, user, via)
    if publication is None or publication.state != PublicationState.PUBLISHED:
        raise Refused(_("Only a published decision can be withdrawn."))
    return _record(
        decision,
        publication,
        PublicationAct.WITHDRAW,
        PublicationState.WITHDRAWN,
        user,
        via,
        ground,
        explanation.strip(),
    )


def due_decisions(today=None):
    """Decisions of public bodies whose delay has passed and on which nobody has acted yet."""
    today = today or timezone.localdate()
    due = Decision.objects.none()
    for body in GovernanceBody.objects.filter(decisions_public=True).only("pk", "publication_delay_days"):
        cutoff = today - datetime.timedelta(days=body.publication_delay_days)
        due = due | Decision.objects.filter(body=body, date__lte=cutoff, publication__isnull=True)
    return due.order_by("date", "pk")


def publish_due(today=None):
    """Publishes every decision that is due, each in its own transaction; returns how many it published.

    A decision someone else published or withheld in the meantime is refused by publish() and skipped: each
    decision is published exactly once, however many workers run this at the same time.
    """
    published = 0
    for decision in due_decisions(today):
        try:
            publish(decision, None, via="task")
        except Refused:
            continue
        published += 1
    return published
