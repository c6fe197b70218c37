"""The national municipality reference file (issue #22, item 1) and the readers of CBS's own downloads."""

import csv
import io
import re
from datetime import date

import pytest

from programmes.reference_data import (
    PROVINCES,
    ReferenceDataError,
    parse_cbs_gebieden,
    parse_cbs_population,
    read_reference,
)

RIVIERENLAND = {
    "West Betuwe",
    "Tiel",
    "Culemborg",
    "Zaltbommel",
    "Buren",
    "Maasdriel",
    "Neder-Betuwe",
    "West Maas en Waal",
}
# The bovenregionale samenwerking jeugd Noord-Holland Noord of seed 004, as the 17 municipalities are named today
# (Heerhugowaard and Langedijk merged into Dijk en Waard in 2022).
NHN = {
    "Kop van Noord-Holland": {"Den Helder", "Hollands Kroon", "Schagen", "Texel"},
    "West Friesland": {"Drechterland", "Enkhuizen", "Hoorn", "Koggenland", "Medemblik", "Opmeer", "Stede Broec"},
    "Alkmaar (Noord-Kennemerland)": {"Alkmaar", "Bergen (NH.)", "Castricum", "Dijk en Waard", "Heiloo", "Uitgeest"},
}


@pytest.fixture(scope="module")
def reference():
    return read_reference()


def test_the_file_has_every_current_municipality_once_with_a_cbs_code_and_province(reference):
    current = reference.current()
    assert len(current) == 342  # Gebieden in Nederland 2024 (and 2025): 342 municipalities
    codes = [m.cbs_code for m in reference.municipalities]
    assert len(codes) == len(set(codes)) and codes == sorted(codes)
    assert all(re.fullmatch(r"GM\d{4}", c) for c in codes)
    assert {m.province_code for m in current} == set(PROVINCES)
    assert all(PROVINCES[m.province_code] == m.province for m in reference.municipalities)
    names = {m.name for m in current}
    assert RIVIERENLAND <= names
    assert set().union(*NHN.values()) <= names and len(set().union(*NHN.values())) == 17


def test_the_west_betuwe_merger_is_recorded_with_its_dates(reference):
    by_code = {m.cbs_code: m for m in reference.municipalities}
    assert by_code["GM1960"].name == "West Betuwe"
    assert by_code["GM1960"].valid_from == date(2019, 1, 1) and by_code["GM1960"].is_current
    for code, name in (("GM0236", "Geldermalsen"), ("GM0733", "Lingewaal"), ("GM0304", "Neerijnen")):
        assert by_code[code].name == name
        assert by_code[code].valid_to == date(2018, 12, 31)
        assert by_code[code].province == "Gelderland"


def test_the_42_youth_regions_with_their_cbs_codes(reference):
    regions = {r.code: r.name for r in reference.youth_regions}
    assert len(regions) == 42
    assert all(re.fullmatch(r"JZ\d{2}", code) for code in regions)
    assert regions["JZ30"] == "Rivierenland"
    assert regions["JZ03"] == "Kop van Noord-Holland"
    assert regions["JZ05"] == "West Friesland"
    assert regions["JZ06"] == "Alkmaar (Noord-Kennemerland)"
    assert regions["JZ34"] == "West Brabant Oost"
    # A municipality's region, where the file gives one, is one of the 42.
    assert {m.youth_region_code for m in reference.municipalities} <= set(regions) | {""}


