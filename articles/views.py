from django.conf import settings
from django.contrib.auth import get_user_model
from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, ListView, MonthArchiveView, YearArchiveView
from taggit.models import Tag

from articles.models import Article
from recoverysite.publishing import PreviewMixin


class ArticleListMixin:
    """Published articles, newest first, with what their cards show."""

    model = Article
    paginate_by = settings.ARTICLES_PER_PAGE

    def get_queryset(self):
        return Article.objects.published().for_cards()


class ArticleListView(ArticleListMixin, ListView):
    pass


class TagView(ArticleListMixin, ListView):
    template_name = "articles/tag.html"

    def get_queryset(self):
        self.tag = get_object_or_404(Tag, slug=self.kwargs["slug"])
        return super().get_queryset().filter(tags=self.tag)

    def get_context_data(self, **kwargs):
        return super().get_context_data(tag=self.tag, **kwargs)


class AuthorView(ArticleListMixin, ListView):
    template_name = "articles/author.html"

    def get_queryset(self):
        self.author = get_object_or_404(get_user_model(), slug=self.kwargs["slug"])
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
        return super().get_queryset().select_related("author").prefetch_related("tags")
