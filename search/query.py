"""Searching one programme: candidates from the index, passed through each kind's visibility inside the database.

One query finds the hits of every kind at once (ranked, counted per kind, the best few of each), then one query
per kind that has hits reads those records themselves, with a snippet of their text. The number of queries does
not grow with the number of hits or records.

PostgreSQL: full-text search with the Dutch configuration (stemming, stop words), websearch syntax ("quoted
phrase", or, -word) and ranking; a title match ranks above a match in the text. SQLite (`make run`): every word
must occur in the title or the text, case-insensitively; title matches first.
"""

import functools
import operator
import re
from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVectorField
from django.db.models import Case, Count, F, Func, OuterRef, Q, Subquery, TextField, Value, When, Window
from django.db.models.functions import RowNumber
from django.utils.html import escape
from django.utils.safestring import mark_safe

from .index import CONFIG, on_postgresql
from .kinds import KINDS, MARK_START, MARK_STOP
from .models import SearchEntry

WORDS = re.compile(r"\w+")
# Search syntax: "a phrase", -not, or. A query without any is also matched on word prefixes (PostgreSQL).
SYNTAX = re.compile(r'["-]|\s+or\s+', re.I)
TERMS = re.compile(r'(?:(?<![\w-])(-))?(?:"([^"]*)"?|(\w+))')  # -word, "a phrase", word
MAX_WORDS = 12
PREVIEW = 5  # hits shown per kind when all kinds are searched
PAGE = 25  # hits per page when one kind is searched
SNIPPET_CHARS = 240


@dataclass
class Group:
    kind: object
    total: int
    hits: list = field(default_factory=list)
    more_url: str = ""


@dataclass
class Hit:
    pk: int
    title: str
    url: str
    meta: str
    snippet: str


def words_of(text):
    return WORDS.findall(text)[:MAX_WORDS]


class Matcher:
    """How an entry matches the words: one per database. `words` are what must be found (words or "phrases"),
    `unwanted` what must not (-word); a search with nothing wanted finds nothing, on either database."""

    def __init__(self, q):
        self.words, self.unwanted = [], []
        for minus, phrase, word in TERMS.findall(q)[:MAX_WORDS]:
            term = phrase.strip() or word
            if term and term.lower() != "or":
                (self.unwanted if minus else self.words).append(term)


class FullText(Matcher):
    def __init__(self, q):
        super().__init__(q)
        self.query = SearchQuery(q, config=CONFIG, search_type="websearch")
        if not SYNTAX.search(q):
            # Plain words: also every word as the start of a longer one ("gezin" finds "gezinnen"). Without quotes
            # the words are letters and digits only (\w+), so nothing in them is tsquery syntax. Either query may
            # match: the websearch one reads dates and numbers ("15-10-2026") as the text was read.
            prefixes = " & ".join(f"'{word}':*" for word in self.words)
            self.query |= SearchQuery(prefixes, config=CONFIG, search_type="raw")

    def entries(self):
        # ts_filter keeps the title's lexemes only (weight A): "the title matches", for text that is hidden.
        title_only = Func(F("vector"), template="ts_filter(%(expressions)s, '{a}')", output_field=SearchVectorField())
        return SearchEntry.objects.annotate(title_vector=title_only)

    def everywhere(self):
        return Q(vector=self.query)

    def in_title(self):
        return Q(title_vector=self.query)

    def rank(self):
        return SearchRank(F("vector"), self.query)

    def snippet(self):
        return SearchHeadline(
            "text", self.query, config=CONFIG, start_sel=MARK_START, stop_sel=MARK_STOP, max_words=35, min_words=15
        )

    def marked(self, text):
        return _marked(text, re.compile(f"{MARK_START}(.*?){MARK_STOP}", re.S))


