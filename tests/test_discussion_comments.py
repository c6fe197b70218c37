"""Discussion on proposals, experiments and reports: who reads and writes which comment, mentions and who hears
of them, replies one level deep, the edit window, no delete after a reply, and hiding by the programme manager."""

import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.utils import timezone

from core.refusals import Forbidden, Refused
from discussion import services
from discussion.mentions import render
from discussion.models import Comment
from discussion.sections import threads
from pilots import services as pilot_services
from pilots.models import Experiment
from reminders.models import Notification, NotificationSetting
from reports.models import ProgressReport
from tests import factories as f


def person_user(username, name):
    user = f.UserFactory(username=username)
    f.PersonFactory(name=name, user=user, email=f"{username}@example.org")
    return user


@pytest.fixture
def kees(route):
    """Kees Kern, member of the kernteam (on the route)."""
    user = person_user("kees", "Kees Kern")
    f.BodyMembershipFactory(body=route["Kernteam"], person=user.person, role="member")
    return user


@pytest.fixture
def ria(route):
    """Ria Ruiter, member of the RBJ (on the route)."""
    user = person_user("ria", "Ria Ruiter")
    f.BodyMembershipFactory(body=route["RBJ"], person=user.person, role="member")
    return user


@pytest.fixture
def submitted(pilot, lead):
    pilot_services.submit(pilot, lead)
    pilot.refresh_from_db()
    return pilot


def notified(user, kind=None):
    rows = Notification.objects.filter(user=user)
    return rows.filter(kind=kind).exists() if kind else rows.exists()


def test_everyone_who_reads_the_programme_reads_a_programme_comment_and_only_the_team_a_team_comment(
    submitted, lead, reader, kees, ria, manager
):
    services.post_comment(lead, submitted, "Voor iedereen", "programme")
    services.post_comment(lead, submitted, "Alleen het team", "team")
    for user in (lead, kees, ria, manager):
        assert [e.comment.text for e in threads(user, submitted)] == ["Voor iedereen", "Alleen het team"]
    assert [e.comment.text for e in threads(reader, submitted)] == ["Voor iedereen"]


def test_a_reader_may_comment_but_not_for_the_team(submitted, reader):
    services.post_comment(reader, submitted, "Vraag van de gemeente", "programme")
    with pytest.raises(Forbidden):
        services.post_comment(reader, submitted, "Stiekem", "team")
    assert list(Comment.objects.values_list("text", flat=True)) == ["Vraag van de gemeente"]


def test_nobody_outside_the_programme_comments(submitted, outsider):
    with pytest.raises(Forbidden):
        services.post_comment(outsider, submitted, "Hallo", "programme")
    assert not Comment.objects.exists()


def test_comments_on_a_draft_stay_with_who_may_see_the_draft(pilot, lead, reader, kees):
    services.post_comment(lead, pilot, "Nog een concept", "programme")
    assert threads(lead, pilot)
    for user in (reader, kees):
        with pytest.raises(Forbidden):
            services.post_comment(user, pilot, "Mag ik meelezen?", "programme")
        assert not user.has_perm("discussion.view_comment", Comment.objects.get())
    assert Comment.objects.count() == 1


def test_replies_go_one_level_deep_and_a_reply_to_a_team_comment_is_for_the_team(submitted, lead, kees):
    question = services.post_comment(kees, submitted, "Hoeveel gezinnen?", "team")
    answer = services.post_comment(lead, submitted, "Veertig", "programme", parent=question)
    assert answer.visibility == "team"
    with pytest.raises(Refused):
        services.post_comment(kees, submitted, "Dank", "team", parent=answer)
    [entry] = threads(kees, submitted)
    assert [r.comment.text for r in entry.replies] == ["Veertig"]


def test_a_reply_must_answer_a_comment_of_the_same_discussion(submitted, lead, programme, workgroup1):
    other = f.PilotFactory(programme=programme, workgroup=workgroup1)
    elsewhere = services.post_comment(lead, other, "Elders", "programme")
    with pytest.raises(Refused):
        services.post_comment(lead, submitted, "Antwoord", "programme", parent=elsewhere)


def test_mentions_of_programme_people_notify_them_and_others_stay_plain_text(submitted, kees, ria, outsider, lead):
    comment = services.post_comment(kees, submitted, '@ria en @"Lars" kijken jullie mee? En @otto?', "programme")
    assert set(comment.mentioned.all()) == {ria, lead}
    assert notified(ria, "mentioned")
    assert notified(lead, "mentioned")  # the most personal kind wins over "comment on my proposal"
    assert not notified(outsider)
    assert not notified(kees)  # the author is not told of their own comment
    html = render(comment.text, comment.mentioned.all())
    assert '<strong class="mention">@Ria Ruiter</strong>' in html
    assert '<strong class="mention">@Lars</strong>' in html
    assert "@otto" in html and 'mention">@otto' not in html


def test_a_mention_in_a_team_comment_does_not_reach_a_reader(submitted, lead, reader):
    services.post_comment(lead, submitted, "Zie @rob", "team")
    assert not notified(reader)


