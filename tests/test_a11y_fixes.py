"""What users notice of the accessibility fixes of issue #12, read from the HTML the server sends.

The skip link, the footer link to the accessibility statement, the statement itself, a language menu with its own
button, unique ids on pages with several forms, the page language, budget bars that say their values, the theme
that fixes the contrast. tests/test_accessibility.py checks the same pages in a browser with axe-core.
"""

from collections import Counter
from pathlib import Path

import pytest
from django.conf import settings
from django.test import RequestFactory, override_settings
from django.urls import reverse
from django.utils import translation
from lxml import html as lxml_html

from core.views import server_error
from finance.models import BudgetLine, BudgetPost
from programmes.models import Programme
from tests.factories import PASSWORD

DEMO_PASSWORD = "jeugdregio-demo"
STATEMENT = "/toegankelijkheid/"
FOCUSABLE = (
    "//a[@href] | //button | //select | //textarea | //input[not(@type='hidden')] | //*[@tabindex and @tabindex!='-1']"
)


def parse(response):
    return lxml_html.fromstring(response.content)


def first_focusable(document):
    return document.xpath(FOCUSABLE)[0]


def duplicate_ids(document):
    return sorted(name for name, count in Counter(document.xpath("//@id")).items() if count > 1)


def labels_without_field(document):
    ids = set(document.xpath("//@id"))
    return sorted(target for target in document.xpath("//label/@for") if target not in ids)


def footer_links(document):
    return document.xpath("//footer//a/@href")


# Skip link and footer: on logged-in pages, the login page and the error pages.


def test_the_skip_link_is_the_first_tab_stop_and_leads_to_the_content(client, manager, programme):
    client.login(username=manager.username, password=PASSWORD)
    for url in (programme.get_absolute_url(), reverse("home")):
        document = parse(client.get(url))
        skip = first_focusable(document)
        assert skip.tag == "a" and skip.get("href") == "#content", url
        assert skip.text_content().strip() == "Naar de inhoud"
        main = document.xpath("//main")[0]
        assert main.get("id") == "content" and main.get("tabindex") == "-1"


def test_the_login_page_has_the_skip_link_and_the_statement_in_its_footer(client, db):
    document = parse(client.get(reverse("login")))
    assert first_focusable(document).get("href") == "#content"
    assert STATEMENT in footer_links(document)


def test_every_error_page_links_the_statement(client, outsider, programme):
    assert STATEMENT in footer_links(parse(client.get("/bestaat-niet/")))  # logged out
    client.login(username=outsider.username, password=PASSWORD)
    not_found = client.get("/bestaat-niet/")
    forbidden = client.get(programme.get_absolute_url())
    assert (not_found.status_code, forbidden.status_code) == (404, 403)
    for response in (not_found, forbidden, server_error(RequestFactory().get("/"))):
        document = parse(response)
        assert STATEMENT in footer_links(document)
        assert first_focusable(document).get("href") == "#content"


# The accessibility statement.


def test_the_statement_is_public_and_in_dutch(client, db):
    response = client.get(STATEMENT)
    assert response.status_code == 200
    document = parse(response)
    assert document.get("lang") == "nl"
    text = " ".join(document.xpath("//main")[0].text_content().split())
    assert document.xpath("//h1")[0].text_content() == "Toegankelijkheidsverklaring"
    for part in (
        "Jeugdregio voldoet gedeeltelijk aan de eisen",
        "WCAG 2.1",
        "EN 301 549",
        "axe-core",
        "Nu HTML Checker",
        "320 CSS-pixels",
        "controlelijst",
        "Wat we niet testen",
        "Schermlezers",
        "De beheeromgeving (/admin/)",
        "Bekende afwijkingen",
        "Problemen? Laat het ons weten",
        "opgesteld op 24 november 2026",
    ):
        assert part in text, part


@override_settings(ACCESSIBILITY_CONTACT_EMAIL="digitoegankelijk@regio.example")
def test_the_statement_names_the_contact_address_of_the_settings(client, db):
    document = parse(client.get(STATEMENT))
    assert document.xpath("//a[@data-contact]/@href") == ["mailto:digitoegankelijk@regio.example"]


