from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from recoverysite.models import Page


class SiteSitemap(Sitemap):
    """Absolute URLs on SITE_URL, whatever host the request came in on."""

    limit = 5000
    protocol = urlsplit(settings.SITE_URL).scheme

    def get_domain(self, site=None):
        return urlsplit(settings.SITE_URL).netloc


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
