"""The DIN round trip through Word: the product's template, filled in like a person would, uploaded, checked, saved."""

import copy
import io
import zipfile
from decimal import Decimal

import pytest
from django.urls import reverse
from docx import Document

from pilots.din import SECTIONS, in_every_language
from pilots.models import Pilot
from tests import factories as f

TEXTS = {
    "title": "Vaste contactpersoon voor gezinnen",
    "goals": "Eén vast gezicht voor elk gezin.\nMinder doorverwijzingen naar zware hulp.",
    "efforts": "Twee consulenten (2 fte)\n\nTraining in systemisch werken; € 5.000 aan materiaal.",
    "network": "Lokale teams, zorgaanbieders en huisartsen; past in actielijn 1.",
    "objective": "Binnen twee weken passende hulp.",
    "target_group": "Gezinnen met meervoudige hulpvragen in Tiel en Culemborg.",
    "approach": "Fase 1: werven.\nFase 2: werken met de vaste contactpersoon.\nFase 3: evalueren.",
    "parties_text": "GGD Gelderland-Zuid, Lokaal team Tiel",
    "intended_effects": "20% minder instroom in specialistische jeugdhulp.",
}
AMOUNTS = {2026: "30.000", 2027: "20.000,50"}


def heading_index(document, key):
    """Where the heading of `key` stands, found the way a person looks for it: by its text (in either language)."""
    wanted = in_every_language(next(s.label for s in SECTIONS if s.key == key))
    return next(i for i, p in enumerate(document.paragraphs) if p.text in wanted)


def write_under(document, key, text):
    """Types the text under the heading: into the empty paragraph the template leaves, then new paragraphs."""
    paragraph = document.paragraphs[heading_index(document, key) + 1]
    first, *rest = text.split("\n")
    paragraph.text = first
    for line in reversed(rest):
        new = copy.deepcopy(paragraph._p)
        paragraph._p.addnext(new)
        for t in new.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t"):
            t.text = ""
        new_paragraph = type(paragraph)(new, paragraph._parent)
        new_paragraph.text = line


