from django.urls import path

from pagecache.tags import cache_tags
from pages.views import PageDetailView, TagIndexView, TagView

app_name = "pages"
page_view = cache_tags("site")(PageDetailView.as_view())
urlpatterns = [
    path(
        "tags/",
        cache_tags("site", "articles", "events")(TagIndexView.as_view()),
        name="tags",
    ),
    # Articles and events with one tag, and the comment counts of the articles.
    path(
        "tags/<slug:slug>/",
        cache_tags("site", "articles", "events", "comment-counts")(TagView.as_view()),
        name="tag",
    ),
    path("<slug:slug>/", page_view, name="detail"),
    path("<slug:parent>/<slug:slug>/", page_view, name="child"),
]
