"""One item of the plan at a time: a "New milestone" button, an edit link per row, removal that asks first.
Who may edit the plan's lists may do this; the history keeps every step."""

import re

import pytest
from django.urls import reverse

from programmes.models import ActionLine, Milestone, Phase, Precondition, ResultGoal
from tests import factories as f

PARTS = {
    "results": ResultGoal,
    "action-lines": ActionLine,
    "preconditions": Precondition,
    "phases": Phase,
    "milestones": Milestone,
}


def url(name, programme, part, obj=None):
    return reverse(f"programmes:{name}", args=[programme.pk, part] + ([obj.pk] if obj else []))


def test_the_programme_page_offers_new_buttons_and_edit_links_to_the_manager_only(client, programme, manager, reader):
    milestone = f.MilestoneFactory(programme=programme, description="Start pilots")
    line = f.ActionLineFactory(programme=programme, title="Zo thuis mogelijk")
    client.force_login(manager)
    page = client.get(programme.get_absolute_url()).content.decode()
    for label in ("Nieuwe mijlpaal", "Nieuw resultaatdoel", "Nieuwe actielijn", "Nieuwe randvoorwaarde", "Nieuwe fase"):
        assert label in page
    assert url("item_create", programme, "milestones") in page
    assert url("item_edit", programme, "action-lines", line) in page
    assert reverse("programmes:milestone_edit", args=[milestone.pk]) in page
    client.force_login(reader)
    page = client.get(programme.get_absolute_url()).content.decode()
    assert "Nieuwe mijlpaal" not in page and url("item_edit", programme, "action-lines", line) not in page


def test_the_manager_adds_one_milestone_and_the_history_keeps_it(client, programme, manager):
    client.force_login(manager)
    page = client.get(url("item_create", programme, "milestones")).content.decode()
    assert "<h1" in page and "Nieuwe mijlpaal" in page
    response = client.post(
        url("item_create", programme, "milestones"),
        {"start_date": "2027-06-01", "period_label": "Juni 2027", "description": "Tussenevaluatie pilots"},
        follow=True,
    )
    milestone = Milestone.objects.get(programme=programme, description="Tussenevaluatie pilots")
    assert response.redirect_chain[-1][0].endswith(programme.get_absolute_url() + "#milestones")
    assert "Mijlpaal opgeslagen." in response.content.decode()
    record = milestone.history.get()
    assert (record.history_type, record.history_user) == ("+", manager)


def test_a_milestone_outside_the_programme_period_is_refused(client, programme, manager):
    client.force_login(manager)
    response = client.post(
        url("item_create", programme, "milestones"), {"start_date": "2035-01-01", "description": "Veel te laat"}
    )
    assert response.status_code == 200
    assert not Milestone.objects.filter(description="Veel te laat").exists()


def test_the_manager_edits_one_action_line_with_result_goal_checkboxes(client, programme, manager):
    goals = [f.ResultGoalFactory(programme=programme, title=title) for title in ("Minder instroom", "Meer thuis")]
    line = f.ActionLineFactory(programme=programme, title="Zo thuis mogelijk")
    client.force_login(manager)
    page = client.get(url("item_edit", programme, "action-lines", line)).content.decode()
    assert re.search(rf'<input type="checkbox"[^>]* name="result_goals" value="{goals[0].pk}"', page)
    assert "Actielijn bewerken" in page
    response = client.post(
        url("item_edit", programme, "action-lines", line),
        {"order": 3, "title": "Zo thuis mogelijk", "description": "", "result_goals": [goals[1].pk]},
    )
    assert response.status_code == 302
    assert list(line.result_goals.all()) == [goals[1]]
    latest = line.history.first()
    assert (latest.history_type, latest.history_user) == ("~", manager)


def test_removing_one_phase_asks_first_and_keeps_its_history(client, programme, manager):
    phase = f.PhaseFactory(programme=programme, name="Fase 2: Verdieping")
    client.force_login(manager)
    page = client.get(url("item_delete", programme, "phases", phase)).content.decode()
    assert "Fase verwijderen?" in page and "Fase 2: Verdieping" in page
    assert Phase.objects.filter(pk=phase.pk).exists()
    response = client.post(url("item_delete", programme, "phases", phase), follow=True)
    assert "Fase “Fase 2: Verdieping” verwijderd." in response.content.decode()
    assert not Phase.objects.filter(pk=phase.pk).exists()
    assert [h.history_type for h in Phase.history.filter(id=phase.pk)] == ["-", "+"]
    history = reverse("programmes:history", args=["phase", phase.pk])
    assert history in page
    created = Phase.history.get(id=phase.pk, history_type="+")
    client.post(history, {"history_id": created.history_id, "confirmed": "1"})
    assert Phase.objects.get(pk=phase.pk).name == "Fase 2: Verdieping"  # restored from its history


