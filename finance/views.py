from django.db.models import Prefetch
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from core.exports import export
from programmes.views.mixins import ProgrammePermissionMixin

from . import ledger, split
from .constants import SplitKey
from .models import BudgetLine, BudgetPost, FundingSource


def budget_years(programme):
    return sorted(set(BudgetLine.objects.filter(post__programme=programme).values_list("year", flat=True)))


def share_rows(shares):
    """The cost split's rows of the export, in the page's order: per youth-care region its municipalities and its
    sub-total when the participants lie in more than one."""
    if not shares["regions"]:
        return [(row.municipality.name, *row.amounts) for row in shares["rows"]]
    rows = []
    for group in shares["regions"]:
        rows += [(row.municipality.name, *row.amounts) for row in group.rows]
        rows.append((group.subtotal_label, *group.totals))
    return rows


class BudgetView(ProgrammePermissionMixin, TemplateView):
    """The budget as the programme document prints it, the pilot money per year and the cost split."""

    template_name = "finance/budget.html"

    def get(self, request, *args, **kwargs):
        kind = request.GET.get("export")
        if kind not in ("csv", "xlsx"):
            return super().get(request, *args, **kwargs)
        context = self.get_context_data(**kwargs)
        years = context["years"]
        headers = [_("Post"), *[str(y) for y in years]]
        rows = [(row["post"].name, *row["amounts"]) for row in context["rows"]]
        rows.append((_("Total"), *[t["budget"] for t in context["totals"]]))
        rows += [(item["name"], *item["amounts"]) for item in context["funding"]]
        rows += share_rows(context["shares"])
        # Pilot money as the budget page shows it: "released" is released by decisions minus what returned.
        balances = {b.year: b for b in context["pilot_years"]}
        for label, attribute in ((_("Pilot money released"), "net_released"), (_("Pilot money spent"), "spent")):
            rows.append((label, *[getattr(balances[y], attribute) if y in balances else None for y in years]))
        return export(rows, headers, "begroting", kind, user=request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        programme = self.programme
        years = budget_years(programme)
        posts = list(
            BudgetPost.objects.filter(programme=programme).prefetch_related(
                Prefetch("lines", queryset=BudgetLine.objects.order_by("year"))
            )
        )
        rows = []
        for post in posts:
            by_year = {line.year: line.amount for line in post.lines.all()}
            rows.append({"post": post, "amounts": [by_year.get(year) for year in years]})
        funding_names = {}
        for source in FundingSource.objects.filter(programme=programme):
            funding_names.setdefault(source.name, {"explanation": source.explanation, "amounts": {}})
            funding_names[source.name]["amounts"][source.year] = source.amount
        per_year = split.years_totals(programme, years)
        totals = [per_year[year] for year in years]
        pilot_years = []
        if any(post.holds_pilot_money for post in posts):
            pilot_years = ledger.year_balances(programme, years)
        shares = split.municipal_shares(programme, years, totals=per_year)
        context.update(
            programme=programme,
            years=years,
            rows=rows,
            funding=[
                {"name": name, "explanation": data["explanation"], "amounts": [data["amounts"].get(y) for y in years]}
                for name, data in funding_names.items()
            ],
            totals=totals,
            pilot_years=pilot_years,
            shares=shares,
            split_groups=shares["regions"] or [split.RegionGroup(None, shares["rows"])],
            split_columns=len(years) + 4,
            split_key_label=SplitKey(shares["key"]).label.lower(),
        )
        return context
