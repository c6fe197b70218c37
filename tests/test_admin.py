"""The admin site works for a functional administrator, validates like the web pages, and is closed to others."""

import datetime

import pytest
from django.contrib import admin
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from programmes.models import Milestone
from tests import factories as f
from tests.factories import PASSWORD


@pytest.fixture
def admin_client_(client, admin_user):
    assert client.login(username=admin_user.username, password=PASSWORD)
    return client


@pytest.fixture
def plan(programme, workgroup1, lead, body_member):
    f.MilestoneFactory(programme=programme)
    f.PhaseFactory(programme=programme)
    f.ResultGoalFactory(programme=programme)
    f.ActionLineFactory(programme=programme)
    f.MunicipalityFactory(collaboration=programme.collaboration)
    return programme


def admin_url(model, action, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{action}", args=args)


def test_every_changelist_add_and_change_page_opens(admin_client_, plan):
    for model in admin.site._registry:
        assert admin_client_.get(admin_url(model, "changelist")).status_code == 200, model
        read_only = (
            "core.Heartbeat",
            "reminders.Reminder",
            "reminders.Notification",
            "reminders.Digest",
            "reports.ProgressReport",
            "reports.ProgrammeReport",  # compiled on the reports page, never typed in
            "accounts.Invitation",  # sent on a programme's access page (accounts:invite), through the service
            "accounts.AuditEntry",  # written by the site alone, append-only
            "twofactor.UserSecondFactor",  # who has which second factor; devices are made by their users only
            "sso.OrganisationAccount",  # linked by signing in with the organisation account, never typed in
            "publication.Publication",  # changed by its acts only (publish, withhold, withdraw)
            "publication.PublicationEvent",  # the append-only history of those acts
            "discussion.Comment",  # written and moderated on the site, with its history
            "discussion.Annex",  # uploaded on the proposal's page
            "programmes.Municipality",  # national reference data: loaded and refreshed from CBS, never typed in
            "programmes.Region",  # the same
            "governance.MunicipalDecision",  # recorded on the proposal's page, through the service
        )
        if model._meta.app_label == "axes":  # django-axes's own log of login attempts: read-only
            continue
        expected = 403 if model._meta.label in read_only else 200
        assert admin_client_.get(admin_url(model, "add")).status_code == expected, model
        obj = model.objects.first()
        if obj is not None:
            assert admin_client_.get(admin_url(model, "change", obj.pk)).status_code == 200, model
            assert admin_client_.get(admin_url(model, "history", obj.pk)).status_code == 200, model


def test_non_staff_users_are_sent_to_the_admin_login(client, manager, plan):
    client.login(username=manager.username, password=PASSWORD)
    response = client.get(admin_url(Milestone, "changelist"))
    assert response.status_code == 302
    assert reverse("admin:login") in response.url


def test_a_milestone_outside_the_programme_period_is_refused_in_the_admin(admin_client_, programme):
    response = admin_client_.post(
        admin_url(Milestone, "add"),
        {"programme": programme.pk, "start_date": "2031-01-01", "description": "Te laat", "order": 0},
    )
    assert response.status_code == 200
    assert "buiten de programmaperiode" in response.content.decode()
    assert not Milestone.objects.exists()


def inline_management(prefix, total=0, initial=0):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def test_a_milestone_inline_outside_the_period_is_refused(admin_client_, programme):
    data = {
        "collaboration": programme.collaboration.pk,
        "title": programme.title,
        "start_date": "2026-01-01",
        "end_date": "2028-12-31",
        "goal": "",
        "target_group": "",
        "scope": "",
        "out_of_scope": "",
        "background": "",
        "principal": "",
        "covers_youth": "on",
    }
    for prefix in (
        "result_goals",
        "action_lines",
        "preconditions",
        "principles",
        "building_blocks",
        "phases",
        "access",
    ):
        data.update(inline_management(prefix))
    data.update(inline_management("milestones", total=1))
    data.update({"milestones-0-start_date": "2030-05-01", "milestones-0-description": "Te laat"})
    response = admin_client_.post(admin_url(type(programme), "change", programme.pk), data)
    assert response.status_code == 200, response.content.decode()[:500]
    assert "buiten de programmaperiode" in response.content.decode()
    assert not Milestone.objects.exists()


def test_the_programme_changelist_query_count_is_constant(admin_client_):
    def count():
        with CaptureQueriesContext(connection) as queries:
            assert admin_client_.get(admin_url(type(f.ProgrammeFactory.build()), "changelist")).status_code == 200
        return len(queries)

    f.ProgrammeFactory.create_batch(3)
    few = count()
    f.ProgrammeFactory.create_batch(27)
    assert count() == few


def test_the_heartbeat_admin_is_read_only(admin_client_):
    from core.models import Heartbeat

    Heartbeat.objects.create(name="celery", seen_at=datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC))
    assert admin_client_.get(admin_url(Heartbeat, "add")).status_code == 403
    assert admin_client_.get(admin_url(Heartbeat, "delete", Heartbeat.objects.get().pk)).status_code == 403


