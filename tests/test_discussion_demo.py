"""The demo discussion: two proposals talked through by a lead, the kernteam and the RBJ, with mentions and
replies, and annexes on one of them, each seen by the roles that may see it."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from discussion.models import Annex, Comment
from discussion.sections import threads

pytestmark = pytest.mark.django_db


def user(name):
    return get_user_model().objects.get(username=name)


def test_the_demo_discusses_two_proposals_with_mentions_replies_and_annexes(demo_module):
    comments = Comment.objects.filter(programme__collaboration__name="Rivierenland")
    pilots = {c.pilot.title for c in comments}
    assert pilots == {"Gezamenlijke analyse aan de voorkant", "Steunouders in Rivierenland"}
    assert {c.author.username for c in comments} >= {"trekker", "kernteam", "rbj"}
    assert comments.filter(parent__isnull=False).count() >= 2
    assert comments.filter(mentioned__isnull=False).exists()
    annexes = Annex.objects.filter(pilot__title="Gezamenlijke analyse aan de voorkant")
    assert sorted(a.is_submitted for a in annexes) == [False, True]
    voorkant = comments.get(parent__isnull=True, author__username="kernteam", pilot__title__contains="voorkant").pilot
    assert len(threads(user("trekker"), voorkant)) == 2
    assert len(threads(user("lezer"), voorkant)) == 1  # the team's question stays with the team


def test_loading_the_demo_twice_keeps_one_discussion(demo_module):
    count = Comment.objects.count()
    call_command("load_demo", stdout=open("/dev/null", "w"))
    assert Comment.objects.count() == count