# A few rows in the shape of CBS's OData TypedDataSet of Gebieden in Nederland: codes and names padded with
# spaces, the region columns numbered per edition (the parser finds them by their PV/JZ values). Codes and names
# are CBS's; the column numbers of the JZ pair and the inhabitant figures are illustrative (no CBS download could
# be reached from here, see programmes/reference/README.md).
GEBIEDEN_ROWS = [
    {
        "ID": 0,
        "RegioS": "GM1960",
        "Code_1": "GM1960    ",
        "Naam_2": "West Betuwe                             ",
        "SorteringNaam_3": "West Betuwe",
        "Code_18": "JZ30    ",
        "Naam_19": "Rivierenland                            ",
        "Code_28": "PV25  ",
        "Naam_29": "Gelderland                    ",
        "Inwonertal_54": 52153,
    },
    {
        "ID": 1,
        "RegioS": "GM0281",
        "Code_1": "GM0281    ",
        "Naam_2": "Tiel                                    ",
        "SorteringNaam_3": "Tiel",
        "Code_18": "JZ30    ",
        "Naam_19": "Rivierenland                            ",
        "Code_28": "PV25  ",
        "Naam_29": "Gelderland                    ",
        "Inwonertal_54": 42944,
    },
    {
        "ID": 2,
        "RegioS": "GM0441",
        "Code_1": "GM0441    ",
        "Naam_2": "Schagen                                 ",
        "SorteringNaam_3": "Schagen",
        "Code_18": "JZ03    ",
        "Naam_19": "Kop van Noord-Holland                   ",
        "Code_28": "PV27  ",
        "Naam_29": "Noord-Holland                 ",
        "Inwonertal_54": None,
    },
]


def test_parse_cbs_gebieden_reads_municipalities_and_regions_from_a_cbs_download():
    municipalities, regions = parse_cbs_gebieden(GEBIEDEN_ROWS, year=2024)
    west_betuwe, tiel, schagen = sorted(municipalities, key=lambda m: m.name)[2], municipalities[0], municipalities[1]
    assert [m.cbs_code for m in municipalities] == ["GM0281", "GM0441", "GM1960"]
    assert (west_betuwe.name, west_betuwe.youth_region_code) == ("West Betuwe", "JZ30")
    assert west_betuwe.youth_region == "Rivierenland"
    assert (west_betuwe.province_code, west_betuwe.province) == ("PV25", "Gelderland")
    assert (west_betuwe.inhabitants, west_betuwe.inhabitants_date) == (52153, date(2024, 1, 1))
    assert tiel.name == "Tiel" and schagen.youth_region == "Kop van Noord-Holland"
    assert schagen.inhabitants is None and schagen.inhabitants_date is None
    assert [(r.code, r.name) for r in regions] == [("JZ03", "Kop van Noord-Holland"), ("JZ30", "Rivierenland")]


def test_parse_cbs_gebieden_reads_the_csv_download_too():
    text = (
        '"ID";"RegioS";"Code_1";"Naam_2";"Code_18";"Naam_19";"Code_28";"Naam_29"\n'
        '0;"GM1960";"GM1960    ";"West Betuwe   ";"JZ30    ";"Rivierenland   ";"PV25  ";"Gelderland   "\n'
    )
    municipalities, regions = parse_cbs_gebieden(csv.DictReader(io.StringIO(text), delimiter=";"), year=2024)
    assert municipalities[0].name == "West Betuwe" and regions[0].name == "Rivierenland"
    assert municipalities[0].inhabitants is None


def test_parse_cbs_gebieden_refuses_a_table_without_youth_regions():
    rows = [{k: v for k, v in GEBIEDEN_ROWS[0].items() if k not in ("Code_18", "Naam_19")}]
    with pytest.raises(ReferenceDataError):
        parse_cbs_gebieden(rows, year=2024)
    with pytest.raises(ReferenceDataError):
        parse_cbs_gebieden([{"RegioS": "NL01  ", "Code_1": "NL01"}], year=2024)


