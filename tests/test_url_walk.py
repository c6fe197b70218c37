"""Every URL of the site, as every demo role and anonymous, with real ids, ids of the other collaboration and broken
path values; then every form and every parameter a view reads outside its forms, with hostile values
(non-numeric ids, empty, NUL and other control characters, 100 kB, huge and negative numbers, malformed dates,
duplicated keys, ids of the other collaboration), and every upload field with files whose names hold control characters.
Never a response >= 500, and a refused request leaves the database as it was.

Refused: a page read, a status >= 400, a form shown again (200), or a redirect with an error message and no
success message. Login throttling (django-axes) is on, as in production. The combinations are bounded: all
users on every page and every act, one prober for broken paths and for the parameters, a form probed as the
first user who saw it (then sent as shown by every other user); see Walk. Run with -s to see how many
requests it made. On PostgreSQL (CI) it also catches what SQLite lets pass: a NUL in a text, a number too
large for its column, a username longer than axes's column.
"""

import logging
import re
import time
from urllib.parse import parse_qsl, urlsplit

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import ForeignKey, OneToOneField
from django.http import HttpResponse, HttpResponseBadRequest
from django.urls import Resolver404, path, resolve
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from rest_framework.authtoken.models import Token

from core.models import Heartbeat
from demo.users import DEMO_USERS
from discussion.models import Annex, Comment
from governance.models import AgendaDocument, AgendaItem, Decision, DecisionRoute, Meeting, MunicipalDecision
from pilots.acts import ACTS
from pilots.conditions import ACTS as CONDITION_ACTS
from pilots.models import Condition, Experiment, Gate, Pilot
from programmes.forms import PLAN_PARTS
from programmes.models import Collaboration, GovernanceBody, Milestone, Person, Programme, Workgroup
from programmes.risks import Risk
from programmes.views.history import HISTORY_MODELS
from publication.models import PublicDocument
from publication.views import ACTS as PUBLICATION_ACTS
from reminders.models import CalendarToken
from reports.models import ProgrammeReport, ProgressReport, ReportAttachment, ReportingSchedule
from tests.url_walk import Form, Walker, read_page, routes, show

# Programme managers first: they see the most forms, and a form is probed as the first user who saw it.
USERS = [
    "programmamanager",
    "nhn",  # NHN: municipalities decide at the last step
    "alkmaar",  # Regio Alkmaar: no workgroups, a programme document on the route
    "trekker",
    "kernteam",
    "rbj",
    "so",
    "lezer",
    "lezer-nhn",  # reads NHN, which shares six municipalities with Regio Alkmaar
    "wbo",
    "beheerder",
    None,
]
# Seated members of a body like `rbj`, in another collaboration: walking them again finds nothing new and costs
# minutes; the permission matrix and tests/test_collaborations.py cover what they may see.
LIKE_A_WALKED_ROLE = {"texel": "rbj", "pho": "rbj"}
assert set(USERS) - {None} | set(LIKE_A_WALKED_ROLE) == {name for name, *_ in DEMO_USERS}, (
    "a demo role is missing from the walk"
)
PROBERS = ["programmamanager", None]  # who tries the broken paths (the administrator, on admin pages)
ADMIN_FOR_ALL = ("_changelist", "_change")  # the sample model's admin pages that every user tries
EVERY_TARGET_POSTED = {"pilots:act"}  # every act: as every user, and on a pilot in every state
SAMPLE_ADMIN = Pilot  # the admin model that gets every broken path and GET parameter (the others get a few)

