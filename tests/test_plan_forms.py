"""Bad input on the plan forms: a Dutch message next to the field, nothing saved."""

import datetime

import pytest
from django.urls import reverse

from programmes.models import Milestone, ResultGoal, Workgroup
from tests import factories as f
from tests.factories import PASSWORD


@pytest.fixture
def manager_client(client, manager):
    assert client.login(username=manager.username, password=PASSWORD)
    return client


def formset_data(prefix, rows, initial=0):
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(rows)),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for index, row in enumerate(rows):
        for key, value in row.items():
            data[f"{prefix}-{index}-{key}"] = value
    return data


def programme_post(programme, **changes):
    data = {
        "title": programme.title,
        "start_date": programme.start_date.isoformat(),
        "end_date": programme.end_date.isoformat(),
        "goal": programme.goal,
        "domains": programme.domains,
    }
    data.update(changes)
    return data


def test_the_manager_edits_the_programme_goal(manager_client, programme):
    response = manager_client.post(
        reverse("programmes:edit", args=[programme.pk]), programme_post(programme, goal="Bereikbare jeugdhulp")
    )
    assert response.status_code == 302
    programme.refresh_from_db()
    assert programme.goal == "Bereikbare jeugdhulp"


def test_an_end_before_the_start_is_refused_in_dutch(manager_client, programme):
    response = manager_client.post(
        reverse("programmes:edit", args=[programme.pk]), programme_post(programme, end_date="2025-01-01", goal="X")
    )
    assert response.status_code == 200
    assert "De einddatum ligt vóór de begindatum." in response.content.decode()
    programme.refresh_from_db()
    assert programme.goal != "X"


def test_shrinking_the_period_past_a_milestone_is_refused(manager_client, programme):
    f.MilestoneFactory(programme=programme, description="Eindrapportage", start_date=datetime.date(2028, 12, 1))
    response = manager_client.post(
        reverse("programmes:edit", args=[programme.pk]), programme_post(programme, end_date="2027-12-31")
    )
    assert response.status_code == 200
    assert "Eindrapportage" in response.content.decode()
    programme.refresh_from_db()
    assert programme.end_date == datetime.date(2028, 12, 31)


def test_a_milestone_outside_the_programme_period_is_refused(manager_client, programme):
    milestone = f.MilestoneFactory(programme=programme, description="Kennissessie")
    response = manager_client.post(
        reverse("programmes:milestone_edit", args=[milestone.pk]),
        {"start_date": "2030-01-01", "description": "Kennissessie", "done": "on"},
    )
    assert response.status_code == 200
    assert "buiten de programmaperiode" in response.content.decode()
    milestone.refresh_from_db()
    assert milestone.start_date == datetime.date(2026, 3, 1)
    assert not milestone.done


def test_the_manager_marks_a_milestone_done(manager_client, programme):
    milestone = f.MilestoneFactory(programme=programme, description="Kennissessie")
    response = manager_client.post(
        reverse("programmes:milestone_edit", args=[milestone.pk]),
        {"start_date": "2026-06-01", "end_date": "2026-06-30", "description": "Kennissessies", "done": "on"},
    )
    assert response.status_code == 302
    milestone.refresh_from_db()
    assert milestone.done and milestone.description == "Kennissessies"


def test_a_milestone_cannot_use_a_phase_of_another_programme(manager_client, programme, other_programme):
    foreign_phase = f.PhaseFactory(programme=other_programme)
    milestone = f.MilestoneFactory(programme=programme)
    response = manager_client.post(
        reverse("programmes:milestone_edit", args=[milestone.pk]),
        {"start_date": "2026-03-01", "description": "X", "phase": foreign_phase.pk},
    )
    assert response.status_code == 200
    milestone.refresh_from_db()
    assert milestone.phase is None


def test_result_goals_are_added_and_removed_in_place(manager_client, programme):
    keep = f.ResultGoalFactory(programme=programme, title="Minder instroom")
    drop = f.ResultGoalFactory(programme=programme, title="Oud doel")
    data = formset_data(
        "parts",
        [
            {"id": keep.pk, "order": 1, "title": "Minder instroom", "target_year": 2028},
            {"id": drop.pk, "order": 2, "title": "Oud doel", "DELETE": "on"},
            {"order": 3, "title": "Betere datakwaliteit", "target_year": 2028},
        ],
        initial=2,
    )
    response = manager_client.post(reverse("programmes:edit_parts", args=[programme.pk, "results"]), data)
    assert response.status_code == 302
    assert sorted(programme.result_goals.values_list("title", flat=True)) == ["Betere datakwaliteit", "Minder instroom"]


def test_duplicate_titles_in_one_formset_save_nothing(manager_client, programme):
    data = formset_data("parts", [{"order": 1, "title": "Minder instroom"}, {"order": 2, "title": "Minder instroom"}])
    response = manager_client.post(reverse("programmes:edit_parts", args=[programme.pk, "results"]), data)
    assert response.status_code == 200
    assert ResultGoal.objects.filter(programme=programme).count() == 0


def test_a_phase_ending_before_it_starts_saves_no_phase(manager_client, programme):
    data = formset_data(
        "parts",
        [
            {"order": 1, "name": "Voorbereiding", "start_date": "2026-01-01", "end_date": "2026-03-31"},
            {"order": 2, "name": "Uitvoering", "start_date": "2026-06-01", "end_date": "2026-05-01"},
        ],
    )
    response = manager_client.post(reverse("programmes:edit_parts", args=[programme.pk, "phases"]), data)
    assert response.status_code == 200
    assert "De einddatum ligt vóór de begindatum." in response.content.decode()
    assert programme.phases.count() == 0


