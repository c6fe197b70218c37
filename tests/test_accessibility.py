"""WCAG 2.1 AA on every page kind as every demo role (issue #12), in Dutch, at 1366 and 320 px.

The pages are found, not listed: every route of the URLconf (tests/url_walk.py) filled with real ids of the demo
(tests/test_url_walk.py's targets), one page per route and per text part of its path (each act, each plan part,
each history model) that answers 200 with HTML, and every state of a pilot, report and meeting page; the error
pages (400, 403, 404); the forms sent empty (their error summary) and each act's confirmation page, rendered by
the test client in a transaction that is rolled back and shown to the browser at their own address. The admin
site is excluded (Django's own), as are the API's Swagger page (drf-spectacular's) and what is not HTML.

Each role logs in once, through the login form; the browser and the test client that finds the pages share that
session. Each page is loaded once per role: axe-core (wcag2a, wcag2aa, wcag21a, wcag21aa) at 1366 px, the keyboard
walk (on each page kind with a form, as the first role that has it, and on at least one page per role), then the
same page at 320 px: horizontal scrolling and axe again. Its HTML as the server sent it is saved, and the Nu HTML
Checker runs once over all of them. Each check is its own test below; all of them read the one crawl. The findings
go to findings.md (tests/a11y.py: REPORT_DIR, /tmp/a11y by default) for the people who fix.
"""

import copy
import logging
import os
import re
import shutil
import time
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import pytest
from django.conf import settings
from django.db import transaction
from django.test import Client, override_settings
from lxml import html as lxml_html

from pilots.models import Pilot
from tests import a11y
from tests.conftest import CHROMIUM, _require
from tests.test_url_walk import PK_MODELS, Demo, route_name, targets
from tests.url_walk import read_page, routes

# The demo roles of issue #12 (programme manager, workgroup lead, body secretary, reader, administrator), and
# anonymous (the login page, the statement, the error pages). None is anonymous.
ROLES = ["programmamanager", "trekker", "kernteam", "lezer", "beheerder", None]
PASSWORD = "jeugdregio-demo"
EXCLUDED = {
    "api_docs": "drf-spectacular's Swagger UI, a developer tool like the admin site",
    "api_schema": "JSON",
    "api_programmes": "JSON",
    "api_dashboard": "JSON",
    "health": "JSON",
    "ping": "text",
    "calendar_user": "an ICS feed",
    "calendar_programme": "an ICS feed",
    "governance:document": "a file download",
    "governance:municipal_document": "a file download",
    "reports:attachment": "a file download",
    "reports:programme_report_docx": "a Word file",
    "reports:programme_report_pdf": "a PDF file",
    "pilots:din_docx": "a Word file",
    "pilots:din_pdf": "a PDF file",
    "pilots:din_template": "a Word file",
    "papers:pack": "a PDF file",
    "discussion:annex": "a file download",
    "publication:document": "a file download",
    "publication:feed": "an Atom feed",
    "publication:sitemap_index": "XML for the national Woo index",
    "publication:sitemap": "XML for the national Woo index",
    "publication:robots": "text",
    "logout": "POST only",
    "set_language": "POST only",
}
EVERY_STATE = {"pilots:detail", "reports:detail", "governance:meeting"}  # other forms in each state
STATEMENT = "/toegankelijkheid/"
ERROR_PAGES = {
    "404 page": ["/bestaat-niet/"],
    "400 page": ["/?q=%00", "/accounts/login/?next=%00"],
}
NOT_SENT = {"set_language", "logout", "calendar_renew", "dashboard:api_token"}  # forms of the layout, or a new token


def role_name(role):
    return role or "anoniem"


@dataclass
class Page:
    label: str
    url: str
    role: str | None
    status: int = 200
    body: bytes | None = None  # a POST answer, rendered by the test client, shown at its own address
    headers: dict | None = None
    keyboard: bool = False
    method: str | None = None  # of the form in <main>, if the page has one with a field and a submit button


def is_html(response):
    return response.get("Content-Type", "").startswith("text/html") and not response.streaming


def get(client, url, role=None):
    """A GET in a transaction that is rolled back, so nothing it writes reaches the next page."""
    with transaction.atomic():
        response = client.get(url)
        transaction.set_rollback(True)
    still_logged_in(response, role, url)
    return response


