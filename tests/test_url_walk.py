"""Every URL of the site, as every demo role and anonymous, with real ids, ids of the other region and broken
path values; then every form and every parameter a view reads outside its forms, with hostile values
(non-numeric ids, empty, NUL, 100 kB, huge and negative numbers, malformed dates, duplicated keys, ids of
the other region). Never a response >= 500, and a refused request leaves the database as it was.

Run with -s to see how many requests it made. On PostgreSQL (CI) it also catches what SQLite lets pass: a
NUL in a text, a number too large for its column.
"""

import itertools
import logging
import re
import time
from urllib.parse import parse_qsl, urlsplit

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db.models import ForeignKey, OneToOneField
from django.urls import Resolver404, resolve
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from governance.models import AgendaDocument, AgendaItem, DecisionRoute, GovernanceBody, Meeting
from pilots.models import Experiment, Pilot
from pilots.views import ACTS
from programmes.demo.users import DEMO_USERS
from programmes.forms import PLAN_PARTS
from programmes.models import Milestone, Programme, Region, Workgroup
from programmes.risks import Risk
from programmes.views.history import HISTORY_MODELS
from reminders.models import CalendarToken
from reports.models import ProgrammeReport, ProgressReport, ReportAttachment, ReportingSchedule
from tests.url_walk import Form, Walker, read_page, routes, show

# Programme managers first: they see the most forms, and a form is probed as the first user who saw it.
USERS = ["programmamanager", "trekker", "kernteam", "rbj", "so", "lezer", "wbo", "beheerder", None]
assert set(USERS) - {None} == {name for name, *_ in DEMO_USERS}, "a demo role is missing from the walk"
PROBERS = ["programmamanager", None]  # who tries the broken paths (and the administrator, on admin pages)

LONG = "x" * 100_000
HOSTILE = [
    "abc",
    "",
    "\x00",
    "a\x00b",
    LONG,
    "y" * 300,  # longer than any varchar of ours (255 at most), shorter than the parameter limit
    "9" * 40,
    "-1",
    "-9" * 20,
    "-" + "9" * 20,
    "1e400",
    "NaN",
    "2026-02-31",
    "31-31-2026",
    ["1", "abc"],  # the same key twice
]
OTHER_REGION = object()  # stands for "the id of an object of the other region" (per parameter)
BROKEN_PATH_VALUES = ["abc", "\x00", "x" * 10_000, "-1", "9" * 40, "..", "é"]

# Parameters views read outside their forms (request.GET.get / request.POST.get / getlist), and the admin's.
GET_PARAMETERS = [
    *["export", "sort", "page", "edit", "q", "status", "workgroup", "overdue", "date_from", "date_to", "year"],
    *["o", "p", "e", "all", "_changelist_filters", "_popup", "_to_field", "format", "next", "language"],
    *["app_label", "model_name", "field_name", "term"],
]
POST_PARAMETERS = [
    *["gate", "year", "amount", "note", "history_id", "meeting", "action", "apply", "rationale", "outcome"],
    *["_selected_action", "select_across", "index", "post", "next", "language", "summary_1", "edit"],
]

# What the id in a path points at, by route (kwargs named after their model need no entry).
PK_MODELS = {
    "programmes:detail": Programme,
    "programmes:edit": Programme,
    "api_dashboard": Programme,
    "dashboard:region": Region,
    "programmes:risk_edit": Risk,
    "programmes:milestone_edit": Milestone,
    "programmes:workgroup": Workgroup,
    "programmes:workgroup_edit": Workgroup,
    "programmes:workgroup_members": Workgroup,
    "governance:meeting": Meeting,
    "governance:meeting_edit": Meeting,
    "governance:meeting_close": Meeting,
    "governance:document": AgendaDocument,
    "governance:item_move": AgendaItem,
    "governance:route_edit": DecisionRoute,
    "pilots:experiment_edit": Experiment,
    "pilots:experiment_promote": Experiment,
    "pilots:detail": Pilot,
    "pilots:edit": Pilot,
    "pilots:plan": Pilot,
    "pilots:act": Pilot,
    "reports:detail": ProgressReport,
    "reports:attachment": ReportAttachment,
    "reports:schedule_edit": ReportingSchedule,
    "reports:programme_report": ProgrammeReport,
    "reports:programme_report_docx": ProgrammeReport,
}
KWARG_MODELS = {"programme_pk": Programme, "body_pk": GovernanceBody}
# Parameter names whose value is an id of a model with another name.
PARAMETER_MODELS = {"body": GovernanceBody, "gate": "pilots.Gate", "meeting": Meeting, "person": "programmes.Person"}


def skipped(route):
    # Media files are served by Django only in development (settings.DEBUG at import); production serves them
    # with the web server, and what a user may download goes through the document and attachment views.
    return route.pattern.startswith("^media/")


