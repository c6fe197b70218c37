"""Issue #21: an invitation is bound to its address. Only an account whose e-mail address is the invited one accepts
it; a forwarded or intercepted link opened by another signed-in account gets a Dutch page that offers to sign out,
grants nothing, keeps the invitation open for the person it was meant for, and the refusal is in the audit log."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from accounts import services
from accounts.constants import AuditKind, InvitationStatus
from accounts.details import details_text
from accounts.models import AuditEntry, Invitation
from core.refusals import Forbidden
from programmes.models import Membership, ProgrammeAccess
from tests.test_accounts_invitations import NEW_PASSWORD, accept_as_new, fresh_refusal_counts, make  # noqa: F401

pytestmark = pytest.mark.django_db
User = get_user_model()


def sign_in(client, user):
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")


def other_account_refusals():
    return AuditEntry.objects.filter(kind=AuditKind.INVITATION_REFUSED, details__reason="other_account")


def test_another_signed_in_account_cannot_accept_a_forwarded_link(client, programme, manager, outsider):
    invitation, token = make(programme, manager, email="x@example.org")
    link = reverse("accounts:accept", args=[token])
    sign_in(client, outsider)  # otto@example.org, who got the link forwarded
    assert client.get(reverse("programmes:detail", args=[programme.pk])).status_code == 403

    page = client.get(link)
    text = page.content.decode()
    assert page.status_code == 403
    assert "Deze uitnodiging is voor een ander e-mailadres" in text
    assert "otto@example.org" in text and "x@example.org" not in text  # the invited address is not told to others
    assert "Uitnodiging aannemen" not in text and 'name="new_password1"' not in text
    assert f'action="{reverse("logout")}"' in text and f'name="next" value="{link}"' in text
    assert "Uitloggen en de link opnieuw openen" in text

    response = client.post(link)
    assert response.status_code == 403 and "Deze uitnodiging is voor een ander e-mailadres" in response.content.decode()
    assert client.get(reverse("programmes:detail", args=[programme.pk])).status_code == 403
    assert not ProgrammeAccess.objects.filter(programme=programme, user=outsider).exists()
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.PENDING and invitation.user is None  # still the invitee's

    assert other_account_refusals().count() == 2  # the page and the attempt to accept
    entry = other_account_refusals().last()
    assert (entry.actor, entry.subject, entry.programme) == (outsider, outsider, programme)
    assert entry.details["invitation"] == invitation.pk and entry.details["email"] == "x@example.org"
    assert "aangemeld met een ander account" in details_text(entry.details)


def test_signing_out_and_opening_the_link_again_lets_the_invitee_make_the_account(client, programme, manager, outsider):
    _invitation, token = make(programme, manager, email="x@example.org")
    link = reverse("accounts:accept", args=[token])
    sign_in(client, outsider)
    assert client.get(link).status_code == 403
    signed_out = client.post(reverse("logout"), {"next": link})
    assert signed_out.status_code == 302 and signed_out.url == link
    page = client.get(link)
    assert page.status_code == 200 and 'name="new_password1"' in page.content.decode()
    assert accept_as_new(client, token).status_code == 302
    account = User.objects.get(email="x@example.org")
    assert ProgrammeAccess.objects.get(programme=programme, user=account).role == "reader"
    assert not ProgrammeAccess.objects.filter(programme=programme, user=outsider).exists()


def test_the_service_refuses_another_account_whoever_calls_it(programme, manager, outsider, admin_user):
    _invitation, token = make(programme, manager, email="x@example.org")
    for account in (outsider, admin_user):  # an administrator does not take someone else's invitation either
        with pytest.raises(Forbidden, match="ander e-mailadres"):
            services.accept(token, user=account)
    assert not ProgrammeAccess.objects.filter(programme=programme).exclude(user=manager).exists()
    assert Invitation.objects.get().status == InvitationStatus.PENDING
    assert other_account_refusals().count() == 2


def test_an_account_without_an_email_address_cannot_accept(programme, manager, outsider):
    outsider.email = ""  # e.g. signed in with an organisation account whose address the provider did not verify
    outsider.save()
    _invitation, token = make(programme, manager, email="x@example.org")
    with pytest.raises(Forbidden):
        services.accept(token, user=outsider)
    assert other_account_refusals().count() == 1


def test_the_signed_in_account_with_the_invited_address_accepts_in_any_case(
    client, programme, workgroup1, manager, outsider
):
    outsider.email = "Otto.Smit@Example.org"
    outsider.save()
    _invitation, token = make(
        programme, manager, email=" otto.smit@example.ORG", role="workgroup_member", workgroup=workgroup1
    )
    link = reverse("accounts:accept", args=[token])
    sign_in(client, outsider)
    page = client.get(link)
    assert page.status_code == 200 and "U bent ingelogd als" in page.content.decode()
    assert client.post(link).status_code == 302
    assert Membership.objects.get(workgroup=workgroup1).person == outsider.person
    assert not other_account_refusals().exists()
