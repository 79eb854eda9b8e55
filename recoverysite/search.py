"""
Site search across articles, pages, events and presenters.

On PostgreSQL: full-text search on a stored, weighted search vector (title above
summary above body) with English stemming, ranked, with highlighted snippets. On
other databases: a simpler case-insensitive match with the same results page.
The choice is made here, by database vendor, and nowhere else.
"""

import html
import re
from dataclasses import dataclass

from django.apps import apps as django_apps
from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVector,
    SearchVectorField,
)
from django.db import connection, models
from django.db.models import Value
from django.db.models.functions import Coalesce, Concat
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

MAX_QUERY_LENGTH = 200
RESULTS_PER_SOURCE = 50
SNIPPET_WORDS = 40


def full_text_available():
    return connection.vendor == "postgresql"


class Searchable(models.Model):
    """A stored search vector, refreshed on every save on PostgreSQL."""

    search_vector = SearchVectorField(null=True, editable=False)

    # Field names by weight: "A" ranks above "B", above "C".
    search_weights = {}

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        if full_text_available():
            type(self)._default_manager.filter(pk=self.pk).update(
                search_vector=self.search_vector_expression()
            )

    @classmethod
    def search_vector_expression(cls):
        vectors = [
            SearchVector(field, weight=weight, config="english")
            for weight, fields in cls.search_weights.items()
            for field in fields
        ]
        combined = vectors[0]
        for vector in vectors[1:]:
            combined += vector
        return combined


@dataclass
class Result:
    kind: str
    title: str
    url: str
    snippet: str
    rank: float
    date: object = None


@dataclass
class Source:
    """One kind of content the search covers."""

    kind: str
    label: str
    get_queryset: object
    title_field: str
    text_fields: list
    date_field: str | None = None

    def search(self, terms):
        words = re.findall(r"\w+", terms.lower())
        if not words:
            return []
        queryset = self.get_queryset()
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
            .annotate(
                # Not "headline": Presenter has a property of that name.
                rank=SearchRank(models.F("search_vector"), query),
                search_headline=headline,
            )
            .order_by("-rank")[:RESULTS_PER_SOURCE]
        )
        return [
            self.result(row, row.rank, clean_headline(row.search_headline))
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


def search(terms, sources, kind=None):
    """Results of every source (or only ``kind``), best first."""
    results = []
    for source in sources:
        if kind in (None, "", source.kind):
            results.extend(source.search(terms))
    return sorted(results, key=lambda result: result.rank, reverse=True)


def search_index_operations(app_label, model_name):
    """
    Migration operations for a Searchable model: on PostgreSQL, a GIN index on
    its search vector and the vectors of rows that exist already; elsewhere none.
    """
    from django.contrib.postgres.indexes import GinIndex
    from django.db import migrations

    index = GinIndex(fields=["search_vector"], name=f"{model_name}_search_gin")

    def forwards(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        model = apps.get_model(app_label, model_name)
        schema_editor.add_index(model, index)
        live_model = django_apps.get_model(app_label, model_name)
        model.objects.update(search_vector=live_model.search_vector_expression())

    def backwards(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.remove_index(apps.get_model(app_label, model_name), index)

    return [migrations.RunPython(forwards, backwards, elidable=True)]


class SearchableManager(models.Manager):
    """Leaves the (large) search vector out of ordinary queries."""

    def get_queryset(self):
        return super().get_queryset().defer("search_vector")
