"""The machinery of tests/test_url_walk.py: the URLconf as a list of routes, forms read from a page's HTML, a
fingerprint of the database, and a walker that sends one request at a time and writes down what went wrong.

Every request runs in a savepoint that is rolled back afterwards, so each one meets the same demo data and
the fingerprint taken once at the start is the one every refused request is compared with. On PostgreSQL
the tables are counted only when the transaction's own write statistics moved during the request.
"""

import re
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urljoin, urlsplit

from django.contrib import messages
from django.contrib.auth import SESSION_KEY
from django.db import connection, transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RoutePattern
from lxml import html as lxml_html

PROJECT = Path(__file__).resolve().parent.parent

# Tables that change on any request and say nothing about the data: sessions (a login, a renewed idle
# clock), django-axes's record of login attempts and the security audit log, which keep also refused requests
# (a failed login, a forged invitation link, a download), by design.
VOLATILE_TABLES = {
    "django_session",
    "axes_accessattempt",
    "axes_accesslog",
    "axes_accessfailurelog",
    "accounts_auditentry",
    "papers_meetingpack",  # the meeting pack's file, made on first download: a cache of what the meeting holds
}

MANAGEMENT_KEYS = ("-TOTAL_FORMS", "-INITIAL_FORMS", "-MIN_NUM_FORMS", "-MAX_NUM_FORMS")
PLAUSIBLE = {
    "text": "Test",
    "textarea": "Test",
    "search": "Test",
    "number": "1",
    "date": "2026-06-15",
    "datetime-local": "2026-06-15T10:00",
    "time": "10:00",
    "email": "test@example.org",
    "url": "https://example.org",
    "tel": "0612345678",
}


# --- The URLconf ------------------------------------------------------------------------------------------


@dataclass
class Route:
    name: str  # "namespace:name", or the pattern itself when the route has no name
    parts: list  # the patterns from the root to this one
    callback: object

    @property
    def pattern(self):
        return "".join(str(part.pattern) for part in self.parts)

    @property
    def is_admin(self):
        return self.pattern.startswith("admin/")

    @property
    def kwargs(self):
        """Name → kind ("int", "str", "slug", "path", "token", "regex") of every variable part of the path."""
        result = {}
        for part in self.parts:
            if isinstance(part.pattern, RoutePattern):
                for name, converter in part.pattern.converters.items():
                    result[name] = type(converter).__name__.removesuffix("Converter").lower()
            else:
                for name in _regex_groups(str(part.pattern)):
                    result[name] = "regex"
        return result

    def url(self, values):
        """The path with every variable part replaced by values[name] (quoted, so hostile values stay in it)."""
        path = ""
        for part in self.parts:
            text = str(part.pattern)
            if isinstance(part.pattern, RoutePattern):
                text = re.sub(r"<(?:\w+:)?(\w+)>", lambda m: quote(str(values[m.group(1)]), safe=""), text)
            else:
                filled = iter([quote(str(values[name]), safe="") for name in _regex_groups(text)])
                text = _GROUP.sub(lambda match, filled=filled: next(filled), text)
                text = text.removeprefix("^").removesuffix("$").replace("\\", "")
            path += text
        return "/" + path


_GROUP = re.compile(r"\(\?P<\w+>[^)]*\)|\((?!\?)[^)]*\)")


def _regex_groups(text):
    """Named groups by name; unnamed ones as arg0, arg1, ..."""
    names, position = [], 0
    for match in _GROUP.finditer(text):
        named = re.match(r"\(\?P<(\w+)>", match.group(0))
        names.append(named.group(1) if named else f"arg{position}")
        position += 0 if named else 1
    return names


def routes(resolver=None, parts=(), namespace=""):
    """Every URL pattern of the site, depth first, with its qualified name."""
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            inner = namespace
            if pattern.namespace:
                inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
            yield from routes(pattern, (*parts, pattern), inner)
        elif isinstance(pattern, URLPattern):
            chain = [*parts, pattern]
            qualified = (f"{namespace}:{pattern.name}" if namespace else pattern.name) if pattern.name else None
            route = Route(name="", parts=chain, callback=pattern.callback)
            route.name = qualified or route.pattern
            yield route


# --- Forms and links in a page ----------------------------------------------------------------------------


@dataclass
class Form:
    url: str
    method: str
    names: list = field(default_factory=list)  # every parameter name, in page order
    defaults: dict = field(default_factory=dict)  # name → values a browser would send untouched
    choices: dict = field(default_factory=dict)  # name → the values a select, radio or checkbox offers
    buttons: list = field(default_factory=list)  # (name, value) of the named submit buttons
    kinds: dict = field(default_factory=dict)  # name → input type, "select" or "textarea"

    def baseline(self):
        """What a user would send: the form as shown, its empty fields filled with something plausible (so a
        probe gets past "this field is required" into the code behind), formset rows left as they are."""
        data = {}
        for name in self.names:
            values = [value for value in self.defaults.get(name, []) if value]
            kind = self.kinds.get(name)
            if not values and not re.search(r"-\d+-", name):
                if kind == "select":
                    values = [option for option in self.choices.get(name, []) if option][:1]
                elif kind in PLAUSIBLE:
                    values = [PLAUSIBLE[kind]]
            values = values or self.defaults.get(name, [])
            if values:
                data[name] = list(values)
        if self.buttons:
            name, value = self.buttons[0]
            data[name] = [value]
        return data

    @staticmethod
    def is_management(name):
        return name.endswith(MANAGEMENT_KEYS)


