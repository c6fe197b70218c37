"""The admin site speaks Dutch to administrators, and its acts leave the same readable record as the web
(issue #11, item 9)."""

import re
from decimal import Decimal

from django.urls import reverse

from finance import ledger
from pilots import services
from pilots.models import PilotEvent


def at_the_so(pilot, lead, secretaries):
    services.submit(pilot, lead)
    services.forward(pilot, secretaries["Kernteam"])
    services.record_advice(pilot, secretaries["RBJ"], "positive")


def test_the_admins_javascript_strings_are_dutch(client, admin_user):
    client.force_login(admin_user)
    catalogue = client.get(reverse("admin:jsi18n")).content.decode()
    assert '"Choose all %s": "Alle %s kiezen"' in catalogue
    assert "Kies %s door ze te selecteren" in catalogue


def test_the_admin_approves_with_an_amount_per_year_through_the_same_rules(
    client, admin_user, pilot, lead, secretaries
):
    at_the_so(pilot, lead, secretaries)
    client.force_login(admin_user)
    url = reverse("admin:pilots_pilot_changelist")
    form = client.post(url, {"action": "act_decide", "_selected_action": [pilot.pk]}).content.decode()
    assert f'name="amount_{pilot.pk}_2026"' in form and 'value="30.000"' in form  # the requested amount, Dutch
    data = {
        "action": "act_decide",
        "_selected_action": [pilot.pk],
        "apply": "1",
        "outcome": "approved",
        "rationale": "Past binnen het budget",
        f"amount_{pilot.pk}_2026": "25.000",
        f"amount_{pilot.pk}_2027": "0",
    }
    client.post(url, data)
    assert ledger.subject_balance(pilot.programme, 2026, pilot.ledger_key)["released"] == Decimal("25000")
    assert ledger.subject_balance(pilot.programme, 2027, pilot.ledger_key)["released"] == Decimal("0")
    event = PilotEvent.objects.get(pilot=pilot, kind="approved")
    assert (event.via, event.note.replace("\u00a0", " ")) == ("admin", "2026: € 25.000")


def test_an_admin_approval_reads_in_the_pilots_admin_history(client, admin_user, pilot, lead, secretaries):
    at_the_so(pilot, lead, secretaries)
    services.decide(pilot, admin_user, "approved", rationale="Past binnen het budget", via="admin")
    client.force_login(admin_user)
    page = client.get(reverse("admin:pilots_pilot_history", args=[pilot.pk])).content.decode()
    route = re.search(r'<div class="module" id="route-events">.*?</table>', page, re.S).group(0)
    assert "Goedgekeurd" in route and "Past binnen het budget" in route and "(beheeromgeving)" in route
    assert "Gewijzigd door" in page and "Reden van de wijziging" in page
    assert ">None<" not in page and "Changed by" not in page
    # The act changed only the state: no empty "changed" row in the proposal's edit history.
    assert pilot.history.count() == 1


def test_the_login_attempts_are_dutch_in_the_admin(client, admin_user):
    client.force_login(admin_user)
    page = client.get(reverse("admin:index")).content.decode()
    assert "Inlogpogingen" in page and "Access attempts" not in page


def test_the_pilots_change_form_reads_dutch_with_dutch_amounts(client, admin_user, pilot, lead, secretaries):
    at_the_so(pilot, lead, secretaries)
    services.decide(pilot, admin_user, "approved", rationale="Past binnen het budget", via="admin")
    client.force_login(admin_user)
    page = client.get(reverse("admin:pilots_pilot_change", args=[pilot.pk])).content.decode().replace("\u00a0", " ")
    assert "Handelingen op de route" in page and "Pilot events" not in page
    assert "€ 30.000" in page and "30000,00" not in page and "30000.00" not in page
    assert "Past binnen het budget" in page and "(beheeromgeving)" in page