LONG = "x" * 100_000
CONTROLS = "a\x01b\x0bc\x1bd\x7fe\x85f\x9f"  # C0, DEL and C1 (core.safe_text): refused at the edge like NUL
HOSTILE = [
    "abc",
    "",
    "\x00",
    "a\x00b",
    CONTROLS,
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
EACH_FIELD = ["abc", "a\x00b", "9" * 40]  # what every field gets alone: not a number, NUL, too large a number
# The values for what repeats: the admin's own forms and lists (Django's code; our models' validation behind
# it) and another form of a route already probed with all values.
LIGHT_VALUES = ["abc", "", "a\x00b", CONTROLS, "y" * 300, "9" * 40, "-" + "9" * 20, ["1", "abc"]]


class OtherCollaboration:
    def __repr__(self):
        return "<an id in West-Brabant-Oost>"


OTHER_COLLABORATION = (
    OtherCollaboration()
)  # stands for "the id of an object of the other collaboration" (per parameter)
UPLOAD_NAMES = ["bijlage\x1b\x85.pdf", "bij\x00lage\x0b.pdf"]
ADMIN_VALUES = ["abc", "y" * 300, "9" * 40, ["1", "abc"], OTHER_COLLABORATION]  # the other admin models' own forms
BROKEN_PATH_VALUES = ["abc", "\x00", "\x1b", "x" * 10_000, "-1", "9" * 40, "..", "é"]
BROKEN_IDS = ["999999", "9" * 40]  # for an int in a path: none, and more than a bigint holds
BROKEN_ADMIN_IDS = ["abc", "9" * 40]  # the admin's other models: the same code as the sample's, the model differs

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
    "dashboard:collaboration": Collaboration,
    "programmes:risk_edit": Risk,
    "programmes:milestone_edit": Milestone,
    "programmes:workgroup": Workgroup,
    "programmes:workgroup_edit": Workgroup,
    "programmes:workgroup_members": Workgroup,
    "governance:meeting": Meeting,
    "governance:meeting_edit": Meeting,
    "governance:meeting_close": Meeting,
    "governance:document": AgendaDocument,
    "governance:municipal_document": MunicipalDecision,
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
    "reports:programme_report_pdf": ProgrammeReport,
    "reports:programme_report_adopt": ProgrammeReport,
    "pilots:din_docx": Pilot,
    "pilots:din_pdf": Pilot,
    "pilots:assessment": Pilot,
    "papers:pack": Meeting,
    "publication:manage": Decision,
    "discussion:comment_edit": Comment,
    "discussion:comment_delete": Comment,
    "discussion:comment_hide": Comment,
    "discussion:comment_history": Comment,
    "discussion:annex": Annex,
    "discussion:experiment": Experiment,
}
# What a discussion is about, by the <subject:kind> of its path.
DISCUSSION_SUBJECTS = {"pilot": Pilot, "experiment": Experiment, "report": ProgressReport}
KWARG_MODELS = {"programme_pk": Programme, "body_pk": GovernanceBody}
# Parameter names whose value is an id of a model with another name.
PARAMETER_MODELS = {"body": GovernanceBody, "gate": Gate, "meeting": Meeting, "person": Person}


# --- Demo objects ----------------------------------------------------------------------------------------


def collaboration_path(model):
    """The ORM lookup from a model to its collaboration ("pilot__programme__collaboration"), or None when it has none.
    Mandatory links are preferred: a gate belongs to its pilot's collaboration, whether or not it has a body."""
    found = _collaboration_paths(model)
    return min(found)[2] if found else None


def _collaboration_paths(model, depth=0, seen=()):
    """(optional links, length, lookup) of every way from the model to Collaboration."""
    if model is Collaboration:
        return [(0, 0, "pk")]
    found = []
    for field in model._meta.get_fields():
        if isinstance(field, ForeignKey | OneToOneField) and field.concrete and field.related_model not in seen:
            if field.related_model is Collaboration:
                found.append((int(field.null), 1, field.name))
            elif depth < 4:
                for optional, length, lookup in _collaboration_paths(field.related_model, depth + 1, (*seen, model)):
                    found.append((optional + field.null, length + 1, f"{field.name}__{lookup}"))
    return [(o, n, lookup.removesuffix("__pk")) for o, n, lookup in found]


class Demo:
    def __init__(self):
        self.home = Collaboration.objects.get(name="Rivierenland")
        self.other = Collaboration.objects.get(name="West-Brabant-Oost")
        self.cache = {}

    def objects(self, model, collaboration=None):
        """A few objects of the collaboration: one per status where the model has one, else the first two."""
        collaboration = collaboration or self.home
        key = (model, collaboration.pk)
        if key not in self.cache:
            lookup = collaboration_path(model)
            queryset = model._default_manager.order_by("pk")
            if lookup is not None:
                queryset = queryset.filter(**{lookup: collaboration.pk})
            elif collaboration != self.home:
                queryset = queryset.none()  # no collaboration: the home list has them all
            if any(f.name == "status" for f in model._meta.concrete_fields):
                by_status = {}
                for obj in queryset:
                    by_status.setdefault(obj.status, obj)
                found = list(by_status.values())[:6]
            else:
                found = list(queryset[: 2 if collaboration == self.home else 1])
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


