"""National municipality reference data: the shipped CSVs and CBS's own download formats.

Pure Python, no models: `read_reference()` reads programmes/reference/*.csv (what a migration loads), and
`parse_cbs_gebieden()` / `parse_cbs_population()` read rows of CBS's OData TypedDataSet (JSON "value") or its
CSV download (`csv.DictReader(..., delimiter=";")`) into the same dataclasses, so a refresh can replace the
shipped file with CBS's own table. CBS pads codes and names with spaces and renumbers its columns every year
(the jeugdregio is `Code_nn`/`Naam_nn+1` with another nn each edition), so a column pair is found by the prefix
of its values (PV, JZ), never by its number. See programmes/reference/README.md for the sources.
"""

import csv
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

REFERENCE_DIR = Path(__file__).resolve().parent / "reference"
MUNICIPALITY_COLUMNS = (
    "cbs_code",
    "name",
    "province_code",
    "province",
    "youth_region_code",
    "youth_region",
    "inhabitants",
    "inhabitants_date",
    "valid_from",
    "valid_to",
)
YOUTH_REGION_COLUMNS = ("code", "name")
# CBS's province codes (Gebieden in Nederland, "Provincies"); the names as CBS writes them since 2019.
PROVINCES = {
    "PV20": "Groningen",
    "PV21": "Fryslân",
    "PV22": "Drenthe",
    "PV23": "Overijssel",
    "PV24": "Flevoland",
    "PV25": "Gelderland",
    "PV26": "Utrecht",
    "PV27": "Noord-Holland",
    "PV28": "Zuid-Holland",
    "PV29": "Zeeland",
    "PV30": "Noord-Brabant",
    "PV31": "Limburg",
}
PROVINCE_BY_NAME = {name: code for code, name in PROVINCES.items()} | {"Friesland": "PV21"}
GM_CODE = re.compile(r"^GM\d{4}$")
JZ_CODE = re.compile(r"^JZ\d{2}$")
# Totals of the breakdowns in CBS's population tables (03759ned): men and women, all ages, any marital status.
POPULATION_TOTALS = {"Geslacht": "T001038", "Leeftijd": "10000", "BurgerlijkeStaat": "T001019"}
POPULATION_MEASURES = ("BevolkingOp1Januari", "TotaleBevolking", "BevolkingAanHetBeginVanDePeriode")
PERIOD = re.compile(r"^(\d{4})(JJ00|MM01)$")


class ReferenceDataError(ValueError):
    """A file or CBS download that does not have the expected shape; nothing is read from it."""


@dataclass(frozen=True)
class YouthRegion:
    code: str
    name: str


@dataclass(frozen=True)
class Municipality:
    cbs_code: str
    name: str
    province_code: str
    province: str
    youth_region_code: str = ""
    youth_region: str = ""
    inhabitants: int | None = None
    inhabitants_date: date | None = None
    valid_from: date | None = None
    valid_to: date | None = None

    @property
    def is_current(self):
        return self.valid_to is None


@dataclass(frozen=True)
class Population:
    cbs_code: str
    inhabitants: int
    reference_date: date


@dataclass(frozen=True)
class Reference:
    municipalities: tuple[Municipality, ...]
    youth_regions: tuple[YouthRegion, ...]

    def current(self):
        return [m for m in self.municipalities if m.is_current]


def _date(value):
    return date.fromisoformat(value) if value else None


def _int(value):
    return int(value) if value not in ("", None) else None


def _clean(value):
    return str(value).strip() if value is not None else ""


def read_reference(directory=REFERENCE_DIR):
    """The shipped municipalities and youth regions, as dataclasses, in file order (sorted by code)."""
    directory = Path(directory)
    with (directory / "youth_regions.csv").open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        if tuple(reader.fieldnames or ()) != YOUTH_REGION_COLUMNS:
            raise ReferenceDataError(f"youth_regions.csv: columns {reader.fieldnames}, expected {YOUTH_REGION_COLUMNS}")
        regions = tuple(YouthRegion(code=r["code"], name=r["name"]) for r in reader)
    with (directory / "municipalities.csv").open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        if tuple(reader.fieldnames or ()) != MUNICIPALITY_COLUMNS:
            raise ReferenceDataError(
                f"municipalities.csv: columns {reader.fieldnames}, expected {MUNICIPALITY_COLUMNS}"
            )
        municipalities = tuple(
            Municipality(
                cbs_code=r["cbs_code"],
                name=r["name"],
                province_code=r["province_code"],
                province=r["province"],
                youth_region_code=r["youth_region_code"],
                youth_region=r["youth_region"],
                inhabitants=_int(r["inhabitants"]),
                inhabitants_date=_date(r["inhabitants_date"]),
                valid_from=_date(r["valid_from"]),
                valid_to=_date(r["valid_to"]),
            )
            for r in reader
        )
    return Reference(municipalities=municipalities, youth_regions=regions)


