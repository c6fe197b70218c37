# ruff: noqa: F811 - the fixture of tests/test_conditions_flow.py is shared by importing it
"""The conditions on the pilot page and in Mijn werk: who sees which button, what a refused act keeps, and a
Mijn werk whose query count does not grow with the conditions."""

from decimal import Decimal

from django.urls import reverse

from pilots import conditions, services
from pilots.constants import ConditionState
from pilots.models import BudgetRequest, Pilot
from tests.factories import PASSWORD
from tests.test_conditions_flow import at_so, first  # noqa: F401


def login(client, user):
    client.logout()
    assert client.login(username=user.username, password=PASSWORD)


def act_url(condition, act):
    return reverse("pilots:condition_act", args=[condition.pk, act])


def test_the_pilot_page_shows_the_conditions_with_the_buttons_of_each_role(client, at_so, lead, secretaries, reader):
    condition = first(at_so)
    login(client, reader)
    page = client.get(at_so.get_absolute_url()).content.decode()
    assert 'id="conditions"' in page and 'data-condition="open"' in page
    assert act_url(condition, "met") not in page
    login(client, lead)
    assert act_url(condition, "met") in client.get(at_so.get_absolute_url()).content.decode()
    conditions.mark_met(condition, lead, "Klaar")
    login(client, secretaries["RBJ"])
    page = client.get(at_so.get_absolute_url()).content.decode()
    assert act_url(condition, "confirm") in page and act_url(condition, "reopen") in page
    assert act_url(condition, "drop") not in page  # the RBJ set it; the SO decides whether it is dropped
    login(client, secretaries["SO"])
    assert act_url(condition, "drop") in client.get(at_so.get_absolute_url()).content.decode()


def test_marking_met_without_explanation_keeps_the_page_and_changes_nothing(client, at_so, lead):
    login(client, lead)
    response = client.post(act_url(first(at_so), "met"), {f"c{first(at_so).pk}-explanation": " "})
    assert response.status_code == 200 and "error-summary" in response.content.decode()
    assert first(at_so).state == ConditionState.OPEN
    response = client.post(act_url(first(at_so), "met"), {f"c{first(at_so).pk}-explanation": "Twaalf gezinnen"})
    assert response.status_code == 302 and first(at_so).state == ConditionState.CLAIMED


def test_acting_without_the_right_gets_403_and_changes_nothing(client, at_so, lead, secretaries, reader):
    login(client, secretaries["RBJ"])
    assert client.post(act_url(first(at_so), "met"), {f"c{first(at_so).pk}-explanation": "x"}).status_code == 403
    conditions.mark_met(first(at_so), lead, "Klaar")
    for user in (lead, secretaries["SO"]):
        login(client, user)
        response = client.post(act_url(first(at_so), "confirm"), {"confirmed": "1"})
        assert response.status_code == 403
    login(client, reader)
    assert client.post(act_url(first(at_so), "drop"), {"confirmed": "1"}).status_code == 403
    assert first(at_so).state == ConditionState.CLAIMED


def test_confirming_asks_first_then_confirms(client, at_so, lead, secretaries):
    conditions.mark_met(first(at_so), lead, "Klaar")
    login(client, secretaries["RBJ"])
    asked = client.post(act_url(first(at_so), "confirm"), {})
    assert asked.status_code == 200 and 'id="what-will-happen"' in asked.content.decode()
    assert first(at_so).state == ConditionState.CLAIMED
    client.post(act_url(first(at_so), "confirm"), {"confirmed": "1"})
    assert first(at_so).state == ConditionState.MET


def test_an_unknown_act_or_condition_is_a_404(client, at_so, lead):
    login(client, lead)
    assert client.post(act_url(first(at_so), "approve"), {}).status_code == 404
    assert client.post("/pilots/conditions/999999/met/", {}).status_code == 404


def test_mijn_werk_lists_what_to_mark_and_what_to_confirm(client, at_so, lead, secretaries, reader):
    login(client, lead)
    page = client.get(reverse("home")).content.decode()
    assert page.count('data-work="condition-open"') == 2
    conditions.mark_met(first(at_so), lead, "Klaar")
    login(client, secretaries["RBJ"])
    page = client.get(reverse("home")).content.decode()
    assert page.count('data-work="condition-confirm"') == 1 and 'data-work="condition-open"' not in page
    login(client, reader)
    assert 'data-work="condition' not in client.get(reverse("home")).content.decode()


def test_mijn_werk_query_count_does_not_grow_with_conditions(
    client, at_so, programme, workgroup1, lead, secretaries, django_assert_max_num_queries
):
    login(client, lead)
    client.get(reverse("home"))
    with django_assert_max_num_queries(40) as few:
        client.get(reverse("home"))
    for number in range(3):
        other = Pilot.objects.create(
            programme=programme, workgroup=workgroup1, title=f"Voorstel {number}", goals="G", efforts="I", network="N"
        )
        BudgetRequest.objects.create(pilot=other, year=2026, amount=Decimal("1000"))
        services.submit(other, lead)
        services.forward(other, secretaries["Kernteam"])
        services.record_advice(other, secretaries["RBJ"], "conditional", "Mits", "Een\nTwee\nDrie")
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = client.get(reverse("home")).content.decode()
    assert page.count('data-work="condition-open"') == 11


def test_the_pilot_page_query_count_does_not_grow_with_the_conditions_history(
    client, at_so, lead, secretaries, django_assert_max_num_queries
):
    login(client, secretaries["SO"])
    client.get(at_so.get_absolute_url())
    with django_assert_max_num_queries(80) as few:
        client.get(at_so.get_absolute_url())
    for condition in at_so.conditions.all():
        conditions.mark_met(condition, lead, "Klaar")
        conditions.reopen(condition, secretaries["RBJ"], "Nog niet")
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(at_so.get_absolute_url())
