"""#13's "done when": a person invited by e-mail signs in through the real test provider, lands on Mijn werk with the
role they were invited to, and the administrator sees both events in the security audit log."""

import re
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from accounts.constants import AuditKind
from accounts.models import AuditEntry
from programmes.roles import roles_of
from tests.oidc_provider import (
    SITE,
    Visitor,
    oidc_provider_fixture,  # noqa: F401  the provider, once for the session
    sso_fixture,  # noqa: F401  SSO configured for it
)

pytestmark = pytest.mark.django_db
User = get_user_model()


def test_an_invited_person_signs_in_with_the_organisation_account_and_gets_the_invited_role(
    client, sso, programme, workgroup1, manager, admin_user, django_capture_on_commit_callbacks, mailoutbox
):
    sso.add_account(
        "fatima-sub-7", login="fatima", email="f.elamrani@tiel.nl", email_verified=True, name="Fatima el Amrani"
    )
    client.force_login(manager, backend="django.contrib.auth.backends.ModelBackend")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("accounts:invite", args=[programme.pk]),
            {
                "name": "Fatima el Amrani",
                "email": "f.elamrani@tiel.nl",
                "role": "workgroup_lead",
                "workgroup": workgroup1.pk,
            },
        )
    assert response.status_code == 302
    client.logout()
    (message,) = mailoutbox
    link = urlsplit(re.search(r"http://\S+/invitations/[A-Za-z0-9_-]+/", message.body).group(0)).path

    visitor = Visitor(client)
    page = visitor.get(SITE + link)
    assert page.status_code == 200 and "Inloggen met uw organisatieaccount" in page.text
    sso_url = re.search(r'href="(/accounts/sso/login/\?next=[^"]+)"', page.text).group(1).replace("&amp;", "&")
    assert urlsplit(sso_url).query.endswith(link.replace("/", "%2F"))  # back to the invitation after signing in

    # At the provider's own sign-in page; back at the invitation, signed in with the organisation's account.
    page = visitor.deliver(visitor.answer("fatima", next_url=link))
    assert page.url == SITE + link and visitor.user is not None
    assert visitor.user.email == "f.elamrani@tiel.nl" and not visitor.user.has_usable_password()
    assert 'name="new_password1"' not in page.text  # signed in: nothing to choose

    accepted = client.post(link, follow=True)
    assert accepted.redirect_chain[-1][0] == reverse("home")  # Mijn werk
    assert "Welkom. U heeft nu toegang tot" in accepted.content.decode()
    roles = roles_of(User.objects.get(pk=visitor.user.pk))
    assert roles.led_workgroups == {workgroup1.pk} and roles.readable_programmes == {programme.pk}
    assert not roles.managed_programmes and not roles.is_admin

    # The administrator reads both events (the sign-in through the provider and the accepted invitation).
    client.force_login(admin_user, backend="django.contrib.auth.backends.ModelBackend")
    fatima = User.objects.get(email="f.elamrani@tiel.nl")
    assert AuditEntry.objects.filter(kind=AuditKind.SSO_LOGIN, subject=fatima).count() == 1
    assert AuditEntry.objects.filter(kind=AuditKind.INVITATION_ACCEPTED, subject=fatima).count() == 1
    for kind in (AuditKind.SSO_LOGIN, AuditKind.INVITATION_ACCEPTED):
        rows = client.get(reverse("accounts:audit_log"), {"kind": kind, "user": fatima.username}).content.decode()
        assert rows.count(fatima.username) >= 1, kind  # the entry is on the administrator's page
    nobody = client.get(reverse("accounts:audit_log"), {"kind": AuditKind.SSO_REFUSED, "user": fatima.username})
    assert fatima.username not in nobody.content.decode().split("<tbody", 1)[-1]  # the filter is real
