"""Shared fixtures: named people (the Healthchecks way) and the service requirements.

PostgreSQL, Redis and Chromium tests run whenever DATABASE_URL, REDIS_URL and
/usr/bin/chromium are there and skip with the reason otherwise; with CI=true a missing
service fails the test instead of skipping it.
"""

import datetime
import io
import os
import shutil
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
import time_machine
from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.db.models.signals import post_migrate
from django.test import override_settings

from jeugdregio.celery import app as celery_app
from programmes.models import Municipality

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = Path(__file__).resolve().parent.parent / "var" / "screenshots"

# JEUGDREGIO_TEST_SHIFT_DAYS=N runs the whole session N days ahead of the real clock (time-machine, ticking), from
# before the test modules are imported: a test that passes today and fails then reads the real clock where a date
# matters. `make test` runs the tests marked `dates` again shifted 45 and 400 days. Tests that freeze the clock
# themselves travel from the shifted clock as they would from the real one.
SHIFT_DAYS_VARIABLE = "JEUGDREGIO_TEST_SHIFT_DAYS"
_shifted_clock = []


def _shift_days():
    value = os.environ.get(SHIFT_DAYS_VARIABLE, "").strip() or "0"
    try:
        return int(value)
    except ValueError:
        raise pytest.UsageError(f"{SHIFT_DAYS_VARIABLE} must be a whole number of days, not {value!r}") from None


def pytest_configure(config):
    days = _shift_days()
    if days:
        travel = time_machine.travel(datetime.datetime.now(datetime.UTC) + datetime.timedelta(days=days), tick=True)
        travel.start()
        _shifted_clock.append(travel)
    _redis_database_of_this_worker()


def _redis_database_of_this_worker():
    """Under pytest-xdist (`-n 2`) worker gwN uses Redis database N above REDIS_URL's, as cache and broker: the cache
    holds counts per address (refused invitation links) that tests clear, and a clear in one worker would wipe the
    other's counts and the queue of its real Celery worker. Each worker has a test database of its own already."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    if not settings.REDIS_URL or not worker.startswith("gw") or worker == "gw0":
        return
    parts = urlsplit(settings.REDIS_URL)
    url = urlunsplit(parts._replace(path=f"/{int(parts.path.strip('/') or 0) + int(worker[2:])}"))
    cache = {**settings.CACHES["default"], "LOCATION": url}
    override_settings(REDIS_URL=url, CELERY_BROKER_URL=url, CACHES={**settings.CACHES, "default": cache}).enable()
    os.environ["REDIS_URL"] = url  # what the worker subprocesses of tests/test_celery_redis.py are given
    celery_app.conf.broker_url = url


def pytest_unconfigure(config):
    while _shifted_clock:
        _shifted_clock.pop().stop()


# `make test` runs the suite on two pytest-xdist workers, a test file at a time, in the order collected
# (--no-loadscope-reorder): the long crawls come first, so that one worker runs each of them beside the rest.
LONG_FILES_FIRST = ("test_url_walk.py", "test_accessibility.py", "test_stack.py", "test_celery_redis.py")


@pytest.hookimpl(trylast=True)  # after pytest-django's order (plain database tests, transactional ones, the rest)
def pytest_collection_modifyitems(config, items):
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        return

    def rank(item):
        name = item.path.name
        return LONG_FILES_FIRST.index(name) if name in LONG_FILES_FIRST else len(LONG_FILES_FIRST)

    items.sort(key=rank)  # stable: the order within a file stays


def _national_reference_after_flush(sender, using="default", **kwargs):
    """A flush (after a transactional or live-server test, and the demo fixture's) empties every table, also the
    national reference of municipalities that migrate loads (programmes/migrations/0006); the flush's post_migrate
    brings it back, so that no test depends on whether one of those ran before it on the same worker."""
    if not Municipality.objects.using(using).exists():
        call_command("refresh_municipalities", stdout=io.StringIO())


post_migrate.connect(
    _national_reference_after_flush, sender=apps.get_app_config("programmes"), dispatch_uid="tests.national_reference"
)


def pytest_report_header(config):
    days = _shift_days()
    if days:
        return f"clock shifted {days} days ahead ({SHIFT_DAYS_VARIABLE}): today is {datetime.date.today()}"


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
    celery_app.conf.task_always_eager = True
    celery_app.conf.task_eager_propagates = True
    yield
    celery_app.conf.task_always_eager = False


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
    """The demo collaborations loaded once for a whole test module (read-only tests), removed afterwards."""
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
