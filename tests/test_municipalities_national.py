"""Municipalities are national reference data: loaded once by a migration, matched by code or name, refreshed from
CBS's own download by a command that adds and updates but never deletes (issue #22, item 1)."""

import datetime as dt
import json

import pytest
from django.core.management import CommandError, call_command

from programmes.models import Municipality, Population, Region
from programmes.reference_data import read_reference
from programmes.reference_load import SHIPPED_POPULATION_SOURCE, sync_reference

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def national_reference(db):
    """What the migration loaded: again, since a transactional test before this one (a live server, a browser) may
    have emptied every table; loading is idempotent, so on a fresh test database it changes nothing."""
    sync_reference(
        read_reference(),
        region_model=Region,
        municipality_model=Municipality,
        population_model=Population,
        source=SHIPPED_POPULATION_SOURCE,
    )


def refresh(*args):
    out = open("/dev/null", "w")
    call_command("refresh_municipalities", *args, stdout=out)


def test_every_dutch_municipality_is_there_once_with_its_region_and_inhabitants():
    current = Municipality.objects.filter(valid_to__isnull=True)
    assert current.count() == 342
    assert Region.objects.count() == 42
    assert not current.filter(region__isnull=True).exists()
    assert not current.filter(cbs_code__isnull=True).exists()
    west_betuwe = Municipality.objects.get(cbs_code="GM1960")
    assert (west_betuwe.name, west_betuwe.province) == ("West Betuwe", "Gelderland")
    assert west_betuwe.region.code == "JZ30"
    assert west_betuwe.valid_from == dt.date(2019, 1, 1)
    assert west_betuwe.populations.get().reference_date == dt.date(2024, 1, 1)


def test_the_municipalities_that_merged_into_west_betuwe_are_kept_with_their_end_date():
    ended = Municipality.objects.filter(cbs_code__in=["GM0236", "GM0733", "GM0304"])
    assert sorted(m.name for m in ended) == ["Geldermalsen", "Lingewaal", "Neerijnen"]
    assert {m.valid_to for m in ended} == {dt.date(2018, 12, 31)}


def test_the_noord_holland_noord_municipalities_are_in_three_youth_care_regions():
    names = ["Den Helder", "Schagen", "Texel", "Hollands Kroon", "Hoorn", "Enkhuizen", "Alkmaar", "Heiloo"]
    regions = Municipality.objects.filter(name__in=names).values_list("region__name", flat=True)
    assert len(set(regions)) == 3


def test_the_demo_uses_the_national_rows_and_keeps_the_seed_figures(settings):
    settings.DEMO_PASSWORD = "x"
    before = Municipality.objects.count()
    call_command("load_demo", stdout=open("/dev/null", "w"))
    assert Municipality.objects.count() == before  # no municipality twice
    tiel = Municipality.objects.get(name="Tiel")
    assert [c.name for c in tiel.collaborations.all()] == ["Rivierenland"]
    assert tiel.region.code == "JZ30"
    assert tiel.inhabitants == 42159  # the figure in use: seed 002, January 2021
    assert tiel.populations.get(source=SHIPPED_POPULATION_SOURCE).inhabitants != 42159  # CBS 2024, beside it


def test_an_existing_municipality_is_matched_by_name_and_keeps_its_figure_in_use():
    Municipality.objects.filter(cbs_code="GM0281").update(cbs_code=None, name="Gemeente Tiel", inhabitants=40000)
    result = sync_reference(
        read_reference(),
        region_model=Region,
        municipality_model=Municipality,
        population_model=Population,
        source=SHIPPED_POPULATION_SOURCE,
    )
    tiel = Municipality.objects.get(cbs_code="GM0281")
    assert (tiel.name, tiel.inhabitants) == ("Gemeente Tiel", 40000)
    assert result.municipalities_added == 0 and result.unmatched == []


def test_refreshing_from_the_shipped_files_changes_nothing():
    before = (Municipality.objects.count(), Population.objects.count(), Region.objects.count())
    refresh()
    assert (Municipality.objects.count(), Population.objects.count(), Region.objects.count()) == before


def cbs_row(code, name, jz, jz_name, inhabitants):
    # CBS pads codes and names with spaces and numbers its columns per edition.
    return {
        "ID": 1,
        "RegioS": f"{code}    ",
        "Code_1": f"{code}    ",
        "Naam_2": f"{name}                    ",
        "Code_18": f"{jz}    ",
        "Naam_19": f"{jz_name}              ",
        "Code_28": "PV25  ",
        "Naam_29": "Gelderland              ",
        "Inwonertal_54": inhabitants,
    }


def test_a_cbs_download_adds_a_new_municipality_and_new_figures_and_deletes_nothing(tmp_path):
    download = tmp_path / "gebieden.json"
    rows = [
        cbs_row("GM0281", "Tiel", "JZ30", "Rivierenland", 43600),
        cbs_row("GM9999", "Nieuwe Gemeente", "JZ30", "Rivierenland", 12345),
    ]
    download.write_text(json.dumps({"value": rows}), encoding="utf-8")
    before = Municipality.objects.count()
    refresh("--gebieden", str(download), "--year", "2026")
    assert Municipality.objects.count() == before + 1
    new = Municipality.objects.get(cbs_code="GM9999")
    assert (new.name, new.region.code, new.inhabitants) == ("Nieuwe Gemeente", "JZ30", 12345)
    tiel = Municipality.objects.get(cbs_code="GM0281")
    assert list(tiel.populations.values_list("reference_date", "inhabitants")) == [
        (dt.date(2026, 1, 1), 43600),
        (dt.date(2024, 1, 1), tiel.populations.get(reference_date=dt.date(2024, 1, 1)).inhabitants),
    ]
    refresh("--gebieden", str(download), "--year", "2026")  # twice is once
    assert Municipality.objects.count() == before + 1
    assert tiel.populations.count() == 2


def test_a_download_of_the_wrong_table_changes_nothing(tmp_path):
    download = tmp_path / "other.json"
    download.write_text(json.dumps({"value": [{"RegioS": "NL01", "Code_1": "NL01"}]}), encoding="utf-8")
    before = (Municipality.objects.count(), Population.objects.count())
    with pytest.raises(CommandError, match="Nothing changed"):
        refresh("--gebieden", str(download), "--year", "2026")
    with pytest.raises(CommandError, match="--year"):
        refresh("--gebieden", str(download))
    assert (Municipality.objects.count(), Population.objects.count()) == before