def filled_template(
    client, programme, texts=TEXTS, amounts=AMOUNTS, kind=None, start="01-03-2026", end=None, language="nl"
):
    """The product's template, downloaded and filled in with python-docx like a person fills it in Word."""
    response = client.get(reverse("pilots:din_template", args=[programme.pk]), HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    document = Document(io.BytesIO(response.content))
    for key, text in texts.items():
        write_under(document, key, text)
    if kind:
        write_under(document, "kind", kind)
    if start:
        write_under(document, "planned_start", start)
    if end:
        write_under(document, "planned_end", end)
    for row in document.tables[0].rows[1:]:
        year = row.cells[0].text.strip()
        if year.isdigit() and int(year) in amounts:
            row.cells[1].text = amounts[int(year)]
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def upload(client, programme, content, workgroup, name="voorstel.docx", language="nl"):
    document = io.BytesIO(content)
    document.name = name
    return client.post(
        reverse("pilots:din_import", args=[programme.pk]),
        {"workgroup": workgroup.pk, "document": document},
        HTTP_ACCEPT_LANGUAGE=language,
    )


def reposted(response):
    """What the browser sends when the checked form is saved: every field of the preview form as shown."""
    data = {}
    for bound in (*response.context["form"], *response.context["formset"].management_form):
        value = bound.value()
        if value is None:
            continue
        data[bound.html_name] = [str(v) for v in value] if isinstance(value, list) else str(value)
    for form in response.context["formset"]:
        for bound in form:
            if bound.value() not in (None, False):
                data[bound.html_name] = str(bound.value())
    return data


def test_it_makes_a_draft_with_the_same_text_from_the_filled_template(client, programme, workgroup1, lead, money):
    client.force_login(lead)
    response = upload(client, programme, filled_template(client, programme), workgroup1)
    assert response.status_code == 200
    assert response.templates[0].name == "pilots/din/import_preview.html"
    assert not Pilot.objects.exists()  # the preview saves nothing
    form = response.context["form"]
    assert form.is_valid(), form.errors
    assert response.context["formset"].is_valid()

    saved = client.post(reverse("pilots:create", args=[programme.pk]), reposted(response))

    pilot = Pilot.objects.get()
    assert saved.status_code == 302 and saved.url == pilot.get_absolute_url()
    for key, text in TEXTS.items():
        assert getattr(pilot, key) == text, key
    assert pilot.status == "draft" and pilot.workgroup == workgroup1 and pilot.kind == "pilot"
    assert str(pilot.planned_start) == "2026-03-01" and pilot.planned_end is None
    assert {r.year: r.amount for r in pilot.budget_requests.all()} == {
        2026: Decimal("30000.00"),
        2027: Decimal("20000.50"),
    }


def test_the_preview_shows_the_text_read_for_checking(client, programme, workgroup1, lead, money):
    client.force_login(lead)
    response = upload(client, programme, filled_template(client, programme), workgroup1)
    html = response.content.decode()
    assert 'id="din-preview"' in html
    assert f'action="{reverse("pilots:create", args=[programme.pk])}"' in html
    assert "Vaste contactpersoon voor gezinnen" in html
    assert "20% minder instroom" in html
    assert 'value="30.000"' in html


def test_a_new_initiative_and_both_dates_are_read(client, programme, workgroup1, lead, money):
    client.force_login(lead)
    content = filled_template(
        client, programme, kind="New initiative", start="1-3-2026", end="2027-12-31", language="en"
    )
    response = upload(client, programme, content, workgroup1)
    data = response.context["form"].cleaned_data
    assert data["kind"] == "new_initiative"
    assert str(data["planned_start"]) == "2026-03-01" and str(data["planned_end"]) == "2027-12-31"


def test_a_template_in_english_reads_back_on_a_dutch_page(client, programme, workgroup1, lead, money):
    client.force_login(lead)
    content = filled_template(client, programme, language="en")
    assert in_every_language(SECTIONS[2].label)[1] == "Goals (Doelen)"
    assert b"Goals (Doelen)" in zipfile.ZipFile(io.BytesIO(content)).read("word/document.xml")
    response = upload(client, programme, content, workgroup1, language="nl")
    assert response.context["form"].is_valid()
    assert response.context["form"].cleaned_data["goals"] == TEXTS["goals"]


def test_what_the_form_refuses_is_shown_on_the_preview_and_nothing_is_saved(
    client, programme, workgroup1, lead, money, pilot
):
    client.force_login(lead)
    texts = {**TEXTS, "title": pilot.title}  # a title the programme already has
    response = upload(client, programme, filled_template(client, programme, texts=texts, amounts={}), workgroup1)
    assert response.status_code == 200
    assert response.context["form"].errors  # the programme's titles are unique
    assert Pilot.objects.count() == 1


def test_a_year_outside_the_budget_is_refused_on_the_preview(client, programme, workgroup1, lead, money):
    client.force_login(lead)
    content = filled_template(client, programme)
    document = Document(io.BytesIO(content))
    document.tables[0].rows[1].cells[0].text = "2031"
    buffer = io.BytesIO()
    document.save(buffer)
    response = upload(client, programme, buffer.getvalue(), workgroup1)
    assert not response.context["formset"].is_valid()
    assert not Pilot.objects.exists()


def test_a_template_without_a_budget_table_gives_a_draft_without_money(client, programme, workgroup1, lead, money):
    client.force_login(lead)
    document = Document(io.BytesIO(filled_template(client, programme)))
    table = document.tables[0]._tbl
    table.getparent().remove(table)
    buffer = io.BytesIO()
    document.save(buffer)
    response = upload(client, programme, buffer.getvalue(), workgroup1)
    assert response.context["has_budget_table"] is False
    client.post(reverse("pilots:create", args=[programme.pk]), reposted(response))
    assert Pilot.objects.get().budget_requests.count() == 0


@pytest.mark.parametrize("who", ["manager", "admin_user"])
def test_the_programme_manager_and_an_administrator_may_import(request, client, programme, workgroup1, who, money):
    client.force_login(request.getfixturevalue(who))
    response = upload(client, programme, filled_template(client, programme), workgroup1)
    client.post(reverse("pilots:create", args=[programme.pk]), reposted(response))
    assert Pilot.objects.get().title == TEXTS["title"]


@pytest.mark.parametrize("who", ["reader", "body_member", "outsider", "member"])
def test_others_get_403_and_nothing_is_saved(request, client, programme, workgroup1, lead, money, who):
    client.force_login(lead)
    content = filled_template(client, programme)
    if who == "member":
        user = f.UserFactory(username="mia")
        f.MembershipFactory(workgroup=workgroup1, person=f.PersonFactory(name="Mia", user=user), role="member")
    else:
        user = request.getfixturevalue(who)
    client.force_login(user)
    assert client.get(reverse("pilots:din_template", args=[programme.pk])).status_code in (403, 404)
    assert client.get(reverse("pilots:din_import", args=[programme.pk])).status_code in (403, 404)
    assert upload(client, programme, content, workgroup1).status_code in (403, 404)
    assert not Pilot.objects.exists()


def test_a_lead_cannot_import_into_another_workgroup(client, programme, workgroup1, workgroup2, lead, money):
    client.force_login(lead)
    response = upload(client, programme, filled_template(client, programme), workgroup2)
    assert response.status_code == 200
    assert "workgroup" in response.context["form"].errors
    assert not Pilot.objects.exists()


def test_an_anonymous_visitor_is_sent_to_the_login(client, programme):
    response = client.get(reverse("pilots:din_import", args=[programme.pk]))
    assert response.status_code == 302 and "login" in response.url


def test_the_pilot_list_links_to_the_import_for_writers_only(client, programme, workgroup1, lead, reader):
    client.force_login(lead)
    assert 'id="din-import-link"' in client.get(reverse("pilots:list", args=[programme.pk])).content.decode()
    client.force_login(reader)
    assert 'id="din-import-link"' not in client.get(reverse("pilots:list", args=[programme.pk])).content.decode()
