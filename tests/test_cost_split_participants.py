"""The cost split follows the participants (#22, step 3).

By inhabitants, a cost split that names a reference date uses each participant's figure of that date, so a later CBS
figure does not change it; a missing figure is said, never counted as 0. Fixed percentages name only participants and
add up to exactly 100 %. A collaboration whose municipalities lie in more than one youth-care region gets a sub-total
per region, and the sub-totals add up to the grand total to the euro."""

import csv
import datetime as dt
import io
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from lxml import html as lxml_html

from finance.models import BudgetLine, BudgetPost, CostSplit, FixedShare, FundingSource
from finance.split import check_fixed_shares, municipal_shares
from programmes.models import Municipality, Participation, Population, Programme
from tests.factories import PASSWORD

REGIO_ALKMAAR = ["Alkmaar", "Heiloo"]
KOP_VAN_NOORD_HOLLAND = ["Den Helder", "Texel"]
SHIPPED = dt.date(2024, 1, 1)  # the date of the inhabitants figures shipped with the national reference


def take_part(programme, *names):
    for name in names:
        Participation.objects.create(
            collaboration=programme.collaboration, municipality=Municipality.objects.get(name=name)
        )


def budget(programme, amount, funding=0, year=2026):
    post = BudgetPost.objects.create(programme=programme, name="Projectleider")
    BudgetLine.objects.create(post=post, year=year, amount=Decimal(amount))
    if funding:
        FundingSource.objects.create(programme=programme, year=year, name="Provincie", amount=Decimal(funding))


def shares_of(programme, year=2026):
    return {row.municipality.name: row.amounts[0] for row in municipal_shares(programme, [year])["rows"]}


def figure(name, on=SHIPPED):
    return Population.objects.get(municipality__name=name, reference_date=on).inhabitants


@pytest.fixture
def page(client, manager):
    client.login(username=manager.username, password=PASSWORD)

    def get(programme, **query):
        response = client.get(reverse("finance:budget", args=[programme.pk]), query)
        assert response.status_code == 200
        return response

    return get


@pytest.fixture
def admin_client_(client, admin_user):
    assert client.login(username=admin_user.username, password=PASSWORD)
    return client


def split_form(programme, key, inhabitants_date="", shares=(), initial=0):
    data = {
        "programme": programme.pk,
        "key": key,
        "inhabitants_date": inhabitants_date,
        "note": "",
        "shares-TOTAL_FORMS": str(len(shares)),
        "shares-INITIAL_FORMS": str(initial),
        "shares-MIN_NUM_FORMS": "0",
        "shares-MAX_NUM_FORMS": "1000",
    }
    for n, (name, percentage) in enumerate(shares):
        data[f"shares-{n}-municipality"] = str(Municipality.objects.get(name=name).pk)
        data[f"shares-{n}-percentage"] = percentage
    return data


def test_the_two_regions_of_the_example_are_what_cbs_says(db):
    regions = {name: Municipality.objects.get(name=name).region.name for name in REGIO_ALKMAAR + KOP_VAN_NOORD_HOLLAND}
    assert regions == {
        "Alkmaar": "Alkmaar (Noord-Kennemerland)",
        "Heiloo": "Alkmaar (Noord-Kennemerland)",
        "Den Helder": "Kop van Noord-Holland",
        "Texel": "Kop van Noord-Holland",
    }


def test_the_split_uses_the_figures_of_its_reference_date_and_a_later_cbs_figure_does_not_change_it(programme, page):
    take_part(programme, *REGIO_ALKMAAR)
    budget(programme, 50000)
    CostSplit.objects.create(programme=programme, key="inhabitants", inhabitants_date=dt.date(2024, 6, 30))
    alkmaar, heiloo = figure("Alkmaar"), figure("Heiloo")
    before = shares_of(programme)
    assert before["Alkmaar"] + before["Heiloo"] == 50000
    assert abs(before["Alkmaar"] - Decimal(50000) * alkmaar / (alkmaar + heiloo)) < 1

    # CBS publishes the figures of 1 January 2025, and corrects Alkmaar's: new rows, after the reference date.
    Population.objects.create(
        municipality=Municipality.objects.get(name="Alkmaar"),
        reference_date=dt.date(2025, 1, 1),
        inhabitants=alkmaar * 2,
        source="CBS, bevolkingsaantallen 2025",
    )
    assert shares_of(programme) == before

    text = page(programme).content.decode()
    assert f"{alkmaar:,}".replace(",", ".") in text
    assert "CBS, Kerncijfers wijken en buurten 2024 (85984NED), 1 januari 2024" in text
    assert "Inwonertallen van 30 juni 2024" in text


