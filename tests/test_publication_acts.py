"""Publishing early, withholding, withdrawing, and the daily publication of what is due: who, when, how often."""

import datetime

import pytest
from django.conf import settings
from django.utils import timezone

from core.refusals import Forbidden, Refused
from governance.models import Decision
from publication import services
from publication.models import Publication, PublicationEvent
from publication.tasks import publish_due_decisions
from tests import factories as f

pytestmark = pytest.mark.dates


def decision(body, title="Besluit", days_ago=0):
    return Decision.objects.create(
        programme=body.programme,
        body=body,
        subject_title=title,
        outcome="approved",
        date=timezone.localdate() - datetime.timedelta(days=days_ago),
    )


@pytest.fixture
def so(route):
    body = route["SO"]
    body.decisions_public = True
    body.publication_delay_days = 5
    body.save()
    return body


def test_the_task_publishes_what_is_due_exactly_once(so):
    due = decision(so, "Oud", days_ago=5)
    young = decision(so, "Jong", days_ago=4)
    assert publish_due_decisions.delay().get() == 1
    assert publish_due_decisions.delay().get() == 0
    assert Publication.objects.get(decision=due).state == "published"
    assert not Publication.objects.filter(decision=young).exists()
    [event] = PublicationEvent.objects.filter(decision=due)
    assert (event.act, event.via, event.actor) == ("publish", "task", None)


def test_the_task_is_on_the_beat_schedule():
    from jeugdregio.celery import app

    entry = settings.CELERY_BEAT_SCHEDULE["publish-decisions"]
    assert entry["task"] == "publication.tasks.publish_due_decisions"
    assert entry["task"] in app.tasks


def test_the_task_leaves_withheld_decisions_and_non_public_bodies_alone(so, route, secretaries):
    withheld = decision(so, days_ago=30)
    services.withhold(withheld, secretaries["SO"], "5.1.2e", "Een gezin is herkenbaar.")
    decision(route["RBJ"], days_ago=30)
    assert services.publish_due() == 0
    assert Publication.objects.get(decision=withheld).state == "withheld"


def test_a_decision_of_a_body_that_is_not_public_is_never_published(route, secretaries, admin_user):
    internal = decision(route["RBJ"])
    with pytest.raises(Refused):
        services.publish(internal, admin_user)
    assert not Publication.objects.exists()


def test_only_the_chair_secretary_manager_or_admin_may_publish(so, secretaries, manager, reader):
    member = f.UserFactory(username="so_lid")
    f.BodyMembershipFactory(body=so, person=f.PersonFactory(name="So Lid", user=member), role="member")
    for user in (reader, member, secretaries["RBJ"]):
        with pytest.raises(Forbidden):
            services.publish(decision(so), user)
    for user in (secretaries["SO"], manager):
        assert services.publish(decision(so), user).state == "published"


def test_a_published_decision_is_withdrawn_not_unpublished_and_the_history_keeps_both(so, secretaries):
    d = decision(so)
    services.publish(d, secretaries["SO"])
    with pytest.raises(Refused):
        services.withhold(d, secretaries["SO"], "5.1.2e", "Te laat")
    with pytest.raises(Refused):
        services.withdraw(d, secretaries["SO"], "", "Geen grond")
    services.withdraw(d, secretaries["SO"], "5.1.2e", "Naam van een jeugdige")
    with pytest.raises(Refused):
        services.publish(d, secretaries["SO"])
    acts = list(PublicationEvent.objects.filter(decision=d).values_list("act", "ground"))
    assert acts == [("publish", ""), ("withdraw", "5.1.2e")]


def test_a_withheld_decision_can_be_published_when_the_ground_lapses(so, secretaries):
    d = decision(so)
    services.withhold(d, secretaries["SO"], "5.1.2b", "Onderhandelingen lopen nog.")
    services.publish(d, secretaries["SO"])
    assert Publication.objects.get(decision=d).state == "published"
    assert PublicationEvent.objects.filter(decision=d).count() == 2