# --- Demo objects ----------------------------------------------------------------------------------------


def region_path(model):
    """The ORM lookup from a model to its region ("pilot__programme__region"), or None when it has none.
    Mandatory links are preferred: a gate belongs to its pilot's region, whether or not it has a body."""
    found = _region_paths(model)
    return min(found)[2] if found else None


def _region_paths(model, depth=0, seen=()):
    """(optional links, length, lookup) of every way from the model to Region."""
    if model is Region:
        return [(0, 0, "pk")]
    found = []
    for field in model._meta.get_fields():
        if isinstance(field, ForeignKey | OneToOneField) and field.concrete and field.related_model not in seen:
            if field.related_model is Region:
                found.append((int(field.null), 1, field.name))
            elif depth < 4:
                for optional, length, lookup in _region_paths(field.related_model, depth + 1, (*seen, model)):
                    found.append((optional + field.null, length + 1, f"{field.name}__{lookup}"))
    return [(o, n, lookup.removesuffix("__pk")) for o, n, lookup in found]


class Demo:
    def __init__(self):
        self.home = Region.objects.get(name="Rivierenland")
        self.other = Region.objects.get(name="West-Brabant-Oost")
        self.cache = {}

    def objects(self, model, region=None):
        """A few objects of the region: one per status where the model has one, else the first two."""
        region = region or self.home
        key = (model, region.pk)
        if key not in self.cache:
            path = region_path(model)
            queryset = model._default_manager.order_by("pk")
            if path is not None:
                queryset = queryset.filter(**{path: region.pk})
            elif region != self.home:
                queryset = queryset.none()  # no region: the home list has them all
            if any(f.name == "status" for f in model._meta.concrete_fields):
                by_status = {}
                for obj in queryset:
                    by_status.setdefault(obj.status, obj)
                found = list(by_status.values())[:6]
            else:
                found = list(queryset[: 2 if region == self.home else 1])
            self.cache[key] = found
        return self.cache[key]

    def other_id(self, model):
        found = self.objects(model, self.other) or self.objects(model)
        return str(found[0].pk) if found else "1"


def admin_model(route):
    """The model of an admin route, from its path: admin/<app_label>/<model_name>/..."""
    parts = route.pattern.split("/")
    for model in admin.site._registry:
        if parts[1:3] == [model._meta.app_label, model._meta.model_name]:
            return model
    return None


def targets(route, demo):
    """(kind, path values) to fill the route with: "home" and "other" objects, or broken values."""
    kwargs = route.kwargs
    if not kwargs:
        return [("plain", {})]
    found = []
    model = PK_MODELS.get(route.name) or admin_model(route)
    if route.name == "programmes:history":
        for key, history_model in HISTORY_MODELS.items():
            found += [("home", {"model": key, "pk": o.pk}) for o in demo.objects(history_model)[:1]]
            found += [("other", {"model": key, "pk": o.pk}) for o in demo.objects(history_model, demo.other)]
        found.append(("broken", {"model": "user", "pk": 1}))
    elif route.name == "pilots:act":
        acts = [*ACTS, "advise", "decide", "gate", "spend", "measure"]
        found += [("home", {"pk": p.pk, "act": act}) for p in demo.objects(Pilot) for act in acts]
        found += [("other", {"pk": p.pk, "act": act}) for p in demo.objects(Pilot, demo.other)[:1] for act in acts]
    elif route.name == "programmes:edit_parts":
        found += [("home", {"programme_pk": demo.objects(Programme)[0].pk, "part": part}) for part in PLAN_PARTS]
        found += [("other", {"programme_pk": demo.objects(Programme, demo.other)[0].pk, "part": "results"})]
    elif set(kwargs) == {"token"} or set(kwargs) == {"token", "programme_pk"}:  # the calendar feeds
        for kind, region in (("home", demo.home), ("other", demo.other)):
            token = CalendarToken.objects.get(user__username="programmamanager").token
            found.append((kind, {"token": token, "programme_pk": demo.objects(Programme, region)[0].pk}))
    elif set(kwargs) == {"uidb64", "token"}:
        user = get_user_model().objects.get(username="lezer")
        uid = urlsafe_base64_encode(force_bytes(user.pk))
        found.append(("home", {"uidb64": uid, "token": default_token_generator.make_token(user)}))
    elif set(kwargs) == {"content_type_id", "object_id"}:
        pilot = demo.objects(Pilot)[0]
        found.append(("home", {"content_type_id": ContentType.objects.get_for_model(Pilot).pk, "object_id": pilot.pk}))
    elif set(kwargs) == {"app_label"}:
        labels = sorted({m._meta.app_label for m in admin.site._registry})
        found += [("home", {"app_label": label}) for label in labels]
    elif set(kwargs) == {"url"}:  # the admin's catch-all
        found.append(("home", {"url": "nothing/here/"}))
    elif set(kwargs) == {"arg0", "arg1"} and model is not None:  # simple-history's view of one version
        for kind, region in (("home", demo.home), ("other", demo.other)):
            for obj in demo.objects(model, region)[:1]:
                version = obj.history.order_by("-history_id").first()
                found.append((kind, {"arg0": obj.pk, "arg1": version.history_id if version else 1}))
    elif set(kwargs) == {"id"} and route.name == "admin:auth_user_password_change":
        found.append(("home", {"id": get_user_model().objects.get(username="lezer").pk}))
    else:
        assert len(kwargs) == 1, f"the walk does not know how to fill {route.name} {kwargs}"
        (name,) = kwargs
        model = KWARG_MODELS.get(name) or model
        assert model is not None, f"the walk does not know what {name} of {route.name} is"
        objects = demo.objects(model)
        assert objects, f"the demo has no {model.__name__} for {route.name}"
        found += [("home", {name: o.pk}) for o in objects]
        found += [("other", {name: o.pk}) for o in demo.objects(model, demo.other)[:1]]
    # Broken path values: a missing id, a huge one, and for text parts what a converter may let through.
    if found:
        first = found[0][1]
        for name, kind in kwargs.items():
            values = ["999999", "9" * 40] if kind == "int" else BROKEN_PATH_VALUES
            found += [("broken", {**first, name: value}) for value in values]
    return found


