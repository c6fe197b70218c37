"""The municipalities' shares of what the funding does not cover, to the euro.

The shares are split over the municipalities that take part in the programme's collaboration, by the cost split's
key: inhabitants, equal shares or fixed percentages. By inhabitants, a cost split that names a reference date uses
each municipality's figure of that date (its latest `Population` row on or before it), so a later CBS correction does
not change the split; without a date it uses the figure in use (`Municipality.inhabitants`). A missing figure is
never counted as 0: the split is then not made, and the page says which figure is missing.

Shares are rounded down to whole euros; the euros that rounding leaves are given one each to
the municipalities with the largest remainders (ties: more inhabitants first, then name), so the
shares add up exactly to the total. The budget page states this rule.
"""

import datetime
from dataclasses import dataclass, field
from decimal import ROUND_FLOOR, Decimal

from django.core.exceptions import ValidationError
from django.db.models import Sum
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from programmes.models import Municipality, Population

from .constants import SplitKey
from .models import BudgetLine, CostSplit, FundingSource

EURO = Decimal("1")
HUNDRED = Decimal("100")


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


@dataclass(frozen=True)
class Figure:
    """An inhabitants figure as a split uses it: the number, who published it and, for a dated figure, its date."""

    inhabitants: int
    source: str
    date: datetime.date | None = None

    @property
    def described(self):
        """ "26.749 (CBS, januari 2021 (Omroep Gelderland), 1 januari 2021)": the figure, its source and date."""
        return f"{formats.number_format(self.inhabitants, force_grouping=True)} ({self.citation})"

    @property
    def citation(self):
        """Who published the figure and, for a dated figure, of which date: "CBS …, 1 januari 2024"."""
        if self.date is None:
            return self.source or _("source not recorded")
        return f"{self.source}, {formats.date_format(self.date, 'j F Y')}"


def participants(collaboration):
    """The municipalities that take part, with their youth-care region, by name: one query."""
    return list(Municipality.objects.of_collaboration(collaboration).select_related("region").order_by("name"))


def inhabitants_figures(municipalities, reference_date=None):
    """{municipality pk: Figure or None}: the figure of `reference_date` (the latest on or before it; on one date,
    the figure recorded last), or the figure in use when there is no date. At most one query."""
    if reference_date is None:
        return {m.pk: Figure(m.inhabitants, m.inhabitants_reference) if m.inhabitants else None for m in municipalities}
    figures = {}
    rows = (
        Population.objects.filter(municipality__in=[m.pk for m in municipalities], reference_date__lte=reference_date)
        .order_by("municipality_id", "-reference_date", "-pk")
        .values_list("municipality_id", "inhabitants", "source", "reference_date")
    )
    for municipality_id, inhabitants, source, date in rows:
        figures.setdefault(municipality_id, Figure(inhabitants, source, date))
    return {m.pk: figures.get(m.pk) for m in municipalities}


def _names(municipalities):
    return ", ".join(m.name for m in municipalities)


def _percent(value):
    return formats.number_format(Decimal(value).normalize())


def missing_figures_message(missing, reference_date):
    if reference_date:
        return _("No inhabitants figure on or before %(date)s for: %(municipalities)s.") % {
            "date": formats.date_format(reference_date, "j F Y"),
            "municipalities": _names(missing),
        }
    return _("No inhabitants figure in use for: %(municipalities)s.") % {"municipalities": _names(missing)}


def check_figures(programme, key, reference_date):
    """Refuses a cost split whose inhabitants figures are missing for a participating municipality: of the reference
    date whatever the key (the date names the figures the programme counts with), or in use when the key is
    inhabitants. Raises ValidationError on `inhabitants_date` with a Dutch message."""
    if reference_date is None and key != SplitKey.INHABITANTS:
        return
    municipalities = participants(programme.collaboration)
    figures = inhabitants_figures(municipalities, reference_date)
    missing = [m for m in municipalities if figures[m.pk] is None]
    if missing:
        advice = (
            _("Choose another reference date, or leave it empty to use the figures in use.")
            if reference_date
            else _("Choose a reference date whose figures are known.")
        )
        raise ValidationError({"inhabitants_date": f"{missing_figures_message(missing, reference_date)} {advice}"})


def check_fixed_shares(collaboration, key, shares):
    """The rule for fixed shares, for every form that sets them: only municipalities that take part in
    `collaboration`, and with the key *fixed percentages* they add up to exactly 100 %.

    `shares`: [(municipality, percentage)]. Raises ValidationError with the Dutch reasons."""
    taking_part = set(Municipality.objects.of_collaboration(collaboration).values_list("pk", flat=True))
    errors = [
        _("%(municipality)s does not take part in %(collaboration)s: only participating municipalities have a share.")
        % {"municipality": municipality, "collaboration": collaboration}
        for municipality, _percentage in shares
        if municipality.pk not in taking_part
    ]
    total = sum((percentage for _municipality, percentage in shares), Decimal(0))
    if key == SplitKey.FIXED and total != HUNDRED:
        errors.append(
            _("The fixed percentages add up to %(total)s %%; together they must be exactly 100 %%.")
            % {"total": _percent(total)}
        )
    if errors:
        raise ValidationError(errors)


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


@dataclass
class ShareRow:
    """One municipality's line in the cost split: the figure shown beside it and its share per year (None when the
    split cannot be made)."""

    municipality: Municipality
    figure: Figure | None
    amounts: list
    total: Decimal | None


