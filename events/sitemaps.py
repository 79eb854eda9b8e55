from django.urls import reverse

from events.models import Event, EventSeries, Presenter
from recoverysite.sitemaps import SiteSitemap


class EventSitemap(SiteSitemap):
    changefreq = "weekly"

    def items(self):
        return Event.objects.published().only("slug", "updated_at").order_by("pk")

    def lastmod(self, event):
        return event.updated_at


class EventSeriesSitemap(SiteSitemap):
    """Published series; their meetings are in EventSitemap like any event."""

    changefreq = "weekly"

    def items(self):
        return EventSeries.objects.published().only("slug", "updated_at").order_by("pk")

    def lastmod(self, series):
        return series.updated_at


class PresenterSitemap(SiteSitemap):
    changefreq = "monthly"

    def items(self):
        return Presenter.objects.public().only("slug").order_by("pk")


class EventSectionSitemap(SiteSitemap):
    """The events list and the presenter list."""

    changefreq = "daily"

    def items(self):
        return ["events:list", "events:presenters"]

    def location(self, name):
        return reverse(name)
