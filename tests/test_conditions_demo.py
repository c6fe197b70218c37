"""The demo shows the issue #16 story: a conditional advice with one condition met and one open, visible to the SO,
and three kernteam members' scores on the proposals at the kernteam, with the matrix."""

from django.urls import reverse

from pilots.models import AssessmentCriterion, Condition, Score
from programmes.models import Programme

PASSWORD = "jeugdregio-demo"


def test_rivierenland_has_its_three_criteria(demo_module, db):
    programme = Programme.objects.get(collaboration__name="Rivierenland")
    criteria = AssessmentCriterion.objects.filter(programme=programme)
    assert [(c.name, c.scale_min, c.scale_max, c.axis) for c in criteria] == [
        ("Impact", 1, 5, "impact"),
        ("Uitvoerbaarheid", 1, 5, "feasibility"),
        ("Urgentie", 1, 5, "urgency"),
    ]


def test_a_conditional_advice_with_one_open_and_one_met_condition_is_seen_by_the_so(demo_module, db, client):
    found = list(Condition.objects.filter(pilot__programme__collaboration__name="Rivierenland").order_by("number"))
    assert [c.state for c in found] == ["met", "open"]
    pilot = found[0].pilot
    assert client.login(username="so", password=PASSWORD)
    page = client.get(pilot.get_absolute_url()).content.decode()
    assert 'id="decide-conditions"' in page and found[1].text in page


def test_three_kernteam_members_scored_the_proposals_at_the_kernteam(demo_module, db, client):
    programme = Programme.objects.get(collaboration__name="Rivierenland")
    kernteam = programme.bodies.get(name="Kernteam")
    waiting = Score.objects.filter(pilot__status="on_route", pilot__current_step=1, step_order=1)
    per_pilot = {}
    for pilot_id, member_id in waiting.values_list("pilot", "member"):
        per_pilot.setdefault(pilot_id, set()).add(member_id)
    assert len(per_pilot) >= 2 and all(len(members) == 3 for members in per_pilot.values())
    assert client.login(username="kernteam", password=PASSWORD)
    page = client.get(reverse("pilots:matrix", args=[programme.pk, kernteam.pk])).content.decode()
    assert page.count("data-pilot=") == len(per_pilot) and 'id="matrix-data"' in page