def test_a_split_whose_date_lies_after_the_correction_uses_the_correction(programme):
    take_part(programme, *REGIO_ALKMAAR)
    budget(programme, 50000)
    split = CostSplit.objects.create(programme=programme, key="inhabitants", inhabitants_date=dt.date(2025, 6, 30))
    before = shares_of(programme)
    Population.objects.create(
        municipality=Municipality.objects.get(name="Alkmaar"),
        reference_date=dt.date(2025, 1, 1),
        inhabitants=figure("Heiloo"),
        source="CBS, bevolkingsaantallen 2025",
    )
    assert shares_of(programme) != before
    assert shares_of(programme) == {"Alkmaar": 25000, "Heiloo": 25000}
    split.inhabitants_date = dt.date(2024, 12, 31)
    split.save()
    assert shares_of(programme) == before


def test_a_missing_figure_is_said_on_the_budget_page_and_no_share_is_counted_as_zero(programme, page):
    take_part(programme, *REGIO_ALKMAAR)
    budget(programme, 50000)
    CostSplit.objects.create(programme=programme, key="inhabitants", inhabitants_date=dt.date(2019, 1, 1))

    document = lxml_html.fromstring(page(programme).content.decode())

    problems = [" ".join(p.text_content().split()) for p in document.xpath("//*[@data-split='problem']")]
    assert problems == [
        "Geen inwonertal op of vóór 1 januari 2019 voor: Alkmaar, Heiloo. De aandelen naar inwonertal kunnen pas "
        "worden berekend als een beheerder het inwonertal toevoegt of een andere peildatum kiest."
    ]
    cells = [td.text_content().strip() for td in document.xpath("//tr[@data-share='Heiloo']/td")]
    assert cells[1] == "onbekend"
    assert "€\xa00" not in cells and cells[3] == "–"


def test_the_admin_refuses_a_reference_date_without_figures_in_dutch_and_saves_nothing(admin_client_, programme):
    take_part(programme, *REGIO_ALKMAAR)
    response = admin_client_.post(
        reverse("admin:finance_costsplit_add"), split_form(programme, "inhabitants", "2019-01-01")
    )
    assert response.status_code == 200
    assert "Geen inwonertal op of vóór 1 januari 2019 voor: Alkmaar, Heiloo." in response.content.decode()
    assert not CostSplit.objects.exists()


def test_the_admin_shows_the_figures_a_split_uses_and_one_that_is_missing(admin_client_, programme):
    take_part(programme, *REGIO_ALKMAAR)
    split = CostSplit.objects.create(programme=programme, key="equal", inhabitants_date=dt.date(2024, 3, 1))
    ended = Municipality.objects.filter(valid_to__isnull=False, inhabitants__isnull=True).first()
    Participation.objects.create(collaboration=programme.collaboration, municipality=ended)

    text = admin_client_.get(reverse("admin:finance_costsplit_change", args=[split.pk])).content.decode()

    assert f"Geen inwonertal op of vóór 1 maart 2024 voor: {ended.name}." in text
    assert "CBS, Kerncijfers wijken en buurten 2024 (85984NED), 1 januari 2024" in text


