"""Build programmes/reference/municipalities.csv and youth_regions.csv from the inputs in its sources/ folder.

Deterministic: the same inputs give the same bytes, rows sorted by CBS code. Run from the repository root:

    .venv/bin/python scripts/build_municipality_reference.py

What each input is and where it was republished: programmes/reference/README.md.
"""

import csv
import json
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from programmes.reference_data import (  # noqa: E402
    PROVINCE_BY_NAME,
    PROVINCES,
    REFERENCE_DIR,
    Municipality,
    YouthRegion,
    write_municipalities,
    write_youth_regions,
)

SOURCES = REFERENCE_DIR / "sources"
# Kerncijfers wijken en buurten 2024 (CBS 85984NED): AantalInwoners_5 is the population on 1 January 2024.
INHABITANTS_DATE = date(2024, 1, 1)


def _topology():
    with (SOURCES / "cartomap_jeugdregio_2024.topojson").open(encoding="utf-8") as fh:
        return json.load(fh)


def youth_regions():
    geometries = _topology()["objects"]["jeugdregio_2024"]["geometries"]
    return [YouthRegion(code=g["properties"]["statcode"], name=g["properties"]["statnaam"]) for g in geometries]


def youth_region_rings():
    """{JZ code: [ring, ...]} with each ring a list of (lon, lat), decoded from the quantised TopoJSON arcs."""
    topology = _topology()
    (scale_x, scale_y), (shift_x, shift_y) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:  # delta-encoded
            x, y = x + dx, y + dy
            points.append((x * scale_x + shift_x, y * scale_y + shift_y))
        arcs.append(points)
    rings = {}
    for geometry in topology["objects"]["jeugdregio_2024"]["geometries"]:
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        for polygon in polygons:
            for ring in polygon:
                points = []
                for index in ring:  # a negative index ~i is arc i reversed
                    arc = arcs[index] if index >= 0 else arcs[~index][::-1]
                    points.extend(arc if not points else arc[1:])
                rings.setdefault(geometry["id"], []).append(points)
    return rings


def _inside(lon, lat, rings):
    """Even-odd rule over all rings of a region: holes and separate islands come out right."""
    inside = False
    for ring in rings:
        for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
            if (y1 > lat) != (y2 > lat) and lon < x1 + (lat - y1) * (x2 - x1) / (y2 - y1):
                inside = not inside
    return inside


def youth_region_per_municipality():
    """{GM code: JZ code}: the jeugdregio polygon holding the municipality's interior point (sources/README)."""
    rings = youth_region_rings()
    with (SOURCES / "municipality_points.csv").open(encoding="utf-8", newline="") as fh:
        points = list(csv.DictReader(fh))
    result = {}
    for point in points:
        lon, lat = float(point["lon"]), float(point["lat"])
        hits = [code for code, region in rings.items() if _inside(lon, lat, region)]
        if len(hits) != 1:
            raise SystemExit(f"{point['cbs_code']} {point['name']}: in {len(hits)} youth regions {hits}, expected 1")
        result[point["cbs_code"]] = hits[0]
    return result


def inhabitants_per_municipality():
    with (SOURCES / "cbs_kwb_2024_gemeenten_inwoners.csv").open(encoding="utf-8", newline="") as fh:
        return {r["WijkenEnBuurten"]: int(r["AantalInwoners_5"]) for r in csv.DictReader(fh)}


def province(name):
    code = PROVINCE_BY_NAME[name]
    return code, PROVINCES[code]


def municipalities():
    with (SOURCES / "regioviewer_gemeenten_2025_extract.csv").open(encoding="utf-8", newline="") as fh:
        names = {r["gm_code"]: r["gm_naam"] for r in csv.DictReader(fh)}
    with (SOURCES / "regioviewer_gm_codes_and_provinces.csv").open(encoding="utf-8", newline="") as fh:
        provinces = {r["GM_code"]: r["province"] for r in csv.DictReader(fh, delimiter=";")}
    if set(names) != set(provinces):
        raise SystemExit(f"the two municipality lists differ: {sorted(set(names) ^ set(provinces))}")
    with (SOURCES / "mergers.csv").open(encoding="utf-8", newline="") as fh:
        mergers = {r["cbs_code"]: r for r in csv.DictReader(fh)}
    regions = {r.code: r.name for r in youth_regions()}
    region_of = youth_region_per_municipality()
    inhabitants = inhabitants_per_municipality()
    for label, known in (("youth region", region_of), ("inhabitants", inhabitants)):
        if set(known) != set(names):
            raise SystemExit(f"{label}: municipalities differ from the list: {sorted(set(known) ^ set(names))}")
    rows = {}
    for code, name in names.items():
        province_code, province_name = province(provinces[code])
        merger = mergers.get(code)
        rows[code] = Municipality(
            cbs_code=code,
            name=name,
            province_code=province_code,
            province=province_name,
            youth_region_code=region_of[code],
            youth_region=regions[region_of[code]],
            inhabitants=inhabitants[code],
            inhabitants_date=INHABITANTS_DATE,
            valid_from=date.fromisoformat(merger["valid_from"]) if merger and merger["valid_from"] else None,
        )
    for code, merger in mergers.items():
        if code in rows or not merger["valid_to"]:
            continue
        province_code, province_name = province(merger["province"])
        rows[code] = Municipality(
            cbs_code=code,
            name=merger["name"],
            province_code=province_code,
            province=province_name,
            valid_to=date.fromisoformat(merger["valid_to"]),
        )
    return list(rows.values())


def main():
    write_youth_regions(REFERENCE_DIR / "youth_regions.csv", youth_regions())
    rows = municipalities()
    write_municipalities(REFERENCE_DIR / "municipalities.csv", rows)
    current = sum(1 for m in rows if m.valid_to is None)
    print(f"{current} current and {len(rows) - current} ended municipalities, {len(youth_regions())} youth regions")


if __name__ == "__main__":
    main()
