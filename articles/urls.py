from django.urls import path

from articles import feeds, views
from articles.models import Article
from comments.feeds import CommentsFeed
from pagecache.tags import cache_tags

app_name = "articles"
# Pages that list articles show their comment counts too.
listing = cache_tags("site", "articles", "comment-counts")
urlpatterns = [
    path("articles/", listing(views.ArticleListView.as_view()), name="list"),
    path(
        "articles/<int:year>/",
        listing(views.ArticleYearArchiveView.as_view()),
        name="archive-year",
    ),
    path(
        "articles/<int:year>/<int:month>/",
        listing(views.ArticleMonthArchiveView.as_view()),
        name="archive-month",
    ),
    path(
        "articles/<slug:slug>/",
        cache_tags("site", "articles", "comment-forms")(
            views.ArticleDetailView.as_view()
        ),
        name="detail",
    ),
    path(
        "feeds/articles/",
        cache_tags("site", "articles")(feeds.LatestArticlesFeed()),
        name="feed",
    ),
    path(
        "feeds/articles/atom/",
        cache_tags("site", "articles")(feeds.LatestArticlesAtomFeed()),
        name="feed-atom",
    ),
    path(
        "feeds/tags/<slug:slug>/",
        cache_tags("site", "articles")(feeds.TagFeed()),
        name="tag-feed",
    ),
    path(
        "feeds/tags/<slug:slug>/atom/",
        cache_tags("site", "articles")(feeds.TagAtomFeed()),
        name="tag-feed-atom",
    ),
    path("authors/<slug:slug>/", listing(views.AuthorView.as_view()), name="author"),
    path(
        "feeds/comments/articles/<slug:slug>/",
        CommentsFeed(Article),
        name="comments-feed",
    ),
]