def read_page(content, page_url):
    """The forms and the same-site links with a query string in an HTML page."""
    try:
        document = lxml_html.fromstring(content)
    except (ValueError, lxml_html.etree.ParserError):
        return [], []
    forms = [_form(element, page_url) for element in document.iter("form")]
    links = []
    for anchor in document.iter("a"):
        href = anchor.get("href") or ""
        if "?" in href and not href.startswith(("http:", "https:", "mailto:", "//")):
            links.append(urljoin(page_url, href))
    return forms, links


def _form(element, page_url):
    form = Form(
        url=urljoin(page_url, element.get("action") or page_url), method=(element.get("method") or "get").upper()
    )

    def add(name, value=None, choice=None, kind=None):
        if name not in form.names:
            form.names.append(name)
            form.kinds[name] = kind
        form.defaults.setdefault(name, [])
        if value is not None:
            form.defaults[name].append(value)
        if choice is not None:
            form.choices.setdefault(name, []).append(choice)

    for control in element.iter("input", "select", "textarea", "button"):
        name = control.get("name")
        if not name:
            continue
        disabled = control.get("disabled") is not None
        kind = (control.get("type") or ("submit" if control.tag == "button" else "text")).lower()
        if kind == "text" and control.get("inputmode") in ("decimal", "numeric"):
            kind = "number"  # an amount typed the Dutch way: a text field that wants a number
        if disabled:
            kind = "disabled"  # a browser does not send it: neither shown nor filled in the baseline
        if control.tag in ("input", "button") and kind in ("submit", "image"):
            form.buttons.append((name, control.get("value") or ""))
            add(name, choice=control.get("value") or "")
        elif control.tag in ("input", "button") and kind in ("button", "reset"):
            continue
        elif kind == "file":
            add(name, kind="file")
        elif kind in ("checkbox", "radio"):
            value = control.get("value") or "on"
            checked = control.get("checked") is not None and not disabled
            add(name, value if checked else None, choice=value)
        elif control.tag == "select":
            options = [option.get("value", option.text_content().strip()) for option in control.iter("option")]
            chosen = [o.get("value", o.text_content().strip()) for o in control.iter("option") if o.get("selected")]
            if not chosen and options and control.get("multiple") is None:
                chosen = options[:1]
            add(name, kind=kind if disabled else "select" if control.get("multiple") is None else "multiple")
            for option in options:
                form.choices.setdefault(name, []).append(option)
            if not disabled:
                form.defaults[name].extend(chosen)
        elif control.tag == "textarea":
            add(name, None if disabled else control.text_content(), kind=kind if disabled else "textarea")
        else:
            add(name, None if disabled else control.get("value") or "", kind=kind)
    for name, values in form.defaults.items():  # a radio group sends its first option when none is checked
        if not values and name in form.choices and name not in dict(form.buttons) and _is_radio(element, name):
            values.append(form.choices[name][0])
    return form


def _is_radio(element, name):
    return any(c.get("type") == "radio" for c in element.iter("input") if c.get("name") == name)


# --- The database -----------------------------------------------------------------------------------------


def fingerprint_query():
    """One query: the row count of every table (historical tables included, so an update shows too)."""
    quote_name = connection.ops.quote_name
    tables = sorted(set(connection.introspection.table_names()) - VOLATILE_TABLES)
    return tables, " UNION ALL ".join(
        f"SELECT {index}, COUNT(*) FROM {quote_name(t)}" for index, t in enumerate(tables)
    )


def writes():
    """On PostgreSQL, the rows written in this transaction so far, rolled-back attempts included (it only grows):
    a request that leaves it as it was wrote nothing, and its database needs no counting. None elsewhere."""
    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT COALESCE(SUM(n_tup_ins + n_tup_upd + n_tup_del), 0) FROM pg_stat_xact_user_tables")
        return cursor.fetchone()[0]


def fingerprint(query):
    tables, sql = query
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return {tables[index]: count for index, count in cursor.fetchall()}


# --- The walker -------------------------------------------------------------------------------------------


def show(value):
    """A value as the failure list shows it: long strings shortened, NULs visible."""
    if isinstance(value, list):
        return "[" + ", ".join(show(item) for item in value) + "]"
    if isinstance(value, str) and len(value) > 40:
        return f"{value[:1]!r}*{len(value)}" if len(set(value)) == 1 else f"{value[:30]!r}…({len(value)} chars)"
    return repr(value)


MACHINERY = ("django/db/", "django/core/", "django/utils/", "django/test/", "psycopg", "asgiref/")


