from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path
from django.views.generic import TemplateView

from articles.sitemaps import ArticleSitemap
from events.sitemaps import (
    EventSectionSitemap,
    EventSeriesSitemap,
    EventSitemap,
    PresenterSitemap,
)
from images.views import serve_media
from operations import health
from pagecache.tags import cache_tags
from pages.sitemaps import PageSitemap, SectionSitemap, TagSitemap
from pages.views import HomeView
from recoverysite.languages import choose_language

handler400 = "recoverysite.error_pages.bad_request"
handler403 = "recoverysite.error_pages.permission_denied"

sitemaps = {
    "sections": SectionSitemap,
    "articles": ArticleSitemap,
    "pages": PageSitemap,
    "tags": TagSitemap,
    "events": EventSitemap,
    "series": EventSeriesSitemap,
    "presenters": PresenterSitemap,
    "event-sections": EventSectionSitemap,
}

# A database outage anywhere in a request gets the 503 page, not a 500.
handler500 = "recoverysite.outages.server_error"

urlpatterns = [
    path(
        "",
        cache_tags("site", "articles", "events", "comment-counts")(HomeView.as_view()),
        name="home",
    ),
    # Password reset and two-step sign-in first: the admin would answer 404.
    path(settings.ADMIN_URL, include("accounts.urls")),
    path(settings.ADMIN_URL, admin.site.urls),
    path("language/<str:code>/", choose_language, name="choose-language"),
    path("healthz", health.alive, name="healthz"),
    path("readyz", health.ready, name="readyz"),
    path("", include("search.urls")),
    path(
        "sitemap.xml",
        cache_tags("site", "articles", "events")(sitemap_views.index),
        {"sitemaps": sitemaps, "sitemap_url_name": "sitemap-section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        cache_tags("site", "articles", "events")(sitemap_views.sitemap),
        {"sitemaps": sitemaps},
        name="sitemap-section",
    ),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
        name="robots",
    ),
    path("", include("articles.urls")),
    path("", include("events.urls")),
    path("", include("registrations.urls")),
    path("", include("comments.urls")),
    path("", include("contact.urls")),
    path("", include("subscriptions.urls")),
]

if settings.SERVE_MEDIA:
    urlpatterns += [path(f"{settings.MEDIA_URL.lstrip('/')}<path:path>", serve_media)]

# Pages come last: /<slug>/ would otherwise shadow the sections above.
urlpatterns += [path("", include("pages.urls"))]