@dataclass
class RegionGroup:
    """The participants that lie in one youth-care region, with their sub-total."""

    region: object
    rows: list = field(default_factory=list)
    totals: list = field(default_factory=list)
    total: Decimal | None = None

    @property
    def name(self):
        return self.region.name if self.region else _("youth-care region unknown")

    @property
    def subtotal_label(self):
        if self.region is None:
            return _("Subtotal, youth-care region unknown")
        return _("Subtotal youth-care region %(region)s") % {"region": self.region.name}


def _weights(split, key, municipalities, figures):
    """[(municipality, weight)], or None when the split cannot be made, with the page's messages."""
    problems, notes = [], []
    if key == SplitKey.EQUAL:
        return [(m, Decimal(1)) for m in municipalities], problems, notes
    if key == SplitKey.FIXED:
        shares = {s.municipality_id: s.percentage for s in split.shares.all()}
        without = [m for m in municipalities if m.pk not in shares]
        if without:
            notes.append(
                ngettext(
                    "%(municipalities)s takes part without a fixed percentage, and so pays € 0.",
                    "%(municipalities)s take part without a fixed percentage, and so pay € 0.",
                    len(without),
                )
                % {"municipalities": _names(without)}
            )
        total = sum((shares.get(m.pk, Decimal(0)) for m in municipalities), Decimal(0))
        if total != HUNDRED:
            problems.append(
                _(
                    "The fixed percentages of the participating municipalities add up to %(total)s %%, not 100 %%: "
                    "the shares cannot be computed until an administrator corrects them."
                )
                % {"total": _percent(total)}
            )
            return None, problems, notes
        return [(m, shares.get(m.pk, Decimal(0))) for m in municipalities], problems, notes
    missing = [m for m in municipalities if figures[m.pk] is None]
    if missing:
        problems.append(
            missing_figures_message(missing, split.inhabitants_date if split else None)
            + " "
            + _(
                "The shares by inhabitants cannot be computed until an administrator adds the figure or chooses "
                "another reference date."
            )
        )
        return None, problems, notes
    return [(m, Decimal(figures[m.pk].inhabitants)) for m in municipalities], problems, notes


def weights(programme):
    """(key, [(municipality, weight)] or None, [why not]): the participants' weights under the programme's cost
    split, as the budget page computes them (for a share of an amount, e.g. the agreeing municipalities' part)."""
    split = CostSplit.objects.filter(programme=programme).prefetch_related("shares").first()
    key = split.key if split else SplitKey.INHABITANTS
    municipalities = participants(programme.collaboration)
    figures = inhabitants_figures(municipalities, split.inhabitants_date if split else None)
    weighted, problems, _notes = _weights(split, key, municipalities, figures)
    return key, weighted, problems


def _by_region(municipalities):
    """The participants grouped by youth-care region: regions by name, an unknown region last."""
    regions = {}
    for m in municipalities:
        regions.setdefault(m.region_id, m.region)
    order = sorted(regions.values(), key=lambda r: (r is None, r.name if r else ""))
    return [(region, [m for m in municipalities if m.region_id == (region.pk if region else None)]) for region in order]


def _sum(values):
    """The sum, or None when a value is not known (a split that cannot be made)."""
    return None if any(v is None for v in values) else sum(values, Decimal(0))


def municipal_shares(programme, years, totals=None):
    """The cost split as the budget page and its export show it, in a constant number of queries:

    {'key', 'reference_date', 'rows': [ShareRow], 'totals': [per year], 'total', 'inhabitants',
     'regions': [RegionGroup] (only when the participants lie in more than one youth-care region; `rows` then
     follow the regions' order), 'problems': [why the split cannot be made], 'notes': [what a reader must know]}"""
    split = CostSplit.objects.filter(programme=programme).prefetch_related("shares").first()
    key = split.key if split else SplitKey.INHABITANTS
    reference_date = split.inhabitants_date if split else None
    municipalities = participants(programme.collaboration)
    figures = inhabitants_figures(municipalities, reference_date)
    weighted, problems, notes = _weights(split, key, municipalities, figures)
    totals = totals or years_totals(programme, years)
    if weighted is None:
        per_year = {year: {} for year in years}
    else:
        per_year = {year: dict(split_amount(totals[year]["municipalities"], weighted)) for year in years}

    groups = []
    for region, members in _by_region(municipalities):
        group = RegionGroup(region)
        for municipality in members:
            amounts = [per_year[year].get(municipality) for year in years]
            group.rows.append(ShareRow(municipality, figures[municipality.pk], amounts, _sum(amounts)))
        group.totals = [_sum([row.amounts[i] for row in group.rows]) for i in range(len(years))]
        group.total = _sum([row.total for row in group.rows])
        groups.append(group)
    rows = [row for group in groups for row in group.rows]
    sums = [_sum([row.amounts[i] for row in rows]) for i in range(len(years))]
    known = [figures[m.pk] for m in municipalities]
    return {
        "key": key,
        "reference_date": reference_date,
        "rows": rows,
        "totals": sums,
        "total": _sum(sums),
        "inhabitants": None if None in known else sum(f.inhabitants for f in known),
        "regions": groups if len(groups) > 1 else [],
        "problems": problems,
        "notes": notes,
    }
