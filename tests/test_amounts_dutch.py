"""Every amount a person reads is in Dutch notation (€ 15.000 or € 15.000,50): in messages, exports and the
admin's lists (issue #11, item 6)."""

import csv
import io
import re

import pytest
from django.urls import reverse

from finance import ledger
from pilots import services


def test_a_refused_approval_names_the_amounts_the_dutch_way(pilot, lead, secretaries):
    services.submit(pilot, lead)
    services.forward(pilot, secretaries["Kernteam"])
    services.record_advice(pilot, secretaries["RBJ"], "positive")
    with pytest.raises(services.ActRefused) as refused:
        services.decide(pilot, secretaries["SO"], "approved", amounts={2026: "35000,50", 2027: "20000"})
    message = str(refused.value.messages[0]).replace("\u00a0", " ")
    assert message == "€ 35.000,50 is meer dan de € 30.000 die voor 2026 is aangevraagd."


def test_the_ledger_refuses_in_dutch_notation(pilot, lead, secretaries, programme):
    services.submit(pilot, lead)
    services.forward(pilot, secretaries["Kernteam"])
    services.record_advice(pilot, secretaries["RBJ"], "positive")
    services.decide(pilot, secretaries["SO"], "approved")
    with pytest.raises(ledger.LedgerError) as refused:
        ledger.spend(programme, 2026, "40000", pilot.ledger_key, pilot.title, lead)
    message = refused.value.messages[0].replace("\u00a0", " ")
    assert "€ 30.000" in message and "30000.00" not in message


def test_the_csv_export_writes_amounts_the_dutch_way(client, manager, pilot, lead):
    services.submit(pilot, lead)
    client.force_login(manager)
    response = client.get(reverse("pilots:list", args=[pilot.programme_id]), {"export": "csv"})
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[1][-1] == "50.000"  # requested, as Excel in Dutch reads it (not 50000.00)


def test_the_admin_lists_amounts_the_dutch_way(client, admin_user, pilot, lead, secretaries):
    services.submit(pilot, lead)
    services.forward(pilot, secretaries["Kernteam"])
    services.record_advice(pilot, secretaries["RBJ"], "positive")
    services.decide(pilot, secretaries["SO"], "approved")
    client.force_login(admin_user)
    page = client.get(reverse("admin:finance_budgetmovement_changelist")).content.decode().replace("\u00a0", " ")
    cells = re.findall(r'<td class="field-amount_euro">(.*?)</td>', page)
    assert sorted(cells) == ["€ 20.000", "€ 30.000"]
