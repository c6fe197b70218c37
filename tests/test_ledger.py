"""The pilot-money ledger: every invariant, append-only rows, and no overspending under concurrency."""

import datetime
import threading
from decimal import Decimal

import pytest
from django.db import connection
from django.urls import reverse

from finance import ledger
from finance.models import BudgetLine, BudgetMovement, BudgetPost
from governance.models import Decision
from tests import factories as f


@pytest.fixture
def pilot_post(programme):
    post = BudgetPost.objects.create(programme=programme, name="Uitvoering pilots", holds_pilot_money=True)
    BudgetLine.objects.create(post=post, year=2026, amount=Decimal("80000"))
    return post


@pytest.fixture
def so(programme):
    return f.GovernanceBodyFactory(programme=programme, name="Strategisch Overleg", kind="strategic_meeting")


def decide(programme, body, outcome="approved", title="Pilot vaste contactpersoon"):
    return Decision.objects.create(
        programme=programme,
        body=body,
        outcome=outcome,
        subject_title=title,
        date=datetime.date(2026, 3, 1),
        rationale="" if outcome == "approved" else "Omdat",
    )


def test_a_release_needs_a_decision(programme, pilot_post):
    with pytest.raises(ledger.LedgerError):
        ledger.release(programme, 2026, "10000", "pilot-1", "Pilot 1", decision=None, user=None)
    assert not BudgetMovement.objects.exists()


def test_a_decision_of_another_programme_releases_nothing(programme, other_programme, pilot_post):
    foreign = decide(other_programme, f.GovernanceBodyFactory(programme=other_programme))
    with pytest.raises(ledger.LedgerError):
        ledger.release(programme, 2026, "10000", "pilot-1", "Pilot 1", decision=foreign, user=None)


def test_releases_never_exceed_what_the_pilot_post_has_left(programme, pilot_post, so):
    decision = decide(programme, so)
    ledger.release(programme, 2026, "50000", "pilot-1", "Pilot 1", decision, None)
    with pytest.raises(ledger.LedgerError) as error:
        ledger.release(programme, 2026, "30000.01", "pilot-2", "Pilot 2", decision, None)
    assert "€\u00a030.000 over" in error.value.messages[0]  # what is left, in Dutch notation
    ledger.release(programme, 2026, "30000", "pilot-2", "Pilot 2", decision, None)
    assert ledger.year_balance(programme, 2026).available == 0


def test_reservations_of_other_pilots_are_kept_free(programme, pilot_post, so):
    ledger.reserve(programme, 2026, "60000", "pilot-1", "Pilot 1", None)
    decision = decide(programme, so)
    with pytest.raises(ledger.LedgerError):
        ledger.release(programme, 2026, "25000", "pilot-2", "Pilot 2", decision, None)
    # The reserving pilot itself may use its reservation.
    ledger.release(programme, 2026, "60000", "pilot-1", "Pilot 1", decision, None)
    balance = ledger.year_balance(programme, 2026)
    assert (balance.reserved, balance.released, balance.available) == (0, 60000, 20000)


@pytest.mark.parametrize("amount", ["-5", "0", "12,3456", "12.345,678", "abc", "1e20", "NaN"])
def test_amounts_are_positive_with_at_most_two_decimals(programme, pilot_post, so, amount):
    with pytest.raises(ledger.LedgerError):
        ledger.release(programme, 2026, amount, "pilot-1", "Pilot 1", decide(programme, so), None)
    assert not BudgetMovement.objects.exists()


def test_spending_never_exceeds_what_was_released(programme, pilot_post, so):
    ledger.release(programme, 2026, "10000", "pilot-1", "Pilot 1", decide(programme, so), None)
    ledger.spend(programme, 2026, "7500", "pilot-1", "Pilot 1", None)
    with pytest.raises(ledger.LedgerError):
        ledger.spend(programme, 2026, "2500.01", "pilot-1", "Pilot 1", None)
    with pytest.raises(ledger.LedgerError):
        ledger.spend(programme, 2026, "1", "pilot-2", "Pilot 2", None)


def test_only_unspent_released_money_returns(programme, pilot_post, so):
    ledger.release(programme, 2026, "10000", "pilot-1", "Pilot 1", decide(programme, so), None)
    ledger.spend(programme, 2026, "4000", "pilot-1", "Pilot 1", None)
    with pytest.raises(ledger.LedgerError):
        ledger.return_unspent(programme, 2026, "pilot-1", "Pilot 1", None, amount="6000.01")
    movement = ledger.return_unspent(programme, 2026, "pilot-1", "Pilot 1", None)
    assert movement.amount == Decimal("6000.00")
    assert ledger.return_unspent(programme, 2026, "pilot-1", "Pilot 1", None) is None
    balance = ledger.year_balance(programme, 2026)
    assert (balance.released, balance.spent, balance.returned, balance.available) == (10000, 4000, 6000, 76000)


def test_without_a_pilot_budget_nothing_moves(programme, so):
    with pytest.raises(ledger.LedgerError):
        ledger.release(programme, 2026, "1", "pilot-1", "Pilot 1", decide(programme, so), None)


def test_movements_are_append_only(programme, pilot_post, so):
    movement = ledger.release(programme, 2026, "1000", "pilot-1", "Pilot 1", decide(programme, so), None)
    movement.amount = Decimal("5")
    with pytest.raises(PermissionError):
        movement.save()
    with pytest.raises(PermissionError):
        movement.delete()
    with pytest.raises(PermissionError):
        BudgetMovement.objects.filter(pk=movement.pk).update(amount=5)
    with pytest.raises(PermissionError):
        BudgetMovement.objects.all().delete()
    assert BudgetMovement.objects.get().amount == Decimal("1000.00")


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_releases_never_overspend_the_year(programme, pilot_post, so):
    decision = decide(programme, so)
    results, barrier = [], threading.Barrier(6)

    def attempt(n):
        try:
            barrier.wait()
            ledger.release(programme, 2026, "20000", f"pilot-{n}", f"Pilot {n}", decision, None)
            results.append("ok")
        except ledger.LedgerError:
            results.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=attempt, args=(n,)) for n in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == ["ok"] * 4 + ["refused"] * 2
    assert ledger.year_balance(programme, 2026).released == Decimal("80000")


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_budget_bars_have_valid_widths_and_spent_is_part_of_released(
    client, manager, programme, pilot_post, so, language
):
    """€ 80.000 budget, € 29.000 released of which € 4.500 spent: 5.6% spent, 30.6% released and not spent."""
    import re

    ledger.release(programme, 2026, "29000", "pilot-1", "Pilot 1", decide(programme, so), None)
    ledger.spend(programme, 2026, "4500", "pilot-1", "Pilot 1", None)
    client.force_login(manager)
    client.cookies["django_language"] = language
    page = client.get(reverse("finance:budget", args=[programme.pk]), HTTP_ACCEPT_LANGUAGE=language)
    html = page.content.decode()
    bars = re.findall(r'class="progress" role="progressbar" style="width: ([^"]*)"', html)
    assert bars == ["5.6%", "30.6%", "0.0%"]  # a decimal point in CSS, whatever the language
    assert sum(float(bar.rstrip("%")) for bar in bars) <= 100