def test_the_statement_is_in_english_on_request(client, db):
    document = parse(client.get(STATEMENT, HTTP_ACCEPT_LANGUAGE="en"))
    assert document.get("lang") == "en"
    assert document.xpath("//h1")[0].text_content() == "Accessibility statement"
    assert "partially complies" in document.text_content()


def test_the_default_contact_address_is_set():
    assert "@" in settings.ACCESSIBILITY_CONTACT_EMAIL


# The language menu: a label, a choice and a button; nothing is sent on choosing.


def test_the_language_menu_has_a_label_and_its_own_button(client, db):
    document = parse(client.get(reverse("login")))
    form = document.xpath(f"//form[@action='{reverse('set_language')}']")[0]
    select = form.xpath(".//select[@name='language']")[0]
    assert form.xpath(f".//label[@for='{select.get('id')}']")
    assert [b.text_content().strip() for b in form.xpath(".//button[@type='submit']")] == ["Wissel"]
    assert "data-autosubmit" not in lxml_html.tostring(form, encoding="unicode")
    assert "autosubmit" not in (Path(settings.BASE_DIR) / "static" / "js" / "site.js").read_text()


def test_the_language_button_switches_to_english(client, reader, programme):
    client.login(username=reader.username, password=PASSWORD)
    client.post(reverse("set_language"), {"language": "en", "next": programme.get_absolute_url()})
    document = parse(client.get(programme.get_absolute_url()))
    assert document.get("lang") == "en"
    assert document.xpath("//select[@name='language']/option[@selected]/@value") == ["en"]


# <html lang> is the language of the page, on every kind of page.


@pytest.mark.parametrize("language", ["nl", "en"])
def test_html_lang_is_the_active_language(client, manager, programme, language):
    client.login(username=manager.username, password=PASSWORD)
    client.post(reverse("set_language"), {"language": language, "next": "/"})
    for url in (reverse("home"), programme.get_absolute_url(), "/bestaat-niet/", STATEMENT):
        assert parse(client.get(url)).get("lang") == language, url
    client.logout()
    assert parse(client.get(reverse("login"), HTTP_ACCEPT_LANGUAGE=language)).get("lang") == language
    with translation.override(language):
        assert parse(server_error(RequestFactory().get("/"))).get("lang") == language


# Unique ids where one page has several forms.


@pytest.mark.parametrize(
    "username,pages",
    [
        ("programmamanager", ["reports", "home", "programme", "meetings", "pilots"]),
        ("kernteam", ["home", "meetings", "pilots"]),
        ("rbj", ["pilots"]),
        ("so", ["pilots"]),
        ("trekker", ["home", "reports", "pilots"]),
    ],
)
def test_pages_with_several_forms_have_unique_ids(demo_module, client, username, pages):
    from governance.models import Meeting
    from pilots.models import Pilot

    riv = Programme.objects.get(collaboration__name="Rivierenland")
    urls = {
        "reports": [reverse("reports:list", args=[riv.pk])],
        "home": [reverse("home")],
        "programme": [riv.get_absolute_url()],
        "meetings": [m.get_absolute_url() for m in Meeting.objects.filter(body__programme=riv)],
        "pilots": [p.get_absolute_url() for p in Pilot.objects.filter(programme=riv)],
    }
    client.login(username=username, password=DEMO_PASSWORD)
    checked = 0
    for kind in pages:
        for url in urls[kind]:
            response = client.get(url)
            if response.status_code == 403:  # a draft pilot is its workgroup's own
                continue
            assert response.status_code == 200, url
            document = parse(response)
            assert duplicate_ids(document) == [], url
            assert labels_without_field(document) == [], url
            checked += 1
    assert checked >= len(pages)


def test_the_report_request_and_compile_forms_name_their_own_fields(demo_module, client):
    riv = Programme.objects.get(collaboration__name="Rivierenland")
    client.login(username="programmamanager", password=DEMO_PASSWORD)
    document = parse(client.get(reverse("reports:list", args=[riv.pk])))
    assert len(document.xpath("//select[@name='workgroup']")) == 2  # the filter's and the request's
    request_form = document.xpath(f"//form[@action='{reverse('reports:request', args=[riv.pk])}']")[0]
    for name in ("workgroup", "period_start"):
        field = request_form.xpath(f".//*[@name='{name}']")[0]
        labels = document.xpath(f"//label[@for='{field.get('id')}']")
        assert len(labels) == 1 and request_form in labels[0].iterancestors(), name