def admin_model_named(name):
    """The model of an admin route, from its name: admin:<app_label>_<model_name>_<view>."""
    for model in admin.site._registry:
        if name.startswith(f"admin:{model._meta.app_label}_{model._meta.model_name}_"):
            return model
    return None


# Admin models with actions of their own (with an intermediate form, as the pilots' acts): our code.
MODELS_WITH_ACTIONS = [model for model, model_admin in admin.site._registry.items() if model_admin.actions]


def targets(route, demo):
    """(kind, path values) to fill the route with: objects of the "home" collaboration (in each status), "variant"s of
    a text part of the path (each plan part, each history model), "other" collaboration objects, or "broken" values."""
    kwargs = route.kwargs
    if not kwargs:
        return [("plain", {})]
    found = []
    model = PK_MODELS.get(route.name) or admin_model(route)
    if route.name == "programmes:history":
        for key, history_model in HISTORY_MODELS.items():
            kind = "variant" if found else "home"
            found += [(kind, {"model": key, "pk": o.pk}) for o in demo.objects(history_model)[:1]]
        for key, history_model in HISTORY_MODELS.items():
            found += [("other", {"model": key, "pk": o.pk}) for o in demo.objects(history_model, demo.other)][:1]
        found.append(("broken", {"model": "user", "pk": 1}))
    elif route.name == "pilots:act":
        acts = list(ACTS)
        pilots = demo.objects(Pilot)
        found += [("home", {"pk": pilots[0].pk, "act": act}) for act in acts]
        found += [("variant", {"pk": p.pk, "act": act}) for p in pilots[1:] for act in acts]
        found += [("other", {"pk": p.pk, "act": act}) for p in demo.objects(Pilot, demo.other)[:1] for act in acts]
    elif route.name == "pilots:condition_act":
        for kind, collaboration in (("home", demo.home), ("other", demo.other)):
            found += [
                (kind, {"pk": c.pk, "act": act})
                for c in demo.objects(Condition, collaboration)
                for act in CONDITION_ACTS
            ]
    elif route.name == "publication:act":
        for kind, collaboration in (("home", demo.home), ("other", demo.other)):
            found += [
                (kind, {"pk": d.pk, "act": act})
                for d in demo.objects(Decision, collaboration)
                for act in PUBLICATION_ACTS
            ]
    elif set(kwargs) == {"kind", "pk"}:  # a discussion's subject
        for kind, model_ in DISCUSSION_SUBJECTS.items():
            found += [("home" if not found else "variant", {"kind": kind, "pk": o.pk}) for o in demo.objects(model_)]
            found += [("other", {"kind": kind, "pk": o.pk}) for o in demo.objects(model_, demo.other)]
    elif "collaboration" in kwargs:  # the public pages of published decisions (Woo)
        for kind, collaboration in (("home", demo.home), ("other", demo.other)):
            values = {"collaboration": collaboration.slug}
            if "pk" in kwargs:
                decisions = Decision.objects.filter(
                    programme__collaboration=collaboration, publication__state="published"
                )
                values["pk"] = (decisions.order_by("pk").first() or Decision.objects.order_by("pk").first()).pk
            if "document_pk" in kwargs:
                document = PublicDocument.objects.filter(
                    publication__decision__programme__collaboration=collaboration
                ).first()
                values["document_pk"] = document.pk if document else 1
            if "page" in kwargs:
                values["page"] = 1
            found.append((kind, values))
    elif set(kwargs) == {"programme_pk", "body_pk"}:  # a body's matrix of proposals
        for kind, collaboration in (("home", demo.home), ("other", demo.other)):
            for body in demo.objects(GovernanceBody, collaboration)[:1]:
                found.append((kind, {"programme_pk": body.programme_id, "body_pk": body.pk}))
    elif "part" in kwargs:  # the plan's parts: edited as a list, or an item at a time
        for collaboration in (demo.home, demo.other):
            programme = demo.objects(Programme, collaboration)[0]
            for part, spec in PLAN_PARTS.items():
                kind = "other" if collaboration == demo.other else "variant" if found else "home"
                values = {"programme_pk": programme.pk, "part": part}
                if "pk" in kwargs:
                    found += [(kind, {**values, "pk": o.pk}) for o in demo.objects(spec["model"], collaboration)[:1]]
                else:
                    found.append((kind, values))
    elif set(kwargs) == {"token"} or set(kwargs) == {"token", "programme_pk"}:  # the calendar feeds
        for kind, collaboration in (("home", demo.home), ("other", demo.other)):
            token = CalendarToken.objects.get(user__username="programmamanager").token
            found.append((kind, {"token": token, "programme_pk": demo.objects(Programme, collaboration)[0].pk}))
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
        for kind, collaboration in (("home", demo.home), ("other", demo.other)):
            for obj in demo.objects(model, collaboration)[:1]:
                version = obj.history.order_by("-history_id").first()
                found.append((kind, {"arg0": obj.pk, "arg1": version.history_id if version else 1}))
    elif set(kwargs) == {"id"} and route.name == "admin:auth_user_password_change":
        found.append(("home", {"id": get_user_model().objects.get(username="lezer").pk}))
    else:
        assert len(kwargs) == 1, f"the walk does not know how to fill {route.name} {kwargs}"
        (name,) = kwargs
        model = KWARG_MODELS.get(name) or model
        assert model is not None, f"the walk does not know what {name} of {route.name} is"
        home, other = demo.objects(model), demo.objects(model, demo.other)[:1]
        # The admin also lists what only a running site writes (login attempts, reminders): none in the demo.
        assert home or other or route.is_admin, f"the demo has no {model.__name__} for {route.name}"
        home = home[:1] if route.is_admin else home
        found += [("home", {name: o.pk}) for o in home] + [("other", {name: o.pk}) for o in other]
        found = found or [("broken", {name: "1"})]
    # Broken path values: a missing id, a huge one, and for text parts what a converter may let through.
    if found:
        first = found[0][1]
        for name, kind in kwargs.items():
            values = BROKEN_IDS if kind == "int" else BROKEN_PATH_VALUES
            if route.is_admin and admin_model(route) not in (None, SAMPLE_ADMIN):
                values = BROKEN_ADMIN_IDS
            found += [("broken", {**first, name: value}) for value in values]
    return found