def write_municipalities(path, municipalities):
    """Write the file read_reference() reads: one row per municipality, sorted by CBS code."""
    with Path(path).open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(MUNICIPALITY_COLUMNS)
        for m in sorted(municipalities, key=lambda m: m.cbs_code):
            writer.writerow(
                [
                    m.cbs_code,
                    m.name,
                    m.province_code,
                    m.province,
                    m.youth_region_code,
                    m.youth_region,
                    "" if m.inhabitants is None else m.inhabitants,
                    m.inhabitants_date.isoformat() if m.inhabitants_date else "",
                    m.valid_from.isoformat() if m.valid_from else "",
                    m.valid_to.isoformat() if m.valid_to else "",
                ]
            )


def write_youth_regions(path, regions):
    with Path(path).open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(YOUTH_REGION_COLUMNS)
        for r in sorted(regions, key=lambda r: r.code):
            writer.writerow([r.code, r.name])


def _pair(row, prefix):
    """The (Code_n, Naam_n+1) keys whose code value starts with `prefix`, or None."""
    for key, value in row.items():
        if key.startswith("Code_") and _clean(value).startswith(prefix):
            name_key = f"Naam_{int(key.split('_')[1]) + 1}"
            if name_key in row:
                return key, name_key
    return None


def parse_cbs_gebieden(rows, year):
    """Municipalities and youth regions from CBS *Gebieden in Nederland <year>* (e.g. 85755NED for 2024).

    `rows` are the records of the TypedDataSet or of the CSV download; one row per municipality, its own code in
    `Code_1` (or the key `RegioS`) and name in `Naam_2`. The inhabitants column (`Inwonertal_nn`) is CBS's
    figure on 1 January of `year`; where the table has none, inhabitants stay empty.
    """
    rows = [r for r in rows if GM_CODE.match(_clean(r.get("Code_1") or r.get("RegioS")))]
    if not rows:
        raise ReferenceDataError("no municipality rows (codes GMnnnn in Code_1 or RegioS) in this download")
    first = rows[0]
    province, youth = _pair(first, "PV"), _pair(first, "JZ")
    if province is None or youth is None:
        raise ReferenceDataError("no province (PV) or youth region (JZ) columns in this download")
    population = next((k for k in first if k.startswith("Inwonertal")), None)
    municipalities, regions = [], {}
    for r in rows:
        code = _clean(r.get("Code_1") or r.get("RegioS"))
        jz_code, jz_name = _clean(r[youth[0]]), _clean(r[youth[1]])
        if not JZ_CODE.match(jz_code):
            raise ReferenceDataError(f"{code}: youth region code {jz_code!r} is not of the form JZnn")
        regions[jz_code] = YouthRegion(code=jz_code, name=jz_name)
        inhabitants = _int(_clean(r[population])) if population else None
        municipalities.append(
            Municipality(
                cbs_code=code,
                name=_clean(r["Naam_2"]),
                province_code=_clean(r[province[0]]),
                province=_clean(r[province[1]]),
                youth_region_code=jz_code,
                youth_region=jz_name,
                inhabitants=inhabitants,
                inhabitants_date=date(year, 1, 1) if inhabitants is not None else None,
            )
        )
    return sorted(municipalities, key=lambda m: m.cbs_code), sorted(regions.values(), key=lambda r: r.code)


def parse_cbs_population(rows):
    """Inhabitants per municipality from a CBS population table, the latest period per municipality.

    Reads 03759ned (*Bevolking op 1 januari*: `BevolkingOp1Januari_n`, with the totals of Geslacht, Leeftijd and
    BurgerlijkeStaat), 70072ned (*Regionale kerncijfers*: `TotaleBevolking_n`) and 37230ned (*Bevolkingsontwikkeling
    per maand*: `BevolkingAanHetBeginVanDePeriode_n`, period MM01). Periods `2024JJ00` and `2024MM01` both mean
    the population on 1 January 2024.
    """
    result = {}
    for r in rows:
        code = _clean(r.get("RegioS"))
        if not GM_CODE.match(code):
            continue
        if any(key in r and _clean(r[key]) != total for key, total in POPULATION_TOTALS.items()):
            continue
        measure = next((k for k in r if k.startswith(POPULATION_MEASURES)), None)
        period = PERIOD.match(_clean(r.get("Perioden")))
        if measure is None or period is None:
            continue
        value = _clean(r[measure])
        if not value or value == ".":
            continue
        reference_date = date(int(period.group(1)), 1, 1)
        try:
            inhabitants = int(float(value))
        except ValueError as exc:
            raise ReferenceDataError(f"{code}: inhabitants {value!r} is not a number") from exc
        known = result.get(code)
        if known is None or known.reference_date < reference_date:
            result[code] = Population(cbs_code=code, inhabitants=inhabitants, reference_date=reference_date)
    if not result:
        raise ReferenceDataError("no municipality population figures (RegioS GMnnnn with a 1 January period) found")
    return result
