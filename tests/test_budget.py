"""The budget page reads as seed 002 §8, and the municipalities' shares add up to the euro."""

import re
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from finance.models import BudgetLine, BudgetPost, CostSplit, FixedShare, FundingSource
from finance.split import municipal_shares, split_amount
from programmes.models import Programme
from tests import factories as f
from tests.factories import PASSWORD


@pytest.fixture
def rivierenland(db, settings):
    settings.DEMO_PASSWORD = "jeugdregio-demo"
    call_command("load_demo", stdout=open("/dev/null", "w"))
    return Programme.objects.get(collaboration__name="Rivierenland")


def test_the_demo_budget_is_seed_002_to_the_euro(rivierenland, client):
    client.login(username="lezer", password="jeugdregio-demo")
    page = client.get(reverse("finance:budget", args=[rivierenland.pk])).content.decode()
    budget_totals = re.findall(r'data-total="budget">([^<]+)<', page)
    municipal_totals = re.findall(r'data-total="municipalities">([^<]+)<', page)
    assert budget_totals == ["€\xa0168.900"] * 3
    assert municipal_totals == ["€\xa0150.000"] * 3
    for text in (
        "Uitvoering pilots",
        "€\xa080.000",
        "Systemisch ontwerper",
        "€\xa035.000",
        "JoinUs (regionale inzet)",
        "€\xa028.500",
        "Bijdrage transformatiefonds",
        "€\xa018.900",
        "€\xa07.400",
        "€\xa013.000",
    ):
        assert text in page, text


def test_the_municipal_shares_follow_inhabitants_and_add_up_exactly(rivierenland):
    shares = municipal_shares(rivierenland, [2026, 2027, 2028])
    assert shares["totals"] == [150000, 150000, 150000]
    by_name = {row.municipality.name: row.amounts[0] for row in shares["rows"]}
    # 150,000 × 51,128 / 246,565 = 31,104.17 → € 31,104
    assert by_name["West Betuwe"] == 31104
    assert by_name["West Maas en Waal"] == 11756
    for row in shares["rows"]:
        exact = Decimal(150000) * row.municipality.inhabitants / 246565
        assert abs(row.amounts[0] - exact) < 1


def test_rounding_remainders_go_to_the_largest_remainders():
    shares = split_amount(100, [("a", 1), ("b", 1), ("c", 1)])
    assert sum(amount for _, amount in shares) == 100
    assert [amount for _, amount in shares] == [34, 33, 33]


def test_equal_and_fixed_keys(programme):
    for name in ("Aa", "Bb", "Cc"):
        f.MunicipalityFactory(collaboration=programme.collaboration, name=name)
    post = BudgetPost.objects.create(programme=programme, name="Post")
    BudgetLine.objects.create(post=post, year=2026, amount=Decimal("1000"))
    FundingSource.objects.create(programme=programme, year=2026, name="Fonds", amount=Decimal("100"))
    split = CostSplit.objects.create(programme=programme, key="equal")
    assert [row.amounts[0] for row in municipal_shares(programme, [2026])["rows"]] == [300, 300, 300]
    split.key = "fixed"
    split.save()
    for municipality, pct in zip(
        programme.collaboration.municipalities.order_by("name"), ("50", "30", "20"), strict=True
    ):
        FixedShare.objects.create(cost_split=split, municipality=municipality, percentage=Decimal(pct))
    assert [row.amounts[0] for row in municipal_shares(programme, [2026])["rows"]] == [450, 270, 180]


def test_an_in_kind_post_costs_nothing(programme):
    from django.core.exceptions import ValidationError

    post = BudgetPost.objects.create(programme=programme, name="Projectleiding", in_kind=True)
    with pytest.raises(ValidationError):
        BudgetLine(post=post, year=2026, amount=Decimal("1")).full_clean()


def test_a_programme_has_one_pilot_post(programme):
    from django.core.exceptions import ValidationError

    BudgetPost.objects.create(programme=programme, name="Uitvoering pilots", holds_pilot_money=True)
    with pytest.raises(ValidationError):
        BudgetPost(programme=programme, name="Tweede pot", holds_pilot_money=True).full_clean()


def test_the_budget_page_is_for_readers_of_the_programme(client, reader, outsider, programme):
    url = reverse("finance:budget", args=[programme.pk])
    client.login(username=reader.username, password=PASSWORD)
    assert client.get(url).status_code == 200
    client.logout()
    client.login(username=outsider.username, password=PASSWORD)
    assert client.get(url).status_code == 403


def test_the_budget_page_query_count_does_not_grow_with_posts(client, manager, programme):
    client.login(username=manager.username, password=PASSWORD)
    for _ in range(3):
        f.MunicipalityFactory(collaboration=programme.collaboration)
    pilot = BudgetPost.objects.create(programme=programme, name="Uitvoering pilots", holds_pilot_money=True)
    for year in (2026, 2027, 2028):
        BudgetLine.objects.create(post=pilot, year=year, amount=Decimal("80000"))

    def add_posts(count):
        start = BudgetPost.objects.filter(programme=programme).count()
        for n in range(count):
            post = BudgetPost.objects.create(programme=programme, name=f"Post {start + n}", order=start + n)
            for year in (2026, 2027, 2028):
                BudgetLine.objects.create(post=post, year=year, amount=Decimal("1000"))

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("finance:budget", args=[programme.pk])).status_code == 200
        return len(queries)

    add_posts(3)
    few = count()
    add_posts(20)
    for _ in range(20):
        f.MunicipalityFactory(collaboration=programme.collaboration)
    assert count() == few