@pytest.fixture
def demo_extras(demo_module, db, settings):
    """What the demo does not have: a document and an attachment per collaboration, calendar links and API tokens, a
    group and a heartbeat (so their admin pages have a row)."""
    demo = Demo()
    for collaboration in (demo.home, demo.other):
        for item in AgendaItem.objects.filter(meeting__body__programme__collaboration=collaboration)[:1]:
            AgendaDocument.objects.create(item=item, title="Notulen", file=ContentFile(b"%PDF-1.4", name="notulen.pdf"))
        for report in ProgressReport.objects.filter(programme__collaboration=collaboration)[:1]:
            ReportAttachment.objects.create(report=report, file=ContentFile(b"%PDF-1.4", name="bijlage.pdf"))
        for pilot in Pilot.objects.filter(programme__collaboration=collaboration)[:1]:
            # A college's decision document (NHN's demo decisions have none): inserted as written, never changed.
            participation = collaboration.participations.select_related("municipality").first()
            body = GovernanceBody.objects.filter(programme=pilot.programme).first()
            MunicipalDecision.objects.create(
                programme=pilot.programme,
                body=body,
                subject=pilot,
                subject_title=pilot.title,
                step_order=1,
                submission=1,
                municipality=participation.municipality,
                outcome="agreed",
                decided_on=timezone.localdate(),
                organ="college",
                document=ContentFile(b"%PDF-1.4", name="besluit.pdf"),
            )
    for user in get_user_model().objects.all():
        CalendarToken.objects.get_or_create(user=user)
        Token.objects.get_or_create(user=user)
    Group.objects.create(name="Redactie")
    Heartbeat.objects.create(name="worker", seen_at=timezone.now())
    settings.AXES_ENABLED = True  # login throttling on, as in production: it writes the username it is given
    # Thousands of 4xx warnings, the crashes this test collects, and a line per login: not worth the time.
    quiet = {name: logging.getLogger(name) for name in ("django.request", "django.security", "axes")}
    levels = {name: logger.level for name, logger in quiet.items()}
    for logger in quiet.values():
        logger.setLevel(logging.CRITICAL)
    yield demo
    for name, logger in quiet.items():
        logger.setLevel(levels[name])


