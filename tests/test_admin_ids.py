"""The admin reads its ids the way the rest of the site does: a malformed id is a 404 or a Dutch message."""

import pytest
from django.urls import reverse

from reports.models import ProgrammeReport


@pytest.fixture
def admin_client(client, admin_user):
    client.force_login(admin_user)
    return client


@pytest.mark.parametrize("object_id", ["abc", "..", "é", "x" * 300])
def test_a_malformed_id_on_a_history_page_is_404(admin_client, programme, object_id):
    assert admin_client.get(f"/admin/programmes/programme/{object_id}/history/").status_code == 404
    assert admin_client.get(f"/admin/programmes/programme/{programme.pk}/history/{object_id}/").status_code == 404
    assert admin_client.get(f"/admin/programmes/programme/{object_id}/history/1/").status_code == 404


def test_the_history_pages_still_open(admin_client, programme):
    assert admin_client.get(f"/admin/programmes/programme/{programme.pk}/history/").status_code == 200
    version = programme.history.first()
    url = f"/admin/programmes/programme/{programme.pk}/history/{version.history_id}/"
    assert admin_client.get(url).status_code == 200


@pytest.mark.parametrize("selected", ["abc", "y" * 300, "1.5"])
def test_a_malformed_selection_is_a_dutch_message_and_deletes_nothing(admin_client, programme, selected):
    from programmes.models import Programme

    response = admin_client.post(
        "/admin/programmes/programme/", {"action": "delete_selected", "_selected_action": [selected]}, follow=True
    )
    assert response.status_code == 200
    assert "Selecteer de items opnieuw" in response.content.decode()
    assert Programme.objects.filter(pk=programme.pk).exists()


def test_an_empty_to_field_means_the_primary_key(admin_client, programme):
    url = reverse("admin:programmes_programme_change", args=[programme.pk])
    assert admin_client.get(url, {"_to_field": ""}).status_code == 200


def test_a_programme_report_is_not_added_in_the_admin(admin_client, programme):
    assert admin_client.get("/admin/reports/programmereport/add/").status_code == 403
    admin_client.post("/admin/reports/programmereport/add/", {"programme": programme.pk})
    assert not ProgrammeReport.objects.exists()


def test_an_action_line_that_decisions_name_is_not_removed_but_explained(client, manager, programme):
    from governance.models import Decision
    from programmes.models import ActionLine, GovernanceBody

    line = ActionLine.objects.create(programme=programme, order=1, title="Gecoördineerde instroom")
    body = GovernanceBody.objects.create(programme=programme, name="SO")
    Decision.objects.create(
        programme=programme, body=body, outcome="approved", subject_title="Pilot", date="2026-03-01", action_line=line
    )
    client.force_login(manager)
    page = client.get(reverse("programmes:edit_parts", args=[programme.pk, "action-lines"])).content.decode()
    assert "parts-0-id" in page
    data = {
        "parts-TOTAL_FORMS": "1",
        "parts-INITIAL_FORMS": "1",
        "parts-MIN_NUM_FORMS": "0",
        "parts-MAX_NUM_FORMS": "1000",
        "parts-0-id": str(line.pk),
        "parts-0-programme": str(programme.pk),
        "parts-0-order": "1",
        "parts-0-title": line.title,
        "parts-0-DELETE": "on",
    }
    response = client.post(reverse("programmes:edit_parts", args=[programme.pk, "action-lines"]), data)
    assert response.status_code == 200
    assert "is nog in gebruik en kan niet worden verwijderd" in response.content.decode()
    assert ActionLine.objects.filter(pk=line.pk).exists()


def test_a_refused_form_with_a_malformed_autocomplete_value_is_shown_again(admin_client):
    response = admin_client.post("/admin/programmes/person/add/", {"name": "", "organisation": "abc", "user": "abc"})
    assert response.status_code == 200
    assert "errornote" in response.content.decode()
