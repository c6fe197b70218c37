"""The public pages (/openbaar/…): exactly the published decisions, for anyone, and nothing else."""

import datetime
from xml.etree import ElementTree

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from governance.models import AgendaDocument, AgendaItem, Decision, Meeting
from pilots import services as pilot_services
from pilots.models import Pilot
from publication import services
from publication.constants import DIWOO_NAMESPACE, SITEMAP_NAMESPACE
from tests import factories as f

SM = f"{{{SITEMAP_NAMESPACE}}}"
DW = f"{{{DIWOO_NAMESPACE}}}"


def decision(body, title, rationale="", days_ago=0, outcome="approved"):
    return Decision.objects.create(
        programme=body.programme,
        body=body,
        subject_title=title,
        rationale=rationale,
        outcome=outcome,
        date=timezone.localdate() - datetime.timedelta(days=days_ago),
    )


@pytest.fixture
def collaboration(programme):
    collaboration = programme.collaboration
    collaboration.name, collaboration.slug = "Rivierenland", "rivierenland"
    collaboration.save()
    return collaboration


@pytest.fixture
def world(collaboration, programme, route, secretaries, pilot, workgroup1, lead):
    """An approved pilot decided by the SO (published), with RBJ advice; and every kind of thing that must stay out."""
    so, rbj = route["SO"], route["RBJ"]
    so.decisions_public = True
    so.save()
    pilot_services.submit(pilot, lead)
    pilot_services.forward(pilot, secretaries["Kernteam"], "Kernteam-notitie-intern")
    pilot_services.record_advice(pilot, secretaries["RBJ"], "positive", "RBJ-advies-intern")
    approved = pilot_services.decide(pilot, secretaries["SO"], "approved", "Mail vragen naar jan.jansen@gemeente.nl.")
    approved = Decision.objects.get(body=so, subject_id=pilot.pk)
    services.publish(approved, secretaries["SO"])
    Pilot.objects.create(programme=programme, workgroup=workgroup1, title="Geheim-concept-voorstel")
    pending = decision(so, "Nog-niet-openbaar-besluit")
    withheld = decision(so, "Achtergehouden-besluit", "x", days_ago=30, outcome="rejected")
    services.withhold(withheld, secretaries["SO"], "5.1.2e", "Gaat over een gezin.")
    withdrawn = decision(so, "Ingetrokken-besluit", days_ago=30)
    services.publish(withdrawn, secretaries["SO"])
    services.withdraw(withdrawn, secretaries["SO"], "5.1.2e", "Naam van een jeugdige stond erin.")
    internal = decision(rbj, "Besluit-van-intern-orgaan", days_ago=30)
    services.publish_due()  # nothing else is due: pending is too young, the rest is acted on or not public
    return {
        "approved": approved,
        "pending": pending,
        "withheld": withheld,
        "withdrawn": withdrawn,
        "internal": internal,
    }


ABSENT = [
    "Nog-niet-openbaar-besluit",
    "Achtergehouden-besluit",
    "Ingetrokken-besluit",
    "Besluit-van-intern-orgaan",
    "Geheim-concept-voorstel",
    "RBJ-advies-intern",
    "Kernteam-notitie-intern",
    "jan.jansen@gemeente.nl",
    "@example.org",  # the users' addresses
]


def assert_only_the_published(text):
    assert "Vaste contactpersoon" in text
    for secret in ABSENT:
        assert secret not in text, secret


def test_an_anonymous_visitor_sees_exactly_the_published_decisions(client, world):
    response = client.get("/openbaar/rivierenland/")
    assert response.status_code == 200
    html = response.content.decode()
    assert_only_the_published(html)
    assert html.count('data-row="decision"') == 1
    assert "€\xa030.000" in html and "€\xa020.000" in html  # released by the decision, per year
    assert "[e-mailadres verwijderd]" in html


def test_the_permanent_page_shows_the_decision_to_anyone(client, world):
    approved = world["approved"]
    response = client.get(f"/openbaar/rivierenland/besluiten/{approved.pk}/")
    assert response.status_code == 200
    assert_only_the_published(response.content.decode())
    for other in ("pending", "withheld", "internal"):
        assert client.get(f"/openbaar/rivierenland/besluiten/{world[other].pk}/").status_code == 404


def test_a_withdrawn_decision_says_it_is_gone_and_on_which_ground(client, world):
    response = client.get(f"/openbaar/rivierenland/besluiten/{world['withdrawn'].pk}/")
    assert response.status_code == 410
    assert "persoonlijke levenssfeer" in response.content.decode()
    assert "Naam van een jeugdige" not in response.content.decode()


