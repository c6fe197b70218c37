"""One-off derivation of municipality_points.csv: one point well inside each current municipality.

Not part of the build and not run by the tests. It needs packages the project does not install; run it in a
scratch virtualenv (`pip install rdata==1.1.0 shapely==2.2.0 pyproj==3.7.2`):

    python derive_municipality_points.py geo_gemeenten.rda ../municipalities.csv > municipality_points.csv

Input: `data/geo_gemeenten.rda` of the R package repository certe-medical-epidemiology/certegis (commit 53de1e1):
CBS's generalised municipal boundaries (gebiedsindeling `gemeente_gegeneraliseerd`, EPSG:28992) as sf polygons
named by municipality. Its layout is that of 2022/2023, so a 2024 municipality formed by a merger is the union of
its predecessors, and a few names are written without CBS's suffix. For each municipality the pole of
inaccessibility of its largest polygon (the point farthest from its boundary, 10 m tolerance) is converted to WGS84.
Every point lies at least 900 m inside its municipality, ten times the 0.001 degree grid of the jeugdregio map.
"""

import csv
import sys

import rdata
from pyproj import Transformer
from shapely.geometry import MultiPolygon, Polygon
from shapely.ops import polylabel, unary_union

# 2024 name -> the names of its area in the certegis file.
SOURCE_NAMES = {
    "Amsterdam": ["Amsterdam", "Weesp"],
    "Beek (L.)": ["Beek"],
    "Hengelo (O.)": ["Hengelo"],
    "Hoeksche Waard": ["Hoekse Waard"],
    "Laren (NH.)": ["Laren"],
    "Middelburg (Z.)": ["Middelburg"],
    "Rijswijk (ZH.)": ["Rijswijk"],
    "Stein (L.)": ["Stein"],
    "Voorne aan Zee": ["Brielle", "Hellevoetsluis", "Westvoorne"],
}


def geometry(sf_multipolygon):
    polygons = [Polygon(rings[0], rings[1:]) for rings in sf_multipolygon]
    return MultiPolygon(polygons) if len(polygons) > 1 else polygons[0]


def main(rda_path, municipalities_path):
    frame = rdata.conversion.convert(rdata.parser.parse_file(rda_path), default_encoding="utf8")["geo_gemeenten"]
    shapes = {str(name): geometry(g).buffer(0) for name, g in zip(frame["gemeente"], frame["geometry"], strict=True)}
    with open(municipalities_path, encoding="utf-8", newline="") as fh:
        current = [r for r in csv.DictReader(fh) if not r["valid_to"]]
    to_wgs84 = Transformer.from_crs(28992, 4326, always_xy=True)
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(["cbs_code", "name", "lon", "lat"])
    for row in sorted(current, key=lambda r: r["cbs_code"]):
        area = unary_union([shapes[n] for n in SOURCE_NAMES.get(row["name"], [row["name"]])])
        largest = max(area.geoms, key=lambda p: p.area) if area.geom_type == "MultiPolygon" else area
        point = polylabel(largest, tolerance=10)
        lon, lat = to_wgs84.transform(point.x, point.y)
        writer.writerow([row["cbs_code"], row["name"], f"{lon:.6f}", f"{lat:.6f}"])


if __name__ == "__main__":
    main(*sys.argv[1:3])
