from urllib.parse import urljoin

from django.conf import settings
from django.contrib.auth import get_user_model
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.generic import DetailView, ListView, MonthArchiveView, YearArchiveView

from articles.models import Article
from comments.models import thread_cache_tag
from pagecache.schedules import kept
from pagecache.tags import add_cache_tags
from recoverysite.publishing import PreviewMixin


class ArticleListMixin:
    """Published articles, newest first, with what their cards show."""

    model = Article
    paginate_by = settings.ARTICLES_PER_PAGE

    def get_queryset(self):
        return Article.objects.published().for_cards()


class ArticleListView(ArticleListMixin, ListView):
    def get_context_data(self, **kwargs):
        years = Article.objects.published().dates("published_at", "year", order="DESC")
        return super().get_context_data(archive_years=years, **kwargs)


class AuthorView(ArticleListMixin, ListView):
    template_name = "articles/author.html"

    def get_queryset(self):
        # Only people with published work have a public page.
        authors = (
            get_user_model()
            .objects.filter(articles__in=Article.objects.published())
            .distinct()
        )
        self.author = get_object_or_404(authors, slug=self.kwargs["slug"])
        return super().get_queryset().filter(author=self.author)

    def get_context_data(self, **kwargs):
        return super().get_context_data(author=self.author, **kwargs)


class ArticleYearArchiveView(ArticleListMixin, YearArchiveView):
    date_field = "published_at"
    make_object_list = True


class ArticleMonthArchiveView(ArticleListMixin, MonthArchiveView):
    date_field = "published_at"
    month_format = "%m"


class ArticleDetailView(PreviewMixin, DetailView):
    model = Article

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("author", "featured_image")
            .prefetch_related("tags")
        )

    def get_context_data(self, **kwargs):
        add_cache_tags(self.request, thread_cache_tag(Article, self.object.pk))
        article = self.object
        # The same for every visit until an article changes, and dear to find
        # on a large site with common tags: kept.
        related = kept(
            f"articles:related:{article.pk}",
            ["articles"],
            lambda: list(Article.objects.published().related_to(article)),
        )
        return super().get_context_data(
            related_articles=related,
            structured_data=self.get_structured_data(),
            **kwargs,
        )

    def get_structured_data(self):
        """schema.org BlogPosting and BreadcrumbList for search engines."""
        article = self.object
        url = settings.SITE_URL + article.get_absolute_url()
        posting = {
            "@context": "https://schema.org",
            "@type": "BlogPosting",
            "headline": article.title,
            "description": article.summary,
            "url": url,
            "mainEntityOfPage": url,
            "datePublished": article.published_at.isoformat(),
            "dateModified": article.updated_at.isoformat(),
            "keywords": [tag.name for tag in article.tags.all()],
        }
        if article.author:
            posting["author"] = {
                "@type": "Person",
                "name": str(article.author),
                "url": settings.SITE_URL + article.author.get_absolute_url(),
            }
        if article.featured_image and (
            image := article.featured_image.rendition("social")
        ):
            posting["image"] = urljoin(settings.SITE_URL + "/", image.url)
        crumbs = [
            ("Home", reverse("home")),
            ("Articles", reverse("articles:list")),
            (article.title, article.get_absolute_url()),
        ]
        breadcrumbs = {
            "@context": "https://schema.org",
            "@type": "BreadcrumbList",
            "itemListElement": [
                {
                    "@type": "ListItem",
                    "position": position,
                    "name": name,
                    "item": settings.SITE_URL + path,
                }
                for position, (name, path) in enumerate(crumbs, start=1)
            ],
        }
        return [posting, breadcrumbs]