def test_the_feed_holds_exactly_the_published_decisions(client, world):
    response = client.get("/openbaar/rivierenland/feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ElementTree.fromstring(response.content)
    entries = feed.findall("{http://www.w3.org/2005/Atom}entry")
    assert len(entries) == 1
    assert_only_the_published(response.content.decode())


def test_the_sitemap_is_diwoo_xml_with_exactly_the_published_decisions(client, world):
    robots = client.get("/robots.txt").content.decode()
    index_url = "http://testserver/openbaar/rivierenland/sitemapindex-diwoo-infocat009.xml"
    assert f"Sitemap: {index_url}" in robots

    index = ElementTree.fromstring(client.get(index_url).content)
    assert index.tag == f"{SM}sitemapindex"
    [loc] = [el.text for el in index.iter(f"{SM}loc")]

    response = client.get(loc)
    assert response["Content-Type"].startswith("application/xml")
    urlset = ElementTree.fromstring(response.content)
    assert urlset.tag == f"{SM}urlset"
    [url] = urlset.findall(f"{SM}url")
    assert url.find(f"{SM}loc").text == f"http://testserver/openbaar/rivierenland/besluiten/{world['approved'].pk}/"
    diwoo = url.find(f"{DW}Document/{DW}DiWoo")
    assert "Vaste contactpersoon" in diwoo.find(f"{DW}titelcollectie/{DW}officieleTitel").text
    category = diwoo.find(f"{DW}classificatiecollectie/{DW}informatiecategorieen/{DW}informatiecategorie")
    assert category.get("resource") == "https://identifier.overheid.nl/tooi/def/thes/kern/c_3a248e3a"
    assert diwoo.find(f"{DW}creatiedatum").text == world["approved"].date.isoformat()
    assert_only_the_published(response.content.decode())


def test_a_published_paper_downloads_for_anyone_and_no_other(client, world, route):
    so = route["SO"]
    meeting = Meeting.objects.create(body=so, starts_at=timezone.now() - datetime.timedelta(days=40))
    pilot = world["approved"].subject
    item = AgendaItem.objects.create(meeting=meeting, title="Voorstel", subject=pilot)
    public = AgendaDocument.objects.create(item=item, title="Voorstel", file=ContentFile(b"%PDF-1.4 openbaar", "v.pdf"))
    internal = AgendaDocument.objects.create(item=item, title="Intern", file=ContentFile(b"intern", "i.pdf"))
    with_meeting = Decision.objects.create(
        programme=so.programme,
        body=so,
        subject=pilot,
        subject_title="Met stukken",
        outcome="approved",
        date=timezone.localdate(),
        meeting=meeting,
    )
    publication = services.publish(with_meeting, None, documents=[public], via="task")
    [shown] = publication.public_documents.all()

    page = client.get(f"/openbaar/rivierenland/besluiten/{with_meeting.pk}/").content.decode()
    assert shown.get_absolute_url() in page and "Intern" not in page
    response = client.get(shown.get_absolute_url())
    assert response.status_code == 200 and b"".join(response.streaming_content) == b"%PDF-1.4 openbaar"
    assert client.get(shown.get_absolute_url().replace(f"/{shown.pk}/", f"/{shown.pk + 1}/")).status_code == 404
    assert internal.pk  # exists, but was never published


@pytest.mark.parametrize(
    "url",
    [
        "/openbaar/onbekend/",
        "/openbaar/rivierenland/besluiten/abc/",
        "/openbaar/rivierenland/besluiten/0/",
        "/openbaar/rivierenland/besluiten/99999999999999999999999999999/",
        "/openbaar/rivierenland/besluiten/1/documenten/x/",
        "/openbaar/rivierenland/?page=abc",
        "/openbaar/rivierenland/?page=99",
        "/openbaar/rivierenland/sitemap-besluiten-0.xml",
        "/openbaar/rivierenland/sitemap-besluiten-99999999999999999999.xml",
        "/openbaar/onbekend/feed/",
        "/openbaar/onbekend/sitemapindex-diwoo-infocat009.xml",
    ],
)
def test_malformed_addresses_are_not_found(client, world, url):
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("query", ["year=abc", "year=1700", "body=xyz", "body=-1", "outcome=<b>", "q=" + "x" * 300])
def test_malformed_filters_give_a_form_error_and_no_decisions(client, world, query):
    response = client.get(f"/openbaar/rivierenland/?{query}")
    assert response.status_code == 200
    html = response.content.decode()
    assert "error-summary" in html
    assert 'data-row="decision"' not in html


def test_a_number_too_long_for_any_field_is_refused_by_the_edge_guard(client, world):
    assert client.get("/openbaar/rivierenland/?body=999999999999999999999").status_code == 400


def test_filters_narrow_the_list(client, world):
    year = world["approved"].date.year
    assert 'data-row="decision"' in client.get(f"/openbaar/rivierenland/?year={year}&q=contactpersoon").content.decode()
    assert 'data-row="decision"' not in client.get("/openbaar/rivierenland/?q=nergens").content.decode()
    assert 'data-row="decision"' not in client.get("/openbaar/rivierenland/?outcome=rejected").content.decode()


def test_the_list_asks_the_database_the_same_number_of_times_for_many_decisions(
    client, world, route, django_assert_max_num_queries
):
    with CaptureQueriesContext(connection) as few:
        client.get("/openbaar/rivierenland/")
    for n in range(20):
        services.publish(decision(route["SO"], f"Besluit {n}", days_ago=n), None, via="task")
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get("/openbaar/rivierenland/")
    assert response.content.decode().count('data-row="decision"') == 21


def test_a_collaboration_gets_its_web_address_from_its_name(db):
    assert f.CollaborationFactory(name="West-Brabant Oost").slug == "west-brabant-oost"
