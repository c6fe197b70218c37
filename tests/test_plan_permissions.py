"""Who may read and who may change which part of the plan, checked on every plan view."""

import pytest
from django.urls import reverse

from tests import factories as f
from tests.factories import PASSWORD


def login(client, user):
    assert client.login(username=user.username, password=PASSWORD)
    return client


@pytest.fixture
def milestone(programme):
    return f.MilestoneFactory(programme=programme)


def read_urls(programme, workgroup):
    return [
        reverse("programmes:detail", args=[programme.pk]),
        reverse("programmes:workgroup", args=[workgroup.pk]),
    ]


def plan_edit_urls(programme, milestone):
    urls = [reverse("programmes:edit", args=[programme.pk]), reverse("programmes:milestone_edit", args=[milestone.pk])]
    urls += [
        reverse("programmes:edit_parts", args=[programme.pk, part])
        for part in (
            "results",
            "action-lines",
            "preconditions",
            "phases",
            "milestones",
            "principles",
            "building-blocks",
        )
    ]
    urls.append(reverse("programmes:workgroup_create", args=[programme.pk]))
    urls.append(reverse("programmes:history", args=["programme", programme.pk]))
    return urls


def workgroup_edit_urls(workgroup):
    return [
        reverse("programmes:workgroup_edit", args=[workgroup.pk]),
        reverse("programmes:workgroup_members", args=[workgroup.pk]),
    ]


@pytest.mark.parametrize("who", ["manager", "lead", "body_member", "reader", "admin_user"])
def test_everyone_in_the_programme_reads_the_plan(client, request, programme, workgroup1, who):
    login(client, request.getfixturevalue(who))
    for url in read_urls(programme, workgroup1):
        assert client.get(url).status_code == 200, url


def test_anonymous_users_are_sent_to_the_login(client, programme, workgroup1, milestone):
    for url in read_urls(programme, workgroup1) + plan_edit_urls(programme, milestone):
        response = client.get(url)
        assert response.status_code == 302 and response.url.startswith(reverse("login")), url


def test_a_manager_of_another_programme_gets_403_everywhere(client, outsider, programme, workgroup1, milestone):
    login(client, outsider)
    for url in (
        read_urls(programme, workgroup1) + plan_edit_urls(programme, milestone) + workgroup_edit_urls(workgroup1)
    ):
        assert client.get(url).status_code == 403, url


@pytest.mark.parametrize("who", ["manager", "admin_user"])
def test_programme_managers_and_admins_open_every_edit_page(client, request, programme, workgroup1, milestone, who):
    login(client, request.getfixturevalue(who))
    for url in plan_edit_urls(programme, milestone) + workgroup_edit_urls(workgroup1):
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("who", ["lead", "body_member", "reader"])
def test_others_cannot_open_plan_edit_pages(client, request, programme, milestone, who):
    login(client, request.getfixturevalue(who))
    for url in plan_edit_urls(programme, milestone):
        assert client.get(url).status_code == 403, url


def test_a_lead_edits_their_own_workgroup_and_members(client, lead, workgroup1):
    login(client, lead)
    for url in workgroup_edit_urls(workgroup1):
        assert client.get(url).status_code == 200, url
    response = client.post(
        reverse("programmes:workgroup_edit", args=[workgroup1.pk]),
        {"number": 1, "name": workgroup1.name, "goal": "Signalen eerder opvangen", "priority": "high"},
    )
    assert response.status_code == 302
    workgroup1.refresh_from_db()
    assert workgroup1.goal == "Signalen eerder opvangen"


def test_a_lead_cannot_touch_another_workgroup_by_url(client, lead, workgroup2):
    login(client, lead)
    for url in workgroup_edit_urls(workgroup2):
        assert client.get(url).status_code == 403, url
    response = client.post(
        reverse("programmes:workgroup_edit", args=[workgroup2.pk]), {"number": 2, "name": "Overgenomen"}
    )
    assert response.status_code == 403
    workgroup2.refresh_from_db()
    assert workgroup2.name == "Gezamenlijke Instap"


def test_a_reader_cannot_post_to_a_plan_form(client, reader, programme):
    login(client, reader)
    response = client.post(reverse("programmes:edit", args=[programme.pk]), {"title": "Gekaapt"})
    assert response.status_code == 403
    programme.refresh_from_db()
    assert programme.title == "Uitvoeringsprogramma test"


def test_edit_buttons_show_only_for_those_who_may_edit(client, manager, reader, programme):
    edit_url = reverse("programmes:edit", args=[programme.pk])
    login(client, manager)
    assert edit_url in client.get(programme.get_absolute_url()).content.decode()
    client.logout()
    login(client, reader)
    assert edit_url not in client.get(programme.get_absolute_url()).content.decode()


def test_lead_sees_edit_buttons_on_own_workgroup_only(client, lead, workgroup1, workgroup2):
    login(client, lead)
    own = client.get(reverse("programmes:workgroup", args=[workgroup1.pk])).content.decode()
    other = client.get(reverse("programmes:workgroup", args=[workgroup2.pk])).content.decode()
    assert reverse("programmes:workgroup_edit", args=[workgroup1.pk]) in own
    assert reverse("programmes:workgroup_edit", args=[workgroup2.pk]) not in other


def test_objects_that_do_not_exist_are_404(client, manager):
    login(client, manager)
    for url in (
        reverse("programmes:detail", args=[999999]),
        reverse("programmes:workgroup", args=[999999]),
        reverse("programmes:milestone_edit", args=[999999]),
        reverse("programmes:edit_parts", args=[999999, "results"]),
        reverse("programmes:history", args=["milestone", 999999]),
        reverse("programmes:history", args=["nosuchmodel", 1]),
    ):
        response = client.get(url)
        assert response.status_code == 404, url


def test_an_unknown_plan_part_is_404(client, manager, programme):
    login(client, manager)
    assert client.get(reverse("programmes:edit_parts", args=[programme.pk, "secrets"])).status_code == 404


def test_the_programme_list_shows_only_readable_programmes(client, reader, programme, other_programme):
    f.ProgrammeFactory(title="Derde programma")
    login(client, reader)
    response = client.get(reverse("programmes:list"), follow=True)
    body = response.content.decode()
    assert programme.title in body
    assert other_programme.title not in body


def test_a_lead_is_not_offered_the_history_they_may_not_open(client, lead, manager, workgroup1):
    history = reverse("programmes:history", args=["workgroup", workgroup1.pk])
    login(client, lead)
    assert history not in client.get(reverse("programmes:workgroup", args=[workgroup1.pk])).content.decode()
    client.logout()
    login(client, manager)
    assert history in client.get(reverse("programmes:workgroup", args=[workgroup1.pk])).content.decode()
