"""Shared fixtures: named people (the Healthchecks way) and the service requirements.

PostgreSQL, Redis and Chromium tests run whenever DATABASE_URL, REDIS_URL and
/usr/bin/chromium are there and skip with the reason otherwise; with CI=true a missing
service fails the test instead of skipping it.
"""

import os
import shutil
from pathlib import Path

import pytest
from django.conf import settings

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = Path(__file__).resolve().parent.parent / "var" / "screenshots"


def _require(available, reason):
    if available:
        return
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"CI=true but {reason}")
    pytest.skip(reason)


def pytest_runtest_setup(item):
    if item.get_closest_marker("postgres"):
        _require(
            settings.DATABASES["default"]["ENGINE"].endswith("postgresql"), "DATABASE_URL is not set to PostgreSQL"
        )
    if item.get_closest_marker("redis"):
        _require(bool(os.environ.get("REDIS_URL")), "REDIS_URL is not set")
    if item.get_closest_marker("gettext"):
        _require(shutil.which("xgettext") is not None, "GNU gettext (xgettext) is not installed")
    if item.get_closest_marker("browser"):
        _require(CHROMIUM.exists(), "/usr/bin/chromium is not installed")


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    # Persistent connections left open by the live server thread would block dropping the test database.
    from django.db import connections

    settings.DATABASES["default"]["CONN_MAX_AGE"] = 0
    connections["default"].settings_dict["CONN_MAX_AGE"] = 0
    connections.settings["default"]["CONN_MAX_AGE"] = 0  # what connections in new threads are made from


@pytest.fixture(autouse=True, scope="session")
def _celery_in_process():
    """Tasks queued by the code under test run at once, in the test; the worker tests start real workers."""
    from jeugdregio.celery import app

    app.conf.task_always_eager = True
    app.conf.task_eager_propagates = True
    yield
    app.conf.task_always_eager = False


@pytest.fixture(autouse=True)
def _media_and_mail(settings, tmp_path):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast, tests only
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    # The test client's login() passes no request, which django-axes needs; tests/test_security.py
    # switches it on and logs in through the login form.
    settings.AXES_ENABLED = False


# Named actors on one programme "Rivierenland-test" with two workgroups.
from tests import factories as f  # noqa: E402


@pytest.fixture
def programme(db):
    return f.ProgrammeFactory(title="Uitvoeringsprogramma test")


@pytest.fixture
def other_programme(db):
    return f.ProgrammeFactory(title="Ander programma")


@pytest.fixture
def workgroup1(programme):
    return f.WorkgroupFactory(programme=programme, number=1, name="Gecoördineerde Instroom")


@pytest.fixture
def workgroup2(programme):
    return f.WorkgroupFactory(programme=programme, number=2, name="Gezamenlijke Instap")


def _user_with_person(username, **user_fields):
    user = f.UserFactory(username=username, **user_fields)
    f.PersonFactory(name=username.capitalize(), user=user)
    return user


@pytest.fixture
def admin_user(db):
    return f.UserFactory(username="admin", is_staff=True, is_superuser=True)


@pytest.fixture
def manager(programme):
    """Marit, programme manager of `programme`."""
    user = _user_with_person("marit")
    f.ProgrammeAccessFactory(programme=programme, user=user, role="manager")
    return user


@pytest.fixture
def lead(workgroup1):
    """Lars, lead (trekker) of workgroup 1."""
    user = _user_with_person("lars")
    f.MembershipFactory(workgroup=workgroup1, person=user.person, role="lead")
    return user


@pytest.fixture
def body_member(programme):
    """Bea, member of the programme's kernteam."""
    user = _user_with_person("bea")
    body = f.GovernanceBodyFactory(programme=programme, name="Kernteam")
    f.BodyMembershipFactory(body=body, person=user.person, role="member")
    return user


@pytest.fixture
def reader(programme):
    """Rob, who reads the programme."""
    user = _user_with_person("rob")
    f.ProgrammeAccessFactory(programme=programme, user=user, role="reader")
    return user


@pytest.fixture
def outsider(other_programme):
    """Otto, programme manager of another programme."""
    user = _user_with_person("otto")
    f.ProgrammeAccessFactory(programme=other_programme, user=user, role="manager")
    return user


@pytest.fixture
def page():
    # Playwright's sync API runs an event loop in this thread; Django's ORM calls in the test are still synchronous.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage"],
        )
        context = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
        yield context.new_page()
        browser.close()


# The Rivierenland route (kernteam assesses → RBJ advises → SO decides), secretaries per body, pilot money.
from decimal import Decimal  # noqa: E402

from finance.models import BudgetLine, BudgetPost  # noqa: E402
from governance.models import DecisionRoute, RouteStep  # noqa: E402
from programmes.models import GovernanceBody  # noqa: E402


@pytest.fixture
def route(programme):
    bodies = {}
    route = DecisionRoute.objects.create(programme=programme, name="Pilots")
    for order, (name, act) in enumerate((("Kernteam", "assess"), ("RBJ", "advise"), ("SO", "decide")), start=1):
        bodies[name] = GovernanceBody.objects.get_or_create(programme=programme, name=name)[0]
        RouteStep.objects.create(route=route, order=order, body=bodies[name], act=act)
    return bodies


def secretary_of(body, username):
    user = f.UserFactory(username=username)
    f.BodyMembershipFactory(body=body, person=f.PersonFactory(name=username.capitalize(), user=user), role="secretary")
    return user


@pytest.fixture
def secretaries(route):
    return {name: secretary_of(body, f"secr_{name.lower()}") for name, body in route.items()}


@pytest.fixture
def money(programme):
    post = BudgetPost.objects.create(programme=programme, name="Uitvoering pilots", holds_pilot_money=True)
    for year in (2026, 2027):
        BudgetLine.objects.create(post=post, year=year, amount=Decimal("80000"))


@pytest.fixture(scope="module")
def demo_module(django_db_setup, django_db_blocker):
    """The demo regions loaded once for a whole test module (read-only tests), removed afterwards."""
    from django.core.management import call_command
    from django.test import override_settings

    fast = override_settings(
        DEMO_PASSWORD="jeugdregio-demo", PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]
    )
    with django_db_blocker.unblock(), fast:
        call_command("load_demo", stdout=open("/dev/null", "w"))
        yield
        call_command("flush", "--noinput", verbosity=0)


@pytest.fixture
def pilot(programme, workgroup1, route, money):
    """A draft DIN proposal of workgroup 1 asking € 30.000 for 2026 and € 20.000 for 2027."""
    from pilots.models import BudgetRequest, Pilot

    pilot = Pilot.objects.create(
        programme=programme,
        workgroup=workgroup1,
        title="Vaste contactpersoon",
        goals="Eén vast gezicht voor gezinnen",
        efforts="2 fte, training",
        network="Lokale teams en aanbieders",
    )
    BudgetRequest.objects.create(pilot=pilot, year=2026, amount=Decimal("30000"))
    BudgetRequest.objects.create(pilot=pilot, year=2027, amount=Decimal("20000"))
    return pilot
