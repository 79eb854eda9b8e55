from django.urls import reverse

from pages.models import Page
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