class PlainMatch(Matcher):
    """SQLite: every word (or "quoted phrase") somewhere in the title or the text; -word leaves records out."""

    def entries(self):
        return SearchEntry.objects.all()

    def everywhere(self):
        found = [Q(title__icontains=word) | Q(text__icontains=word) for word in self.words]
        left_out = [~Q(title__icontains=word) & ~Q(text__icontains=word) for word in self.unwanted]
        return functools.reduce(operator.and_, found + left_out)

    def in_title(self):
        return functools.reduce(operator.and_, (Q(title__icontains=word) for word in self.words))

    def rank(self):
        return functools.reduce(
            operator.add,
            (
                Case(When(title__icontains=word, then=2), When(text__icontains=word, then=1), default=0)
                for word in self.words
            ),
        )

    def snippet(self):
        return F("text")

    def marked(self, text):
        """An excerpt around the first word found, with every word marked."""
        pattern = re.compile("|".join(re.escape(word) for word in self.words), re.I)
        found = pattern.search(text)
        start = max(0, found.start() - SNIPPET_CHARS // 3) if found else 0
        excerpt = text[start : start + SNIPPET_CHARS]
        if start > 0:
            excerpt = "… " + excerpt
        if start + SNIPPET_CHARS < len(text):
            excerpt += " …"
        return _marked(excerpt, re.compile(f"({pattern.pattern})", re.I))


def _marked(text, pattern):
    """The text escaped, and what the pattern's group catches inside <mark>: only our own tags are markup."""
    parts = pattern.split(text)  # even: plain text; odd: the hit
    return mark_safe("".join(f"<mark>{escape(part)}</mark>" if i % 2 else escape(part) for i, part in enumerate(parts)))


def matcher(q):
    return FullText(q) if on_postgresql() else PlainMatch(q)


def search(user, programme, q, kind=None, page=1):
    """The groups of hits of this user's search in this programme, best first; [] when nothing matches."""
    match = matcher(q)
    if not match.words:
        return []
    kinds = [KINDS[kind]] if kind else list(KINDS.values())
    size = PAGE if kind else PREVIEW
    offset = (page - 1) * size if kind else 0

    allowed = Q()
    for k in kinds:
        visible = Q(kind=k.name, object_id__in=k.visible(user, programme).values("pk"))
        if k.text_visible is not None:
            visible &= Q(object_id__in=k.text_visible(user, programme).values("pk")) | match.in_title()
        allowed |= visible
    ranked = (
        match.entries()
        .filter(Q(programme=programme) | Q(programme__isnull=True))
        .filter(match.everywhere())
        .filter(allowed)
        .annotate(
            rank=match.rank(),
            position=Window(RowNumber(), partition_by=[F("kind")], order_by=[F("rank").desc(), F("title"), F("pk")]),
            total=Window(Count("pk"), partition_by=[F("kind")]),
        )
        .filter(position__gt=offset, position__lte=offset + size)
        .values_list("kind", "object_id", "position", "total")
    )
    found = {}
    for name, object_id, position, total in ranked:
        found.setdefault(name, {"total": total, "ids": {}})["ids"][object_id] = position
    groups = []
    for k in kinds:
        if k.name in found:
            hits = _records(k, user, programme, match, found[k.name]["ids"])
            groups.append(Group(kind=k, total=found[k.name]["total"], hits=hits))
    return groups


def _records(kind, user, programme, match, positions):
    """The records themselves, again only through their visibility, each with a snippet it may show."""
    snippet = Subquery(
        SearchEntry.objects.filter(kind=kind.name, object_id=OuterRef("pk")).annotate(s=match.snippet()).values("s")[:1]
    )
    if kind.text_visible is not None:
        shown = Q(pk__in=kind.text_visible(user, programme).values("pk"))
        snippet = Case(When(shown, then=snippet), default=Value(""), output_field=TextField())
    records = (
        kind.model.objects.filter(pk__in=list(positions))
        .filter(pk__in=kind.visible(user, programme).values("pk"))
        .select_related(*kind.related)
        .annotate(search_snippet=snippet)
    )
    records = sorted(records, key=lambda obj: positions[obj.pk])
    return [
        Hit(
            pk=obj.pk,
            title=str(obj),
            url=kind.url(obj, programme),
            meta=kind.meta(obj),
            snippet=match.marked(obj.search_snippet or ""),
        )
        for obj in records
    ]