# Rows in the shape of CBS 03759ned (Bevolking op 1 januari; leeftijd, geslacht, burgerlijke staat, regio);
# the figures are illustrative.
POPULATION_ROWS = [
    {
        "ID": 1,
        "Geslacht": "T001038",
        "Leeftijd": "10000",
        "BurgerlijkeStaat": "T001019",
        "RegioS": "GM1960",
        "Perioden": "2023JJ00",
        "BevolkingOp1Januari_1": 51709,
    },
    {
        "ID": 2,
        "Geslacht": "T001038",
        "Leeftijd": "10000",
        "BurgerlijkeStaat": "T001019",
        "RegioS": "GM1960",
        "Perioden": "2024JJ00",
        "BevolkingOp1Januari_1": 52153,
    },
    {
        "ID": 3,
        "Geslacht": "3000",
        "Leeftijd": "10000",
        "BurgerlijkeStaat": "T001019",
        "RegioS": "GM1960",
        "Perioden": "2024JJ00",
        "BevolkingOp1Januari_1": 26100,
    },
    {
        "ID": 4,
        "Geslacht": "T001038",
        "Leeftijd": "10000",
        "BurgerlijkeStaat": "T001019",
        "RegioS": "PV25  ",
        "Perioden": "2024JJ00",
        "BevolkingOp1Januari_1": 2133708,
    },
    {
        "ID": 5,
        "Geslacht": "T001038",
        "Leeftijd": "10000",
        "BurgerlijkeStaat": "T001019",
        "RegioS": "GM0281",
        "Perioden": "2024JJ00",
        "BevolkingOp1Januari_1": None,
    },
]


def test_parse_cbs_population_takes_the_total_of_the_latest_1_january():
    figures = parse_cbs_population(POPULATION_ROWS)
    assert set(figures) == {"GM1960"}
    assert (figures["GM1960"].inhabitants, figures["GM1960"].reference_date) == (52153, date(2024, 1, 1))


def test_parse_cbs_population_reads_the_monthly_table():
    rows = [
        {"ID": 7, "RegioS": "GM0281", "Perioden": "2024MM01", "BevolkingAanHetBeginVanDePeriode_1": "42944"},
        {"ID": 8, "RegioS": "GM0281", "Perioden": "2024MM02", "BevolkingAanHetBeginVanDePeriode_1": "42950"},
    ]
    assert parse_cbs_population(rows)["GM0281"].reference_date == date(2024, 1, 1)


def test_parse_cbs_population_refuses_a_download_without_municipality_figures():
    with pytest.raises(ReferenceDataError):
        parse_cbs_population([{"RegioS": "NL01", "Perioden": "2024JJ00", "BevolkingOp1Januari_1": 17942942}])
    with pytest.raises(ReferenceDataError):
        parse_cbs_population([{"RegioS": "GM0281", "Perioden": "2024JJ00", "BevolkingOp1Januari_1": "veel"}])


def test_every_current_municipality_lies_in_exactly_one_of_the_42_youth_regions(reference):
    regions = {r.code: r.name for r in reference.youth_regions}
    current = reference.current()
    assert all(m.youth_region_code in regions for m in current)
    assert all(m.youth_region == regions[m.youth_region_code] for m in current)
    # Every region has municipalities; the largest (Zuidoost-Brabant, 21) and the single-municipality regions.
    per_region = {code: [m.name for m in current if m.youth_region_code == code] for code in regions}
    assert all(per_region.values())
    assert len(per_region["JZ39"]) == 21
    assert per_region["JZ22"] == ["Utrecht"] and per_region["JZ15"] == ["Haarlemmermeer"]
    # An ended municipality belongs to no region today.
    assert all(m.youth_region_code == "" for m in reference.municipalities if not m.is_current)


def test_rivierenland_is_its_eight_municipalities(reference):
    assert {m.name for m in reference.current() if m.youth_region_code == "JZ30"} == RIVIERENLAND


def test_the_noord_holland_noord_municipalities_lie_in_their_three_youth_regions(reference):
    for region, names in NHN.items():
        assert {m.name for m in reference.current() if m.youth_region == region} == names


def test_inhabitants_on_1_january_2024_for_every_current_municipality(reference):
    current = reference.current()
    assert all(m.inhabitants and m.inhabitants > 0 for m in current)
    assert {m.inhabitants_date for m in current} == {date(2024, 1, 1)}
    assert 17_500_000 < sum(m.inhabitants for m in current) < 18_500_000
    by_name = {m.name: m.inhabitants for m in current}
    assert max(by_name, key=by_name.get) == "Amsterdam" and min(by_name, key=by_name.get) == "Schiermonnikoog"
    ended = [m for m in reference.municipalities if not m.is_current]
    assert all(m.inhabitants is None and m.inhabitants_date is None for m in ended)
