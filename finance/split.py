"""The municipalities' shares of what the funding does not cover, to the euro.

Shares are rounded down to whole euros; the euros that rounding leaves are given one each to
the municipalities with the largest remainders (ties: more inhabitants first, then name), so the
shares add up exactly to the total. The budget page states this rule.
"""

from decimal import ROUND_FLOOR, Decimal

from django.db.models import Sum

from .constants import SplitKey
from .models import BudgetLine, CostSplit, FundingSource

EURO = Decimal("1")


def years_totals(programme, years):
    """{year: {budget, funding, municipalities}} for all years in two queries."""
    budgets = dict(
        BudgetLine.objects.filter(post__programme=programme, year__in=years)
        .values_list("year")
        .annotate(t=Sum("amount"))
        .order_by()
    )
    funding = dict(
        FundingSource.objects.filter(programme=programme, year__in=years)
        .values_list("year")
        .annotate(t=Sum("amount"))
        .order_by()
    )
    result = {}
    for year in years:
        budget, funded = budgets.get(year) or Decimal("0"), funding.get(year) or Decimal("0")
        result[year] = {"budget": budget, "funding": funded, "municipalities": budget - funded}
    return result


def year_totals(programme, year):
    return years_totals(programme, [year])[year]


def weights(programme):
    municipalities = list(programme.collaboration.municipalities.order_by("name"))
    split = CostSplit.objects.filter(programme=programme).prefetch_related("shares").first()
    key = split.key if split else SplitKey.INHABITANTS
    if key == SplitKey.EQUAL:
        return key, [(m, Decimal(1)) for m in municipalities]
    if key == SplitKey.FIXED:
        shares = {s.municipality_id: s.percentage for s in split.shares.all()}
        return key, [(m, shares.get(m.pk, Decimal(0))) for m in municipalities]
    return key, [(m, Decimal(m.inhabitants or 0)) for m in municipalities]


def split_amount(total, weighted):
    """[(item, weight)] → [(item, share)], whole euros, adding up exactly to total (rounded to the euro)."""
    total = Decimal(total).quantize(EURO)
    weight_sum = sum(w for _, w in weighted)
    if not weighted or weight_sum <= 0:
        return [(item, Decimal(0)) for item, _ in weighted]
    exact = [(item, total * w / weight_sum, w) for item, w in weighted]
    floors = [(item, value.to_integral_value(ROUND_FLOOR), value, w) for item, value, w in exact]
    left = int(total - sum(f for _, f, _, _ in floors))
    order = sorted(
        range(len(floors)),
        key=lambda i: (-(floors[i][2] - floors[i][1]), -floors[i][3], str(floors[i][0])),
    )
    extra = set(order[:left])
    return [(item, floor + (1 if i in extra else 0)) for i, (item, floor, _, _) in enumerate(floors)]


def municipal_shares(programme, years, totals=None):
    """{'key': ..., 'rows': [(municipality, [share per year], total)], 'totals': [per year]}"""
    key, weighted = weights(programme)
    totals = totals or years_totals(programme, years)
    per_year = {year: dict(split_amount(totals[year]["municipalities"], weighted)) for year in years}
    rows = []
    for municipality, _weight in weighted:
        shares = [per_year[year][municipality] for year in years]
        rows.append((municipality, shares, sum(shares)))
    totals = [sum(per_year[year].values()) for year in years]
    return {"key": key, "rows": rows, "totals": totals}
