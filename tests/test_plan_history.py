"""Every plan edit is kept with who and when; a programme manager can restore an earlier version."""

import pytest
from django.urls import reverse

from programmes.models import Milestone
from tests import factories as f
from tests.factories import PASSWORD


@pytest.fixture
def manager_client(client, manager):
    assert client.login(username=manager.username, password=PASSWORD)
    return client


def edit_milestone(client, milestone, description, done=False):
    data = {"start_date": milestone.start_date.isoformat(), "description": description}
    if done:
        data["done"] = "on"
    response = client.post(reverse("programmes:milestone_edit", args=[milestone.pk]), data)
    assert response.status_code == 302


def test_an_edit_is_kept_with_who_and_when(manager_client, manager, programme):
    milestone = f.MilestoneFactory(programme=programme, description="Kick-off werkgroepen")
    edit_milestone(manager_client, milestone, "Kick-off werkgroepen en interviews")
    latest = milestone.history.latest()
    assert latest.history_user == manager
    assert latest.description == "Kick-off werkgroepen en interviews"
    page = manager_client.get(reverse("programmes:history", args=["milestone", milestone.pk])).content.decode()
    assert "Kick-off werkgroepen" in page and "Kick-off werkgroepen en interviews" in page
    assert "Marit" in page or manager.username in page


def test_the_manager_restores_an_earlier_version(manager_client, programme):
    milestone = f.MilestoneFactory(programme=programme, description="Origineel")
    edit_milestone(manager_client, milestone, "Vergissing", done=True)
    original = milestone.history.earliest()
    url = reverse("programmes:history", args=["milestone", milestone.pk])
    response = manager_client.post(url, {"history_id": original.history_id, "confirmed": "1"})
    assert response.status_code == 302
    milestone.refresh_from_db()
    assert milestone.description == "Origineel" and not milestone.done
    # The restore is itself an edit in the history, nothing was erased.
    assert milestone.history.count() == 3


def test_restoring_brings_back_relations(manager_client, programme):
    goal_a = f.ResultGoalFactory(programme=programme, title="A")
    goal_b = f.ResultGoalFactory(programme=programme, title="B")
    line = f.ActionLineFactory(programme=programme, title="Normaliseren")
    line.result_goals.set([goal_a])
    line.save()  # a history row that holds the relation to A
    version_with_a = line.history.latest()
    line.result_goals.set([goal_b])
    line.save()
    manager_client.post(
        reverse("programmes:history", args=["actionline", line.pk]),
        {"history_id": version_with_a.history_id, "confirmed": "1"},
    )
    assert list(line.result_goals.all()) == [goal_a]


def test_a_deleted_row_stays_in_the_history(manager_client, programme):
    milestone = f.MilestoneFactory(programme=programme, description="Weg ermee")
    pk = milestone.pk
    milestone.delete()
    assert not Milestone.objects.filter(pk=pk).exists()
    assert Milestone.history.filter(id=pk, history_type="-").exists()
    page = manager_client.get(reverse("programmes:history", args=["milestone", pk]))
    assert page.status_code == 200


def test_readers_and_leads_cannot_see_or_revert_history(client, reader, lead, programme):
    milestone = f.MilestoneFactory(programme=programme, description="Origineel")
    milestone.description = "Gewijzigd"
    milestone.save()
    url = reverse("programmes:history", args=["milestone", milestone.pk])
    for user in (reader, lead):
        client.login(username=user.username, password=PASSWORD)
        assert client.get(url).status_code == 403
        assert client.post(url, {"history_id": milestone.history.earliest().history_id}).status_code == 403
        client.logout()
    milestone.refresh_from_db()
    assert milestone.description == "Gewijzigd"


def test_a_version_of_another_object_cannot_be_restored_through_this_url(manager_client, programme):
    mine = f.MilestoneFactory(programme=programme, description="Mijn mijlpaal")
    other = f.MilestoneFactory(programme=programme, description="Andere mijlpaal")
    response = manager_client.post(
        reverse("programmes:history", args=["milestone", mine.pk]), {"history_id": other.history.latest().history_id}
    )
    assert response.status_code == 404
    mine.refresh_from_db()
    assert mine.description == "Mijn mijlpaal"