# --- The walk --------------------------------------------------------------------------------------------


def route_name(url):
    try:
        match = resolve(urlsplit(url).path)
    except Resolver404:
        return None
    return match.view_name or match.route


def hostile_value(value, name, demo):
    """The value to send; for OTHER_COLLABORATION the id of an object of the other collaboration, of the model the name
    suggests (a formset's "members-0-person" is a person), else of a programme."""
    if value is not OTHER_COLLABORATION:
        return value
    base = name.rsplit("-", 1)[-1]
    model = PARAMETER_MODELS.get(base) or next((m for m in apps.get_models() if m._meta.model_name == base), Programme)
    return demo.other_id(model)


class Walk:
    def __init__(self, demo):
        self.demo = demo
        users = {name: get_user_model().objects.get(username=name) for name in USERS if name}
        self.walker = Walker(users)
        self.forms = {}  # (route, method, names) → (username, Form)
        self.links = {}  # (route, query names) → (username, url)
        self.get_names = {}  # route → parameter names seen in its GET forms and links
        self.post_names = {}  # route → parameter names seen in its POST forms
        self.prober = {}  # (route, text parts of its path) → the first user who may open it, and the page
        self.post_only = set()  # routes that answer GET with 405

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
            if name.startswith("admin:") and form.method == "GET":
                shape = ()  # the admin's search form carries the list's filters: one per list is enough
            self.forms.setdefault((name, form.method, shape), (username, form))
        for link in links:
            name = route_name(link)
            if name is None:
                continue
            keys = tuple(sorted({key for key, _ in parse_qsl(urlsplit(link).query, keep_blank_values=True)}))
            self.get_names.setdefault(name, set()).update(keys)
            self.links.setdefault((name, keys), (username, link))

    def paths(self, all_routes):
        """Every route with its targets as every user: GET, and POST with nothing. Broken paths by the probers.

        The admin sends everyone but staff to its login before anything else: all users try its index and the
        sample model's list and change pages; the administrator (and anonymous) the rest."""
        for route in all_routes:
            model, kwargs = admin_model(route), route.kwargs
            seen = set()
            for kind, values in targets(route, self.demo):
                first = kind not in seen
                seen.add(kind)
                if route.is_admin and model not in (None, SAMPLE_ADMIN):
                    users = ["beheerder"]  # the other admin models: what differs is the model, not the user
                elif kind == "broken":
                    users = ["beheerder"] if route.is_admin else PROBERS
                elif kind == "variant":
                    users = PROBERS
                elif not route.is_admin or (first and (model is None or route.name.endswith(ADMIN_FOR_ALL))):
                    users = USERS
                else:
                    users = ["beheerder", None] if first else ["beheerder"]
                # POST with nothing once per kind of target; every act in every state (the route's permissions).
                post = first or route.name in EVERY_TARGET_POSTED
                post = post and not (kind == "broken" and route.is_admin and model is not SAMPLE_ADMIN)
                url = route.url(values)
                # A page per route, and per value of its text parts (each act, each plan part, each history model).
                texts = tuple(value for name, value in values.items() if kwargs.get(name, "int") != "int")
                page = (route.name, () if route.is_admin else texts)
                for username in users:
                    if route.name in self.post_only:
                        if kind != "broken":
                            self.prober.setdefault(page, (username, url))
                    else:
                        response = self.send(username, "GET", url, parameter=f"path {kind}")
                        if response is not None and kind != "broken" and response.status_code in (200, 405):
                            self.prober.setdefault(page, (username, url))
                            if response.status_code == 405:
                                self.post_only.add(route.name)
                    if post:
                        self.send(username, "POST", url, parameter=f"path {kind}")

    def visit_links(self, all_routes):
        for username, url in list(self.links.values()):
            self.send(username, "GET", url, parameter="link")

    def parameters(self, all_routes):
        """Parameters read outside forms: on the first page of a route (POST: of each act too), as the first
        user who may open it, all names at once, per hostile value. The admin's model pages get GET parameters
        on their lists and on the sample model; their POSTs are its forms, probed below."""
        routes_by_name, done = {route.name: route for route in all_routes}, set()
        for (name, _), (username, url) in list(self.prober.items()):
            route, methods = routes_by_name[name], []
            model = admin_model(route)
            first = name not in done
            done.add(name)
            gets = not model or model is SAMPLE_ADMIN or "changelist" in name
            if first and name not in self.post_only and gets:
                methods.append(("GET", sorted(set(GET_PARAMETERS) | self.get_names.get(name, set()))))
            if not route.is_admin and (first or name in EVERY_TARGET_POSTED):
                # Formset management keys are the forms' business: a huge TOTAL_FORMS builds 2,000 forms, slowly.
                names = set(POST_PARAMETERS) | {n for n in self.post_names.get(name, ()) if not Form.is_management(n)}
                methods.append(("POST", sorted(names)))
            values = (
                [*HOSTILE, OTHER_COLLABORATION]
                if model in (None, SAMPLE_ADMIN)
                else [*LIGHT_VALUES, OTHER_COLLABORATION]
            )
            for method, names in methods:
                for value in values:
                    data = {n: hostile_value(value, n, self.demo) for n in names}
                    self.walker.send(username, method, url, data, parameter=f"every parameter={show(value)}")

    def probe_forms(self, all_routes):
        """Every form, also those that a probe brings up (the admin's action forms)."""
        done, probed = set(), set()
        while len(done) < len(self.forms):
            for key, (username, form) in list(self.forms.items()):
                if key not in done:
                    done.add(key)
                    name, method = key[:2]
                    act = resolve(urlsplit(form.url).path).kwargs.get("act") if name in EVERY_TARGET_POSTED else None
                    self.probe(name, username, form, again=(name, method, act) in probed)
                    probed.add((name, method, act))

    def probe(self, name, username, form, again=False):
        """As shown, with each choice, every field hostile at once, one field at a time, and as the other users.

        The admin's own forms (add, change, delete, list) are Django's: they get a few hostile values all at
        once, which is what reaches our models' validation (the sample model's get more); the action forms of
        models with actions of their own (our code) get everything. Another form of a route already probed
        (another plan part, a pilot in another state) gets fewer values and is not tried by the other users."""
        baseline = form.baseline()
        if "_selected_action" in form.choices and "_selected_action" not in baseline:
            baseline["_selected_action"] = form.choices["_selected_action"][:2]  # an admin action needs rows
        model = admin_model_named(name)
        # Our own admin code: actions of the sample model and of every model that has actions of its own.
        full = model is None or ("action" in form.names and model in (SAMPLE_ADMIN, *MODELS_WITH_ACTIONS))
        send = self.send if form.method == "POST" else self.walker.send
        send(username, form.method, form.url, baseline, parameter="as shown")
        # Every upload field at once, with a file whose name holds control characters (and one with a NUL).
        uploads = [n for n in form.names if form.kinds.get(n) == "file"]
        for upload_name in UPLOAD_NAMES if uploads and form.method == "POST" else []:
            files = {n: SimpleUploadedFile(upload_name, b"%PDF-1.4 proef", "application/pdf") for n in uploads}
            self.walker.send(username, "POST", form.url, {**baseline, **files}, f"upload={show(upload_name)}")
        sweeps = [
            (field, option)
            for field, options in form.choices.items()
            if (full or field == "action") and not all(o.isdigit() or not o for o in options)
            for option in options[:8]
            if [option] != baseline.get(field)
        ]
        for field, option in sweeps[: 4 if again else 8]:
            send(username, form.method, form.url, {**baseline, field: [option]}, f"{field}={show(option)}")
        # Every field hostile at once; formset management keys and the submit button kept, or nothing is read.
        kept = {n: v for n, v in baseline.items() if form.is_management(n) or n in dict(form.buttons)}
        extra = POST_PARAMETERS if form.method == "POST" else GET_PARAMETERS
        names = [n for n in dict.fromkeys([*form.names, *extra]) if n not in kept]
        values = [*HOSTILE, OTHER_COLLABORATION]
        if not full and model not in (None, SAMPLE_ADMIN):
            values = ADMIN_VALUES
        elif again or not full:
            values = [*LIGHT_VALUES, OTHER_COLLABORATION]
        for value in values:
            data = {n: hostile_value(value, n, self.demo) for n in names}
            self.walker.send(username, form.method, form.url, {**data, **kept}, f"every field={show(value)}")
        if not full:
            return
        # One field at a time, the others as shown: a value refused early cannot hide one that crashes later.
        # Each field gets the sharpest values and one more in turn; a formset's first row stands for the others.
        fields = list({re.sub(r"-\d+-", "-0-", n): None for n in form.names})[:16]
        rest = [value for value in [*HOSTILE, OTHER_COLLABORATION] if value not in EACH_FIELD]
        for position, field in enumerate(fields):
            if again:
                each = [[*EACH_FIELD, *rest][position % (len(EACH_FIELD) + len(rest))]]
            else:
                each = [*EACH_FIELD, rest[position % len(rest)]]
            for value in each:
                data = {**baseline, field: hostile_value(value, field, self.demo)}
                self.walker.send(username, form.method, form.url, data, f"{field}={show(value)}")
        # The same form, as shown, from every other user: refused or allowed, never a crash or a half write.
        if form.method == "POST" and not again and model is None:
            for other in USERS:
                if other != username:
                    self.walker.send(other, form.method, form.url, baseline, parameter="as shown to another user")