@pytest.mark.parametrize("part", PARTS)
def test_every_part_can_be_added_edited_and_removed_one_at_a_time(client, programme, manager, part):
    model = PARTS[part]
    client.force_login(manager)
    assert client.get(url("item_create", programme, part)).status_code == 200
    item = {
        "results": lambda: f.ResultGoalFactory(programme=programme),
        "action-lines": lambda: f.ActionLineFactory(programme=programme),
        "preconditions": lambda: Precondition.objects.create(programme=programme, title="Draagvlak"),
        "phases": lambda: f.PhaseFactory(programme=programme),
        "milestones": lambda: f.MilestoneFactory(programme=programme),
    }[part]()
    assert client.get(url("item_edit", programme, part, item)).status_code == 200
    assert client.post(url("item_delete", programme, part, item)).status_code == 302
    assert not model.objects.filter(pk=item.pk).exists()


@pytest.mark.parametrize("who", ["reader", "lead"])
def test_who_may_not_edit_the_plan_cannot_add_edit_or_remove_an_item(request, client, programme, who):
    user = request.getfixturevalue(who)
    milestone = f.MilestoneFactory(programme=programme, description="Blijft staan")
    client.force_login(user)
    assert client.get(url("item_create", programme, "milestones")).status_code == 403
    assert client.post(url("item_create", programme, "milestones"), {"description": "x"}).status_code == 403
    assert client.post(url("item_edit", programme, "milestones", milestone), {"description": "x"}).status_code == 403
    assert client.post(url("item_delete", programme, "milestones", milestone)).status_code == 403
    milestone.refresh_from_db()
    assert milestone.description == "Blijft staan"


def test_an_item_of_another_programme_is_not_found(client, programme, other_programme, manager):
    foreign = f.MilestoneFactory(programme=other_programme)
    client.force_login(manager)
    assert client.get(url("item_edit", programme, "milestones", foreign)).status_code == 404
    assert client.post(url("item_delete", programme, "milestones", foreign)).status_code == 404
    assert Milestone.objects.filter(pk=foreign.pk).exists()
    assert client.get(url("item_create", programme, "nothing")).status_code == 404


def test_the_action_lines_list_links_result_goals_with_checkboxes_not_a_multi_select(client, programme, manager):
    goal = f.ResultGoalFactory(programme=programme, title="Minder instroom")
    f.ActionLineFactory(programme=programme, title="Zo thuis mogelijk")
    client.force_login(manager)
    page = client.get(reverse("programmes:edit_parts", args=[programme.pk, "action-lines"])).content.decode()
    assert re.search(rf'<input type="checkbox"[^>]* name="parts-0-result_goals" value="{goal.pk}"', page)
    assert '<select name="parts-0-result_goals"' not in page and "multiple" not in page


# Editing that fits the work: choices say what they mean, "no choice" reads as "All".


def test_likelihood_and_impact_show_their_meaning(client, programme, manager):
    client.force_login(manager)
    page = client.get(reverse("programmes:risk_create", args=[programme.pk])).content.decode()
    for option in ("1 – zeer klein", "3 – gemiddeld", "5 – zeer groot"):
        assert page.count(f">{option}</option>") == 2  # likelihood and impact
    risks = client.get(reverse("programmes:risks", args=[programme.pk])).content.decode()
    assert ">5 – zeer groot</option>" in risks  # the register's filter too


@pytest.mark.parametrize(
    ("name", "args", "field"),
    [("pilots:list", "programme", "mine"), ("programmes:milestones", "programme", "done")],
)
def test_a_yes_no_filter_offers_all_not_unknown(client, programme, manager, name, args, field):
    client.force_login(manager)
    page = client.get(reverse(name, args=[programme.pk])).content.decode()
    select = re.search(rf'<select name="{field}".*?</select>', page, re.S).group(0)
    assert '<option value="" selected>Alle</option>' in select and "Onbekend" not in page
    assert ">Ja</option>" in select and ">Nee</option>" in select


def test_list_filters_say_all_instead_of_dashes(client, programme, manager):
    client.force_login(manager)
    for name in ("pilots:list", "programmes:risks", "reports:list"):
        page = client.get(reverse(name, args=[programme.pk])).content.decode()
        # The list's filters, not the search box of the programme bar (also a search landmark).
        filters = re.search(r'<form(?![^>]*search-box)[^>]*role="search".*?</form>', page, re.S).group(0)
        assert "---------" not in filters and ">Alle</option>" in filters, name


def test_long_texts_are_short_in_the_pilot_list_and_whole_on_the_detail_pages(client, programme, manager, workgroup1):
    from pilots.models import Pilot

    title = "Normaliseren en versterken van de pedagogische basis in alle acht gemeenten"
    line = f.ActionLineFactory(programme=programme, title=title, description="Woord " * 80)
    phase = f.PhaseFactory(programme=programme, name="Fase 2", goal="Doel " * 40)
    pilot = Pilot.objects.create(programme=programme, workgroup=workgroup1, title="Vaste contactpersoon")
    pilot.action_lines.add(line)
    client.force_login(manager)
    listing = client.get(reverse("pilots:list", args=[programme.pk])).content.decode()
    shown = re.search(r"<div[^>]*data-action-lines>(.*?)</div>", listing, re.S).group(1)
    assert f">{title}<" not in shown and "Normaliseren en versterken van de pedag…" in shown
    assert title in client.get(pilot.get_absolute_url()).content.decode()
    programme_page = client.get(programme.get_absolute_url()).content.decode()
    assert line.description.strip() in programme_page and phase.goal.strip() in programme_page
