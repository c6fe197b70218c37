"""Decision routes are data: one deciding step, last, with the programme's own bodies; edited in the browser."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from governance.models import DecisionRoute
from programmes.models import Programme
from tests import factories as f
from tests.factories import PASSWORD


@pytest.fixture
def bodies(programme):
    return {name: f.GovernanceBodyFactory(programme=programme, name=name) for name in ("Kernteam", "RBJ", "SO")}


def route_post(steps, name="Pilots"):
    data = {
        "name": name,
        "description": "",
        "steps-TOTAL_FORMS": str(len(steps)),
        "steps-INITIAL_FORMS": "0",
        "steps-MIN_NUM_FORMS": "0",
        "steps-MAX_NUM_FORMS": "1000",
    }
    for index, (order, body, act) in enumerate(steps):
        data.update({f"steps-{index}-order": order, f"steps-{index}-body": body.pk, f"steps-{index}-act": act})
    return data


@pytest.fixture
def manager_client(client, manager):
    client.login(username=manager.username, password=PASSWORD)
    return client


def test_the_manager_creates_the_rivierenland_route(manager_client, programme, bodies):
    steps = [(1, bodies["Kernteam"], "assess"), (2, bodies["RBJ"], "advise"), (3, bodies["SO"], "decide")]
    response = manager_client.post(reverse("governance:route_create", args=[programme.pk]), route_post(steps))
    assert response.status_code == 302
    route = DecisionRoute.objects.get(programme=programme)
    assert [(s.order, s.body.name, s.act) for s in route.steps.all()] == [
        (1, "Kernteam", "assess"),
        (2, "RBJ", "advise"),
        (3, "SO", "decide"),
    ]
    page = manager_client.get(reverse("governance:overview", args=[programme.pk])).content.decode()
    assert page.index("Kernteam") < page.index("RBJ") < page.index("beslist")


@pytest.mark.parametrize(
    "steps,message",
    [
        ([("Kernteam", "assess"), ("RBJ", "advise")], "precies één besluitende stap"),
        ([("RBJ", "decide"), ("SO", "decide")], "precies één besluitende stap"),
        ([("SO", "decide"), ("RBJ", "advise")], "laatste stap"),
    ],
)
def test_a_route_without_exactly_one_final_deciding_step_saves_nothing(
    manager_client, programme, bodies, steps, message
):
    data = route_post([(n, bodies[body], act) for n, (body, act) in enumerate(steps, start=1)])
    response = manager_client.post(reverse("governance:route_create", args=[programme.pk]), data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not DecisionRoute.objects.exists()


def test_a_body_of_another_programme_cannot_be_a_step(manager_client, programme, other_programme, bodies):
    foreign = f.GovernanceBodyFactory(programme=other_programme, name="Vreemd SO")
    data = route_post([(1, bodies["Kernteam"], "assess"), (2, foreign, "decide")])
    response = manager_client.post(reverse("governance:route_create", args=[programme.pk]), data)
    assert response.status_code == 200
    assert not DecisionRoute.objects.exists()


def test_readers_see_routes_but_cannot_create_or_edit_them(client, reader, programme, bodies):
    route = DecisionRoute.objects.create(programme=programme, name="Pilots")
    client.login(username=reader.username, password=PASSWORD)
    assert client.get(reverse("governance:overview", args=[programme.pk])).status_code == 200
    assert client.get(reverse("governance:route_create", args=[programme.pk])).status_code == 403
    assert client.get(reverse("governance:route_edit", args=[route.pk])).status_code == 403
    data = route_post([(1, bodies["SO"], "decide")])
    assert client.post(reverse("governance:route_create", args=[programme.pk]), data).status_code == 403
    assert DecisionRoute.objects.count() == 1


def test_two_collaborations_run_their_own_routes(db, settings):
    settings.DEMO_PASSWORD = "x"
    call_command("load_demo", stdout=open("/dev/null", "w"))
    routes = {
        programme.collaboration.name: [
            (s.body.abbreviation or s.body.name, s.act) for s in programme.routes.get(is_default=True).steps.all()
        ]
        for programme in Programme.objects.all()
    }
    assert routes["Rivierenland"] == [("Kernteam", "assess"), ("RBJ", "advise"), ("SO", "decide")]
    assert routes["West-Brabant-Oost"] == [("Regiegroep", "assess"), ("PHO", "decide")]