# Budget bars: role=progressbar with numbers a machine can read, and a name.


@pytest.mark.parametrize("language", ["nl", "en"])
def test_budget_bars_say_their_values(client, manager, programme, language):
    post = BudgetPost.objects.create(programme=programme, name="Pilots", holds_pilot_money=True)
    BudgetLine.objects.create(post=post, year=2026, amount="80000.50")
    client.login(username=manager.username, password=PASSWORD)
    client.post(reverse("set_language"), {"language": language, "next": "/"})
    document = parse(client.get(reverse("finance:budget", args=[programme.pk])))
    bars = document.xpath("//*[@role='progressbar']")
    assert len(bars) == 3
    for bar in bars:
        assert bar.get("aria-label", "").startswith("2026: ")
        assert float(bar.get("aria-valuemin")) == 0
        assert float(bar.get("aria-valuemax")) == 80000.5  # a decimal point, never the Dutch comma
        assert 0 <= float(bar.get("aria-valuenow")) <= 80000.5
        assert bar.get("aria-valuetext")
        assert not any(a.get("aria-hidden") == "true" for a in bar.iterancestors())


def test_no_table_has_an_empty_header(client, manager, programme):
    client.login(username=manager.username, password=PASSWORD)
    for url in (programme.get_absolute_url(), reverse("programmes:milestones", args=[programme.pk])):
        document = parse(client.get(url))
        assert [th for th in document.xpath("//th") if not th.text_content().strip()] == [], url


# Wide tables scroll in a named collaboration of their own; the tables behind the charts are hidden the Bootstrap way.


def test_wide_tables_scroll_in_a_named_focusable_region(demo_module, client):
    riv = Programme.objects.get(collaboration__name="Rivierenland")
    client.login(username="programmamanager", password=DEMO_PASSWORD)
    for url in (
        reverse("finance:budget", args=[riv.pk]),
        reverse("reports:list", args=[riv.pk]),
        reverse("dashboard:programme", args=[riv.pk]),
        riv.get_absolute_url(),
    ):
        document = parse(client.get(url))
        wrappers = document.xpath("//*[contains(concat(' ', @class, ' '), ' table-responsive ')]")
        assert wrappers, url
        for wrapper in wrappers:
            assert wrapper.get("role") == "region" and wrapper.get("tabindex") == "0", url
            assert wrapper.get("aria-label") or document.get_element_by_id(wrapper.get("aria-labelledby")) is not None


def test_the_dashboard_tables_behind_the_charts_are_visually_hidden(demo_module, client):
    riv = Programme.objects.get(collaboration__name="Rivierenland")
    client.login(username="programmamanager", password=DEMO_PASSWORD)
    document = parse(client.get(reverse("dashboard:programme", args=[riv.pk])))
    for table_id in ("table-pipeline", "table-money"):
        wrapper = document.get_element_by_id(table_id).getparent()
        assert wrapper.tag == "div" and "visually-hidden" in wrapper.get("class").split()


# The theme and the scripts each page loads.


def test_the_theme_comes_right_after_bootstrap_on_every_layout(client, db):
    for response in (client.get(reverse("login")), server_error(RequestFactory().get("/"))):
        sheets = parse(response).xpath("//link[@rel='stylesheet']/@href")
        assert sheets[:2] == ["/static/vendor/bootstrap/bootstrap.min.css", "/static/css/theme.css"]
    theme = (Path(settings.BASE_DIR) / "static" / "css" / "theme.css").read_text()
    assert "--bs-primary: #154273" in theme and ":focus-visible" in theme


def test_chart_js_is_loaded_only_where_a_chart_is(demo_module, client):
    riv = Programme.objects.get(collaboration__name="Rivierenland")
    client.login(username="beheerder", password=DEMO_PASSWORD)
    chart = "vendor/chartjs/chart.umd.min.js"
    for url in (reverse("dashboard:programme", args=[riv.pk]), reverse("dashboard:national")):
        assert chart in client.get(url).content.decode(), url
    for url in (reverse("home"), riv.get_absolute_url(), reverse("finance:budget", args=[riv.pk])):
        assert chart not in client.get(url).content.decode(), url
