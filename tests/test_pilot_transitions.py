"""Every act of the route, in every state, by every role: allowed exactly where domain.md allows it."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction

from pilots import services
from pilots.models import BudgetRequest, Pilot

STATES = ["draft", "at_kernteam", "at_rbj", "at_so", "approved", "running", "rejected", "withdrawn"]
ROLES = ["lead", "kernteam", "rbj", "so", "reader", "manager"]
ACTS = {
    "submit": lambda p, u: services.submit(p, u),
    "withdraw": lambda p, u: services.withdraw(p, u, "Reden"),
    "forward": lambda p, u: services.forward(p, u, "Akkoord"),
    "return": lambda p, u: services.return_for_revision(p, u, "Graag aanvullen"),
    "advise": lambda p, u: services.record_advice(p, u, "positive"),
    "decide": lambda p, u: services.decide(p, u, "approved"),
    "start": lambda p, u: services.start(p, u),
}
WRITERS = {"lead", "manager"}
# (act) -> states where it may happen, and who may do it there.
ALLOWED = {
    "submit": ({"draft"}, lambda state, role: role in WRITERS),
    "withdraw": ({"draft", "at_kernteam", "at_rbj", "at_so"}, lambda state, role: role in WRITERS),
    "forward": ({"at_kernteam"}, lambda state, role: role in {"kernteam", "manager"}),
    "return": (
        {"at_kernteam", "at_rbj", "at_so"},
        lambda state, role: role == "manager" or role == state.removeprefix("at_"),
    ),
    "advise": ({"at_rbj"}, lambda state, role: role in {"rbj", "manager"}),
    "decide": ({"at_so"}, lambda state, role: role in {"so", "manager"}),
    "start": ({"approved"}, lambda state, role: role in WRITERS),
}


class Rollback(Exception):
    pass


def bring_to(pilot, state, lead, secretaries):
    steps = {
        "at_kernteam": [lambda: services.submit(pilot, lead)],
        "at_rbj": [lambda: services.forward(pilot, secretaries["Kernteam"])],
        "at_so": [lambda: services.record_advice(pilot, secretaries["RBJ"], "positive")],
        "approved": [lambda: services.decide(pilot, secretaries["SO"], "approved")],
        "running": [lambda: services.start(pilot, lead)],
    }
    path = ["at_kernteam", "at_rbj", "at_so", "approved", "running"]
    if state == "rejected":
        for name in path[:3]:
            steps[name][0]()
        services.decide(pilot, secretaries["SO"], "rejected", "Te duur")
    elif state == "withdrawn":
        services.withdraw(pilot, lead, "Niet meer nodig")
    elif state != "draft":
        for name in path[: path.index(state) + 1]:
            steps[name][0]()
    pilot.refresh_from_db()


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("role", ROLES)
def test_the_transition_table(programme, workgroup1, lead, reader, manager, route, secretaries, money, state, role):
    pilot = Pilot.objects.create(
        programme=programme, workgroup=workgroup1, title="Vaste contactpersoon", goals="G", efforts="I", network="N"
    )
    BudgetRequest.objects.create(pilot=pilot, year=2026, amount=Decimal("30000"))
    bring_to(pilot, state, lead, secretaries)
    users = {
        "lead": lead,
        "reader": reader,
        "manager": manager,
        "kernteam": secretaries["Kernteam"],
        "rbj": secretaries["RBJ"],
        "so": secretaries["SO"],
    }
    actual, expected = {}, {}
    for act, perform in ACTS.items():
        states, who = ALLOWED[act]
        expected[act] = state in states and who(state, role)
        try:
            with transaction.atomic():
                perform(Pilot.objects.get(pk=pilot.pk), users[role])
                raise Rollback
        except Rollback:
            actual[act] = True
        except ValidationError:
            actual[act] = False
    assert actual == expected
