"""A programme manager sees who has access to their programme and revokes it: asked first, told what happens,
the person loses everything in that programme, is told by mail, and the audit log records each removal."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts import services
from accounts.constants import AuditKind, InvitationStatus
from accounts.models import AuditEntry, Invitation
from core.refusals import Forbidden, Refused
from programmes.models import BodyMembership, Membership, ProgrammeAccess
from tests import factories as f


def sign_in(client, user):
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")


@pytest.fixture
def lars(lead, workgroup1, programme):
    """Lars leads workgroup 1, reads the programme and sits in the kernteam: three things to lose."""
    lead.email = "lars@example.org"
    lead.save()
    f.ProgrammeAccessFactory(programme=programme, user=lead, role="reader")
    f.BodyMembershipFactory(body=f.GovernanceBodyFactory(programme=programme, name="Kernteam"), person=lead.person)
    return lead


def test_the_access_page_lists_accounts_seats_and_open_invitations(client, programme, manager, lars, reader):
    f.MembershipFactory(
        workgroup=f.WorkgroupFactory(programme=programme, number=3), person=f.PersonFactory(name="Zonder Account")
    )
    services.invite(manager, programme, email="nieuw@example.org", name="Nieuwe Lezer", role="reader")
    sign_in(client, manager)
    page = client.get(reverse("accounts:access", args=[programme.pk])).content.decode()
    assert page.count('data-row="holder"') == 3  # Marit, Lars, Rob; not the person without an account
    assert "Zonder Account" not in page
    assert "Trekker in werkgroep 1. Gecoördineerde Instroom" in page and "Deelnemer in Kernteam" in page
    assert "Lezer van het programma" in page and "Programmamanager van het programma" in page
    assert page.count('data-row="invitation"') == 1 and "nieuw@example.org" in page
    assert f'?user={lars.pk}"' in page and f'?user={manager.pk}"' not in page  # no button to revoke oneself


def test_the_access_page_is_for_the_managers_of_that_programme(client, programme, outsider, reader, lead):
    url = reverse("accounts:access", args=[programme.pk])
    assert reverse("login") in client.get(url).url
    for user in (outsider, reader, lead):
        sign_in(client, user)
        response = client.get(url)
        assert response.status_code == 403 and "Alleen de programmamanagers van" in response.content.decode()


def test_the_access_page_costs_the_same_queries_for_more_people(client, programme, manager, workgroup1):
    sign_in(client, manager)
    url = reverse("accounts:access", args=[programme.pk])

    def add(count, start):
        for n in range(start, start + count):
            user = f.UserFactory(username=f"lid{n}")
            f.MembershipFactory(workgroup=workgroup1, person=f.PersonFactory(user=user), role="member")
            f.ProgrammeAccessFactory(programme=programme, user=f.UserFactory(username=f"lezer{n}"))
            services.invite(manager, programme, email=f"uit{n}@example.org", name="X", role="reader")

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    add(2, 0)
    count()
    few = count()
    add(15, 2)
    assert count() == few <= 12


def test_revoking_asks_first_and_says_what_will_happen(client, programme, manager, lars):
    sign_in(client, manager)
    url = reverse("accounts:revoke", args=[programme.pk])
    page = client.get(url, {"user": lars.pk}).content.decode()
    assert "Toegang tot Uitvoeringsprogramma test intrekken" in page and 'id="what-will-happen"' in page
    assert "Lezer van het programma" in page and "Trekker in werkgroep 1. Gecoördineerde Instroom" in page
    assert "krijgt hierover een e-mail" in page and 'name="confirmed" value="1"' in page
    assert ProgrammeAccess.objects.filter(user=lars).exists()  # nothing happened yet
    assert not AuditEntry.objects.filter(kind=AuditKind.ACCESS_REVOKED).exists()


def test_revoking_removes_everything_in_the_programme_tells_the_person_and_is_logged(
    client, programme, other_programme, manager, lars, django_capture_on_commit_callbacks, mailoutbox
):
    elsewhere = f.ProgrammeAccessFactory(programme=other_programme, user=lars, role="reader")
    open_invitation, _token = _invited(manager, programme, "lars@example.org")
    sign_in(client, manager)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("accounts:revoke", args=[programme.pk]), {"user": lars.pk, "confirmed": "1"}, follow=True
        )
    assert "heeft geen toegang meer tot" in response.content.decode()
    assert not ProgrammeAccess.objects.filter(user=lars, programme=programme).exists()
    assert not Membership.objects.filter(person__user=lars).exists()
    assert not BodyMembership.objects.filter(person__user=lars).exists()
    assert ProgrammeAccess.objects.filter(pk=elsewhere.pk).exists()  # other programmes stay
    open_invitation.refresh_from_db()
    assert open_invitation.status == InvitationStatus.WITHDRAWN
    (message,) = mailoutbox
    assert (
        message.to == ["lars@example.org"]
        and "heeft uw toegang tot Uitvoeringsprogramma test ingetrokken" in message.body
    )
    revoked = AuditEntry.objects.filter(kind=AuditKind.ACCESS_REVOKED)
    assert revoked.count() == 3
    assert {(e.actor, e.subject, e.programme_id) for e in revoked} == {(manager, lars, programme.pk)}
    sign_in(client, lars)
    assert client.get(reverse("programmes:detail", args=[programme.pk])).status_code == 403


def _invited(manager, programme, email):
    body = f.GovernanceBodyFactory(programme=programme, name="RBJ")
    return services.invite(manager, programme, email=email, name="X", role="body_chair", body=body), None


def test_nobody_revokes_their_own_access(client, programme, manager):
    with pytest.raises(Refused, match="eigen toegang"):
        services.revoke_access(manager, programme, manager)
    assert ProgrammeAccess.objects.filter(user=manager).exists()


@pytest.mark.parametrize("username", ["outsider", "reader"])
def test_only_the_managers_of_that_programme_revoke(request, client, programme, lars, username):
    user = request.getfixturevalue(username)
    sign_in(client, user)
    for response in (
        client.get(reverse("accounts:revoke", args=[programme.pk]), {"user": lars.pk}),
        client.post(reverse("accounts:revoke", args=[programme.pk]), {"user": lars.pk, "confirmed": "1"}),
    ):
        assert response.status_code == 403 and "Alleen de programmamanagers van" in response.content.decode()
    with pytest.raises(Forbidden):
        services.revoke_access(user, programme, lars)
    assert ProgrammeAccess.objects.filter(user=lars, programme=programme).exists()
    assert not AuditEntry.objects.filter(kind=AuditKind.ACCESS_REVOKED).exists()


@pytest.mark.parametrize("value", ["abc", "", "999999", "9" * 40])
def test_a_person_not_in_the_list_cannot_be_chosen(client, programme, manager, outsider, value):
    sign_in(client, manager)
    for user_id in (value, str(outsider.pk)):  # malformed, unknown, or someone of another programme
        response = client.post(reverse("accounts:revoke", args=[programme.pk]), {"user": user_id, "confirmed": "1"})
        assert response.status_code in (302, 400)  # 400: the edge guard refuses a number that long
    assert ProgrammeAccess.objects.filter(user=outsider).exists()


def test_withdrawing_an_invitation(client, programme, manager, outsider):
    invitation = services.invite(manager, programme, email="x@example.org", name="X", role="reader")
    sign_in(client, outsider)
    assert (
        client.post(reverse("accounts:withdraw", args=[programme.pk]), {"invitation": invitation.pk}).status_code == 403
    )
    sign_in(client, manager)
    response = client.post(
        reverse("accounts:withdraw", args=[programme.pk]), {"invitation": invitation.pk}, follow=True
    )
    assert "is ingetrokken; de link werkt niet meer" in response.content.decode()
    assert Invitation.objects.get().status == InvitationStatus.WITHDRAWN
    response = client.post(
        reverse("accounts:withdraw", args=[programme.pk]), {"invitation": invitation.pk}, follow=True
    )
    assert "al aangenomen of ingetrokken" in response.content.decode()


def test_the_programme_menu_shows_access_to_its_managers_only(client, programme, manager, reader):
    url = reverse("programmes:workgroups", args=[programme.pk])
    link = f'href="{reverse("accounts:access", args=[programme.pk])}"'
    sign_in(client, manager)
    assert link in client.get(url).content.decode()
    sign_in(client, reader)
    assert link not in client.get(url).content.decode()
