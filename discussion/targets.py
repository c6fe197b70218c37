"""What can be discussed: a pilot (proposal), an experiment or a progress report, and what each one means for
the discussion: the permission that lets someone read it, its page, its workgroup and the programme team.

The read permissions are the subjects' own (pilots.rules, reports.rules): comments on a draft are seen by
exactly those who may see the draft.
"""

from django.urls import reverse

from governance.models import RouteStep
from pilots.models import Experiment, Pilot, PilotStep
from reports.models import ProgressReport

MODELS = {"pilot": Pilot, "experiment": Experiment, "report": ProgressReport}
# A report's comments are about its content, so they follow the report's content permission (drafts too).
VIEW_PERMISSION = {
    "pilot": "pilots.view_pilot",
    "experiment": "pilots.view_experiment",
    "report": "reports.view_report_content",
}
# Only proposals have annexes; they are written by whoever may write the proposal.
ANNEX_WRITE_PERMISSION = {"pilot": "pilots.change_pilot", "experiment": "pilots.change_experiment"}


def kind_of(obj):
    for kind, model in MODELS.items():
        if isinstance(obj, model):
            return kind
    raise TypeError(f"{type(obj).__name__} cannot be discussed")


def queryset(kind):
    """The subjects of a kind, with what the discussion reads of them (programme, workgroup) in the same query."""
    if kind == "experiment":
        return Experiment.objects.select_related("workgroup__programme")
    return MODELS[kind].objects.select_related("programme", "workgroup")


def url_of(obj):
    if kind_of(obj) == "experiment":
        return reverse("discussion:experiment", args=[obj.pk])
    return obj.get_absolute_url()


def may_read(user, obj):
    return user.has_perm(VIEW_PERMISSION[kind_of(obj)], obj)


def team_body_ids(obj):
    """The bodies that form the programme team for a subject: every body on one of the programme's decision
    routes, and for a pilot also the bodies on the route it was submitted along (kept as it was). One query,
    remembered on the object for the rest of the request."""
    cached = getattr(obj, "_discussion_team_bodies", None)
    if cached is None:
        bodies = (
            RouteStep.objects.filter(route__programme_id=obj.programme.pk).order_by().values_list("body_id", flat=True)
        )
        if isinstance(obj, Pilot):
            bodies = bodies.union(PilotStep.objects.filter(pilot=obj).order_by().values_list("body_id", flat=True))
        cached = obj._discussion_team_bodies = frozenset(bodies)
    return cached
