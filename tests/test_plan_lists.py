"""The workgroup, milestone and people lists: who sees them, what filters do, and constant query counts."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests import factories as f
from tests.factories import PASSWORD

LISTS = ["programmes:workgroups", "programmes:milestones", "programmes:people"]


def login(client, user):
    assert client.login(username=user.username, password=PASSWORD)


def rows(response, kind):
    return response.content.decode().count(f'data-row="{kind}"')


@pytest.mark.parametrize("name", LISTS)
def test_readers_and_managers_see_the_lists(client, reader, manager, programme, name):
    url = reverse(name, args=[programme.pk])
    for user in (reader, manager):
        login(client, user)
        assert client.get(url).status_code == 200
        client.logout()


@pytest.mark.parametrize("name", LISTS)
def test_others_get_403_and_anonymous_users_the_login(client, outsider, programme, name):
    url = reverse(name, args=[programme.pk])
    assert client.get(url).url.startswith(reverse("login"))
    login(client, outsider)
    assert client.get(url).status_code == 403


def test_milestones_filter_on_done_phase_and_period(client, reader, programme):
    phase = f.PhaseFactory(
        programme=programme,
        name="Uitvoering",
        start_date=datetime.date(2027, 1, 1),
        end_date=datetime.date(2027, 12, 31),
    )
    f.MilestoneFactory(programme=programme, description="Klaar", start_date=datetime.date(2026, 3, 1), done=True)
    f.MilestoneFactory(
        programme=programme,
        description="Doorlopend",
        phase=phase,
        start_date=datetime.date(2027, 1, 1),
        end_date=datetime.date(2027, 12, 31),
    )
    f.MilestoneFactory(programme=programme, description="Eind", start_date=datetime.date(2028, 12, 1))
    login(client, reader)
    url = reverse("programmes:milestones", args=[programme.pk])
    assert rows(client.get(url, {"done": "true"}), "milestone") == 1
    assert rows(client.get(url, {"done": "false"}), "milestone") == 2
    assert rows(client.get(url, {"phase": phase.pk}), "milestone") == 1
    # A milestone that runs through 2027 overlaps June 2027.
    response = client.get(url, {"date_from": "2027-06-01", "date_to": "2027-06-30"})
    assert rows(response, "milestone") == 1 and "Doorlopend" in response.content.decode()


def test_workgroups_filter_on_action_line_and_search(client, reader, programme, workgroup1, workgroup2):
    line = f.ActionLineFactory(programme=programme, title="Datagedreven")
    workgroup2.action_lines.add(line)
    login(client, reader)
    url = reverse("programmes:workgroups", args=[programme.pk])
    response = client.get(url, {"action_line": line.pk})
    assert rows(response, "workgroup") == 1 and "Gezamenlijke Instap" in response.content.decode()
    assert rows(client.get(url, {"q": "instroom"}), "workgroup") == 1


def test_an_action_line_of_another_programme_is_not_a_valid_filter(client, reader, programme, other_programme):
    foreign = f.ActionLineFactory(programme=other_programme)
    login(client, reader)
    response = client.get(reverse("programmes:workgroups", args=[programme.pk]), {"action_line": foreign.pk})
    assert response.status_code == 200
    assert "Selecteer een geldige keuze" in response.content.decode()


def test_people_filter_on_role_and_organisation(client, reader, lead, programme, workgroup1):
    karakter = f.OrganisationFactory(name="Karakter")
    member = f.MembershipFactory(workgroup=workgroup1, person=f.PersonFactory(name="Ilse", organisation=karakter))
    login(client, reader)
    url = reverse("programmes:people", args=[programme.pk])
    leads = client.get(url, {"role": "lead"}).content.decode()
    assert "Lars" in leads and "Ilse" not in leads
    by_org = client.get(url, {"organisation": karakter.pk}).content.decode()
    assert member.person.name in by_org and "Lars" not in by_org


def test_people_of_another_programme_never_appear(client, reader, programme, workgroup1, other_programme):
    f.MembershipFactory(workgroup=workgroup1, person=f.PersonFactory(name="Binnen"))
    elsewhere = f.WorkgroupFactory(programme=other_programme)
    f.MembershipFactory(workgroup=elsewhere, person=f.PersonFactory(name="Buiten"))
    login(client, reader)
    page = client.get(reverse("programmes:people", args=[programme.pk])).content.decode()
    assert "Binnen" in page and "Buiten" not in page


def test_only_managers_see_the_new_workgroup_button(client, manager, reader, programme):
    url = reverse("programmes:workgroups", args=[programme.pk])
    create = reverse("programmes:workgroup_create", args=[programme.pk])
    login(client, manager)
    assert create in client.get(url).content.decode()
    client.logout()
    login(client, reader)
    assert create not in client.get(url).content.decode()


def make_rows(programme, kind, count):
    if kind == "workgroups":
        start = programme.workgroups.count()
        for n in range(count):
            workgroup = f.WorkgroupFactory(programme=programme, number=start + n + 1)
            f.MembershipFactory(workgroup=workgroup, role="lead")
            f.MembershipFactory(workgroup=workgroup)
            workgroup.action_lines.add(f.ActionLineFactory(programme=programme))
    elif kind == "milestones":
        phase = f.PhaseFactory(programme=programme)
        for _ in range(count):
            f.MilestoneFactory(programme=programme, phase=phase)
    else:
        workgroup = f.WorkgroupFactory(programme=programme, number=90 + programme.workgroups.count())
        body = f.GovernanceBodyFactory(programme=programme)
        for _ in range(count):
            person = f.PersonFactory()
            f.MembershipFactory(workgroup=workgroup, person=person)
            f.BodyMembershipFactory(body=body, person=person)


def query_count(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("kind,small,large", [("workgroups", 5, 60), ("milestones", 5, 200), ("people", 5, 200)])
def test_query_count_does_not_grow_with_rows(client, manager, programme, kind, small, large):
    url = reverse(f"programmes:{kind}", args=[programme.pk])
    login(client, manager)
    make_rows(programme, kind, small)
    few = query_count(client, url)
    make_rows(programme, kind, large - small)
    many = query_count(client, url)
    assert few == many


def test_the_programme_page_query_count_does_not_grow_with_the_plan(client, manager, programme):
    url = programme.get_absolute_url()
    login(client, manager)
    for kind in ("workgroups", "milestones", "people"):
        make_rows(programme, kind, 3)
    few = query_count(client, url)
    for kind in ("workgroups", "milestones", "people"):
        make_rows(programme, kind, 30)
    assert query_count(client, url) == few