def post(client, url, data, role=None):
    with transaction.atomic():
        response = client.post(url, data)
        transaction.set_rollback(True)
    still_logged_in(response, role, url)
    return response


def still_logged_in(response, role, url):
    """The browser shares the client's session: a request that ended it would leave the rest unchecked."""
    if role and not response.wsgi_request.user.is_authenticated:
        raise AssertionError(f"{role} was logged out at {url}: add its route to EXCLUDED or NOT_SENT")


def is_logout(name):
    return name.endswith("logout")


def form_in_main(content):
    """Has the page a form in <main> with a field and a submit button? "post", "get" or None."""
    try:
        document = lxml_html.fromstring(content)
    except (ValueError, lxml_html.etree.ParserError):
        return None
    found = None
    for form in document.xpath("//main//form"):
        usable = "[not(@disabled) and not(ancestor::template) and not(ancestor::fieldset[@disabled])]"
        fields = form.xpath(
            f".//input[not(@type='hidden') and not(@type='submit') and not(@type='button')]{usable}"
            f"|.//select{usable}|.//textarea{usable}"
        )
        submits = form.xpath(".//button[not(@type) or @type='submit']|.//input[@type='submit']")
        if fields and submits:
            method = (form.get("method") or "get").lower()
            if method == "post":
                return "post"
            found = found or method
    return found


def empty(form):
    """The form sent with every field blank (formset management keys and the submit button kept)."""
    data = {name: "" for name in form.names}
    for name, values in form.defaults.items():
        if form.is_management(name) or name == "csrfmiddlewaretoken":
            data[name] = values
    if form.buttons:
        data[form.buttons[0][0]] = form.buttons[0][1]
    return data


def all_targets(route, demo):
    """The walk's targets; for the pilot page every pilot of the collaboration, as each step of the route shows its
    own act (forward and return at the kernteam, advise at the RBJ, decide at the SO)."""
    found = targets(route, demo)
    if route.name == "pilots:detail":
        found += [
            ("home", {"pk": pk})
            for pk in Pilot.objects.filter(programme__collaboration=demo.home).values_list("pk", flat=True)
        ]
    return found


def post_forms(content, url):
    """The POST forms of a page, and each submit button with a formaction as a form of its own (Return for
    revision shares the forward form)."""
    forms = [form for form in read_page(content, url)[0] if form.method == "POST"]
    try:
        document = lxml_html.fromstring(content)
    except (ValueError, lxml_html.etree.ParserError):
        return forms
    all_forms = read_page(content, url)[0]
    for index, element in enumerate(document.iter("form")):
        for button in element.xpath(".//button[@formaction]|.//input[@formaction]"):
            form = copy.deepcopy(all_forms[index])
            form.url = urljoin(url, button.get("formaction"))
            form.method = (button.get("formmethod") or form.method).upper()
            form.buttons = [(button.get("name"), button.get("value") or "")] if button.get("name") else []
            if form.method == "POST":
                forms.append(form)
    return forms


