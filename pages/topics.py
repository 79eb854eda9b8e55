"""The tags in use across articles and events, for the topic index and sitemap."""

from django.db.models import F, Func, IntegerField, OuterRef, Subquery
from taggit.models import Tag

from articles.models import Article
from events.models import Event


def published_count(model):
    """How many published items of ``model`` carry the tag of the outer query."""
    items = (
        model.objects.published()
        .filter(tags=OuterRef("pk"))
        .order_by()
        .annotate(count=Func("pk", function="COUNT"))
        .values("count")
    )
    return Subquery(items, output_field=IntegerField())


def tags_in_use():
    """Tags on at least one published article or event, with their counts."""
    return (
        Tag.objects.annotate(
            article_count=published_count(Article),
            event_count=published_count(Event),
        )
        .annotate(item_count=F("article_count") + F("event_count"))
        .filter(item_count__gt=0)
    )


def latest_change(model):
    """When a published item of ``model`` with the outer query's tag last changed."""
    items = (
        model.objects.published()
        .filter(tags=OuterRef("pk"))
        .order_by()
        .annotate(latest=Func("updated_at", function="MAX"))
        .values("latest")
    )
    return Subquery(items)