@pytest.mark.django_db
def test_no_url_crashes_or_changes_anything_when_refused(demo_extras):
    started = time.monotonic()
    all_routes = list(routes())
    walk = Walk(demo_extras)
    walker, phases = walk.walker, []
    for phase in (walk.paths, walk.visit_links, walk.parameters, walk.probe_forms):
        phase(all_routes)
        phases.append(f"{phase.__name__} {walker.requests} at {time.monotonic() - started:.0f} s")
    print(
        f"\nURL walk: {len(all_routes)} routes, {len(walk.forms)} forms, {walker.requests} requests "
        f"in {time.monotonic() - started:.0f} s ({', '.join(phases)}; tables counted after {walker.counted}), "
        f"{len(walker.failures)} failures"
    )
    assert not walker.failures, walker.report()


def test_the_walk_fills_every_route(demo_extras):
    """A new URL whose ids the walk cannot fill fails here, with its name, instead of going unvisited."""
    demo = demo_extras
    for route in routes():
        found = targets(route, demo)
        assert found, route.name
        for kind, values in found:
            if kind != "broken":
                assert resolve(route.url(values)).func == route.callback, (route.name, values)


# The walker itself: a crash and a refused request that wrote are both reported, and nothing stays written.
def write_then_refuse(request):
    Group.objects.create(name="Kanarie")
    return HttpResponseBadRequest()


def crash(request):
    return HttpResponse(int(request.GET["n"]))


urlpatterns = [path("write/", write_then_refuse), path("crash/", crash)]


@pytest.mark.django_db
def test_the_walker_reports_a_crash_and_a_refused_write(settings):
    settings.ROOT_URLCONF = __name__
    walker = Walker({})
    walker.send(None, "POST", "/write/", parameter="canary")
    walker.send(None, "GET", "/crash/", {"n": "abc"}, parameter="n='abc'")
    assert [(f.url, f.outcome) for f in walker.failures] == [
        ("/write/", "refused (400) but changed auth_group +1"),
        ("/crash/", "ValueError: invalid literal for int() with base 10: 'abc'"),
    ]
    assert not Group.objects.filter(name="Kanarie").exists()