def discover(client, role, demo, all_routes):
    """The pages to check as one role (the client carries its session), in URLconf order; and notes on the forms
    that were sent but answered with no page of their own."""
    notes = []
    pages, seen, forbidden, forms = [], set(), None, {}
    for route in all_routes:
        kwargs = route.kwargs
        try:
            found = all_targets(route, demo)
        except AssertionError as error:  # a new route the URL walk cannot fill yet: reported, not skipped silently
            notes.append(f"{role_name(role)}: {route.name} not checked: {error}")
            found = []
        for kind, values in found:
            if kind not in ("plain", "home", "variant"):
                continue
            texts = tuple(v for n, v in values.items() if kwargs.get(n, "int") != "int")
            key = (route.name, texts)
            if key in seen and route.name not in EVERY_STATE:
                continue
            url = route.url(values)
            response = get(client, url, role)
            if response.status_code == 403 and forbidden is None:
                forbidden = url
            if response.status_code != 200 or not is_html(response):
                continue
            label = " ".join([route.name, *map(str, texts)])
            if route.name in EVERY_STATE:
                label += f" [{PK_MODELS[route.name].objects.get(pk=values['pk']).status}]"
            new_forms = {}
            for form in post_forms(response.content, url):
                target = route_name(form.url)
                if target is None or target in NOT_SENT or is_logout(target):
                    continue
                act = urlsplit(form.url).path.rstrip("/").rsplit("/", 1)[-1] if target == "pilots:act" else ""
                if (target, act) not in forms:
                    new_forms.setdefault((target, act), (label, form))
            # A page in another state counts when its state is new or it shows a form not seen yet.
            if key in seen and (label in {page.label for page in pages} and not new_forms):
                continue
            if label in {page.label for page in pages}:
                label += f" #{values['pk']}"
            seen.add(key)
            forms.update(new_forms)
            pages.append(Page(label, url, role))
    # Error pages: the first refusal met on the way, a path that does not exist, a NUL in a parameter.
    candidates = {**ERROR_PAGES, "403 page": [forbidden] if forbidden else []}
    for label, urls in candidates.items():
        for url in urls:
            response = get(client, url, role)
            if int(label[:3]) == response.status_code and is_html(response):
                pages.append(Page(label, url, role, status=response.status_code))
                break
    # Each form sent empty (the form again with its error summary), each act also as filled (its confirmation).
    for (target, act), (_source, form) in forms.items():
        variants = [("sent empty", empty(form))]
        if target == "pilots:act":
            variants.append(("sent filled", form.baseline()))
        shown = set()
        for variant, data in variants:
            response = post(client, form.url, data, role)
            if response.status_code != 200 or not is_html(response) or response.content in shown:
                user = "" if response.wsgi_request.user.is_authenticated else ", not logged in"
                notes.append(f"{role_name(role)}: {target} {act} {variant}: {response.status_code}{user}")
                continue
            shown.add(response.content)
            headers = {k: v for k, v in response.items() if k.lower() in ("content-type", "content-security-policy")}
            name = f"{target} {act}".strip()
            pages.append(
                Page(f"{name} {variant}", urlsplit(form.url).path, role, body=response.content, headers=headers)
            )
    for page in pages:
        if page.body is None and page.status == 200:
            page.method = form_in_main(get(client, page.url, role).content)
    return pages, notes


def choose_keyboard_pages(pages, role, kinds):
    """The keyboard walk: on each page kind with a form in <main>, as the first role that has it (kinds: those
    already chosen), and on at least one page per role (the first with a POST form; for a logged-in role not the
    login or password pages)."""
    own = [p for p in pages if p.method and not (role and p.label.startswith(("login", "password")))]
    if own:
        next((p for p in own if p.method == "post"), own[0]).keyboard = True
    for page in pages:
        if page.method and page.label not in kinds:
            kinds.add(page.label)
            page.keyboard = True


