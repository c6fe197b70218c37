"""What the public reads and what the public search finds come from one redacted text (#21).

E-mail addresses (any letters, IDN domains) and Dutch phone numbers never reach the public pages, the Atom feed or
the DiWoo sitemap, and searching for them finds nothing: the search reads the same redacted text the pages show.
"""

import time
import unicodedata
from xml.etree import ElementTree

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone, translation

from governance.models import AgendaDocument, AgendaItem, Decision, Meeting
from publication import services
from publication.models import Publication
from publication.redaction import redact

EMAIL_MARK = "[e-mailadres verwijderd]"
PHONE_MARK = "[telefoonnummer verwijderd]"

ADDRESSES = [
    "jan.jansen@gemeente.nl",
    "jän.jansen@gemeente.nl",
    unicodedata.normalize("NFD", "jän.jansen@gemeente.nl"),  # ä as a plus a combining diaeresis
    "søren.ørsted@kommune.dk",
    "straße@gemeente.nl",
    "info@straße.de",  # IDN domain
    "jan@bücher.example",
    "marie-josé.o_brien+jeugd@sub.gemeente-west.nl",
    "jan@xn--bcher-kva.example",  # the same IDN domain in punycode
    "Jan.Jansen@Gemeente.NL",
    "jan(at)gemeente.nl",
    "jan [at] gemeente.nl",
    "jän＠gemeente.nl",  # full-width at sign
]


@pytest.mark.parametrize("address", ADDRESSES)
def test_an_email_address_with_any_letters_is_removed_whole(address):
    assert redact(f"Mail {address} vandaag.") == f"Mail {EMAIL_MARK} vandaag."


PHONES = [
    "06-12345678",
    "0612345678",
    "06 12 34 56 78",
    "+31 6 1234 5678",
    "+31(0)6-12345678",
    "0031 6 12345678",
    "010-1234567",
    "(010) 123 45 67",
    "020 123 4567",
    "+31 (0)20 123 4567",
    "0800-1234",
    "0800-0221234",
    "088-1234567",
]


@pytest.mark.parametrize("phone", PHONES)
def test_a_dutch_phone_number_is_removed_with_its_own_note(phone):
    assert redact(f"Bel {phone} vandaag.") == f"Bel {PHONE_MARK} vandaag."


@pytest.mark.parametrize(
    "text",
    [
        "Vrijgave € 1.234.567 op 01-01-2026 voor 2026-2028.",
        "Besluit 2026/123, kenmerk 12345678, IBAN NL91ABNA0417164300, postcode 1234 AB.",
        "Jän, Søren en Strauß gaan naar www.gemeente.nl en mailen later (at) home.",
        "",
    ],
)
def test_ordinary_text_amounts_dates_and_names_stay_as_they_are(text):
    assert redact(text) == text


def test_the_notes_are_translated():
    with translation.override("en"):
        assert redact("jan@gemeente.nl 06-12345678") == "[e-mail address removed] [phone number removed]"


def test_a_long_text_without_addresses_is_redacted_quickly():
    text = ("ä" * 50_000 + " ") * 4 + "x" * 100_000
    started = time.perf_counter()
    assert redact(text) == text
    assert time.perf_counter() - started < 2


# --- The public pages, the feed, the sitemap and the search read the same text ----------------------------------

SECRET_TITLE = "Pilot met søren.ørsted@kommune.dk"
SECRET_RATIONALE = "Vragen naar jän.jansen@gemeente.nl of bel 06-12345678; kantoor (010) 123 45 67. Zie contactpersoon."


@pytest.fixture
def published(programme, route):
    collaboration = programme.collaboration
    collaboration.name, collaboration.slug = "Rivierenland", "rivierenland"
    collaboration.save()
    so = route["SO"]
    so.decisions_public = True
    so.save()
    decision = Decision.objects.create(
        programme=programme,
        body=so,
        subject_title=SECRET_TITLE,
        rationale=SECRET_RATIONALE,
        outcome="approved",
        date=timezone.localdate(),
    )
    with translation.override("en"):  # whoever publishes, the public text is the site's (Dutch)
        services.publish(decision, None, via="task")
    return decision