def test_decisions_cannot_be_changed_or_deleted_in_the_admin(admin_client_, programme):
    from governance.models import Decision

    body = f.GovernanceBodyFactory(programme=programme, name="SO")
    decision = Decision.objects.create(
        programme=programme,
        body=body,
        outcome="rejected",
        rationale="Te duur",
        subject_title="Pilot X",
        date=datetime.date(2026, 3, 1),
    )
    change = admin_client_.post(admin_url(Decision, "change", decision.pk), {"outcome": "approved"})
    assert change.status_code in (302, 403)
    assert admin_client_.post(admin_url(Decision, "delete", decision.pk), {"post": "yes"}).status_code == 403
    decision.refresh_from_db()
    assert decision.outcome == "rejected"


def test_a_negative_decision_without_rationale_is_refused_in_the_admin(admin_client_, programme):
    from governance.models import Decision

    body = f.GovernanceBodyFactory(programme=programme, name="SO")
    response = admin_client_.post(
        admin_url(Decision, "add"),
        {
            "programme": programme.pk,
            "body": body.pk,
            "outcome": "rejected",
            "subject_title": "Pilot X",
            "date": "2026-03-01",
            "rationale": "",
        },
    )
    assert response.status_code == 200
    assert "toelichting" in response.content.decode()
    assert not Decision.objects.exists()


def test_an_overspending_release_is_refused_in_the_admin(admin_client_, programme):
    from decimal import Decimal

    from finance.models import BudgetLine, BudgetMovement, BudgetPost
    from governance.models import Decision

    post = BudgetPost.objects.create(programme=programme, name="Uitvoering pilots", holds_pilot_money=True)
    BudgetLine.objects.create(post=post, year=2026, amount=Decimal("80000"))
    body = f.GovernanceBodyFactory(programme=programme, name="SO")
    decision = Decision.objects.create(
        programme=programme, body=body, outcome="approved", subject_title="Pilot X", date=datetime.date(2026, 3, 1)
    )
    data = {
        "programme": programme.pk,
        "year": 2026,
        "kind": "release",
        "amount": "80000.01",
        "subject_key": "pilot-x",
        "subject_label": "Pilot X",
        "decision": decision.pk,
        "note": "",
    }
    response = admin_client_.post(admin_url(BudgetMovement, "add"), data)
    assert response.status_code == 200
    assert "kan niet worden vrijgegeven" in response.content.decode()
    assert not BudgetMovement.objects.exists()
    data["amount"] = "80000"
    assert admin_client_.post(admin_url(BudgetMovement, "add"), data).status_code == 302
    assert BudgetMovement.objects.get().amount == Decimal("80000.00")


def test_a_route_with_two_deciding_steps_is_refused_in_the_admin(admin_client_, programme):
    from governance.models import DecisionRoute

    so = f.GovernanceBodyFactory(programme=programme, name="SO")
    rbj = f.GovernanceBodyFactory(programme=programme, name="RBJ")
    data = {
        "programme": programme.pk,
        "name": "Pilots",
        "description": "",
        "is_default": "on",
        **inline_management("steps", total=2),
    }
    data.update(
        {
            "steps-0-order": 1,
            "steps-0-body": rbj.pk,
            "steps-0-act": "decide",
            "steps-1-order": 2,
            "steps-1-body": so.pk,
            "steps-1-act": "decide",
        }
    )
    response = admin_client_.post(admin_url(DecisionRoute, "add"), data)
    assert response.status_code == 200
    assert "precies één besluitende stap" in response.content.decode()
    assert not DecisionRoute.objects.exists()
