"""Annexes on proposals: the agenda documents' types and size, versioned with the proposal, downloaded only by
who may read the proposal (a draft's annexes only by who may see the draft)."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from core.refusals import Forbidden
from discussion import services
from discussion.models import Annex
from pilots import services as pilot_services
from pilots.models import Experiment


def pdf(name="analyse.pdf", content=b"%PDF-1.4 analyse"):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def test_an_annex_goes_with_the_coming_submission_and_one_added_after_submitting_with_the_next(pilot, lead):
    before = services.add_annex(lead, pilot, "Probleemanalyse", pdf())
    assert before.version == 1 and not before.is_submitted
    pilot_services.submit(pilot, lead)
    pilot.refresh_from_db()
    before.refresh_from_db()
    assert before.is_submitted
    after = services.add_annex(lead, pilot, "Nagekomen begroting", pdf("begroting.pdf"))
    assert after.version == 2 and not after.is_submitted


def test_experiments_have_no_versions(workgroup1, lead):
    experiment = Experiment.objects.create(workgroup=workgroup1, title="Try-out")
    assert services.add_annex(lead, experiment, "", pdf()).version is None


def test_only_who_writes_the_proposal_adds_annexes(pilot, lead, reader, manager):
    pilot_services.submit(pilot, lead)
    pilot.refresh_from_db()
    with pytest.raises(Forbidden):
        services.add_annex(reader, pilot, "Van de lezer", pdf())
    services.add_annex(manager, pilot, "Van de programmamanager", pdf())
    assert list(Annex.objects.values_list("title", flat=True)) == ["Van de programmamanager"]


def test_the_agenda_documents_types_are_the_annexes_types(client, pilot, lead):
    client.force_login(lead)
    url = reverse("discussion:annex_create", args=["pilot", pilot.pk])
    response = client.post(url, {"title": "Virus", "file": SimpleUploadedFile("virus.exe", b"MZ")})
    assert response.status_code == 200 and b"error-summary" in response.content
    with pytest.raises(ValidationError):
        services.add_annex(lead, pilot, "Virus", SimpleUploadedFile("virus.exe", b"MZ"))
    assert not Annex.objects.exists()


def test_the_agenda_documents_size_limit_is_the_annexes_limit(client, pilot, lead, monkeypatch):
    """Reused, not copied: lowering the agenda documents' limit lowers the annexes' limit too."""
    monkeypatch.setattr("governance.models.MAX_DOCUMENT_BYTES", 10)
    client.force_login(lead)
    url = reverse("discussion:annex_create", args=["pilot", pilot.pk])
    response = client.post(url, {"title": "Groot", "file": pdf(content=b"x" * 11)})
    assert response.status_code == 200 and b"error-summary" in response.content
    assert not Annex.objects.exists()
    client.post(url, {"title": "Klein", "file": pdf(content=b"x" * 10)})
    assert Annex.objects.get().title == "Klein"


def test_a_draft_s_annexes_are_downloaded_only_by_who_may_see_the_draft(client, pilot, lead, reader, outsider):
    annex = services.add_annex(lead, pilot, "Analyse", pdf())
    url = reverse("discussion:annex", args=[annex.pk])
    client.force_login(lead)
    response = client.get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == b"%PDF-1.4 analyse"
    client.force_login(reader)
    assert client.get(url).status_code == 403
    assert b"Analyse" not in client.get(reverse("discussion:annex_create", args=["pilot", pilot.pk])).content
    pilot_services.submit(pilot, lead)
    assert client.get(url).status_code == 200
    client.force_login(outsider)
    assert client.get(url).status_code == 403
    client.logout()
    assert client.get(url).status_code == 302
    assert client.get("/discussion/annexes/abc/").status_code == 404


def test_the_pilot_page_lists_the_annexes_with_their_version(client, pilot, lead, reader):
    services.add_annex(lead, pilot, "Probleemanalyse", pdf())
    pilot_services.submit(pilot, lead)
    services.add_annex(lead, pilot, "Nagekomen", pdf("nagekomen.pdf"))
    client.force_login(reader)
    page = client.get(pilot.get_absolute_url()).content.decode()
    assert 'id="annexes"' in page and "Probleemanalyse" in page and "Nagekomen" in page
    assert "Add an annex" not in page and "annexes/new" not in page
    client.force_login(lead)
    assert "annexes/new" in client.get(pilot.get_absolute_url()).content.decode()