def test_fixed_percentages_that_do_not_add_up_to_100_are_refused_in_dutch_and_nothing_is_saved(
    admin_client_, programme
):
    take_part(programme, *REGIO_ALKMAAR)
    split = CostSplit.objects.create(programme=programme, key="equal")

    response = admin_client_.post(
        reverse("admin:finance_costsplit_change", args=[split.pk]),
        split_form(programme, "fixed", shares=[("Alkmaar", "60"), ("Heiloo", "30,5")]),
    )

    assert response.status_code == 200
    assert "De vaste percentages tellen op tot 90,5 %; samen moeten ze precies 100 % zijn." in (
        response.content.decode()
    )
    split.refresh_from_db()
    assert split.key == "equal" and not FixedShare.objects.exists()


def test_fixed_percentages_of_exactly_100_are_saved(admin_client_, programme):
    take_part(programme, *REGIO_ALKMAAR)
    split = CostSplit.objects.create(programme=programme, key="equal")
    response = admin_client_.post(
        reverse("admin:finance_costsplit_change", args=[split.pk]),
        split_form(programme, "fixed", shares=[("Alkmaar", "66,667"), ("Heiloo", "33,333")]),
    )
    assert response.status_code == 302
    budget(programme, 30000)
    assert shares_of(programme) == {"Alkmaar": 20000, "Heiloo": 10000}


def test_a_fixed_share_for_a_municipality_that_does_not_take_part_is_refused(admin_client_, programme):
    take_part(programme, *REGIO_ALKMAAR)

    response = admin_client_.post(
        reverse("admin:finance_costsplit_add"),
        split_form(programme, "fixed", shares=[("Alkmaar", "50"), ("Den Helder", "50")]),
    )

    assert response.status_code == 200
    assert "Kies alleen wat bij Uitvoeringsprogramma test en zijn samenwerkingsverband hoort" in (
        response.content.decode()
    )
    assert not CostSplit.objects.exists() and not FixedShare.objects.exists()


def test_the_rule_names_the_municipality_that_does_not_take_part(programme):
    """The rule every form calls, also one whose list of municipalities is not limited to the participants."""
    take_part(programme, *REGIO_ALKMAAR)
    shares = [(Municipality.objects.get(name=name), Decimal(50)) for name in ("Alkmaar", "Den Helder")]
    with translation.override("nl"), pytest.raises(ValidationError) as refused:
        check_fixed_shares(programme.collaboration, "fixed", shares)
    assert refused.value.messages == [
        f"Den Helder neemt niet deel aan {programme.collaboration.name}: alleen deelnemende gemeenten hebben een "
        "aandeel."
    ]


def test_a_participant_without_a_fixed_share_pays_nothing_and_the_page_says_so(programme, page):
    take_part(programme, *REGIO_ALKMAAR, "Texel")
    budget(programme, 10000)
    split = CostSplit.objects.create(programme=programme, key="fixed")
    for name, percentage in (("Alkmaar", "70"), ("Heiloo", "30")):
        FixedShare.objects.create(
            cost_split=split, municipality=Municipality.objects.get(name=name), percentage=Decimal(percentage)
        )

    assert shares_of(programme) == {"Alkmaar": 7000, "Heiloo": 3000, "Texel": 0}
    document = lxml_html.fromstring(page(programme).content.decode())
    notes = [" ".join(p.text_content().split()) for p in document.xpath("//*[@data-split='note']")]
    assert notes == ["Texel neemt deel zonder vast percentage en betaalt daarom € 0."]


