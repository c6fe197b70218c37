# ruff: noqa: F811 - the fixtures of tests/test_assessment_scores.py are shared by importing them
"""The scores page, the prioritisation matrix and the criteria page: who sees individual scores, what the web form
refuses, and a matrix whose query count does not grow with the proposals."""

from decimal import Decimal

import pytest
from django.urls import reverse

from pilots import assessment, services
from pilots.models import AssessmentCriterion, BudgetRequest, Pilot, Score
from tests import factories as f
from tests.factories import PASSWORD
from tests.test_assessment_scores import at_kernteam, criteria, kernteam, scores  # noqa: F401


def login(client, user):
    client.logout()
    assert client.login(username=user.username, password=PASSWORD)


def test_individual_scores_are_for_the_body_and_the_programme_manager(
    client, at_kernteam, kernteam, criteria, manager, reader, lead
):
    assessment.save_scores(at_kernteam, kernteam["kees"], scores(criteria, 4, 3, 5, motivation="Geheim oordeel"))
    url = reverse("pilots:assessment", args=[at_kernteam.pk])
    for user in (kernteam["kim"], manager):
        login(client, user)
        page = client.get(url)
        assert page.status_code == 200 and "Geheim oordeel" in page.content.decode()
    for user in (reader, lead):
        login(client, user)
        assert client.get(url).status_code == 403
        detail = client.get(at_kernteam.get_absolute_url()).content.decode()
        assert "Geheim oordeel" not in detail and 'id="score-summary"' not in detail


def test_the_joint_assessment_is_shown_to_every_reader_after_forwarding(
    client, at_kernteam, kernteam, criteria, reader
):
    assessment.save_scores(at_kernteam, kernteam["kees"], scores(criteria, 4, 3, 5, motivation="Geheim oordeel"))
    services.forward(at_kernteam, kernteam["secretary"], "Hoge prioriteit")
    login(client, reader)
    page = client.get(at_kernteam.get_absolute_url()).content.decode()
    assert "data-joint-assessment" in page and "Hoge prioriteit" in page
    assert "Geheim oordeel" not in page


def test_the_web_form_refuses_a_score_outside_the_scale_and_saves_nothing(client, at_kernteam, kernteam, criteria):
    login(client, kernteam["kees"])
    url = reverse("pilots:assessment", args=[at_kernteam.pk])
    data = {f"value_{criteria[0].pk}": "9", f"value_{criteria[1].pk}": "3", f"motivation_{criteria[1].pk}": "Goed"}
    response = client.post(url, data)
    assert response.status_code == 200 and "error-summary" in response.content.decode()
    assert not Score.objects.exists()
    response = client.post(url, {**data, f"value_{criteria[0].pk}": "4"})
    assert response.status_code == 302
    assert Score.objects.filter(member=kernteam["kees"].person).count() == 2


def test_an_outsider_posting_scores_gets_403_and_nothing_is_saved(client, at_kernteam, criteria, reader, manager):
    url = reverse("pilots:assessment", args=[at_kernteam.pk])
    login(client, reader)
    assert client.post(url, {f"value_{criteria[0].pk}": "3"}).status_code == 403
    login(client, manager)  # sees the scores, but sits in no body: no own scores
    assert client.post(url, {f"value_{criteria[0].pk}": "3"}).status_code == 403
    assert not Score.objects.exists()


def test_the_secretary_picks_a_member_only_from_the_body(client, at_kernteam, kernteam, criteria, lead):
    login(client, kernteam["secretary"])
    url = reverse("pilots:assessment", args=[at_kernteam.pk])
    data = {f"value_{criteria[0].pk}": "3", "member": str(lead.person.pk)}
    assert client.post(url, data).status_code == 200
    assert not Score.objects.exists()
    client.post(url, {**data, "member": str(kernteam["kim"].person.pk)})
    assert Score.objects.get().member == kernteam["kim"].person


def test_the_matrix_shows_every_proposal_at_the_step_in_constant_queries(
    client, programme, workgroup1, lead, at_kernteam, kernteam, criteria, route, django_assert_max_num_queries
):
    url = reverse("pilots:matrix", args=[programme.pk, route["Kernteam"].pk])
    assessment.save_scores(at_kernteam, kernteam["kees"], scores(criteria, 4, 2, 5))
    login(client, kernteam["kim"])
    client.get(url)  # warm the session and the caches
    with django_assert_max_num_queries(14) as few:
        page = client.get(url).content.decode()
    assert f'data-pilot="{at_kernteam.pk}"' in page and 'id="matrix-data"' in page
    for number in range(5):
        other = Pilot.objects.create(
            programme=programme, workgroup=workgroup1, title=f"Voorstel {number}", goals="G", efforts="I", network="N"
        )
        BudgetRequest.objects.create(pilot=other, year=2026, amount=Decimal("1000"))
        services.submit(other, lead)
        assessment.save_scores(other, kernteam["kees"], scores(criteria, 3, 3, 3))
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = client.get(url).content.decode()
    assert page.count("data-pilot=") == 6


