"""The pilot-money ledger: the only code that writes BudgetMovement rows.

Every act locks the year's pilot budget line, so two people releasing at once cannot overspend
it, and checks the invariants here rather than in a form:
- amounts are positive with at most two decimals;
- a release rests on a decision and never exceeds what the pilot post has left that year
  (its budget minus what is released and not returned, minus what other subjects have reserved);
- spending never exceeds what was released to the subject and not returned or spent;
- a return gives back only released money that is not spent.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import CharField, Sum, Value
from django.utils.translation import gettext as _

from core.amounts import parse_euro
from core.templatetags.money import euro

from .constants import MovementKind
from .models import BudgetLine, BudgetMovement

CENT = Decimal("0.01")
ZERO = Decimal("0.00")


class LedgerError(ValidationError):
    pass


@dataclass(frozen=True)
class YearBalance:
    year: int
    budget: Decimal
    reserved: Decimal  # reserved and not yet released
    released: Decimal
    spent: Decimal
    returned: Decimal

    @property
    def net_released(self):
        """What every page, export and report calls "released" (vrijgegeven): released by decisions minus returned."""
        return self.released - self.returned

    @property
    def unspent(self):
        """Released, not returned and not yet spent: spent is part of what was released, not added to it."""
        return self.net_released - self.spent

    @property
    def available(self):
        return self.budget - self.net_released - self.reserved


def money(value):
    """A positive amount with cents, parsed the one way amounts are parsed (core.amounts)."""
    try:
        amount = parse_euro(value)
    except ValidationError as error:
        raise LedgerError(error.messages) from None
    if amount <= 0:
        raise LedgerError(_("An amount must be more than EUR 0."))
    return amount


def pilot_budget_line(programme, year, lock=False):
    queryset = BudgetLine.objects.filter(post__programme=programme, post__holds_pilot_money=True, year=year)
    if lock:
        queryset = queryset.select_for_update()
    line = queryset.first()
    if line is None:
        raise LedgerError(_("The programme has no pilot budget for %(year)s.") % {"year": year})
    return line


def _totals(programme, year):
    movements = BudgetMovement.objects.filter(programme=programme, year=year)
    totals = {kind: ZERO for kind in MovementKind.values}
    for row in movements.values("kind", "subject_key").annotate(total=Sum("amount")):
        totals[row["kind"]] += row["total"]
    return totals


def _outstanding_reservations(programme, year, exclude_subject=None):
    """Per subject: reserved minus released, never below zero."""
    per_subject = {}
    rows = (
        BudgetMovement.objects.filter(
            programme=programme, year=year, kind__in=[MovementKind.RESERVE, MovementKind.RELEASE]
        )
        .values("subject_key", "kind")
        .annotate(total=Sum("amount"))
    )
    for row in rows:
        sign = 1 if row["kind"] == MovementKind.RESERVE else -1
        per_subject[row["subject_key"]] = per_subject.get(row["subject_key"], ZERO) + sign * row["total"]
    return sum((max(ZERO, v) for k, v in per_subject.items() if k != exclude_subject), ZERO)


def year_balance(programme, year):
    line = pilot_budget_line(programme, year)
    totals = _totals(programme, year)
    return YearBalance(
        year=year,
        budget=line.amount,
        reserved=_outstanding_reservations(programme, year),
        released=totals[MovementKind.RELEASE],
        spent=totals[MovementKind.SPEND],
        returned=totals[MovementKind.RETURN],
    )


def year_balances(programme, years=None):
    """year_balance for several years (None: every year with a pilot budget) in one query."""
    line_rows = BudgetLine.objects.filter(post__programme=programme, post__holds_pilot_money=True)
    movement_rows = BudgetMovement.objects.filter(programme=programme)
    if years is not None:
        line_rows, movement_rows = line_rows.filter(year__in=years), movement_rows.filter(year__in=years)
    line_rows = (
        line_rows.annotate(row_kind=Value("budget", output_field=CharField()), key=Value("", output_field=CharField()))
        .values_list("year", "row_kind", "key")
        .annotate(total=Sum("amount"))
        .order_by()
    )
    movement_rows = movement_rows.values_list("year", "kind", "subject_key").annotate(total=Sum("amount")).order_by()
    lines, totals, reservations = {}, {}, {}
    for year, kind, subject_key, total in line_rows.union(movement_rows, all=True):
        if kind == "budget":
            lines[year] = total
            continue
        totals[year, kind] = totals.get((year, kind), ZERO) + total
        if kind in (MovementKind.RESERVE, MovementKind.RELEASE):
            sign = 1 if kind == MovementKind.RESERVE else -1
            key = (year, subject_key)
            reservations[key] = reservations.get(key, ZERO) + sign * total
    years = sorted(lines) if years is None else years
    balances = []
    for year in years:
        if year not in lines:
            continue
        balances.append(
            YearBalance(
                year=year,
                budget=lines[year],
                reserved=sum((max(ZERO, v) for (y, _k), v in reservations.items() if y == year), ZERO),
                released=totals.get((year, MovementKind.RELEASE), ZERO),
                spent=totals.get((year, MovementKind.SPEND), ZERO),
                returned=totals.get((year, MovementKind.RETURN), ZERO),
            )
        )
    return balances


def subject_balance(programme, year, subject_key):
    return subject_balances(programme, [year], subject_key)[year]


def subject_balances(programme, years, subject_key):
    """subject_balance for several years in one query: {year: balance}."""
    totals = {year: {kind: ZERO for kind in MovementKind.values} for year in years}
    for row in (
        BudgetMovement.objects.filter(programme=programme, year__in=years, subject_key=subject_key)
        .values("year", "kind")
        .annotate(total=Sum("amount"))
        .order_by()
    ):
        totals[row["year"]][row["kind"]] += row["total"]
    balances = {}
    for year, t in totals.items():
        released, spent, returned = t[MovementKind.RELEASE], t[MovementKind.SPEND], t[MovementKind.RETURN]
        balances[year] = {
            "released": released,
            "net_released": released - returned,  # "vrijgegeven" as every page shows it
            "spent": spent,
            "returned": returned,
            "unspent": released - spent - returned,
        }
    return balances


def _record(programme, year, kind, amount, subject_key, subject_label, user, decision=None, note=""):
    return BudgetMovement.objects.create(
        programme=programme,
        year=year,
        kind=kind,
        amount=amount,
        subject_key=subject_key,
        subject_label=subject_label,
        decision=decision,
        note=note,
        recorded_by=user,
    )


@transaction.atomic
def reserve(programme, year, amount, subject_key, subject_label, user, note=""):
    amount = money(amount)
    line = pilot_budget_line(programme, year, lock=True)
    balance = year_balance(programme, year)
    if amount > balance.available:
        raise LedgerError(
            _("Only %(left)s of the pilot budget for %(year)s is still free.")
            % {"left": euro(balance.available), "year": year}
        )
    return _record(line.post.programme, year, MovementKind.RESERVE, amount, subject_key, subject_label, user, note=note)


@transaction.atomic
def release(programme, year, amount, subject_key, subject_label, decision, user, note=""):
    amount = money(amount)
    if decision is None:
        raise LedgerError(_("Money is released only by a decision."))
    if decision.programme_id != programme.pk:
        raise LedgerError(_("This decision belongs to another programme."))
    pilot_budget_line(programme, year, lock=True)
    balance = year_balance(programme, year)
    left = balance.budget - balance.net_released - _outstanding_reservations(programme, year, subject_key)
    if amount > left:
        raise LedgerError(
            _("The pilot budget for %(year)s has %(left)s left; %(amount)s cannot be released.")
            % {"year": year, "left": euro(left), "amount": euro(amount)}
        )
    return _record(programme, year, MovementKind.RELEASE, amount, subject_key, subject_label, user, decision, note)


@transaction.atomic
def spend(programme, year, amount, subject_key, subject_label, user, note=""):
    amount = money(amount)
    pilot_budget_line(programme, year, lock=True)
    unspent = subject_balance(programme, year, subject_key)["unspent"]
    if amount > unspent:
        raise LedgerError(
            _("Only %(unspent)s released for %(year)s is not yet spent.") % {"unspent": euro(unspent), "year": year}
        )
    return _record(programme, year, MovementKind.SPEND, amount, subject_key, subject_label, user, note=note)


@transaction.atomic
def return_unspent(programme, year, subject_key, subject_label, user, amount=None, decision=None, note=""):
    """Returns released money that is not spent; all of it when no amount is given. None if nothing is left."""
    pilot_budget_line(programme, year, lock=True)
    unspent = subject_balance(programme, year, subject_key)["unspent"]
    if amount is None:
        if unspent <= 0:
            return None
        amount = unspent
    amount = money(amount)
    if amount > unspent:
        raise LedgerError(
            _("Only %(unspent)s released for %(year)s is unspent and can be returned.")
            % {"unspent": euro(unspent), "year": year}
        )
    return _record(programme, year, MovementKind.RETURN, amount, subject_key, subject_label, user, decision, note)
