"""Notifications that reach the people concerned, the way each of them chose per kind.

`record()` runs inside the act's transaction: it decides who is told and writes one pending Notification
per recipient, so nothing is lost when the worker is late. Immediate ones are sent by a task queued after
commit (`reminders.tasks.queue` → `send_now`); the others wait for `send_digests`, one beat task that claims a Digest
row per (user, period) with a unique key before sending, like the reminders: run twice, it sends once; after a
crash between claim and send, the next run sends the claimed digest once. Inactive accounts get nothing.
"""

import datetime
import logging

from django.conf import settings
from django.db import connection, transaction
from django.db.models import OuterRef, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.mail import send

from . import registry
from .models import Delivery, Digest, Notification, NotificationSetting, ReminderStatus

log = logging.getLogger(__name__)
MAX_ATTEMPTS = 5
# Digests go out in the morning: the first run after 07:00 local time.
DIGEST_HOUR = 7
# An immediate notification still pending this long after its act lost its task: the digest run sends it.
LOST_AFTER = datetime.timedelta(minutes=10)


class Audience:
    """The people to tell of one act, each once, under the most personal kind that applies to them."""

    def __init__(self, actor=None):
        self.actor_id = getattr(actor, "pk", None)
        self.people = {}  # key -> (user or None, email, kind)

    def _add(self, user, email, kind):
        if user is not None and user.pk == self.actor_id:
            return  # nobody is told of their own act
        if user is not None and not user.is_active:
            return
        email = (email or getattr(user, "email", "") or "").strip()
        if not email:
            return
        key = ("user", user.pk) if user is not None else ("email", email.lower())
        known = self.people.get(key)
        if known is None or registry.rank(kind) < registry.rank(known[2]):  # the most personal kind decides
            self.people[key] = (user, email, kind)

    def add_persons(self, persons, kind):
        for person in persons:
            self._add(person.user, person.email, kind)

    def add_users(self, users, kind):
        for user in users:
            if user is None:
                continue
            person = getattr(user, "person", None)
            self._add(user, getattr(person, "email", "") or user.email, kind)


def deliveries(user_ids):
    """{(user_id, kind): delivery} for the users' own settings; what is not set is sent immediately."""
    return {
        (user_id, kind): delivery
        for user_id, kind, delivery in NotificationSetting.objects.filter(user_id__in=user_ids).values_list(
            "user_id", "kind", "delivery"
        )
    }


def record(audience, title, body, url=""):
    """Writes the pending notifications of one act; returns the ids to send at once (after commit)."""
    chosen = deliveries([user.pk for user, _email, _kind in audience.people.values() if user is not None])
    always = registry.always_delivered()
    rows = []
    for user, email, kind in audience.people.values():
        delivery = chosen.get((user.pk, kind), Delivery.IMMEDIATELY) if user is not None else Delivery.IMMEDIATELY
        if delivery == Delivery.NEVER:
            if kind not in always:
                continue
            delivery = Delivery.IMMEDIATELY
        rows.append(
            Notification(
                user=user, recipient=email, kind=kind, delivery=delivery, title=title[:300], body=body, url=url
            )
        )
    created = Notification.objects.bulk_create(rows)
    return [row.pk for row in created if row.delivery == Delivery.IMMEDIATELY]


def _locked(queryset):
    if connection.features.has_select_for_update_skip_locked:
        return queryset.select_for_update(skip_locked=True, of=("self",))
    return queryset


OPEN = [ReminderStatus.PENDING, ReminderStatus.FAILED]


def send_now(ids):
    """Sends immediate notifications, each locked and marked sent in its own short transaction."""
    sent = 0
    for pk in ids:
        with transaction.atomic():
            row = (
                _locked(Notification.objects.filter(pk=pk, status__in=OPEN, delivery=Delivery.IMMEDIATELY))
                .select_related("user")
                .first()
            )
            if row is None:
                continue
            row.attempts += 1
            if row.user is not None and not row.user.is_active:
                row.status, row.last_error, row.attempts = ReminderStatus.FAILED, "inactive account", MAX_ATTEMPTS
            else:
                try:
                    send(row.title, row.body, [row.recipient], url=row.url)
                except Exception as error:  # noqa: BLE001 - a failing mail server fails this row, not the run
                    row.status, row.last_error = ReminderStatus.FAILED, str(error)[:300]
                else:
                    row.status, row.sent_at = ReminderStatus.SENT, timezone.now()
                    sent += 1
            row.save(update_fields=["attempts", "status", "last_error", "sent_at"])
    return sent


