"""Issue #10's defects, each as it was found from the outside: malformed input is a 404 or a Dutch error,
never a 500 and never a change; a write a user may not do is a 403 that says why."""

from decimal import Decimal

import pytest
from axes.models import AccessAttempt
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.urls import reverse
from rest_framework.authtoken.models import Token

from core.amounts import parse_euro
from finance.models import BudgetMovement
from governance.constants import MeetingStatus
from governance.models import AgendaItem, Decision, Meeting
from pilots import services
from pilots.constants import PilotStatus
from pilots.models import Gate, Pilot, PilotEvent
from programmes.models import Milestone
from reports.models import ActionLineSummary, ProgrammeReport
from tests import factories as f
from tests.factories import PASSWORD


@pytest.fixture
def at_so(pilot, lead, secretaries):
    services.submit(pilot, lead)
    services.forward(pilot, secretaries["Kernteam"])
    services.record_advice(pilot, secretaries["RBJ"], "positive")
    return pilot


@pytest.fixture
def running(at_so, lead, secretaries):
    services.decide(at_so, secretaries["SO"], "approved")
    services.start(at_so, lead)
    Gate.objects.create(pilot=at_so, planned_date="2026-12-01", criteria="Bereik")
    return at_so


def errors(response):
    """A refused act comes back on the pilot page (200) with its errors on top; other refusals are messages."""
    if response.status_code == 200 and response.context and "act_errors" in response.context:
        return [str(error["message"]) for error in response.context["act_errors"]]
    return [str(message) for message in get_messages(response.wsgi_request) if message.level_tag == "error"]


# 2. The calendar feeds: a token that is not of a token's shape is a page that does not exist.
@pytest.mark.parametrize("path", ["/calendar/%00.ics", "/calendar/%00/programmes/1.ics", "/calendar/a%00b.ics"])
def test_a_nul_in_a_calendar_link_is_404(client, db, path):
    assert client.get(path).status_code == 404


# 3. A username longer than any account's is an ordinary failed login, on both login pages.
@pytest.mark.parametrize("url", ["/accounts/login/", "/admin/login/"])
def test_an_overlong_username_is_the_normal_login_error(client, settings, reader, url):
    settings.AXES_ENABLED = True
    response = client.post(url, {"username": "x" * 300, "password": "fout"})
    assert response.status_code == 200
    assert "gebruikersnaam" in response.content.decode().lower()
    assert all(len(attempt.username) <= 150 for attempt in AccessAttempt.objects.all())
    assert AccessAttempt.objects.exists()  # it still counts as a failed attempt


# 4. The gate act reads its gate through a form: no gate, or not one of this pilot's, is a Dutch message.
@pytest.mark.parametrize("gate", ["abc", "", "999999999999999999", "-1"])
def test_a_malformed_gate_is_refused_in_dutch(client, running, secretaries, gate):
    client.force_login(secretaries["SO"])
    response = client.post(reverse("pilots:act", args=[running.pk, "gate"]), {"gate": gate, "outcome": "continue"})
    assert response.status_code == 200
    assert errors(response) == ["Kies een go/no-go-moment van deze pilot."]
    assert not Gate.objects.exclude(outcome="").exists()


def test_another_pilots_gate_is_refused(client, running, secretaries, programme, workgroup1):
    other = Pilot.objects.create(programme=programme, workgroup=workgroup1, title="Andere pilot")
    foreign = Gate.objects.create(pilot=other, planned_date="2026-12-01")
    client.force_login(secretaries["SO"])
    response = client.post(
        reverse("pilots:act", args=[running.pk, "gate"]), {"gate": foreign.pk, "outcome": "continue"}
    )
    assert errors(response) == ["Kies een go/no-go-moment van deze pilot."]
    foreign.refresh_from_db()
    assert foreign.outcome == ""


# 5. Restoring a version: a history id that is not one is a 404.
@pytest.mark.parametrize("history_id", ["abc", "", "1.5", "9" * 18])
def test_a_malformed_history_id_is_404(client, manager, programme, history_id):
    milestone = Milestone.objects.create(programme=programme, description="Start", start_date="2026-01-01")
    client.force_login(manager)
    response = client.post(reverse("programmes:history", args=["milestone", milestone.pk]), {"history_id": history_id})
    assert response.status_code == 404


# 6. Moving an agenda item: the target is a later planned meeting of the same body, or a Dutch message.
@pytest.mark.parametrize("target", ["abc", "", "-3", "other-body"])
def test_an_agenda_item_moves_only_to_a_later_meeting_of_its_body(client, manager, route, target):
    meeting = Meeting.objects.create(body=route["RBJ"], starts_at="2026-12-01T10:00+01:00")
    later = Meeting.objects.create(body=route["RBJ"], starts_at="2026-12-15T10:00+01:00")
    elsewhere = Meeting.objects.create(body=route["SO"], starts_at="2026-12-20T10:00+01:00")
    item = AgendaItem.objects.create(meeting=meeting, title="Pilot", order=1)
    client.force_login(manager)
    value = str(elsewhere.pk) if target == "other-body" else target
    response = client.post(reverse("governance:item_move", args=[item.pk]), {"meeting": value})
    assert response.status_code == 302
    assert errors(response) == ["Kies een latere geplande vergadering van hetzelfde overleg."]
    item.refresh_from_db()
    assert item.meeting == meeting
    response = client.post(reverse("governance:item_move", args=[item.pk]), {"meeting": later.pk})
    item.refresh_from_db()
    assert item.meeting == later and later.status == MeetingStatus.PLANNED


