"""Admin actions act on the route through the same services: same history, same refusals."""

from decimal import Decimal

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse

from finance import ledger
from pilots import services
from pilots.constants import PilotStatus
from pilots.models import BudgetRequest, Pilot
from tests.factories import PASSWORD


@pytest.fixture
def pilot_at_so(programme, workgroup1, lead, route, secretaries, money):
    pilot = Pilot.objects.create(
        programme=programme, workgroup=workgroup1, title="Vaste contactpersoon", goals="G", efforts="I", network="N"
    )
    BudgetRequest.objects.create(pilot=pilot, year=2026, amount=Decimal("30000"))
    services.submit(pilot, lead)
    services.forward(pilot, secretaries["Kernteam"])
    services.record_advice(pilot, secretaries["RBJ"], "positive")
    return pilot


def act(client, name, pilot, **data):
    payload = {"action": f"act_{name}", ACTION_CHECKBOX_NAME: [pilot.pk], "apply": "1", **data}
    return client.post(reverse("admin:pilots_pilot_changelist"), payload, follow=True)


def test_the_admin_approves_at_so_with_the_same_history_and_release(client, admin_user, pilot_at_so, programme):
    client.login(username=admin_user.username, password=PASSWORD)
    intermediate = client.post(
        reverse("admin:pilots_pilot_changelist"), {"action": "act_decide", ACTION_CHECKBOX_NAME: [pilot_at_so.pk]}
    )
    assert "Besluit vastleggen" in intermediate.content.decode()
    # The form states the amount per year, filled in with what was requested; the browser posts it back.
    amounts = {f"amount_{pilot_at_so.pk}_{r.year}": str(r.amount) for r in pilot_at_so.budget_requests.all()}
    act(client, "decide", pilot_at_so, outcome="approved", rationale="", **amounts)
    pilot_at_so.refresh_from_db()
    assert pilot_at_so.status == PilotStatus.APPROVED
    event = pilot_at_so.events.get(kind="approved")
    assert (event.via, event.body.name, event.actor) == ("admin", "SO", admin_user)
    assert ledger.subject_balance(programme, 2026, pilot_at_so.ledger_key)["released"] == Decimal("30000")


def test_the_admin_gets_the_same_refusals(client, admin_user, pilot_at_so):
    client.login(username=admin_user.username, password=PASSWORD)
    response = act(client, "forward", pilot_at_so, rationale="")
    assert "beoordeelt niet bij deze stap" in response.content.decode()
    response = act(client, "decide", pilot_at_so, outcome="rejected", rationale="")
    assert "toelichting" in response.content.decode()
    pilot_at_so.refresh_from_db()
    assert pilot_at_so.status == PilotStatus.ON_ROUTE


def test_the_admin_form_offers_no_raw_status_or_money(client, admin_user, pilot_at_so):
    client.login(username=admin_user.username, password=PASSWORD)
    page = client.get(reverse("admin:pilots_pilot_change", args=[pilot_at_so.pk])).content.decode()
    assert 'name="status"' not in page and 'name="current_step"' not in page