def test_the_lead_hears_of_new_comments_as_they_chose(submitted, lead, kees, ria):
    services.post_comment(kees, submitted, "Mooi voorstel", "programme")
    assert notified(lead, "comment_own")
    Notification.objects.all().delete()
    NotificationSetting.objects.create(user=lead, kind="comment_own", delivery="never")
    services.post_comment(ria, submitted, "Eens", "programme")
    assert not notified(lead)


def test_the_author_of_a_comment_hears_of_a_reply(submitted, kees, ria):
    question = services.post_comment(kees, submitted, "Vraag", "programme")
    services.post_comment(ria, submitted, "Antwoord", "programme", parent=question)
    assert notified(kees, "reply")


def test_html_in_a_comment_is_shown_as_text(submitted, lead):
    comment = services.post_comment(lead, submitted, "<script>alert(1)</script>\nregel 2", "programme")
    html = render(comment.text, [])
    assert "<script>" not in html and "&lt;script&gt;" in html and "<br>" in html


@pytest.mark.parametrize("text", ["   \n\t ", "a\x00b", "x" * 100_000, "x" * 10_001])
def test_empty_nul_or_overlong_comments_are_refused_and_nothing_is_saved(submitted, lead, text):
    with pytest.raises(Refused):
        services.post_comment(lead, submitted, text, "programme")
    assert not Comment.objects.exists()
    assert not Notification.objects.exists()


@pytest.mark.dates
def test_a_comment_can_be_edited_for_15_minutes_and_keeps_its_earlier_text(submitted, lead):
    with time_machine.travel(datetime.datetime(2026, 3, 2, 10, 0, tzinfo=datetime.UTC), tick=False) as clock:
        comment = services.post_comment(lead, submitted, "Eerste versie", "programme")
        clock.shift(datetime.timedelta(minutes=14, seconds=59))
        services.edit_comment(lead, comment, "Tweede versie")
        clock.shift(datetime.timedelta(seconds=2))
        with pytest.raises(Refused):
            services.edit_comment(lead, comment, "Te laat")
    comment.refresh_from_db()
    assert comment.text == "Tweede versie" and comment.edited_at is not None
    assert [h.text for h in comment.history.order_by("history_date")] == ["Eerste versie", "Tweede versie"]


def test_only_the_author_edits(submitted, lead, kees):
    comment = services.post_comment(lead, submitted, "Van Lars", "programme")
    with pytest.raises(Forbidden):
        services.edit_comment(kees, comment, "Van Kees")


def test_an_edit_tells_only_who_is_newly_mentioned(submitted, lead, kees, ria):
    comment = services.post_comment(lead, submitted, "@kees kijk even", "programme")
    Notification.objects.all().delete()
    services.edit_comment(lead, comment, "@kees en @ria kijk even")
    assert notified(ria, "mentioned") and not notified(kees)


def test_a_comment_can_be_deleted_until_someone_replies(submitted, lead, kees):
    lonely = services.post_comment(lead, submitted, "Vergissing", "programme")
    services.delete_comment(lead, lonely)
    assert not Comment.objects.filter(pk=lonely.pk).exists()
    answered = services.post_comment(lead, submitted, "Vraag", "programme")
    services.post_comment(kees, submitted, "Antwoord", "programme", parent=answered)
    with pytest.raises(Refused):
        services.delete_comment(lead, answered)
    assert Comment.objects.filter(pk=answered.pk).exists()


def test_the_programme_manager_hides_a_comment_with_a_reason_and_the_text_stays_in_the_history(
    submitted, lead, manager, kees
):
    comment = services.post_comment(kees, submitted, "Onaardige opmerking", "programme")
    with pytest.raises(Forbidden):
        services.hide_comment(lead, comment, "Niet netjes")
    with pytest.raises(Refused):
        services.hide_comment(manager, comment, "   ")
    services.hide_comment(manager, comment, "Niet netjes")
    comment.refresh_from_db()
    assert comment.is_hidden and comment.hidden_reason == "Niet netjes" and comment.text == "Onaardige opmerking"
    assert comment.history.latest().hidden_reason == "Niet netjes"
    assert not kees.has_perm("discussion.change_comment", comment)
    with pytest.raises(Refused):
        services.delete_comment(kees, comment)
    with pytest.raises(ValidationError):
        services.hide_comment(manager, comment, "Nogmaals")


def test_comments_on_experiments_and_reports(programme, workgroup1, lead, reader, manager):
    experiment = Experiment.objects.create(workgroup=workgroup1, title="Try-out")
    services.post_comment(reader, experiment, "Leuk idee", "programme")
    today = timezone.localdate()
    report = ProgressReport.objects.create(
        programme=programme, workgroup=workgroup1, due_date=today, period_start=today, period_end=today, status="draft"
    )
    services.post_comment(lead, report, "Concepttekst klopt nog niet", "programme")
    with pytest.raises(Forbidden):
        services.post_comment(reader, report, "Mag ik?", "programme")  # a draft report is its writers' own
    assert threads(manager, report) and not threads(reader, report)