# 7. NUL characters in any parameter are refused at the edge: a Dutch 400, nothing saved.
def test_a_nul_in_a_programme_report_summary_changes_nothing(client, manager, programme):
    line = f.ActionLineFactory(programme=programme) if hasattr(f, "ActionLineFactory") else None
    report = ProgrammeReport.objects.create(
        programme=programme, period_start="2026-01-01", period_end="2026-06-30", summary="Oud"
    )
    summary = ActionLineSummary.objects.create(report=report, action_line=line, summary="Oud") if line else None
    client.force_login(manager)
    data = {"summary": "Nieuw a\x00b"}
    if summary:
        data[f"summary_{summary.pk}"] = "a\x00b"
    response = client.post(reverse("reports:programme_report", args=[report.pk]), data)
    assert response.status_code == 400
    assert "stuurteken" in response.content.decode()
    report.refresh_from_db()
    assert report.summary == "Oud"


def test_a_nul_in_a_spending_note_changes_nothing(client, running, lead):
    client.force_login(lead)
    response = client.post(
        reverse("pilots:act", args=[running.pk, "spend"]), {"year": "2026", "amount": "100", "note": "a\x00b"}
    )
    assert response.status_code == 400
    assert not BudgetMovement.objects.filter(kind="spend").exists()


def test_an_overlong_parameter_is_refused_at_the_edge(client, reader, programme):
    client.force_login(reader)
    response = client.get(reverse("programmes:risks", args=[programme.pk]), {"q": "x" * 50_001})
    assert response.status_code == 400
    assert "langer dan 50.000 tekens" in response.content.decode()


@pytest.mark.parametrize("value", ["9" * 19, "9" * 40, "-" + "9" * 25])
def test_a_number_longer_than_any_field_is_refused_at_the_edge(client, running, lead, value):
    client.force_login(lead)
    response = client.post(reverse("pilots:act", args=[running.pk, "spend"]), {"year": "2026", "amount": value})
    assert response.status_code == 400
    assert "meer dan 18 cijfers" in response.content.decode()
    assert client.get(f"/pilots/{value.lstrip('-')}/").status_code == 404
    assert not BudgetMovement.objects.filter(kind="spend").exists()


def test_a_long_text_under_the_limit_still_reaches_the_form(client, reader, programme):
    client.force_login(reader)
    assert client.get(reverse("programmes:risks", args=[programme.pk]), {"q": "x" * 50_000}).status_code == 200


# 8. Amounts: one parser, the size checked before any arithmetic.
@pytest.mark.parametrize("amount", ["9" * 18, "1" + "0" * 11, "-9" * 20, "9.999.999.999.999"])
def test_a_huge_spending_amount_is_a_dutch_error(client, running, lead, amount):
    client.force_login(lead)
    response = client.post(reverse("pilots:act", args=[running.pk, "spend"]), {"year": "2026", "amount": amount})
    assert response.status_code == 200
    assert errors(response) and all("bedrag" in message.lower() for message in errors(response))
    assert not BudgetMovement.objects.filter(kind="spend").exists()


@pytest.mark.parametrize(
    "text, amount",
    [
        ("12500", "12500.00"),
        ("12.500", "12500.00"),
        ("12.500,50", "12500.50"),
        ("€ 12.500", "12500.00"),
        ("12500,5", "12500.50"),
        ("12500.50", "12500.50"),
        ("12,500.50", "12500.50"),
        ("1.234.567,89", "1234567.89"),
        (Decimal("30000.00"), "30000.00"),
    ],
)
def test_amounts_are_read_the_dutch_and_the_english_way(text, amount):
    assert parse_euro(text) == Decimal(amount)


@pytest.mark.parametrize("text", ["abc", "", "NaN", "1e400", "12,3456", "1.2.3", "9" * 40, "-5", Decimal("1.005")])
def test_anything_else_is_a_validation_error(text):
    with pytest.raises(ValidationError):
        parse_euro(text)


def test_the_admin_reads_an_amount_the_dutch_way(client, admin_user, programme):
    from finance.models import FundingSource

    client.force_login(admin_user)
    data = {"programme": programme.pk, "year": 2026, "name": "Transformatiefonds", "explanation": ""}
    response = client.post(reverse("admin:finance_fundingsource_add"), {**data, "amount": "9" * 18})
    assert response.status_code == 200 and "Dit bedrag is te groot" in response.content.decode()
    response = client.post(reverse("admin:finance_fundingsource_add"), {**data, "amount": "18.900,50"})
    assert response.status_code == 302
    assert FundingSource.objects.get().amount == Decimal("18900.50")