def log_in(page, base, username):
    page.goto(f"{base}/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("main form button[type=submit]")
    page.wait_for_load_state("load")
    assert "/accounts/login/" not in page.url, f"{username} could not log in"


SETTLE = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"


def check(page, base, item, number, html_dir):
    """One page as one role: axe at 1366 px (and the keyboard walk), then 320 px: overflow and axe."""
    visit = a11y.Visit(label=item.label, url=item.url, role=role_name(item.role), status=item.status)
    keyboard = None
    url = base + item.url
    page.set_viewport_size({"width": 1366, "height": a11y.HEIGHTS[1366]})
    if item.body is not None:

        def fulfil(route):
            route.fulfill(status=200, headers=item.headers, body=item.body)

        page.route(url, fulfil, times=1)
    try:
        response = page.goto(url, wait_until="load")
        body = item.body if item.body is not None else response.body()
        visit.status = response.status
        if response.status != item.status or urlsplit(page.url).path != urlsplit(url).path:
            raise AssertionError(
                f"expected {item.status} at {item.url}, the browser got {response.status} at {page.url}"
            )
        slug = re.sub(r"[^a-z0-9]+", "-", f"{visit.role} {item.label}".lower()).strip("-")[:80]
        path = html_dir / f"{number:04d}-{slug}.html"
        path.write_bytes(body)
        visit.html_file = str(path)
        page.evaluate(SETTLE)
        visit.lang = page.evaluate("document.documentElement.lang")
        visit.overflow[1366] = a11y.overflow(page)
        visit.violations[1366] = a11y.run_axe(page)
        if item.keyboard:
            keyboard = keyboard_walk(page, visit)
        page.set_viewport_size({"width": 320, "height": a11y.HEIGHTS[320]})
        page.evaluate(SETTLE)
        visit.overflow[320] = a11y.overflow(page)
        visit.violations[320] = a11y.run_axe(page)
    except Exception as error:  # noqa: BLE001 - reported with the page, the crawl goes on
        visit.error = f"{type(error).__name__}: {str(error).splitlines()[0][:200]}"
    return visit, keyboard


def keyboard_walk(page, visit):
    """Tab from the top: the skip link first, a main-menu link, a field of the form in <main> and its submit
    button, each stop with a visible focus indicator (≥ 3:1); the skip link moves the focus into <main>."""
    walk = a11y.tab_through(page)
    problems = []
    first = walk.stops[0]["element"] if walk.stops else "nothing"
    if walk.skip is None:
        problems.append(f"the first Tab stop is {first}, not a skip link to the content")
    if walk.menu is None:
        problems.append("no main-menu link reached")
    if walk.field is None:
        problems.append(f"no field of a form in <main> reached in {len(walk.stops)} Tab stops")
    elif walk.submit is None:
        problems.append(f"the submit button of the form of {walk.stops[walk.field]['element']} not reached")
    for stop in walk.invisible():
        problems.append(f"focus not visible on {stop['element']} ({stop['indicator']}, {stop['contrast']}:1)")
    if walk.skip is not None:
        a11y.to_top(page)
        page.keyboard.press("Tab")
        page.evaluate(f"() => document.getElementById('{a11y.TOP}')?.remove()")
        page.keyboard.press("Enter")
        page.keyboard.press("Tab")
        after = a11y.focused(page)
        if after is None or not after["inMain"]:
            problems.append(f"after the skip link, Tab goes to {after['element'] if after else 'nothing'}, not <main>")
    return {
        "label": visit.label,
        "url": visit.url,
        "role": visit.role,
        "stops": len(walk.stops),
        "reached": {name: getattr(walk, name) for name in ("skip", "menu", "field", "submit")},
        "problems": problems,
    }


@pytest.fixture(scope="module")
def browser():
    _require(CHROMIUM.exists(), "/usr/bin/chromium is not installed")
    _require(a11y.AXE_JS.exists(), f"{a11y.AXE_JS} is missing: `make install` runs `npm ci`")
    # Playwright's sync API runs an event loop in this thread; Django's ORM calls here are still synchronous.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage"],
        )
        yield browser
        browser.close()


@dataclass
class Crawl:
    visits: list
    keyboard: list
    timings: dict
    html_checked: bool
    html_skip_reason: str = ""
    notes: list = field(default_factory=list)


