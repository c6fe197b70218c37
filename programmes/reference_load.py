"""Bringing the national reference (programmes/reference_data.Reference) into the database.

One function for the migration that loads the shipped files and for `manage.py refresh_municipalities`, which
reads CBS's own download: the migration passes its historical models, the command the real ones. It adds and
updates, never deletes: a municipality that ended gets its end date and stays, with everything that points at it.

An existing municipality is matched by its CBS code, else by its name ("Gemeente Tiel" and "Tiel" alike, any
case). Its inhabitants figure in use is left as it is (the demo keeps seed 002's figures of January 2021, a
collaboration its own agreed figure); the reference figure is added as a Population row beside it.
"""

import re
from dataclasses import dataclass, field

SHIPPED_POPULATION_SOURCE = "CBS, Kerncijfers wijken en buurten 2024 (85984NED)"
_PREFIX = re.compile(r"^gemeente\s+", re.IGNORECASE)


def name_key(name):
    return " ".join(_PREFIX.sub("", name or "").casefold().split())


@dataclass
class SyncResult:
    regions_added: int = 0
    municipalities_added: int = 0
    municipalities_updated: int = 0
    figures_added: int = 0
    unmatched: list = field(default_factory=list)  # existing municipalities the reference does not know


def sync_reference(reference, *, region_model, municipality_model, population_model, source, region_field="region"):
    """Make the database hold `reference`: regions, municipalities and their inhabitants figures.

    `region_field` names the municipality's youth-care region as the passed model knows it (before migration 0009 it
    was `youth_care_region`)."""
    result = SyncResult()
    regions = {r.code: r for r in region_model.objects.all()}
    for region in reference.youth_regions:
        known = regions.get(region.code)
        if known is None:
            regions[region.code] = region_model.objects.create(code=region.code, name=region.name)
            result.regions_added += 1
        elif known.name != region.name:
            known.name = region.name
            known.save(update_fields=["name"])

    existing = list(municipality_model.objects.all())
    by_code = {m.cbs_code: m for m in existing if m.cbs_code}
    by_name = {name_key(m.name): m for m in existing}
    seen = set()
    for item in reference.municipalities:
        region = regions.get(item.youth_region_code) if item.youth_region_code else None
        values = {
            "cbs_code": item.cbs_code,
            "province": item.province,
            region_field: region,
            "valid_from": item.valid_from,
            "valid_to": item.valid_to,
        }
        municipality = by_code.get(item.cbs_code) or by_name.get(name_key(item.name))
        if municipality is None:
            municipality = municipality_model.objects.create(
                name=item.name,
                inhabitants=item.inhabitants,
                inhabitants_reference=f"{source}, {item.inhabitants_date:%d-%m-%Y}" if item.inhabitants else "",
                **values,
            )
            result.municipalities_added += 1
        else:
            changed = [name for name, value in values.items() if getattr(municipality, name) != value]
            if changed:
                for name in changed:
                    setattr(municipality, name, values[name])
                municipality.save(update_fields=changed)
                result.municipalities_updated += 1
        seen.add(municipality.pk)
        if item.inhabitants and item.inhabitants_date:
            _, created = population_model.objects.get_or_create(
                municipality=municipality,
                reference_date=item.inhabitants_date,
                source=source,
                defaults={"inhabitants": item.inhabitants},
            )
            result.figures_added += int(created)
    result.unmatched = sorted(m.name for m in existing if m.pk not in seen)
    return result
