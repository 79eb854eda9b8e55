from dataclasses import dataclass
from urllib.parse import urljoin

from django.conf import settings
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Enclosure
from taggit.models import Tag

from articles.models import Article
from recoverysite.models import SiteSettings
from recoverysite.syndication import Atom1Feed, Feed

FEED_LENGTH = 20


@dataclass
class FeedSubject:
    """What one request's feed is about, loaded once for all the feed's parts."""

    site: SiteSettings
    tag: Tag | None = None


class LatestArticlesFeed(Feed):
    """The newest published articles: summary, link, image and tags."""

    description_template = "articles/feed_description.html"

    def get_object(self, request):
        return FeedSubject(site=SiteSettings.load())

    def title(self, subject):
        if subject.tag:
            return f"{subject.site.name}: {subject.tag.name}"
        return subject.site.name

    def description(self, subject):
        return subject.site.tagline

    subtitle = description

    def link(self, subject):
        if subject.tag:
            return reverse("pages:tag", kwargs={"slug": subject.tag.slug})
        return reverse("articles:list")

    def items(self, subject):
        articles = Article.objects.published()
        if subject.tag:
            articles = articles.filter(tags=subject.tag)
        articles = articles.select_related("author", "featured_image")
        return articles.prefetch_related("tags")[:FEED_LENGTH]

    def item_title(self, article):
        return article.title

    def item_author_name(self, article):
        return str(article.author) if article.author else None

    def item_pubdate(self, article):
        return article.published_at

    def item_updateddate(self, article):
        return article.updated_at

    def item_categories(self, article):
        return [tag.name for tag in article.tags.all()]

    def item_enclosures(self, article):
        image = article.featured_image
        social = image.rendition("social") if image else None
        if social is None:
            return []
        largest = social.largest
        # Object storage gives whole addresses; local media gives paths.
        url = urljoin(settings.SITE_URL + "/", largest.url)
        return [Enclosure(url, str(largest.bytes), largest.content_type)]


class LatestArticlesAtomFeed(LatestArticlesFeed):
    feed_type = Atom1Feed


class TagFeed(LatestArticlesFeed):
    """The newest articles with one tag."""

    def get_object(self, request, slug):
        tag = get_object_or_404(Tag, slug=slug)
        return FeedSubject(site=SiteSettings.load(), tag=tag)


class TagAtomFeed(TagFeed):
    feed_type = Atom1Feed
