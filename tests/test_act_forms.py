"""The advise and decide forms choose nothing for the body, show what is left, and keep what was typed (#11, #12)."""

import re
from decimal import Decimal

import pytest
from django.urls import reverse

from finance import ledger
from governance.models import Decision
from pilots import services
from pilots.constants import PilotStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def at_rbj(pilot, lead, secretaries):
    services.submit(pilot, lead)
    services.forward(pilot, secretaries["Kernteam"])
    return pilot


@pytest.fixture
def at_so(at_rbj, secretaries):
    services.record_advice(at_rbj, secretaries["RBJ"], "positive")
    return at_rbj


def checked_outcomes(html):
    return re.findall(r'<input[^>]*name="outcome"[^>]*checked[^>]*>', html)


def test_the_advice_form_preselects_no_advice(client, at_rbj, secretaries):
    client.force_login(secretaries["RBJ"])
    html = client.get(at_rbj.get_absolute_url()).content.decode()
    assert len(re.findall(r'<input type="radio"[^>]*name="outcome"', html)) == 3
    assert checked_outcomes(html) == []


def test_an_advice_without_a_choice_is_refused_and_keeps_the_rationale(client, at_rbj, secretaries):
    client.force_login(secretaries["RBJ"])
    response = client.post(
        reverse("pilots:act", args=[at_rbj.pk, "advise"]), {"rationale": "Sluit goed aan bij actielijn 1"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Kies het advies." in html and "Sluit goed aan bij actielijn 1" in html
    at_rbj.refresh_from_db()
    assert at_rbj.current_step == 2


def test_the_decide_form_preselects_no_outcome_and_shows_what_is_left_per_year(client, at_so, secretaries, programme):
    ledger.reserve(programme, 2026, Decimal("5000"), "other", "Andere pilot", secretaries["SO"])
    client.force_login(secretaries["SO"])
    html = client.get(at_so.get_absolute_url()).content.decode().replace("\xa0", " ")
    assert checked_outcomes(html) == []
    assert "Nog vrij in het pilotbudget voor 2026: € 75.000" in html
    assert "Nog vrij in het pilotbudget voor 2027: € 80.000" in html


def test_a_refused_decision_keeps_outcome_rationale_and_amounts(client, at_so, secretaries):
    client.force_login(secretaries["SO"])
    data = {
        "outcome": "approved",
        "rationale": "Een lange toelichting die niet verloren mag gaan",
        "amount_2026": "40.000",
        "amount_2027": "20.000",
        "confirmed": "1",
    }
    response = client.post(reverse("pilots:act", args=[at_so.pk, "decide"]), data)
    html = response.content.decode().replace("\xa0", " ")
    assert response.status_code == 200
    assert "Een lange toelichting die niet verloren mag gaan" in html
    assert 'value="40.000"' in html and 'value="20.000"' in html
    assert len(checked_outcomes(html)) == 1 and 'value="approved"' in checked_outcomes(html)[0]
    assert "meer dan" in html  # the service's reason
    at_so.refresh_from_db()
    assert at_so.status == PilotStatus.ON_ROUTE and not Decision.objects.exists()


def test_a_refused_act_shows_an_error_summary_that_links_to_the_fields(client, at_so, secretaries):
    client.force_login(secretaries["SO"])
    response = client.post(
        reverse("pilots:act", args=[at_so.pk, "decide"]), {"outcome": "approved", "rationale": "Ja", "confirmed": "1"}
    )
    html = response.content.decode()
    summary = html.split("data-error-summary", 1)[1].split("</div>", 1)[0]
    assert 'role="alert"' in html.split("data-error-summary", 1)[0].rsplit("<div", 1)[1]
    assert 'href="#id_amount_2026"' in summary and 'href="#id_amount_2027"' in summary
    assert 'id="id_amount_2026"' in html


def test_the_error_summary_is_focused_by_a_static_script(client, pilot, lead):
    client.force_login(lead)
    html = client.get(pilot.get_absolute_url()).content.decode()
    assert '<script src="/static/js/error-summary.js"></script>' in html


def test_a_long_form_with_errors_starts_with_a_summary_linking_to_the_fields(client, lead, programme, workgroup1):
    client.force_login(lead)
    response = client.post(reverse("pilots:experiment_create", args=[programme.pk]), {"workgroup": workgroup1.pk})
    html = response.content.decode()
    assert response.status_code == 200
    summary = html.split("data-error-summary", 1)[1].split("</div>", 1)[0]
    opening = html.split("data-error-summary", 1)[0].rsplit("<div", 1)[1]
    assert 'role="alert"' in opening and 'tabindex="-1"' in opening
    assert "Er is een probleem" in summary
    assert 'href="#id_title"' in summary and 'id="id_title"' in html
    assert html.index("data-error-summary") < html.index('id="id_title"')


def test_a_refused_gate_keeps_the_typed_rationale(client, at_so, lead, secretaries):
    from pilots.models import Gate

    services.decide(at_so, secretaries["SO"], "approved")
    services.start(at_so, lead)
    gate = Gate.objects.create(pilot=at_so, planned_date="2026-12-01", criteria="Bereik")
    client.force_login(secretaries["SO"])
    response = client.post(
        reverse("pilots:act", args=[at_so.pk, "gate"]), {"gate": gate.pk, "outcome": "", "rationale": "Bereik gehaald"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert ">Bereik gehaald</textarea>" in html and 'href="#gates"' in html  # a text area: a stop needs room
