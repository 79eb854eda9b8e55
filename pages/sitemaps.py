from django.urls import reverse

from articles.models import Article
from events.models import Event
from pages.models import Page
from pages.topics import latest_change, tags_in_use
from recoverysite.sitemaps import SiteSitemap


class PageSitemap(SiteSitemap):
    changefreq = "monthly"

    def items(self):
        return Page.objects.published().select_related("parent").order_by("pk")

    def lastmod(self, page):
        return page.updated_at


class SectionSitemap(SiteSitemap):
    """The home page and the lists."""

    changefreq = "daily"

    def items(self):
        return ["home", "articles:list"]

    def location(self, name):
        return reverse(name)


class TagSitemap(SiteSitemap):
    """The tag pages of tags on published articles or events."""

    changefreq = "weekly"

    def items(self):
        return (
            tags_in_use()
            .annotate(
                article_change=latest_change(Article),
                event_change=latest_change(Event),
            )
            .order_by("slug")
        )

    def location(self, tag):
        return reverse("pages:tag", kwargs={"slug": tag.slug})

    def lastmod(self, tag):
        return max(filter(None, [tag.article_change, tag.event_change]))