@pytest.fixture(scope="module")
def crawl(browser, demo_module, live_server, django_db_blocker, tmp_path_factory):
    started = time.monotonic()
    timings = {}
    html_dir = a11y.REPORT_DIR / "html"
    shutil.rmtree(html_dir, ignore_errors=True)
    html_dir.mkdir(parents=True)
    fast = override_settings(
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
        AXES_ENABLED=False,
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
        MEDIA_ROOT=tmp_path_factory.mktemp("media"),
        LANGUAGE_CODE="nl",
    )
    visits, keyboard = [], []
    # A line per refused request (the 403 and 404 pages are looked for): not worth reading.
    quiet = [logging.getLogger(name) for name in ("django.request", "django.security")]
    levels = [logger.level for logger in quiet]
    for logger in quiet:
        logger.setLevel(logging.CRITICAL)
    with django_db_blocker.unblock(), fast:
        demo = Demo()
        all_routes = [r for r in routes() if not r.is_admin and r.name not in EXCLUDED and not is_logout(r.name)]
        number, kinds, notes, finding = 0, set(), [], 0.0
        for role in ROLES:
            # One login per role, through the login form; the test client that finds the pages shares its session.
            context = browser.new_context(locale="nl-NL", viewport={"width": 1366, "height": a11y.HEIGHTS[1366]})
            page = context.new_page()
            client = Client(HTTP_ACCEPT_LANGUAGE="nl")
            if role:
                log_in(page, live_server.url, role)
                session = next(c for c in context.cookies() if c["name"] == settings.SESSION_COOKIE_NAME)
                client.cookies[settings.SESSION_COOKIE_NAME] = session["value"]
            begun = time.monotonic()
            pages, role_notes = discover(client, role, demo, all_routes)
            finding += time.monotonic() - begun
            notes += role_notes
            choose_keyboard_pages(pages, role, kinds)
            for item in pages:
                number += 1
                visit, walk = check(page, live_server.url, item, number, html_dir)
                visits.append(visit)
                if walk:
                    keyboard.append(walk)
            context.close()
        timings["finding the pages"] = finding
        timings["browser (axe, overflow, keyboard)"] = time.monotonic() - started - finding
    for logger, level in zip(quiet, levels, strict=True):
        logger.setLevel(level)
    html_checked, reason = False, ""
    if a11y.java() and a11y.VNU_JAR.exists():
        begun = time.monotonic()
        errors = a11y.validate_html([v.html_file for v in visits if v.html_file])
        for visit in visits:
            visit.html_errors = errors.get(visit.html_file, [])
        html_checked = True
        timings["Nu HTML Checker"] = time.monotonic() - begun
    else:
        reason = f"{a11y.VNU_JAR} is missing: `make install` runs `npm ci`"
        if not a11y.java():
            reason = "java is not installed (Debian: default-jre-headless)"
    timings["total"] = time.monotonic() - started
    path = a11y.write_findings(visits, keyboard, timings, notes=notes)
    print(f"\naccessibility: {len(visits)} pages in {timings['total']:.0f} s ({timings}); findings in {path}")
    return Crawl(visits, keyboard, timings, html_checked, reason, notes)


pytestmark = [pytest.mark.browser]
crawled = pytest.mark.django_db(transaction=True)


@crawled
def test_every_page_kind_is_checked_as_every_role(crawl):
    unfilled = sorted({note.split(": ", 1)[1] for note in crawl.notes if " not checked: " in note})
    assert not unfilled, "routes the URL walk cannot fill (tests/test_url_walk.py targets):\n" + "\n".join(unfilled)
    broken = [f"{v.label} {v.url} as {v.role}: {v.error}" for v in crawl.visits if v.error]
    assert not broken, "pages that could not be checked:\n" + "\n".join(broken)
    by_role = {}
    for visit in crawl.visits:
        by_role.setdefault(visit.role, set()).add(visit.label)
    assert set(by_role) == {role_name(role) for role in ROLES}
    for role in ROLES:
        if role:
            labels = by_role[role_name(role)]
            assert {"home", "programmes:detail", "pilots:list", "404 page", "400 page"} <= labels, role
    assert {"login", "404 page", "400 page"} <= by_role["anoniem"]
    assert any(label.startswith("pilots:act") for label in by_role["beheerder"]), "no act form was sent"
    assert "403 page" in by_role["lezer"]


@crawled
def test_the_accessibility_statement_is_public_and_checked(crawl):
    statement = {v.role for v in crawl.visits if urlsplit(v.url).path == STATEMENT and v.status == 200}
    assert {"anoniem", "lezer"} <= statement, f"{STATEMENT} was not found as a page of its own (200)"


@crawled
def test_no_axe_violations(crawl):
    assert not any(v.violations.get(w) for v in crawl.visits for w in a11y.WIDTHS), (
        "axe-core found violations (details in findings.md):\n" + a11y.describe_violations(crawl.visits)
    )


@crawled
def test_no_page_scrolls_horizontally_at_320_px(crawl):
    wide = [f"{v.label} {v.url} as {v.role}: {320 + v.overflow[320]} px" for v in crawl.visits if v.overflow.get(320)]
    assert not wide, "wider than 320 px:\n" + "\n".join(wide)


@crawled
def test_every_page_is_in_dutch(crawl):
    other = [f"{v.label} {v.url} as {v.role}: lang={v.lang!r}" for v in crawl.visits if v.lang != "nl" and not v.error]
    assert not other, "\n".join(other)