def where(error):
    """Where a crash comes from: the deepest frame that is neither the ORM, the request machinery nor this
    test (in the project or in a library), and the deepest frame of our own code that led there."""
    found = []
    for frame in reversed(traceback.extract_tb(error.__traceback__)):
        path = Path(frame.filename)
        if path.is_relative_to(PROJECT / "tests"):
            continue
        if "site-packages" in path.parts:
            path = Path(*path.parts[path.parts.index("site-packages") + 1 :])
            ours = False
        elif path.is_relative_to(PROJECT):
            path, ours = path.relative_to(PROJECT), True
        else:
            continue
        if not found and str(path).startswith(MACHINERY):
            continue
        if not found or ours:
            found.append(f"{path}:{frame.lineno} {frame.name}")
        if ours:
            break
    return " ← ".join(found) or "the database"


@dataclass
class Failure:
    method: str
    url: str
    user: str
    parameter: str
    outcome: str
    cause: str  # what groups failures: the place of a crash, or the tables a refused request changed

    def __str__(self):
        url = self.url if len(self.url) <= 90 else self.url[:60] + f"…({len(self.url)} chars)"
        return f"{self.method} {url} as {self.user} {self.parameter}: {self.outcome}"


class Walker:
    def __init__(self, users):
        self.users = users  # username (None: anonymous) → User
        self.clients = {}
        self.failures = []
        self.requests = 0
        self.query = fingerprint_query()
        self.before = fingerprint(self.query)
        self.written = None  # writes() after the last request
        self.counted = 0  # requests after which the tables were counted

    def client(self, username):
        if username not in self.clients:
            client = Client()
            if username is not None:
                client.force_login(self.users[username])
            self.clients[username] = client
        return self.clients[username]

    def send(self, username, method, url, data=None, parameter=""):
        """One request in a savepoint that is rolled back; returns the response, or None after a crash."""
        if username not in self.clients:
            self.written = None  # logging in writes (the session, the last login)
        client = self.client(username)
        client.cookies.pop("messages", None)  # each request on its own: no message left by the one before
        if self.written is None:
            self.written = writes()
        self.requests += 1
        changed = None
        try:
            with transaction.atomic():
                if method == "GET":
                    response = client.get(url, data or {})
                else:
                    response = client.post(url, data or {})
                written = writes()
                if self.refused(method, response) and (written is None or written != self.written):
                    self.counted += 1
                    after = fingerprint(self.query)
                    changed = {t: after[t] - n for t, n in self.before.items() if after.get(t) != n}
                self.written = written
                transaction.set_rollback(True)
        except Exception as error:  # noqa: BLE001 - a crash is what this walk looks for
            self.written = None
            first_line = (str(error).strip().splitlines() or [""])[0][:160]
            cause = f"{type(error).__name__} at {where(error)}"
            self.fail(method, url, username, parameter, f"{type(error).__name__}: {first_line}", cause)
            self.relogin(username)
            return None
        if response.status_code >= 500:
            self.fail(method, url, username, parameter, f"status {response.status_code}", "status >= 500")
        elif changed:
            summary = ", ".join(f"{t} {n:+d}" for t, n in sorted(changed.items()))
            self.fail(
                method, url, username, parameter, f"refused ({response.status_code}) but changed {summary}", summary
            )
        if username is not None and method == "POST" and SESSION_KEY not in response.wsgi_request.session:
            self.relogin(username)  # it logged out, or changed the password: log in again for the next request
        return response

    @staticmethod
    def refused(method, response):
        """A page read, an error status, a form shown again, or a redirect that carries an error message. (The
        admin's add-another window answers a save with a 200 page that closes it.)"""
        if response.status_code == 200 and "admin/popup_response.html" in [t.name for t in response.templates]:
            return False
        if method == "GET" or response.status_code >= 400 or response.status_code == 200:
            return True
        storage = getattr(response.wsgi_request, "_messages", None)
        levels = {message.level for message in getattr(storage, "_queued_messages", [])}
        return messages.ERROR in levels and messages.SUCCESS not in levels  # an admin action may do half

    def relogin(self, username):
        self.clients.pop(username, None)

    def fail(self, method, url, username, parameter, outcome, cause):
        self.failures.append(Failure(method, url, username or "anonymous", parameter, outcome, cause))

    def report(self, examples=6):
        """The failures grouped by cause, each group with a few examples."""
        groups = {}
        for failure in self.failures:
            groups.setdefault(failure.cause, []).append(failure)
        lines = [f"{len(self.failures)} failures in {self.requests} requests, {len(groups)} causes:"]
        for cause, failures in sorted(groups.items(), key=lambda item: -len(item[1])):
            lines.append(f"\n== {cause} ({len(failures)}×)")
            seen = set()
            for failure in failures:
                key = (failure.method, urlsplit(failure.url).path[:60], failure.parameter.split("=")[0])
                if key in seen:
                    continue
                seen.add(key)
                lines.append(f"   {failure}")
                if len(seen) >= examples:
                    break
        return "\n".join(lines)