def periods(now):
    """(period, start date, cutoff): the daily digest brings what came before DIGEST_HOUR today, the weekly one
    what came before DIGEST_HOUR this Monday. The start date is the claim key: one digest per user per day,
    and per week, however often the task runs; before DIGEST_HOUR the periods are still yesterday's."""
    today = (timezone.localtime(now) - datetime.timedelta(hours=DIGEST_HOUR)).date()
    monday = today - datetime.timedelta(days=today.weekday())

    def cutoff(day):
        return timezone.make_aware(datetime.datetime.combine(day, datetime.time(DIGEST_HOUR)))

    return [(Delivery.DAILY, today, cutoff(today)), (Delivery.WEEKLY, monday, cutoff(monday))]


def claim_digests(now=None):
    """Claims one digest per (user, period) and attaches the waiting notifications to it. Idempotent."""
    now = now or timezone.now()
    claimed = 0
    with transaction.atomic():
        for period, starts, cutoff in periods(now):
            waiting = Notification.objects.filter(
                status=ReminderStatus.PENDING, delivery=period, digest__isnull=True, created_at__lt=cutoff
            )
            users = set(waiting.filter(user__is_active=True).values_list("user_id", flat=True))
            Digest.objects.bulk_create(
                [Digest(user_id=user_id, period=period, starts=starts) for user_id in sorted(users)],
                ignore_conflicts=True,
            )
            open_digest = Digest.objects.filter(
                user_id=OuterRef("user_id"), period=period, starts=starts, status=ReminderStatus.PENDING
            ).values("pk")[:1]
            claimed += waiting.filter(user__is_active=True).update(digest=Subquery(open_digest))
    return claimed


def _digest_mail(digest, items):
    count = len(items)
    if digest.period == Delivery.WEEKLY:
        subject = ngettext(
            "Jeugdregio weekly overview: %(count)s message",
            "Jeugdregio weekly overview: %(count)s messages",
            count,
        ) % {"count": count}
    else:
        subject = ngettext(
            "Jeugdregio daily overview: %(count)s message",
            "Jeugdregio daily overview: %(count)s messages",
            count,
        ) % {"count": count}
    parts = [_("This is what happened that concerns you. You choose how you are told on your settings page.")]
    for item in items:
        parts.append(f"■ {item.title}\n{item.body}")
    parts.append(_("Change how you are told: %(url)s") % {"url": settings.SITE_URL + reverse("reminders:preferences")})
    return subject, "\n\n".join(parts)


def send_claimed():
    """Sends every claimed digest not sent yet (also those claimed by a run that crashed)."""
    sent = 0
    ids = list(
        Digest.objects.filter(status__in=OPEN, attempts__lt=MAX_ATTEMPTS).order_by("pk").values_list("pk", flat=True)
    )
    for pk in ids:
        with transaction.atomic():
            digest = _locked(Digest.objects.filter(pk=pk, status__in=OPEN)).select_related("user").first()
            if digest is None:
                continue
            items = list(digest.items.filter(status=ReminderStatus.PENDING).order_by("created_at", "pk"))
            digest.attempts += 1
            if not items:
                digest.status = ReminderStatus.SENT
                digest.save(update_fields=["attempts", "status"])
                continue
            if not digest.user.is_active:
                digest.status, digest.last_error = ReminderStatus.FAILED, "inactive account"
                digest.attempts = MAX_ATTEMPTS
                digest.save(update_fields=["attempts", "status", "last_error"])
                continue
            subject, body = _digest_mail(digest, items)
            try:
                send(subject, body, [items[-1].recipient], url=settings.SITE_URL + reverse("home"))
            except Exception as error:  # noqa: BLE001 - retried by the next run
                digest.status, digest.last_error = ReminderStatus.FAILED, str(error)[:300]
            else:
                digest.status, digest.sent_at = ReminderStatus.SENT, timezone.now()
                Notification.objects.filter(pk__in=[item.pk for item in items]).update(
                    status=ReminderStatus.SENT, sent_at=digest.sent_at
                )
                sent += 1
            digest.save(update_fields=["attempts", "status", "last_error", "sent_at"])
    return sent


def send_digests(now=None):
    """The beat task: claim, send the digests, and send immediate notifications whose task got lost."""
    now = now or timezone.now()
    claimed = claim_digests(now)
    sent = send_claimed()
    lost = list(
        Notification.objects.filter(
            status__in=OPEN, delivery=Delivery.IMMEDIATELY, attempts__lt=MAX_ATTEMPTS, created_at__lt=now - LOST_AFTER
        ).values_list("pk", flat=True)
    )
    resent = send_now(lost)
    log.info("digests: %s notifications claimed, %s digests sent, %s late immediate sent", claimed, sent, resent)
    return {"claimed": claimed, "digests": sent, "immediate": resent}