@crawled
def test_keyboard_reaches_skip_link_menu_field_and_submit_with_visible_focus(crawl):
    assert {walk["role"] for walk in crawl.keyboard} == {role_name(role) for role in ROLES}
    problems = [f"{w['label']} {w['url']} as {w['role']}: {p}" for w in crawl.keyboard for p in w["problems"]]
    assert not problems, "\n".join(problems)


@crawled
def test_html_is_valid(crawl):
    if not crawl.html_checked:
        _require(False, crawl.html_skip_reason)
    errors = a11y.group_html_errors(crawl.visits)
    lines = []
    for message, entry in errors.items():
        lines.append(f"{message} ({entry['count']}×)")
        for label, page in list(entry["pages"].items())[:6]:
            lines.append(f"    {label} {sorted(page['urls'])[0]} as {', '.join(sorted(page['roles']))}")
    assert not errors, "the Nu HTML Checker found errors:\n" + "\n".join(lines)


# --- The harness itself: a known-bad page is caught, a known-good one passes --------------------------------

GOOD = """<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Goed</title>
<style>
  body { margin: 0; font: 16px sans-serif; color: #212529; background: #fff; }
  a, button, input { color: #0a3d91; }
  :focus-visible { outline: 3px solid #0a3d91; outline-offset: 2px; }
  .skip { position: absolute; left: -999px; } .skip:focus { left: 8px; top: 8px; background: #fff; }
</style></head>
<body>
<a class="skip" href="#inhoud">Naar de inhoud</a>
<header><nav aria-label="Hoofdmenu"><a href="/werk/">Mijn werk</a> <a href="/programmas/">Programma's</a></nav></header>
<main id="inhoud" tabindex="-1"><h1>Goed</h1>
<form method="post" action="/opslaan/">
  <label for="naam">Naam</label> <input id="naam" name="naam" type="text" autofocus>
  <button type="submit">Opslaan</button>
</form></main>
</body></html>"""

BAD = """<!doctype html>
<html><head><title>Fout</title>
<style>
  * { outline: none !important; } .pale { color: #bbb; background: #fff; } .wide { width: 900px; }
</style></head>
<body>
<nav><a href="/werk/">Mijn werk</a></nav>
<main><h1>Fout</h1>
<p class="pale">Lichtgrijze tekst op wit.</p>
<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
<div class="wide">Een blok van 900 px breed.</div>
<form method="post" action="/opslaan/"><input id="x" name="naam" type="text"><input id="x" name="tweede">
<button type="submit">Opslaan</button></form>
</main></body></html>"""


def check_html(browser, content, width):
    context = browser.new_context(locale="nl-NL", viewport={"width": width, "height": 640})
    page = context.new_page()
    page.set_content(content)
    result = {"violations": {v["id"] for v in a11y.run_axe(page)}, "overflow": a11y.overflow(page)}
    page.set_viewport_size({"width": 1366, "height": 900})
    result["walk"] = a11y.tab_through(page)
    context.close()
    return result


def test_the_harness_passes_a_good_page_and_catches_a_bad_one(browser, tmp_path):
    good = check_html(browser, GOOD, 320)
    assert good["violations"] == set() and good["overflow"] == 0
    walk = good["walk"]
    assert (walk.skip, walk.menu, walk.field, walk.submit) == (0, 1, 3, 4)
    assert walk.invisible() == []
    assert walk.stops[0]["contrast"] >= 3

    bad = check_html(browser, BAD, 320)
    assert {"color-contrast", "image-alt", "label", "html-has-lang"} <= bad["violations"]
    assert bad["overflow"] > 0
    walk = bad["walk"]
    assert walk.skip is None and walk.field is not None and walk.submit is not None
    assert len(walk.invisible()) == len(walk.stops)  # outline: none everywhere

    if not (a11y.java() and a11y.VNU_JAR.exists()):
        _require(False, "java or node_modules/vnu-jar is missing")
    (tmp_path / "good.html").write_text(GOOD)
    (tmp_path / "bad.html").write_text(BAD)
    errors = a11y.validate_html([tmp_path / "good.html", tmp_path / "bad.html"])
    assert errors[str(tmp_path / "good.html")] == []
    assert any("Duplicate ID" in message for _, message, _ in errors[str(tmp_path / "bad.html")])
    assert any("alt" in message for _, message, _ in errors[str(tmp_path / "bad.html")])