@pytest.fixture
def demo_extras(demo_module, db, settings):
    """What the demo does not have: a document and an attachment per region, and calendar links."""
    demo = Demo()
    for region in (demo.home, demo.other):
        for item in AgendaItem.objects.filter(meeting__body__programme__region=region)[:1]:
            AgendaDocument.objects.create(item=item, title="Notulen", file=ContentFile(b"%PDF-1.4", name="notulen.pdf"))
        for report in ProgressReport.objects.filter(programme__region=region)[:1]:
            ReportAttachment.objects.create(report=report, file=ContentFile(b"%PDF-1.4", name="bijlage.pdf"))
    for user in get_user_model().objects.all():
        CalendarToken.objects.get_or_create(user=user)
    settings.AXES_ENABLED = True  # login throttling on, as in production: it writes the username it is given
    logging.getLogger("django.request").disabled = True  # thousands of 4xx warnings, and the crashes we collect
    yield demo
    logging.getLogger("django.request").disabled = False


# --- The walk --------------------------------------------------------------------------------------------


def route_name(url):
    try:
        match = resolve(urlsplit(url).path)
    except Resolver404:
        return None
    return match.view_name or match.route


def hostile_value(value, name, demo):
    if value is OTHER_REGION:
        model = PARAMETER_MODELS.get(name.rsplit("-", 1)[-1])
        if isinstance(model, str):
            from django.apps import apps

            model = apps.get_model(model)
        if model is None:
            model = next((m for m in admin.site._registry if m._meta.model_name == name.rsplit("-", 1)[-1]), Programme)
        return demo.other_id(model)
    return value


