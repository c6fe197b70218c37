"""The search page of a programme: every kind of record in one list, only what the user may open."""

from django.utils.http import urlencode
from django.views.generic import TemplateView

from core.params import parse_id
from programmes.views.mixins import ProgrammePermissionMixin

from .forms import SearchForm
from .query import PAGE, search, words_of

MAX_PAGE = 400


class SearchView(ProgrammePermissionMixin, TemplateView):
    permission_required = "programmes.view_programme"
    template_name = "search/results.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = SearchForm(self.request.GET or None)
        q, kind, groups = "", "", []
        if form.is_bound and form.is_valid():
            q, kind = form.cleaned_data["q"], form.cleaned_data["kind"]
        # Pages only when one kind is searched; a page that is no number is the first.
        page = min(parse_id(self.request.GET.get("page", "1")) or 1, MAX_PAGE) if kind else 1
        if words_of(q):
            groups = search(self.request.user, self.programme, q, kind or None, page)

        def link(**params):
            return "?" + urlencode({"q": q, **params})

        for group in groups:
            group.more_url = link(kind=group.kind.name) if not kind and group.total > len(group.hits) else ""
        total = sum(group.total for group in groups)
        context.update(
            programme=self.programme,
            form=form,
            q=q,
            kind=kind,
            page=page,
            groups=groups,
            total=total,
            searched=bool(words_of(q)),
            no_words=bool(q.strip()) and not words_of(q),
            first_number=(page - 1) * PAGE + 1,
            first_page_url=link(kind=kind),
            previous_url=link(kind=kind, page=page - 1) if kind and page > 1 else "",
            next_url=link(kind=kind, page=page + 1) if kind and page * PAGE < total else "",
        )
        return context
