"""The public pages (no login): a collaboration's published decisions, each decision, its papers, the Atom feed,
the DiWoo sitemaps and robots.txt. And the page where a body's secretary publishes early, withholds or withdraws."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Max, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.decorators.http import require_GET
from django_filters.views import FilterView

from core.downloads import file_response
from core.dryrun import carried_fields, dry_run
from core.params import object_or_404, parse_id
from core.refusals import Forbidden, as_permission_denied
from core.safe_text import xml_safe
from governance.models import Decision
from programmes.models import Collaboration, GovernanceBody
from programmes.views.mixins import ProgrammePermissionMixin

from . import services
from .constants import (
    ACT_ADOPTION,
    DIWOO_NAMESPACE,
    INFORMATION_CATEGORY,
    SITEMAP_NAMESPACE,
    SITEMAP_PAGE_SIZE,
    PublicationState,
)
from .filters import PublicDecisionFilter
from .forms import GroundForm, PublishForm
from .models import Publication, PublicationEvent, PublicDocument, Publisher
from .queries import published_decisions, with_documents

SITEMAP_INDEX_NAME = f"sitemapindex-diwoo-{INFORMATION_CATEGORY['code']}.xml"


def _collaboration(slug):
    return get_object_or_404(Collaboration, slug=slug)


def _publisher(collaboration):
    return Publisher.objects.filter(collaboration=collaboration).first()


# --- Public pages -------------------------------------------------------------------------------------------------


@require_GET
def collaboration_index(request):
    """Every collaboration that publishes decisions, with how many are public."""
    collaborations = (
        Collaboration.objects.filter(slug__isnull=False, programmes__bodies__decisions_public=True)
        .annotate(
            published=Count(
                "programmes__decision__publication",
                filter=Q(programmes__decision__publication__state=PublicationState.PUBLISHED),
                distinct=True,
            )
        )
        .order_by("name")
        .distinct()
    )
    return render(request, "publication/collaboration_index.html", {"collaborations": collaborations})


class PublicDecisionListView(FilterView):
    """`/openbaar/<collaboration>/`: its published decisions, filterable and searchable, for everyone."""

    filterset_class = PublicDecisionFilter
    template_name = "publication/decision_list.html"
    paginate_by = 25

    def dispatch(self, request, *args, **kwargs):
        self.collaboration = _collaboration(kwargs["collaboration"])
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return published_decisions(self.collaboration)

    def get_filterset_kwargs(self, filterset_class):
        kwargs = super().get_filterset_kwargs(filterset_class)
        kwargs["collaboration"] = self.collaboration
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.copy()
        query.pop("page", None)
        context.update(
            collaboration=self.collaboration,
            query_without_page=query.urlencode(),
            publisher=_publisher(self.collaboration),
            public_bodies=GovernanceBody.objects.filter(
                programme__collaboration=self.collaboration, decisions_public=True
            ),
        )
        return context


@require_GET
def decision_detail(request, collaboration, pk):
    """The permanent address of one published decision. A withdrawn one says so (410 Gone); others are unknown."""
    collaboration = _collaboration(collaboration)
    decision = with_documents(published_decisions(collaboration)).filter(pk=_id(pk)).first()
    if decision is None:
        withdrawn = Publication.objects.filter(
            decision_id=_id(pk), decision__programme__collaboration=collaboration, state=PublicationState.WITHDRAWN
        ).first()
        if withdrawn is None:
            raise Http404
        return render(
            request,
            "publication/withdrawn.html",
            {"collaboration": collaboration, "publication": withdrawn},
            status=410,
        )
    return render(
        request,
        "publication/decision_detail.html",
        {"collaboration": collaboration, "decision": decision, "publisher": _publisher(collaboration)},
    )


def _id(raw):
    """A decision id from the path, or 404 when it is none (letters, zero, forty digits)."""
    value = parse_id(raw)
    if value is None:
        raise Http404
    return value


@require_GET
def document_download(request, collaboration, pk, document_pk):
    """A paper published with a decision. Only papers of a published decision; everything else is unknown (404)."""
    collaboration = _collaboration(collaboration)
    public = object_or_404(
        PublicDocument.objects.select_related("document", "publication__decision").filter(
            publication__state=PublicationState.PUBLISHED,
            publication__decision_id=_id(pk),
            publication__decision__programme__collaboration=collaboration,
        ),
        document_pk,
    )
    return file_response(public.document.file)


@require_GET
def sitemap_index(request, collaboration):
    """The DiWoo sitemap index of the collaboration's decisions (one per information category, named by convention)."""
    collaboration = _collaboration(collaboration)
    decisions = published_decisions(collaboration)
    count = decisions.count()
    last = decisions.aggregate(last=Max("publication__changed_at"))["last"]
    pages = range(1, max(1, -(-count // SITEMAP_PAGE_SIZE)) + 1)
    sitemaps = [
        request.build_absolute_uri(reverse("publication:sitemap", args=[collaboration.slug, page])) for page in pages
    ]
    return _xml(
        request,
        "publication/sitemap_index.xml",
        {"sitemaps": sitemaps, "lastmod": last, "namespace": SITEMAP_NAMESPACE},
    )


@require_GET
def sitemap(request, collaboration, page):
    """One page of the sitemap: every published decision with its DiWoo metadata."""
    collaboration = _collaboration(collaboration)
    if not 1 <= page <= 10**6:
        raise Http404
    decisions = list(
        published_decisions(collaboration).order_by("pk")[(page - 1) * SITEMAP_PAGE_SIZE : page * SITEMAP_PAGE_SIZE]
    )
    if not decisions and page > 1:
        raise Http404
    publisher = _publisher(collaboration)
    with translation.override(settings.LANGUAGE_CODE):  # the national index reads Dutch, whoever asks
        return _render_sitemap(request, collaboration, decisions, publisher)


def _render_sitemap(request, collaboration, decisions, publisher):
    entries = [
        (request.build_absolute_uri(reverse("publication:decision", args=[collaboration.slug, d.pk])), d)
        for d in decisions
    ]
    return _xml(
        request,
        "publication/sitemap.xml",
        {
            "entries": entries,
            "collaboration": collaboration,
            "publisher_name": publisher.name if publisher else collaboration.name,
            "publisher_uri": publisher.tooi_uri if publisher else "",
            "namespace": SITEMAP_NAMESPACE,
            "diwoo": DIWOO_NAMESPACE,
            "category": INFORMATION_CATEGORY,
            "act": ACT_ADOPTION,
        },
    )


def _xml(request, template, context):
    """An XML document from a template, the stored text in it made fit for XML (core.safe_text): a control
    character in one decision would otherwise make the whole sitemap unreadable for the harvester."""
    return HttpResponse(
        xml_safe(render_to_string(template, context, request)), content_type="application/xml; charset=utf-8"
    )


@require_GET
def robots_txt(request):
    """Crawlers may read the public pages; the Woo harvester finds each collaboration's sitemap index here."""
    collaborations = Collaboration.objects.filter(
        slug__isnull=False, programmes__bodies__decisions_public=True
    ).distinct()
    lines = ["User-agent: *", "Allow: /openbaar/", "Allow: /toegankelijkheid/", "Disallow: /", ""]
    lines += [
        "Sitemap: " + request.build_absolute_uri(reverse("publication:sitemap_index", args=[collaboration.slug]))
        for collaboration in collaborations.order_by("name")
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


# --- The secretary's page: publish early, withhold, withdraw ------------------------------------------------------


class PublicationOverviewView(ProgrammePermissionMixin, View):
    """The decisions of the programme's public bodies and where each stands: due on a day, published, withheld."""

    def get(self, request, programme_pk):
        decisions = (
            Decision.objects.filter(programme=self.programme, body__decisions_public=True)
            .select_related("body", "programme", "publication")
            .order_by("-date", "-pk")
        )
        page = Paginator(decisions, 50).get_page(request.GET.get("page"))
        for decision in page:
            decision.due = services.due_date(decision)
            decision.can_act = request.user.has_perm(services.PERMISSION, decision)
        return render(
            request,
            "publication/overview.html",
            {
                "programme": self.programme,
                "nav_programme": self.programme,
                "page_obj": page,
                "is_paginated": page.has_other_pages(),
                "paginator": page.paginator,
                "query_without_page": "",
                "public_bodies": GovernanceBody.objects.filter(programme=self.programme, decisions_public=True),
                "today": timezone.localdate(),
            },
        )


ACTS = {
    "publish": {
        "form": PublishForm,
        "run": lambda decision, user, form: services.publish(decision, user, form.cleaned_data.get("documents") or []),
        "title": gettext_lazy("Publish this decision now"),
        "will": gettext_lazy(
            "The decision appears at once on the public pages, in the feed and in the sitemap of the national Woo "
            "index, with the papers you ticked. Publication cannot be undone: afterwards the decision can only be "
            "withdrawn on a Woo ground, and the history keeps both."
        ),
        "did": gettext_lazy("The decision has been published."),
    },
    "withhold": {
        "form": GroundForm,
        "run": lambda decision, user, form: services.withhold(
            decision, user, form.cleaned_data["ground"], form.cleaned_data["explanation"]
        ),
        "title": gettext_lazy("Keep this decision from the public"),
        "will": gettext_lazy(
            "The decision is not published, not even when its publication date comes. The ground and your "
            "explanation are kept in the history. It can still be published later, when the ground no longer holds."
        ),
        "did": gettext_lazy("The decision is kept from the public."),
    },
    "withdraw": {
        "form": GroundForm,
        "run": lambda decision, user, form: services.withdraw(
            decision, user, form.cleaned_data["ground"], form.cleaned_data["explanation"]
        ),
        "title": gettext_lazy("Withdraw this published decision"),
        "will": gettext_lazy(
            "The decision disappears from the public pages, the feed and the sitemap; its address says that it was "
            "withdrawn and on which ground. The publication stays in the history, and a withdrawn decision is not "
            "published again."
        ),
        "did": gettext_lazy("The decision has been withdrawn from the public pages."),
    },
}


def _decision_for(request, pk):
    if not request.user.is_authenticated:
        return None
    decision = object_or_404(Decision.objects.select_related("body", "programme__collaboration"), pk)
    if not request.user.has_perm("publication.view_publication", decision):
        raise PermissionDenied
    return decision


class DecisionPublicationView(View):
    """One decision's publication: its state, its history, and the acts this user may do (each confirmed first)."""

    def get(self, request, pk, act=None):  # an act's address shows the page its form is on
        decision = _decision_for(request, pk)
        if decision is None:
            return redirect_to_login(request.get_full_path())
        return self.page(request, decision)

    def post(self, request, pk, act=None):
        decision = _decision_for(request, pk)
        if decision is None:
            return redirect_to_login(request.get_full_path())
        spec = ACTS.get(act)
        if spec is None:
            raise Http404
        form = spec["form"](decision, request.POST)
        try:
            if not form.is_valid():
                return self.page(request, decision, act, form)
            if request.POST.get("confirmed") != "1":
                dry_run(lambda: spec["run"](decision, request.user, form))
                return self.confirmation(request, decision, act, spec, form)
            spec["run"](decision, request.user, form)
        except Forbidden as error:
            raise as_permission_denied(error) from None
        except ValidationError as error:
            form.add_error(None, error.messages)
            return self.page(request, decision, act, form)
        messages.success(request, spec["did"])
        return redirect("publication:manage", pk=decision.pk)

    def page(self, request, decision, failed_act=None, failed_form=None):
        decision.due = services.due_date(decision)
        publication = Publication.objects.filter(decision=decision).first()
        state = publication.state if publication else None
        can_act = request.user.has_perm(services.PERMISSION, decision) and decision.body.decisions_public
        acts = []
        if can_act:
            if state in (None, PublicationState.WITHHELD):
                acts.append("publish")
            if state is None:
                acts.append("withhold")
            if state == PublicationState.PUBLISHED:
                acts.append("withdraw")
        forms = {act: failed_form if act == failed_act else ACTS[act]["form"](decision) for act in acts}
        if failed_act and failed_act not in forms:
            forms[failed_act] = failed_form
        return render(
            request,
            "publication/manage.html",
            {
                "decision": decision,
                "publication": publication,
                "events": PublicationEvent.objects.filter(decision=decision).select_related("actor"),
                "documents": PublicDocument.objects.filter(publication__decision=decision).select_related("document"),
                "forms": [(act, ACTS[act]["title"], form) for act, form in forms.items()],
                "nav_programme": decision.programme,
                "failed_act": failed_act,
            },
            status=200,
        )

    def confirmation(self, request, decision, act, spec, form):
        hidden = carried_fields(request)
        return render(
            request,
            "includes/confirm.html",
            {
                "title": spec["title"],
                "subject": f"{decision.body}: {decision.get_outcome_display()} – {decision.subject_title}",
                "will": spec["will"],
                "details": form.details(),
                "hidden": hidden,
                "action": request.path,
                "cancel_url": reverse("publication:manage", args=[decision.pk]),
                "nav_programme": decision.programme,
                "danger": True,
            },
        )
