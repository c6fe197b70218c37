"""Brings the national municipality reference up to date: from the shipped files, or from CBS's own download."""

import csv
import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from programmes.models import Municipality, Population, Region
from programmes.reference_data import (
    Reference,
    ReferenceDataError,
    parse_cbs_gebieden,
    parse_cbs_population,
    read_reference,
)
from programmes.reference_load import SHIPPED_POPULATION_SOURCE, sync_reference


def read_rows(path):
    """The records of a CBS download: the OData JSON (its "value") or the ;-separated CSV."""
    text = Path(path).read_text(encoding="utf-8-sig")
    if text.lstrip().startswith(("{", "[")):
        data = json.loads(text)
        return data["value"] if isinstance(data, dict) else data
    return list(csv.DictReader(text.splitlines(), delimiter=";"))


class Command(BaseCommand):
    help = (
        "Brings municipalities, youth-care regions and inhabitants up to date: without options from the shipped "
        "files (programmes/reference/), with --gebieden from CBS's download of Gebieden in Nederland <year> "
        "(and --population from a CBS population table). Adds and updates; never deletes."
    )

    def add_arguments(self, parser):
        parser.add_argument("--gebieden", help="CBS Gebieden in Nederland: TypedDataSet JSON or CSV download")
        parser.add_argument("--year", type=int, help="the year of that Gebieden in Nederland table")
        parser.add_argument("--population", help="a CBS population table (03759ned, 70072ned or 37230ned)")
        parser.add_argument("--source", help="how the inhabitants figures are credited (default: the table's name)")

    def handle(self, *args, **options):
        try:
            reference, source = self.reference(options)
        except (OSError, ValueError, KeyError, ReferenceDataError) as exc:
            raise CommandError(f"Nothing changed: {exc}") from exc
        with transaction.atomic():
            result = sync_reference(
                reference,
                region_model=Region,
                municipality_model=Municipality,
                population_model=Population,
                source=source,
            )
        self.stdout.write(
            f"Youth-care regions added: {result.regions_added}; municipalities added: "
            f"{result.municipalities_added}, updated: {result.municipalities_updated}; "
            f"inhabitants figures added: {result.figures_added}."
        )
        if result.unmatched:
            self.stdout.write(
                "Not in the reference (kept as they are; give them an end date if they no longer exist): "
                + ", ".join(result.unmatched)
            )

    def reference(self, options):
        if not options["gebieden"]:
            if options["population"]:
                raise ValueError("--population goes with --gebieden")
            return read_reference(), options["source"] or SHIPPED_POPULATION_SOURCE
        if not options["year"]:
            raise ValueError("--gebieden needs --year")
        municipalities, regions = parse_cbs_gebieden(read_rows(options["gebieden"]), options["year"])
        source = options["source"] or f"CBS, Gebieden in Nederland {options['year']}"
        if options["population"]:
            figures = parse_cbs_population(read_rows(options["population"]))
            municipalities = [
                m
                if m.cbs_code not in figures
                else type(m)(
                    **{
                        **m.__dict__,
                        "inhabitants": figures[m.cbs_code].inhabitants,
                        "inhabitants_date": figures[m.cbs_code].reference_date,
                    }
                )
                for m in municipalities
            ]
            source = options["source"] or "CBS, bevolkingstabel"
        return Reference(municipalities=tuple(municipalities), youth_regions=tuple(regions)), source
