"""The discussion on the pages: posting, replying, editing, deleting with a confirmation, hiding; what a reader
who may not see a draft gets (404); bad input refused with nothing saved; a constant number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from discussion import services
from discussion.models import Comment
from pilots import services as pilot_services
from pilots.models import Experiment
from reports.models import ProgressReport


@pytest.fixture
def submitted(pilot, lead):
    pilot_services.submit(pilot, lead)
    pilot.refresh_from_db()
    return pilot


def new_comment(kind, pk):
    return reverse("discussion:comment_create", args=[kind, pk])


def test_a_lead_posts_a_comment_from_the_pilot_page_and_everyone_reading_sees_it(client, submitted, lead, reader):
    client.force_login(lead)
    page = client.get(submitted.get_absolute_url())
    assert b'id="comment-form"' in page.content
    response = client.post(new_comment("pilot", submitted.pk), {"text": "Wie doet mee?", "visibility": "programme"})
    comment = Comment.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"#comment-{comment.pk}")
    client.force_login(reader)
    page = client.get(submitted.get_absolute_url())
    assert f'id="comment-{comment.pk}"'.encode() in page.content and b"Wie doet mee?" in page.content


def test_a_reader_is_offered_no_team_choice_and_a_forged_team_post_is_a_403(client, submitted, reader):
    client.force_login(reader)
    page = client.get(submitted.get_absolute_url())
    assert b'value="team"' not in page.content
    assert b'value="team"' not in client.get(new_comment("pilot", submitted.pk)).content
    response = client.post(new_comment("pilot", submitted.pk), {"text": "Geheim", "visibility": "team"})
    assert response.status_code == 403  # as the README promises: a forged team comment is a 403, saying why
    assert "Alleen de werkgroep en het programmateam" in response.content.decode()
    assert not Comment.objects.exists()
    response = client.post(new_comment("pilot", submitted.pk), {"text": "Open", "visibility": "programme"})
    assert response.status_code == 302 and Comment.objects.get().visibility == "programme"  # the honest post works


def test_a_reader_cannot_see_or_post_the_comments_of_a_draft(client, pilot, lead, reader):
    comment = services.post_comment(lead, pilot, "Concept", "programme")
    client.force_login(reader)
    assert client.get(new_comment("pilot", pilot.pk)).status_code == 404
    response = client.post(new_comment("pilot", pilot.pk), {"text": "Hallo", "visibility": "programme"})
    assert response.status_code == 404
    for name in ("comment_edit", "comment_delete", "comment_hide", "comment_history"):
        assert client.get(reverse(f"discussion:{name}", args=[comment.pk])).status_code == 404
    assert Comment.objects.count() == 1


@pytest.mark.parametrize(
    "text, status",
    [("   \n  ", 200), ("a\x00b", 400), ("x" * 100_000, 400), ("x" * 10_001, 200)],
    ids=["whitespace", "nul", "100kB", "too-long"],
)
def test_bad_comments_are_refused_in_dutch_and_nothing_is_saved(client, submitted, lead, text, status):
    client.force_login(lead)
    with translation.override("nl"):
        response = client.post(
            new_comment("pilot", submitted.pk), {"text": text, "visibility": "programme"}, HTTP_ACCEPT_LANGUAGE="nl"
        )
    assert response.status_code == status
    if status == 200:
        assert b"error-summary" in response.content
    assert not Comment.objects.exists()


def test_malformed_ids_and_kinds_are_404(client, submitted, lead):
    client.force_login(lead)
    assert client.get("/discussion/gate/1/comments/new/").status_code == 404
    assert client.get(f"/discussion/pilot/{submitted.pk}/comments/new/?parent=abc").status_code == 200
    response = client.post(new_comment("pilot", submitted.pk), {"text": "x", "visibility": "x", "parent": "1.5"})
    assert response.status_code == 200 and not Comment.objects.exists()
    assert client.get("/discussion/comments/99999/edit/").status_code == 404


def test_replying_from_the_reply_page(client, submitted, lead, reader):
    question = services.post_comment(reader, submitted, "Vraag", "programme")
    client.force_login(lead)
    page = client.get(new_comment("pilot", submitted.pk) + f"?parent={question.pk}")
    assert b'id="reply-to"' in page.content
    client.post(
        new_comment("pilot", submitted.pk), {"text": "Antwoord", "visibility": "programme", "parent": question.pk}
    )
    assert Comment.objects.get(text="Antwoord").parent == question


def test_delete_asks_first_and_cannot_be_undone(client, submitted, lead):
    comment = services.post_comment(lead, submitted, "Weg ermee", "programme")
    client.force_login(lead)
    url = reverse("discussion:comment_delete", args=[comment.pk])
    with translation.override("en"):
        page = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
    assert b"cannot be undone" in page.content and Comment.objects.exists()
    client.post(url, {"confirmed": "1"})
    assert not Comment.objects.exists()


def test_hiding_shows_the_reason_to_everyone_instead_of_the_text(client, submitted, lead, manager, reader):
    comment = services.post_comment(reader, submitted, "Ongepast", "programme")
    client.force_login(lead)
    assert client.get(reverse("discussion:comment_hide", args=[comment.pk])).status_code == 403
    client.force_login(manager)
    url = reverse("discussion:comment_hide", args=[comment.pk])
    assert client.post(url, {"reason": "Persoonlijk", "confirmed": "1"}).status_code == 302
    client.force_login(reader)
    with translation.override("en"):
        page = client.get(submitted.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en")
    assert b"Hidden by the programme manager: Persoonlijk" in page.content and b"Ongepast" not in page.content
    assert client.get(reverse("discussion:comment_history", args=[comment.pk])).status_code == 404
    client.force_login(manager)
    assert b"Ongepast" in client.get(reverse("discussion:comment_history", args=[comment.pk])).content


def test_the_edit_page_corrects_and_the_history_shows_both_texts(client, submitted, lead, reader):
    comment = services.post_comment(lead, submitted, "Eerst", "programme")
    client.force_login(lead)
    client.post(reverse("discussion:comment_edit", args=[comment.pk]), {"text": "Daarna"})
    client.force_login(reader)
    history = client.get(reverse("discussion:comment_history", args=[comment.pk])).content
    assert b"Eerst" in history and b"Daarna" in history
    assert client.get(reverse("discussion:comment_edit", args=[comment.pk])).status_code == 200  # page, no act
    client.post(reverse("discussion:comment_edit", args=[comment.pk]), {"text": "Van Rob"})
    comment.refresh_from_db()
    assert comment.text == "Daarna"


def test_the_report_and_experiment_pages_carry_the_discussion(client, programme, workgroup1, lead, reader):
    experiment = Experiment.objects.create(workgroup=workgroup1, title="Try-out steunouders")
    report = ProgressReport.objects.create(
        programme=programme,
        workgroup=workgroup1,
        due_date="2026-04-01",
        period_start="2026-01-01",
        period_end="2026-03-31",
        status="submitted",
    )
    services.post_comment(lead, report, "Rapportage besproken", "programme")
    services.post_comment(lead, experiment, "Experiment besproken", "programme")
    client.force_login(reader)
    assert b"Rapportage besproken" in client.get(report.get_absolute_url()).content
    page = client.get(reverse("discussion:experiment", args=[experiment.pk]))
    assert b"Experiment besproken" in page.content and b'id="comment-form"' in page.content
    listing = client.get(reverse("pilots:experiments", args=[programme.pk]))
    assert reverse("discussion:experiment", args=[experiment.pk]).encode() in listing.content


def _discuss(pilot, users, rounds):
    for n in range(rounds):
        for user in users:
            top = services.post_comment(user, pilot, f"Opmerking {n} van @lars", "programme")
            services.post_comment(users[0], pilot, f"Antwoord {n}", "team", parent=top)


def test_the_pilot_page_asks_the_same_number_of_queries_for_many_comments(
    client, submitted, lead, manager, reader, django_assert_max_num_queries
):
    users = [lead, manager, reader]
    _discuss(submitted, users, 1)
    client.force_login(manager)
    with CaptureQueriesContext(connection) as few:
        client.get(submitted.get_absolute_url())
    _discuss(submitted, users, 10)
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = client.get(submitted.get_absolute_url())
    assert page.content.count(b"data-comment=") == 66
