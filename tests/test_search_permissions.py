"""The permission matrix through search: every demo role searches for the title of every record of the demo, and
finds exactly what it may open; a draft's text and a draft report's text only for who may read them."""

import pytest
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.urls import reverse

from programmes.models import Person, Programme
from reports.models import ProgressReport, ReportStatus
from search.kinds import KINDS, report_text_visible
from search.models import SearchEntry
from search.query import search

READERS = ["beheerder", "programmamanager", "trekker", "kernteam", "rbj", "so", "lezer"]
ROLES = [*READERS, "wbo"]


def user(username):
    return get_user_model().objects.get(username=username)


def seated_in(programme):
    return set(
        Person.objects.filter(
            Q(memberships__workgroup__programme=programme) | Q(bodymembership__body__programme=programme)
        ).values_list("pk", flat=True)
    )


def may_open(someone, kind, obj, programme, seated):
    """The oracle: the rule that guards the record's own page (or list), asked object by object."""
    if kind == "pilot":
        return obj.programme_id == programme.pk and someone.has_perm("pilots.view_pilot", obj)
    if kind == "experiment":
        return obj.workgroup.programme_id == programme.pk and someone.has_perm("pilots.view_experiment", obj)
    if kind == "report":
        return obj.programme_id == programme.pk and someone.has_perm("reports.view_progressreport", obj)
    if kind == "person":
        return obj.pk in seated and someone.has_perm("programmes.view_programme", programme)
    return obj.programme.pk == programme.pk and someone.has_perm("programmes.view_programme", programme)


def found(someone, programme, q, kind, pk):
    groups = search(someone, programme, q, kind)
    return any(hit.pk == pk for group in groups for hit in group.hits)


def obj_of(kind, pk):
    spec = KINDS[kind]
    return spec.model.objects.select_related(*spec.related).get(pk=pk)


def every_hit(someone, programme, q):
    return [(group.kind.name, hit) for group in search(someone, programme, q) for hit in group.hits]


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_each_role_finds_by_title_exactly_what_it_may_open(demo_module, role):
    someone = user(role)
    entries = list(SearchEntry.objects.all())
    assert {entry.kind for entry in entries} == set(KINDS)  # the demo has records of every kind
    wrong = []
    for programme in Programme.objects.all():
        if not someone.has_perm("programmes.view_programme", programme):
            continue
        seated = seated_in(programme)
        for entry in entries:
            obj = obj_of(entry.kind, entry.object_id)
            expected = may_open(someone, entry.kind, obj, programme, seated)
            if found(someone, programme, KINDS[entry.kind].title(obj), entry.kind, obj.pk) != expected:
                wrong.append((programme.pk, entry.kind, str(obj), expected))
    assert wrong == []


@pytest.mark.django_db
def test_a_draft_proposal_is_found_by_its_workgroup_and_the_manager_only(demo_module):
    riv = Programme.objects.get(collaboration__name="Rivierenland")
    draft = riv.pilots.filter(status="draft").select_related("workgroup").first()
    finders = {role for role in READERS if found(user(role), riv, draft.title, "pilot", draft.pk)}
    assert finders == {role for role in READERS if user(role).has_perm("pilots.view_pilot", draft)}
    assert {"lezer", "kernteam", "rbj", "so"}.isdisjoint(finders)
    assert "programmamanager" in finders


@pytest.mark.django_db
def test_the_text_of_a_draft_report_is_found_only_by_who_may_read_it(demo_module):
    riv = Programme.objects.get(collaboration__name="Rivierenland")
    draft = ProgressReport.objects.filter(programme=riv, status=ReportStatus.DRAFT).first()
    draft.progress = "Wij werkten aan de wachtlijstoverbrugging in Tiel."
    draft.save()  # the signal writes the index
    readers = {role for role in READERS if user(role).has_perm("reports.view_report_content", draft)}
    assert readers and readers != set(READERS)
    finders = {role for role in READERS if found(user(role), riv, "wachtlijstoverbrugging", "report", draft.pk)}
    assert finders == readers
    # Found by its title, everyone who reads the programme sees the report, but none of its text.
    title = KINDS["report"].title(draft)
    for role in READERS:
        hits = [hit for group in search(user(role), riv, title, "report") for hit in group.hits]
        mine = [hit for hit in hits if hit.pk == draft.pk]
        assert len(mine) == 1, role
        assert ("wachtlijstoverbrugging" in mine[0].snippet) == (role in readers), role


@pytest.mark.django_db
@pytest.mark.parametrize("role", READERS)
def test_the_report_text_rule_of_search_is_the_rule_of_the_report_page(demo_module, role):
    someone = user(role)
    riv = Programme.objects.get(collaboration__name="Rivierenland")
    by_search = set(report_text_visible(someone, riv).values_list("pk", flat=True))
    by_rule = {
        r.pk for r in ProgressReport.objects.filter(programme=riv) if someone.has_perm("reports.view_report_content", r)
    }
    assert by_search == by_rule


@pytest.mark.django_db
def test_rivierenland_is_not_searchable_for_west_brabant_oost_and_the_reverse(demo_module, client):
    riv = Programme.objects.get(collaboration__name="Rivierenland")
    wbo = Programme.objects.get(collaboration__name="West-Brabant-Oost")
    client.force_login(user("wbo"))
    assert client.get(reverse("search:results", args=[riv.pk]), {"q": "jeugd"}).status_code == 403
    client.force_login(user("lezer"))
    assert client.get(reverse("search:results", args=[wbo.pk]), {"q": "jeugd"}).status_code == 403
    # A word that occurs in both collaborations finds only the programme's own records.
    for someone, programme in ((user("wbo"), wbo), (user("lezer"), riv)):
        hits = every_hit(someone, programme, "jeugd")
        assert hits
        theirs = {
            (kind, entry.object_id)
            for kind in KINDS
            for entry in SearchEntry.objects.filter(kind=kind, programme=riv if programme == wbo else wbo)
        }
        assert not [hit for kind, hit in hits if (kind, hit.pk) in theirs]


@pytest.mark.django_db
def test_anonymous_visitors_are_sent_to_the_login_page(demo_module, client):
    riv = Programme.objects.get(collaboration__name="Rivierenland")
    response = client.get(reverse("search:results", args=[riv.pk]), {"q": "jeugd"})
    assert response.status_code == 302
    assert reverse("login") in response["Location"]