def test_the_secretary_publishes_early_after_a_confirmation_page(client, so, secretaries):
    d = decision(so, "Vroeg openbaar")
    client.force_login(secretaries["SO"])
    url = f"/besluiten/{d.pk}/openbaarmaking/publish/"
    response = client.post(url, {})
    assert response.status_code == 200
    assert "Publiceren kan niet ongedaan worden gemaakt" in response.content.decode()
    assert not Publication.objects.exists()  # the confirmation page changed nothing
    response = client.post(url, {"confirmed": "1"})
    assert response.status_code == 302
    assert Publication.objects.get(decision=d).state == "published"
    assert client.get("/openbaar/" + so.programme.collaboration.slug + f"/besluiten/{d.pk}/").status_code == 200


def test_withholding_without_a_ground_is_a_form_error_and_changes_nothing(client, so, secretaries):
    d = decision(so)
    client.force_login(secretaries["SO"])
    response = client.post(f"/besluiten/{d.pk}/openbaarmaking/withhold/", {"ground": "", "explanation": ""})
    assert response.status_code == 200
    assert "error-summary" in response.content.decode()
    response = client.post(f"/besluiten/{d.pk}/openbaarmaking/withhold/", {"ground": "nonsense", "explanation": "x"})
    assert response.status_code == 200
    assert not Publication.objects.exists() and not PublicationEvent.objects.exists()
    data = {"ground": "5.1.2e", "explanation": "Een gezin is herkenbaar.", "confirmed": "1"}
    assert client.post(f"/besluiten/{d.pk}/openbaarmaking/withhold/", data).status_code == 302
    event = PublicationEvent.objects.get(decision=d)
    assert (event.act, event.ground, event.actor) == ("withhold", "5.1.2e", secretaries["SO"])


def test_a_body_member_who_does_not_record_gets_403(client, so, secretaries, reader):
    d = decision(so)
    client.force_login(reader)
    assert client.get(f"/besluiten/{d.pk}/openbaarmaking/").status_code == 200  # reads where it stands
    assert client.post(f"/besluiten/{d.pk}/openbaarmaking/publish/", {"confirmed": "1"}).status_code == 403
    assert not Publication.objects.exists()


@pytest.mark.parametrize("path", ["abc/", "0/", "999999/", "1/openbaarmaking/nonsense/"])
def test_malformed_ids_and_acts_on_the_publication_page_are_not_found(client, so, manager, path):
    client.force_login(manager)
    decision(so)
    url = f"/besluiten/{path}" if path.count("/") > 1 else f"/besluiten/{path}openbaarmaking/"
    response = client.post(url, {}) if "nonsense" in path else client.get(url)
    assert response.status_code == 404


def test_anonymous_visitors_are_sent_to_log_in_for_the_publication_page(client, so):
    d = decision(so)
    assert client.get(f"/besluiten/{d.pk}/openbaarmaking/").status_code == 302
    assert client.post(f"/besluiten/{d.pk}/openbaarmaking/publish/", {"confirmed": "1"}).status_code == 302
    assert not Publication.objects.exists()


def test_the_overview_shows_where_each_decision_stands(client, so, manager, secretaries):
    services.publish(decision(so, "Al-openbaar"), secretaries["SO"])
    decision(so, "Wacht-nog")
    client.force_login(manager)
    html = client.get(f"/programmes/{so.programme.pk}/openbaarmaking/").content.decode()
    assert "Al-openbaar" in html and "Wacht-nog" in html
    assert "Nog niet openbaar" in html and "Gepubliceerd" in html


def test_an_act_address_opened_or_the_page_posted_without_an_act_changes_nothing(client, so, manager):
    d = decision(so)
    client.force_login(manager)
    assert client.get(f"/besluiten/{d.pk}/openbaarmaking/publish/").status_code == 200  # the page with its forms
    assert client.post(f"/besluiten/{d.pk}/openbaarmaking/", {"confirmed": "1"}).status_code == 404
    assert not Publication.objects.exists()
