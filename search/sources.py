"""
Site search across every searchable model (``SEARCH_MODELS``).

On PostgreSQL: full-text search on the stored search vectors, ranked, with
highlighted snippets. On other databases: a simpler case-insensitive match with
the same results page.
"""

import html
import re
from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import models
from django.db.models import Value
from django.db.models.functions import Coalesce, Concat
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator, capfirst

from search.models import full_text_available

MAX_QUERY_LENGTH = 200
RESULTS_PER_SOURCE = 50
SNIPPET_WORDS = 40


@dataclass
class Result:
    kind: str
    title: str
    url: str
    snippet: str
    rank: float
    date: object = None
    content_note: str = ""
    # What visitors read as the kind: "article", "artículo"…
    label: str = ""


def sources():
    """Every kind of content the search covers, in the order of its tabs."""
    return [Source(apps.get_model(label)) for label in settings.SEARCH_MODELS]


@dataclass
class Source:
    """One searchable model, searched as its ``search_weights`` say."""

    model: type

    @property
    def kind(self):
        return self.model._meta.model_name

    @property
    def label(self):
        return capfirst(self.model._meta.verbose_name_plural)

    @property
    def title_field(self):
        return self.model.search_weights["A"][0]

    @property
    def text_fields(self):
        fields = [f for group in self.model.search_weights.values() for f in group]
        return [field for field in fields if field != self.title_field]

    @property
    def date_field(self):
        return self.model.search_date_field

    @property
    def note_field(self):
        return self.model.search_note_field

    def search(self, terms):
        words = re.findall(r"\w+", terms.lower())
        if not words:
            return []
        queryset = self.model.search_queryset()
        if full_text_available():
            return self.search_full_text(queryset, words)
        return self.search_simple(queryset, words)

    def search_full_text(self, queryset, words):
        # Every word as a stemmed prefix: "recovering" stems to "recov", which then
        # also finds "recovery" (stemmed "recoveri"). \w+ words are safe in raw syntax.
        raw = " & ".join(f"{word}:*" for word in words)
        query = SearchQuery(raw, search_type="raw", config="english")
        parts = []
        for field in self.text_fields:
            text = models.TextField()
            parts += [
                Coalesce(models.F(field), Value(""), output_field=text),
                Value(" ", output_field=text),
            ]
        headline = SearchHeadline(
            Concat(*parts, output_field=models.TextField()),
            query,
            config="english",
            start_sel="<mark>",
            stop_sel="</mark>",
            max_words=SNIPPET_WORDS,
            min_words=15,
            highlight_all=False,
        )
        rows = (
            queryset.filter(search_vector=query)
            # Names of their own: a model may have a "rank" or "headline" property
            # (Presenter.headline), which an annotation cannot overwrite.
            .annotate(
                search_rank=SearchRank(models.F("search_vector"), query),
                search_headline=headline,
            )
            .order_by("-search_rank")[:RESULTS_PER_SOURCE]
        )
        return [
            self.result(row, row.search_rank, clean_headline(row.search_headline))
            for row in rows
        ]

    def search_simple(self, queryset, words):
        condition = models.Q()
        for word in words:
            in_any_field = models.Q()
            for field in [self.title_field, *self.text_fields]:
                in_any_field |= models.Q(**{f"{field}__icontains": word})
            condition &= in_any_field
        results = []
        for row in queryset.filter(condition)[:RESULTS_PER_SOURCE]:
            texts = [
                html.unescape(strip_tags(getattr(row, field) or ""))
                for field in [self.title_field, *self.text_fields]
            ]
            rank = simple_rank(words, [text.lower() for text in texts])
            text = " ".join(texts[1:])
            results.append(self.result(row, rank, highlight(text, words)))
        return results

    def result(self, row, rank, snippet):
        return Result(
            kind=self.kind,
            title=getattr(row, self.title_field),
            url=row.get_absolute_url(),
            snippet=snippet,
            rank=rank,
            date=getattr(row, self.date_field) if self.date_field else None,
            content_note=getattr(row, self.note_field) if self.note_field else "",
            label=self.model._meta.verbose_name,
        )


def simple_rank(words, texts):
    """Like the weighted ranking: a word counts 4 in the title, 2 in the next text."""
    weights = [4, 2, *[1] * len(texts)][: len(texts)]
    return sum(
        next((w for w, text in zip(weights, texts, strict=True) if word in text), 0)
        for word in words
    )


def clean_headline(headline):
    """PostgreSQL's headline of HTML: tags dropped, only our <mark> kept."""
    marked = headline.replace("<mark>", "\x01").replace("</mark>", "\x02")
    text = html.unescape(strip_tags(marked))
    text = escape(text).replace("\x01", "<mark>").replace("\x02", "</mark>")
    return mark_safe(text)


def highlight(text, words):
    """A short excerpt around the first match, with the words marked."""
    lowered = text.lower()
    first = min((lowered.find(w) for w in words if w in lowered), default=0)
    start = max(first - 80, 0)
    excerpt = Truncator(text[start:]).words(SNIPPET_WORDS)
    if start:
        excerpt = "…" + excerpt
    pattern = re.compile("|".join(re.escape(word) for word in words), re.IGNORECASE)
    marked = pattern.sub(lambda match: f"\x01{match.group(0)}\x02", excerpt)
    return mark_safe(
        escape(marked).replace("\x01", "<mark>").replace("\x02", "</mark>")
    )


def search(terms, kind=None):
    """Results of every source (or only ``kind``), best first."""
    results = []
    for source in sources():
        if kind in (None, "", source.kind):
            results.extend(source.search(terms))
    return sorted(results, key=lambda result: result.rank, reverse=True)