class Walk:
    def __init__(self, demo):
        self.demo = demo
        users = {name: get_user_model().objects.get(username=name) for name in USERS if name}
        self.walker = Walker(users)
        self.forms = {}  # (route, method, names) → (username, Form)
        self.links = {}  # (route, query names) → (username, url)
        self.get_names = {}  # route → parameter names seen in its GET forms and links
        self.post_names = {}  # route → parameter names seen in its POST forms
        self.prober = {}  # route → the first user who may open it

    def send(self, username, method, url, data=None, parameter=""):
        response = self.walker.send(username, method, url, data, parameter)
        if response is not None and response.status_code == 200 and not response.streaming:
            if response.get("Content-Type", "").startswith("text/html"):
                self.read(username, url, response.content)
        return response

    def read(self, username, url, content):
        forms, links = read_page(content, url)
        for form in forms:
            name = route_name(form.url)
            if name is None:
                continue
            names = (self.get_names if form.method == "GET" else self.post_names).setdefault(name, set())
            names.update(form.names)
            shape = tuple(sorted({re.sub(r"-\d+-", "-N-", n) for n in form.names}))  # rows of a formset alike
            self.forms.setdefault((name, form.method, shape), (username, form))
        for link in links:
            name = route_name(link)
            if name is None:
                continue
            keys = tuple(sorted({key for key, _ in parse_qsl(urlsplit(link).query, keep_blank_values=True)}))
            self.get_names.setdefault(name, set()).update(keys)
            self.links.setdefault((name, keys), (username, link))

    def paths(self, all_routes):
        """Every route with every target, GET and POST, as every user; broken paths by the probers."""
        for route in all_routes:
            found = targets(route, self.demo)
            is_admin = route.name.startswith("admin:") or route.pattern.startswith("admin/")
            for index, (kind, values) in enumerate(found):
                url = route.url(values)
                if kind == "broken":
                    users = [*PROBERS, "beheerder"] if is_admin else PROBERS
                elif is_admin and index > 0:
                    users = ["beheerder", "programmamanager", None]  # the others are sent to the login alike
                else:
                    users = USERS
                first_home = index == 0 or found[index - 1][0] != kind
                for username in users:
                    response = self.send(username, "GET", url, parameter=f"path {kind}")
                    if kind != "broken" and response is not None and response.status_code in (200, 405):
                        self.prober.setdefault(route.name, (username, url))
                    if kind == "broken" or first_home:
                        self.send(username, "POST", url, parameter=f"path {kind}")

    def visit_links(self):
        for username, url in list(self.links.values()):
            self.send(username, "GET", url, parameter="link")

    def parameters(self, all_routes):
        """Per route, its first page as the first user who may open it: every parameter name at once, per value."""
        for route in all_routes:
            if route.name not in self.prober:
                continue
            username, url = self.prober[route.name]
            get_names = sorted(set(GET_PARAMETERS) | self.get_names.get(route.name, set()))
            post_names = sorted(set(POST_PARAMETERS) | self.post_names.get(route.name, set()))
            for value in [*HOSTILE, OTHER_REGION]:
                for method, names in (("GET", get_names), ("POST", post_names)):
                    data = {name: hostile_value(value, name, self.demo) for name in names}
                    self.walker.send(username, method, url, data, parameter=f"every parameter={show(value)}")

    def probe_forms(self):
        """Every form: as seen, with each choice, with every field hostile at once, and one field at a time."""
        done = set()
        while len(done) < len(self.forms):
            for key, (username, form) in list(self.forms.items()):
                if key not in done:
                    done.add(key)
                    self.probe(username, form)

    def probe(self, username, form):
        baseline = form.baseline()
        if "_selected_action" in form.choices and "_selected_action" not in baseline:
            baseline["_selected_action"] = form.choices["_selected_action"][:2]  # an admin action needs rows
        send = self.send if form.method == "POST" else self.walker.send
        send(username, form.method, form.url, baseline, parameter="as shown")
        for name, options in form.choices.items():
            for option in options[:8]:
                if [option] != baseline.get(name):
                    send(username, form.method, form.url, {**baseline, name: [option]}, f"{name}={show(option)}")
        # Every field hostile at once; formset management keys and the submit button kept, or nothing is read.
        kept = {n: v for n, v in baseline.items() if form.is_management(n) or n in dict(form.buttons)}
        for value in [*HOSTILE, OTHER_REGION]:
            data = {name: hostile_value(value, name, self.demo) for name in form.names if name not in kept}
            self.walker.send(username, form.method, form.url, {**data, **kept}, f"every field={show(value)}")
        # One field at a time, the others as shown: a value refused early cannot hide one that crashes later.
        values = [*HOSTILE, OTHER_REGION]
        per_field = max(1, min(4, 40 // max(1, len(form.names))))
        for position, name in enumerate(form.names[:40]):
            for value in itertools.islice(itertools.cycle(values), position * per_field, (position + 1) * per_field):
                data = {**baseline, name: hostile_value(value, name, self.demo)}
                self.walker.send(username, form.method, form.url, data, f"{name}={show(value)}")
        # The same form, as shown, from every other user: refused or allowed, never a crash or a half write.
        if form.method == "POST":
            for other in USERS:
                if other != username:
                    self.walker.send(other, form.method, form.url, baseline, parameter="as shown to another user")


@pytest.mark.django_db
def test_no_url_crashes_or_changes_anything_when_refused(demo_extras):
    started = time.monotonic()
    all_routes = [route for route in routes() if not skipped(route)]
    walk = Walk(demo_extras)
    walk.paths(all_routes)
    walk.visit_links()
    walk.parameters(all_routes)
    walk.probe_forms()
    walker = walk.walker
    print(
        f"\nURL walk: {len(all_routes)} routes, {len(walk.forms)} forms, {walker.requests} requests "
        f"in {time.monotonic() - started:.0f} s, {len(walker.failures)} failures"
    )
    assert not walker.failures, walker.report()


def test_the_walk_fills_every_route(demo_extras):
    """A new URL whose ids the walk cannot fill fails here, with its name, instead of going unvisited."""
    demo = demo_extras
    for route in routes():
        if not skipped(route):
            assert targets(route, demo), route.name
    assert isinstance(Form(url="/", method="GET").baseline(), dict)