# 9. The API token is never in the page title.
def test_the_api_token_stays_out_of_the_title(client, reader):
    token = Token.objects.create(user=reader)
    client.force_login(reader)
    html = client.get(reverse("reminders:preferences")).content.decode()
    title = html.split("<title>", 1)[1].split("</title>", 1)[0]
    assert token.key not in title and "<" not in title
    assert token.key in html  # still on the page itself


# 10. An approval states what it releases per requested year.
def test_an_approval_without_amounts_is_refused(client, at_so, secretaries):
    client.force_login(secretaries["SO"])
    response = client.post(reverse("pilots:act", args=[at_so.pk, "decide"]), {"outcome": "approved"})
    assert errors(response) == [
        "Vul het bedrag in dat voor 2026 vrijkomt (0 als er dat jaar niets vrijkomt).",
        "Vul het bedrag in dat voor 2027 vrijkomt (0 als er dat jaar niets vrijkomt).",
    ]
    at_so.refresh_from_db()
    assert at_so.status == PilotStatus.ON_ROUTE
    assert not Decision.objects.exists() and not BudgetMovement.objects.exists()


def test_an_approval_of_nothing_at_all_is_refused(client, at_so, secretaries):
    client.force_login(secretaries["SO"])
    response = client.post(
        reverse("pilots:act", args=[at_so.pk, "decide"]),
        {"outcome": "approved", "amount_2026": "0", "amount_2027": "0"},
    )
    assert "Een goedkeuring geeft geld vrij" in " ".join(errors(response))
    at_so.refresh_from_db()
    assert at_so.status == PilotStatus.ON_ROUTE and not Decision.objects.exists()


def test_an_approval_may_release_nothing_in_one_year(client, at_so, secretaries, programme):
    client.force_login(secretaries["SO"])
    client.post(
        reverse("pilots:act", args=[at_so.pk, "decide"]),
        {"outcome": "approved", "amount_2026": "12.000", "amount_2027": "0", "confirmed": "1"},
    )
    at_so.refresh_from_db()
    assert at_so.status == PilotStatus.APPROVED
    released = BudgetMovement.objects.filter(kind="release").values_list("year", "amount")
    assert list(released) == [(2026, Decimal("12000.00"))]


def test_the_service_refuses_a_partial_statement_from_any_caller(at_so, secretaries):
    with pytest.raises(services.ActRefused, match="2027"):
        services.decide(at_so, secretaries["SO"], "approved", amounts={2026: Decimal("1000")})
    services.decide(at_so, secretaries["SO"], "approved")  # None: the requested amounts, explicitly
    assert sum(BudgetMovement.objects.values_list("amount", flat=True)) == Decimal("50000")


# 15. A write the user may not do is a 403 that says why, not a redirect with a message.
def test_a_reader_who_tries_to_submit_gets_403_with_the_reason(client, pilot, reader, lead):
    client.force_login(reader)
    services.submit(pilot, lead)
    response = client.post(reverse("pilots:act", args=[pilot.pk, "withdraw"]), {"rationale": "weg"})
    assert response.status_code == 403
    assert "U mag dit voorstel niet intrekken." in response.content.decode()
    assert not PilotEvent.objects.filter(kind="withdrawn").exists()


def test_a_member_of_another_body_who_tries_to_decide_gets_403(client, at_so, secretaries):
    client.force_login(secretaries["RBJ"])
    response = client.post(
        reverse("pilots:act", args=[at_so.pk, "decide"]),
        {"outcome": "approved", "amount_2026": "1", "amount_2027": "1"},
    )
    assert response.status_code == 403
    assert "SO" in response.content.decode()
    assert not Decision.objects.exists()


def test_a_refusal_for_the_state_stays_a_message_on_the_page(client, pilot, lead):
    client.force_login(lead)
    response = client.post(reverse("pilots:act", args=[pilot.pk, "start"]))
    assert response.status_code == 200
    assert errors(response) == ["Alleen een goedgekeurde pilot kan starten."]


def test_an_unknown_act_is_404(client, pilot, lead):
    client.force_login(lead)
    assert client.post(reverse("pilots:act", args=[pilot.pk, "explode"])).status_code == 404


def test_a_reader_who_tries_to_review_a_report_gets_403(client, reader, programme, workgroup1):
    from reports.models import ProgressReport, ReportStatus

    report = ProgressReport.objects.create(
        programme=programme,
        workgroup=workgroup1,
        period_start="2026-01-01",
        period_end="2026-06-30",
        due_date="2026-07-15",
        status=ReportStatus.SUBMITTED,
    )
    client.force_login(reader)
    response = client.post(
        reverse("reports:detail", args=[report.pk]), {"action": "review", "outcome": "accepted", "comment": ""}
    )
    assert response.status_code == 403
    report.refresh_from_db()
    assert report.status == ReportStatus.SUBMITTED


def test_the_login_page_works_with_the_password(client, reader):
    response = client.post("/accounts/login/", {"username": reader.username, "password": PASSWORD})
    assert response.status_code == 302