def test_action_lines_only_offer_this_programmes_result_goals(manager_client, programme, other_programme):
    own = f.ResultGoalFactory(programme=programme, title="Eigen doel")
    foreign = f.ResultGoalFactory(programme=other_programme, title="Vreemd doel")
    page = manager_client.get(reverse("programmes:edit_parts", args=[programme.pk, "action-lines"])).content.decode()
    assert "Eigen doel" in page and "Vreemd doel" not in page
    data = formset_data("parts", [{"order": 1, "title": "Normaliseren", "result_goals": [foreign.pk]}])
    response = manager_client.post(reverse("programmes:edit_parts", args=[programme.pk, "action-lines"]), data)
    assert response.status_code == 200
    assert not programme.action_lines.exists()
    data = formset_data("parts", [{"order": 1, "title": "Normaliseren", "result_goals": [own.pk]}])
    manager_client.post(reverse("programmes:edit_parts", args=[programme.pk, "action-lines"]), data)
    assert list(programme.action_lines.get().result_goals.all()) == [own]


def workgroup_post(**changes):
    data = {"number": 3, "name": "Duurzame Uitstroom", "priority": "medium"}
    data.update(changes)
    return data


def test_the_manager_creates_a_workgroup(manager_client, programme):
    response = manager_client.post(reverse("programmes:workgroup_create", args=[programme.pk]), workgroup_post())
    assert response.status_code == 302
    assert programme.workgroups.get().name == "Duurzame Uitstroom"


def test_a_duplicate_workgroup_number_or_name_is_refused(manager_client, programme, workgroup1):
    url = reverse("programmes:workgroup_create", args=[programme.pk])
    response = manager_client.post(url, workgroup_post(number=1))
    assert response.status_code == 200
    response = manager_client.post(url, workgroup_post(name=workgroup1.name))
    assert response.status_code == 200
    assert "bestaat al" in response.content.decode()
    assert programme.workgroups.count() == 1


def test_the_same_workgroup_number_is_fine_in_another_programme(manager_client, programme, other_programme):
    f.WorkgroupFactory(programme=other_programme, number=3)
    response = manager_client.post(reverse("programmes:workgroup_create", args=[programme.pk]), workgroup_post())
    assert response.status_code == 302


def test_two_workgroups_cannot_depend_on_each_other(manager_client, workgroup1, workgroup2):
    workgroup2.depends_on.add(workgroup1)
    response = manager_client.post(
        reverse("programmes:workgroup_edit", args=[workgroup1.pk]),
        workgroup_post(number=1, name=workgroup1.name, depends_on=[workgroup2.pk]),
    )
    assert response.status_code == 200
    assert not workgroup1.depends_on.exists()


def test_a_workgroup_cannot_depend_on_a_workgroup_of_another_programme(manager_client, workgroup1, other_programme):
    foreign = f.WorkgroupFactory(programme=other_programme)
    response = manager_client.post(
        reverse("programmes:workgroup_edit", args=[workgroup1.pk]),
        workgroup_post(number=1, name=workgroup1.name, depends_on=[foreign.pk]),
    )
    assert response.status_code == 200
    assert not workgroup1.depends_on.exists()


@pytest.mark.parametrize("hours", ["-2", "80", "abc"])
def test_absurd_hours_per_week_are_refused(manager_client, workgroup1, hours):
    person = f.PersonFactory()
    data = formset_data("members", [{"person": person.pk, "role": "member", "hours_per_week": hours}])
    response = manager_client.post(reverse("programmes:workgroup_members", args=[workgroup1.pk]), data)
    assert response.status_code == 200
    assert not workgroup1.memberships.exists()


def test_members_are_added_with_role_and_hours(manager_client, workgroup1):
    person = f.PersonFactory(name="Noor Visser")
    data = formset_data(
        "members",
        [{"person": person.pk, "role": "lead", "hours_per_week": "4.5", "contribution": "Trekker namens gemeente"}],
    )
    response = manager_client.post(reverse("programmes:workgroup_members", args=[workgroup1.pk]), data)
    assert response.status_code == 302
    seat = workgroup1.memberships.get()
    assert (seat.person, seat.role, str(seat.hours_per_week)) == (person, "lead", "4.5")


def test_a_person_cannot_sit_twice_in_one_workgroup(manager_client, workgroup1):
    person = f.PersonFactory()
    data = formset_data("members", [{"person": person.pk, "role": "lead"}, {"person": person.pk, "role": "member"}])
    response = manager_client.post(reverse("programmes:workgroup_members", args=[workgroup1.pk]), data)
    assert response.status_code == 200
    assert not workgroup1.memberships.exists()


def test_nothing_half_saved_when_one_row_is_bad(manager_client, programme):
    before = Milestone.objects.count(), Workgroup.objects.count()
    data = formset_data(
        "parts",
        [
            {"start_date": "2026-05-01", "description": "Goede mijlpaal"},
            {"start_date": "2031-05-01", "description": "Te late mijlpaal"},
        ],
    )
    response = manager_client.post(reverse("programmes:edit_parts", args=[programme.pk, "milestones"]), data)
    assert response.status_code == 200
    assert (Milestone.objects.count(), Workgroup.objects.count()) == before
