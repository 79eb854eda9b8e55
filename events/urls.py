from django.urls import path
from django.views.generic import RedirectView

from events import feeds, views
from pagecache.tags import cache_tags

app_name = "events"
events_pages = cache_tags("site", "events")
urlpatterns = [
    path("events/", events_pages(views.EventListView.as_view()), name="list"),
    path("events/feed/", events_pages(feeds.EventFeed()), name="feed"),
    path("events/feed/atom/", events_pages(feeds.AtomEventFeed()), name="feed-atom"),
    path(
        "events/calendar.ics",
        events_pages(feeds.subscription_calendar),
        name="calendar",
    ),
    # The tag page lists events with the articles now; old links still arrive.
    path(
        "events/tags/<slug:slug>/",
        RedirectView.as_view(pattern_name="pages:tag", permanent=True),
    ),
    path(
        "events/series/<slug:slug>/",
        events_pages(views.SeriesDetailView.as_view()),
        name="series",
    ),
    path(
        "events/series/<slug:slug>/feed/",
        events_pages(feeds.SeriesFeed()),
        name="series-feed",
    ),
    path(
        "events/series/<slug:slug>/feed/atom/",
        events_pages(feeds.AtomSeriesFeed()),
        name="series-feed-atom",
    ),
    path(
        "events/series/<slug:slug>/calendar.ics",
        events_pages(feeds.series_calendar),
        name="series-calendar",
    ),
    path(
        "events/<slug:slug>/",
        cache_tags("site", "events", "comment-forms")(views.EventDetailView.as_view()),
        name="detail",
    ),
    path(
        "events/<slug:slug>/calendar.ics",
        events_pages(feeds.event_calendar),
        name="event-calendar",
    ),
    path(
        "presenters/",
        events_pages(views.PresenterListView.as_view()),
        name="presenters",
    ),
    path(
        "presenters/<slug:slug>/",
        events_pages(views.PresenterDetailView.as_view()),
        name="presenter",
    ),
]
