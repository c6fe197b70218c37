"""The risk register: heatmap counts that link to the list, validation, permissions and constant queries."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from programmes.risks import Risk
from tests import factories as f
from tests.factories import PASSWORD


def make_risk(programme, title, likelihood, impact, **extra):
    return Risk.objects.create(programme=programme, title=title, likelihood=likelihood, impact=impact, **extra)


def risk_post(**changes):
    data = {
        "title": "Capaciteitsdruk",
        "likelihood": "4",
        "impact": "4",
        "status": "open",
        "description": "",
        "measures-TOTAL_FORMS": "1",
        "measures-INITIAL_FORMS": "0",
        "measures-MIN_NUM_FORMS": "0",
        "measures-MAX_NUM_FORMS": "1000",
        "measures-0-order": "1",
        "measures-0-description": "Werkgroepen flexibel inrichten",
    }
    data.update(changes)
    return data


def test_the_heatmap_counts_risks_per_cell_and_links_to_them(client, reader, programme):
    make_risk(programme, "A", 4, 4)
    make_risk(programme, "B", 4, 4)
    make_risk(programme, "C", 2, 5)
    make_risk(f.ProgrammeFactory(), "Elders", 4, 4)
    client.login(username=reader.username, password=PASSWORD)
    url = reverse("programmes:risks", args=[programme.pk])
    page = client.get(url).content.decode()
    assert re.search(r'data-cell="4-4"><a [^>]*href="\?likelihood=4&amp;impact=4">2</a>', page)
    assert 'href="?likelihood=2&amp;impact=5">1</a>' in page
    cell = client.get(url, {"likelihood": 4, "impact": 4}).content.decode()
    assert cell.count('data-row="risk"') == 2 and "Elders" not in cell


def test_the_manager_records_a_risk_with_measures(client, manager, programme):
    client.login(username=manager.username, password=PASSWORD)
    response = client.post(reverse("programmes:risk_create", args=[programme.pk]), risk_post())
    assert response.status_code == 302
    risk = Risk.objects.get(programme=programme)
    assert (risk.score, [m.description for m in risk.mitigations.all()]) == (16, ["Werkgroepen flexibel inrichten"])


@pytest.mark.parametrize("field,value", [("likelihood", "7"), ("impact", "0"), ("likelihood", "drie")])
def test_a_score_outside_1_to_5_saves_nothing(client, manager, programme, field, value):
    client.login(username=manager.username, password=PASSWORD)
    response = client.post(reverse("programmes:risk_create", args=[programme.pk]), risk_post(**{field: value}))
    assert response.status_code == 200
    assert not Risk.objects.exists()


def test_readers_cannot_add_or_edit_risks(client, reader, programme):
    risk = make_risk(programme, "A", 1, 1)
    client.login(username=reader.username, password=PASSWORD)
    assert client.get(reverse("programmes:risk_create", args=[programme.pk])).status_code == 403
    assert client.post(reverse("programmes:risk_edit", args=[risk.pk]), risk_post()).status_code == 403
    risk.refresh_from_db()
    assert risk.title == "A"


def test_risk_edits_are_kept_in_the_history(client, manager, programme):
    risk = make_risk(programme, "Capaciteitsdruk", 2, 2)
    client.login(username=manager.username, password=PASSWORD)
    client.post(reverse("programmes:risk_edit", args=[risk.pk]), risk_post(likelihood="5"))
    assert [h.likelihood for h in risk.history.order_by("history_date")] == [2, 5]


def test_the_risk_list_query_count_does_not_grow(client, manager, programme):
    client.login(username=manager.username, password=PASSWORD)
    owner = f.PersonFactory()

    def add(count, start):
        for n in range(count):
            risk = make_risk(
                programme,
                f"Risico {start + n}",
                1 + n % 5,
                1 + (n * 2) % 5,
                owner=owner,
                workgroup=f.WorkgroupFactory(programme=programme),
                review_date=datetime.date(2027, 1, 1),
            )
            risk.mitigations.create(description="Maatregel")

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("programmes:risks", args=[programme.pk])).status_code == 200
        return len(queries)

    add(3, 0)
    few = count()
    add(30, 3)
    assert count() == few
