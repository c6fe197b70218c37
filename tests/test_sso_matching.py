"""Which login a verified sign-in at the organisation's provider becomes (sso/matching.py), rule by rule.

The flows themselves, against the real provider, are in tests/test_sso_flow.py; these are the rules' corners.
"""

import pytest
from django.contrib.auth import get_user_model

from core.refusals import Refused
from programmes.models import ProgrammeAccess
from sso.matching import sign_in
from sso.models import GroupReadAccess, OrganisationAccount
from tests import factories as f

ISSUER = "https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/v2.0"
User = get_user_model()


def claims(sub="sub-1", **more):
    return {"iss": ISSUER, "sub": sub, **more}


def test_an_account_already_linked_at_this_provider_is_not_linked_again_by_email(db):
    marit = f.UserFactory(username="marit", email="marit@gemeente.example")
    assert sign_in(ISSUER, claims("first", email="marit@gemeente.example", email_verified=True)) == marit
    with pytest.raises(Refused, match="al aan een ander organisatieaccount gekoppeld"):
        sign_in(ISSUER, claims("second", email="marit@gemeente.example", email_verified=True))
    assert OrganisationAccount.objects.count() == 1 and User.objects.count() == 1


def test_an_account_may_be_linked_once_per_provider(db):
    marit = f.UserFactory(username="marit", email="marit@gemeente.example")
    sign_in(ISSUER, claims("first", email="marit@gemeente.example", email_verified=True))
    other = "https://adfs.gemeente.example/adfs"
    assert sign_in(other, claims("first", email="marit@gemeente.example", email_verified=True)) == marit


def test_two_accounts_with_the_address_link_neither(db):
    f.UserFactory(username="a", email="gedeeld@gemeente.example")
    f.UserFactory(username="b", email="Gedeeld@gemeente.example")
    with pytest.raises(Refused, match="meerdere accounts uw e-mailadres"):
        sign_in(ISSUER, claims(email="gedeeld@gemeente.example", email_verified=True))
    assert not OrganisationAccount.objects.exists()


@pytest.mark.parametrize("verified", [True, "true", "True"])
def test_a_verified_address_is_a_json_true_or_the_string_true(db, verified):
    marit = f.UserFactory(username="marit", email="marit@gemeente.example")
    assert sign_in(ISSUER, claims(email="marit@gemeente.example", email_verified=verified)) == marit


@pytest.mark.parametrize("verified", [False, "false", "1", "yes", None, ["true"]])
def test_anything_else_is_not_verified(db, verified):
    marit = f.UserFactory(username="marit", email="marit@gemeente.example")
    user = sign_in(ISSUER, claims(email="marit@gemeente.example", email_verified=verified))
    assert user != marit and user.email == ""


def test_the_verified_claim_can_be_another_one_for_entra_id(db, settings):
    settings.OIDC_EMAIL_VERIFIED_CLAIM = "xms_edov"
    marit = f.UserFactory(username="marit", email="marit@gemeente.example")
    assert sign_in(ISSUER, claims(email="marit@gemeente.example", email_verified=True)) != marit
    assert sign_in(ISSUER, claims("sub-2", email="marit@gemeente.example", xms_edov=True)) == marit


def test_a_linked_inactive_account_is_refused_and_nothing_is_linked(db):
    f.UserFactory(username="oud", email="oud@gemeente.example", is_active=False)
    with pytest.raises(Refused, match="niet actief"):
        sign_in(ISSUER, claims(email="oud@gemeente.example", email_verified=True))
    assert not OrganisationAccount.objects.exists()


def test_a_new_account_has_no_password_no_access_and_never_staff(db):
    user = sign_in(
        ISSUER,
        claims(email="nieuw@gemeente.example", email_verified=True, is_staff=True, is_superuser=True, admin=True),
    )
    assert not user.is_staff and not user.is_superuser and not user.has_usable_password()
    assert not ProgrammeAccess.objects.filter(user=user).exists()


def test_a_claim_never_changes_staff_or_superuser_of_an_existing_account(db):
    staff = f.UserFactory(username="staf", email="staf@gemeente.example", is_staff=True)
    sign_in(ISSUER, claims(email="staf@gemeente.example", email_verified=True, is_staff=False, is_superuser=True))
    staff.refresh_from_db()
    assert staff.is_staff and not staff.is_superuser


def test_a_taken_username_gets_a_number(db):
    f.UserFactory(username="anna@gemeente.example", email="")
    user = sign_in(ISSUER, claims(email="anna@gemeente.example", email_verified=True))
    assert user.username == "anna@gemeente.example-2"


def test_a_new_address_that_is_someone_elses_here_is_not_copied(db):
    sign_in(ISSUER, claims(email="anna@gemeente.example", email_verified=True))
    f.UserFactory(username="bram", email="bram@gemeente.example")
    user = sign_in(ISSUER, claims(email="bram@gemeente.example", email_verified=True))
    assert user.email == "anna@gemeente.example"


def test_groups_give_reading_only_and_leave_access_given_by_hand(db, settings, programme, other_programme):
    settings.OIDC_GROUPS_CLAIM = "groups"
    GroupReadAccess.objects.create(group="lezers", programme=programme)
    GroupReadAccess.objects.create(group="lezers", programme=other_programme)
    manager = f.UserFactory(username="marit", email="marit@gemeente.example")
    ProgrammeAccess.objects.create(user=manager, programme=programme, role="manager")
    sign_in(ISSUER, claims(email="marit@gemeente.example", email_verified=True, groups=["lezers"]))
    roles = dict(ProgrammeAccess.objects.filter(user=manager).values_list("programme", "role"))
    assert roles == {programme.pk: "manager", other_programme.pk: "reader"}
    sign_in(ISSUER, claims(email="marit@gemeente.example", email_verified=True, groups="another group"))
    roles = dict(ProgrammeAccess.objects.filter(user=manager).values_list("programme", "role"))
    assert roles == {programme.pk: "manager"}
