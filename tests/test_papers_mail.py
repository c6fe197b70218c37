"""At the papers deadline the reminder sweep mails the body's members the pack's link, exactly once per meeting."""

import datetime
import threading

import pytest
from django.core import mail
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from governance.models import Meeting
from papers.constants import PapersReminder
from reminders import sweep
from reminders.models import Reminder
from tests import factories as f

pytestmark = pytest.mark.dates


def member(body, name, email=True, role="member"):
    user = f.UserFactory(username=name)
    person = f.PersonFactory(name=name.capitalize(), user=user, email=f"{name}@example.org" if email else "")
    f.BodyMembershipFactory(body=body, person=person, role=role)
    return user


def in_days(days):
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(13)))


@pytest.fixture
def rbj(route):
    body = route["RBJ"]
    member(body, "noor", role="chair")
    member(body, "daan")
    member(body, "zonder", email=False)
    return body


@pytest.fixture
def meeting(rbj):
    """The RBJ meets in ten days; its papers deadline (seven days before) is in three days."""
    return Meeting.objects.create(body=rbj, starts_at=in_days(10), place="Stadhuis Culemborg")


def pack_mails():
    return [m for m in mail.outbox if "/papers.pdf" in m.body]


@pytest.mark.django_db
def test_the_members_get_the_link_on_the_deadline_and_not_before(meeting):
    deadline = meeting.papers_deadline
    sweep.run(deadline - datetime.timedelta(days=1))
    assert pack_mails() == []
    sweep.run(deadline)
    sent = pack_mails()
    assert sorted(address for m in sent for address in m.to) == ["daan@example.org", "noor@example.org"]
    link = reverse("papers:pack", args=[meeting.pk])
    assert all(link in m.body and "Stadhuis Culemborg" in m.body for m in sent)


@pytest.mark.django_db
def test_each_member_is_mailed_once_per_meeting_however_often_the_sweep_runs(meeting, rbj):
    deadline = meeting.papers_deadline
    for day in range(3):
        sweep.run(deadline + datetime.timedelta(days=day))
    sweep.run(deadline)
    assert len(pack_mails()) == 2
    # Moving the meeting gives it a new deadline, not a second mail; a member who joins later gets one.
    Meeting.objects.filter(pk=meeting.pk).update(starts_at=in_days(9))
    member(rbj, "later")
    sweep.run(Meeting.objects.get(pk=meeting.pk).papers_deadline + datetime.timedelta(days=1))
    assert sorted(address for m in pack_mails() for address in m.to) == [
        "daan@example.org",
        "later@example.org",
        "noor@example.org",
    ]
    assert Reminder.objects.filter(kind=PapersReminder.MEETING_PACK).count() == 3


@pytest.mark.django_db
def test_no_mail_for_a_meeting_that_is_closed_or_already_began(meeting, rbj):
    Meeting.objects.filter(pk=meeting.pk).update(status="closed")
    Meeting.objects.create(body=rbj, starts_at=timezone.now() - datetime.timedelta(hours=1), status="planned")
    sweep.run(meeting.papers_deadline)
    assert pack_mails() == []


@pytest.mark.django_db
def test_members_of_other_bodies_are_not_mailed(meeting, route):
    member(route["SO"], "sophie")
    sweep.run(meeting.papers_deadline)
    assert "sophie@example.org" not in [address for m in pack_mails() for address in m.to]


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_sweeps_racing_send_each_member_one_mail(meeting):
    deadline = meeting.papers_deadline
    barrier, errors = threading.Barrier(2), []

    def run():
        try:
            barrier.wait()
            sweep.run(deadline)
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(address for m in pack_mails() for address in m.to) == ["daan@example.org", "noor@example.org"]