def test_the_matrix_is_for_the_body_and_the_manager_only(client, programme, route, reader, lead, manager):
    url = reverse("pilots:matrix", args=[programme.pk, route["Kernteam"].pk])
    for user, status in ((reader, 403), (lead, 403), (manager, 200)):
        login(client, user)
        assert client.get(url).status_code == status


def test_a_body_of_another_programme_is_a_404(client, programme, other_programme, manager):
    foreign = f.GovernanceBodyFactory(programme=other_programme, name="Kernteam elders")
    login(client, manager)
    assert client.get(reverse("pilots:matrix", args=[programme.pk, foreign.pk])).status_code == 404


def formset_data(rows, initial=0):
    data = {
        "criteria-TOTAL_FORMS": str(len(rows)),
        "criteria-INITIAL_FORMS": str(initial),
        "criteria-MIN_NUM_FORMS": "0",
        "criteria-MAX_NUM_FORMS": "1000",
    }
    for index, row in enumerate(rows):
        data.update({f"criteria-{index}-{key}": value for key, value in row.items()})
    return data


def test_the_programme_manager_keeps_the_criteria(client, programme, manager, reader):
    url = reverse("pilots:criteria", args=[programme.pk])
    login(client, reader)
    assert client.get(url).status_code == 403
    login(client, manager)
    rows = [
        {"name": "Impact", "order": "1", "scale_min": "1", "scale_max": "5", "axis": "impact"},
        {"name": "Uitvoerbaarheid", "order": "2", "scale_min": "1", "scale_max": "5", "axis": "feasibility"},
        {"name": "Urgentie", "order": "3", "scale_min": "1", "scale_max": "5", "axis": "urgency"},
    ]
    assert client.post(url, formset_data(rows)).status_code == 302
    assert list(AssessmentCriterion.objects.filter(programme=programme).values_list("name", flat=True)) == [
        "Impact",
        "Uitvoerbaarheid",
        "Urgentie",
    ]


@pytest.mark.parametrize(
    "rows",
    [
        [{"name": "Impact", "order": "1", "scale_min": "5", "scale_max": "1", "axis": ""}],
        [
            {"name": "Impact", "order": "1", "scale_min": "1", "scale_max": "5", "axis": "impact"},
            {"name": "Effect", "order": "2", "scale_min": "1", "scale_max": "5", "axis": "impact"},
        ],
        [
            {"name": "Impact", "order": "1", "scale_min": "1", "scale_max": "5", "axis": ""},
            {"name": "impact", "order": "2", "scale_min": "1", "scale_max": "5", "axis": ""},
        ],
    ],
    ids=["scale upside down", "two on one axis", "same name"],
)
def test_bad_criteria_are_refused_on_the_form(client, programme, manager, rows):
    login(client, manager)
    response = client.post(reverse("pilots:criteria", args=[programme.pk]), formset_data(rows))
    assert response.status_code == 200 and not AssessmentCriterion.objects.exists()


def test_a_criterion_with_scores_is_not_removed_nor_narrowed(
    client, programme, manager, at_kernteam, kernteam, criteria
):
    assessment.save_scores(at_kernteam, kernteam["kees"], scores(criteria, 5, 5, 5))
    login(client, manager)
    url = reverse("pilots:criteria", args=[programme.pk])
    keep = [
        {"id": str(c.pk), "name": c.name, "order": str(c.order), "scale_min": "1", "scale_max": "5", "axis": c.axis}
        for c in criteria
    ]
    narrowed = [dict(keep[0], scale_max="4"), *keep[1:]]
    assert client.post(url, formset_data(narrowed, initial=3)).status_code == 200
    removed = [dict(keep[0], DELETE="on"), *keep[1:]]
    assert client.post(url, formset_data(removed, initial=3)).status_code == 200
    assert AssessmentCriterion.objects.filter(programme=programme).count() == 3
    assert AssessmentCriterion.objects.get(pk=criteria[0].pk).scale_max == 5
