from django.db import models
from django.urls import reverse
from taggit.models import Tag

from articles.models import Article
from recoverysite.sitemaps import SiteSitemap


class ArticleSitemap(SiteSitemap):
    changefreq = "weekly"

    def items(self):
        return Article.objects.published().only("slug", "updated_at").order_by("pk")

    def lastmod(self, article):
        return article.updated_at


class TagSitemap(SiteSitemap):
    changefreq = "weekly"

    def items(self):
        # Tags used by at least one published article, with its latest change.
        return (
            Tag.objects.filter(article__in=Article.objects.published())
            .annotate(lastmod=models.Max("article__updated_at"))
            .order_by("slug")
        )

    def location(self, tag):
        return reverse("pages:tag", kwargs={"slug": tag.slug})

    def lastmod(self, tag):
        return tag.lastmod