def rows(client, query):
    return client.get("/openbaar/rivierenland/", {"q": query}).content.decode().count('data-row="decision"')


@pytest.mark.parametrize(
    "query",
    [
        "jän.jansen@gemeente.nl",
        "jansen@gemeente",
        "jän",
        "søren.ørsted@kommune.dk",
        "ørsted",
        "06-12345678",
        "12345678",
        "(010) 123 45 67",
    ],
)
def test_the_public_search_does_not_confirm_a_removed_address_or_number(client, published, query):
    assert rows(client, query) == 0


def test_the_public_search_finds_what_the_public_text_says(client, published):
    assert rows(client, "contactpersoon") == 1
    assert rows(client, "Pilot met") == 1
    assert rows(client, EMAIL_MARK) == 1


def test_pages_feed_and_sitemap_show_the_same_redacted_text(client, published):
    pages = {
        "list": client.get("/openbaar/rivierenland/").content.decode(),
        "detail": client.get(f"/openbaar/rivierenland/besluiten/{published.pk}/").content.decode(),
        "feed": client.get("/openbaar/rivierenland/feed/").content.decode(),
    }
    index = ElementTree.fromstring(client.get("/openbaar/rivierenland/sitemapindex-diwoo-infocat009.xml").content)
    [loc] = [el.text for el in index.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    pages["sitemap"] = client.get(loc).content.decode()
    for name, text in pages.items():
        assert EMAIL_MARK in text and PHONE_MARK in text, name
        for secret in ("søren", "ørsted", "jän", "jä", "jansen", "12345678", "123 45 67", "kommune.dk"):
            assert secret not in text, (name, secret)


def test_a_correction_links_to_the_public_title_of_what_it_corrects(client, published):
    correction = Decision.objects.create(
        programme=published.programme,
        body=published.body,
        subject_title="Correctie",
        outcome="approved",
        date=timezone.localdate(),
        corrects=published,
    )
    services.publish(correction, None, via="task")
    page = client.get(f"/openbaar/rivierenland/besluiten/{correction.pk}/").content.decode()
    assert "Pilot met " + EMAIL_MARK in page and "ørsted" not in page


def test_a_published_paper_is_named_without_addresses(client, published):
    meeting = Meeting.objects.create(body=published.body, starts_at=timezone.now())
    item = AgendaItem.objects.create(meeting=meeting, title="Voorstel", subject=published)
    paper = AgendaDocument.objects.create(
        item=item, title="Brief van jän.jansen@gemeente.nl", file=ContentFile(b"%PDF-1.4", "brief.pdf")
    )
    decision = Decision.objects.create(
        programme=published.programme,
        body=published.body,
        subject=published,
        subject_title="Met brief",
        outcome="approved",
        date=timezone.localdate(),
        meeting=meeting,
    )
    services.publish(decision, None, documents=[paper], via="task")
    page = client.get(f"/openbaar/rivierenland/besluiten/{decision.pk}/").content.decode()
    assert f"Brief van {EMAIL_MARK}" in page and "jansen" not in page


@pytest.mark.django_db(transaction=True)
def test_decisions_published_before_the_upgrade_get_their_public_text(programme, route):
    executor = MigrationExecutor(connection)
    executor.migrate([("publication", "0001_initial")])
    old = executor.loader.project_state([("publication", "0001_initial")]).apps
    so = route["SO"]
    decision = Decision.objects.create(
        programme=programme,
        body=so,
        subject_title="Titel met jan@gemeente.nl",
        rationale="Bel 06-12345678.",
        outcome="approved",
        date=timezone.localdate(),
    )
    old.get_model("publication", "Publication").objects.create(
        decision_id=decision.pk, state="published", published_at=timezone.now(), changed_at=timezone.now()
    )
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
    publication = Publication.objects.get(decision=decision)
    assert publication.public_title == f"Titel met {EMAIL_MARK}"
    assert publication.public_rationale == f"Bel {PHONE_MARK}."