def test_the_split_has_a_sub_total_per_youth_care_region_that_adds_up_to_the_grand_total(programme, page):
    take_part(programme, *KOP_VAN_NOORD_HOLLAND, *REGIO_ALKMAAR)
    budget(programme, 50001, funding=1000)  # € 49.001 for the municipalities, not evenly divisible
    CostSplit.objects.create(programme=programme, key="inhabitants", inhabitants_date=SHIPPED)

    response = page(programme)
    document = lxml_html.fromstring(response.content.decode())

    def euros(text):
        return int(text.replace("€", "").replace(".", "").strip())

    table = document.xpath("//table[@id='split-table']")[0]
    headings = [" ".join(th.text_content().split()) for th in table.xpath(".//th[@scope='colgroup']")]
    assert headings == ["Jeugdzorgregio Alkmaar (Noord-Kennemerland)", "Jeugdzorgregio Kop van Noord-Holland"]
    groups = table.xpath("./tbody")
    assert [[tr.get("data-share") for tr in g.xpath("./tr[@data-share]")] for g in groups] == [
        REGIO_ALKMAAR,
        KOP_VAN_NOORD_HOLLAND,
    ]
    subtotals = []
    for group in groups:
        shares = [euros(tr.xpath("./td")[-1].text_content()) for tr in group.xpath("./tr[@data-share]")]
        subtotal = group.xpath("./tr[@data-subtotal]")[0]
        assert subtotal.xpath("./th")[0].text_content().startswith("Subtotaal jeugdzorgregio ")
        assert euros(subtotal.xpath("./td")[-1].text_content()) == sum(shares)
        subtotals.append(sum(shares))
    grand = table.xpath(".//*[@data-total='split-grand']")[0].text_content()
    assert euros(grand) == sum(subtotals) == 49001

    # The export lists the same rows, sub-totals included, in the page's order.
    export = list(csv.reader(io.StringIO(page(programme, export="csv").content.decode("utf-8-sig")), delimiter=";"))
    labels = [row[0] for row in export]
    start = labels.index("Alkmaar")
    assert labels[start : start + 6] == [
        "Alkmaar",
        "Heiloo",
        "Subtotaal jeugdzorgregio Alkmaar (Noord-Kennemerland)",
        "Den Helder",
        "Texel",
        "Subtotaal jeugdzorgregio Kop van Noord-Holland",
    ]
    assert [int(export[start + 2][1].replace(".", "")), int(export[start + 5][1].replace(".", ""))] == subtotals


def test_one_region_gets_no_sub_totals(programme, page):
    take_part(programme, *REGIO_ALKMAAR)
    budget(programme, 1000)
    document = lxml_html.fromstring(page(programme).content.decode())
    assert not document.xpath("//tr[@data-subtotal]")
    assert document.xpath("//*[@data-total='split-grand']")[0].text_content() == "€\xa01.000"


def test_the_budget_page_query_count_does_not_grow_with_municipalities_or_regions(programme, page):
    take_part(programme, *REGIO_ALKMAAR, *KOP_VAN_NOORD_HOLLAND)
    budget(programme, 100000)
    CostSplit.objects.create(programme=programme, key="inhabitants", inhabitants_date=SHIPPED)

    def count():
        with CaptureQueriesContext(connection) as queries:
            page(programme)
        return len(queries)

    few = count()
    more = Municipality.objects.filter(region__code__in=["JZ05", "JZ07", "JZ09"]).exclude(
        participations__collaboration=programme.collaboration
    )
    assert more.count() >= 10
    for municipality in more:
        Participation.objects.create(collaboration=programme.collaboration, municipality=municipality)
    assert count() == few


@pytest.mark.django_db
def test_rivierenland_splits_by_its_inhabitants_of_january_2021_beside_the_later_cbs_figures(client, settings):
    settings.DEMO_PASSWORD = "jeugdregio-demo"
    call_command("load_demo", stdout=open("/dev/null", "w"))
    rivierenland = Programme.objects.get(collaboration__name="Rivierenland")
    assert rivierenland.cost_split.inhabitants_date == dt.date(2021, 1, 1)
    tiel = Municipality.objects.get(name="Tiel")
    assert tiel.populations.get(reference_date=dt.date(2021, 1, 1)).inhabitants == 42159
    assert tiel.populations.filter(reference_date__gt=dt.date(2021, 1, 1)).exists()  # CBS 2024: not used

    client.login(username="lezer", password="jeugdregio-demo")
    document = lxml_html.fromstring(client.get(reverse("finance:budget", args=[rivierenland.pk])).content.decode())
    cells = [" ".join(td.text_content().split()) for td in document.xpath("//tr[@data-share='Tiel']/td")]
    assert cells[:3] == ["Tiel", "42.159", "CBS, januari 2021 (Omroep Gelderland), 1 januari 2021"]
    assert document.xpath("//*[@data-total='split-grand']")[0].text_content() == "€\xa0450.000"
