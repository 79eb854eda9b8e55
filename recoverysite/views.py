from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, TemplateView

from articles.models import Article
from events.models import Event, Presenter
from recoverysite.models import Page
from recoverysite.publishing import PreviewMixin
from recoverysite.search import MAX_QUERY_LENGTH, Source, search


class HomeView(TemplateView):
    template_name = "recoverysite/home.html"
    latest_count = 6
    upcoming_count = 3

    def get_context_data(self, **kwargs):
        latest = Article.objects.published().for_cards()[: self.latest_count]
        upcoming = Event.objects.published().upcoming().for_cards()
        return super().get_context_data(
            latest_articles=latest,
            upcoming_events=upcoming[: self.upcoming_count],
            **kwargs,
        )


class PageDetailView(PreviewMixin, DetailView):
    model = Page

    def get_object(self, queryset=None):
        queryset = self.get_queryset().select_related("parent")
        parent_slug = self.kwargs.get("parent")
        if parent_slug:
            queryset = queryset.filter(parent__slug=parent_slug, parent__parent=None)
        else:
            queryset = queryset.filter(parent=None)
        return get_object_or_404(queryset, slug=self.kwargs["slug"])

    def get_context_data(self, **kwargs):
        children = self.object.children.published() if not self.object.parent_id else []
        return super().get_context_data(children=children, **kwargs)


SEARCH_SOURCES = [
    Source(
        kind="article",
        label=_("Articles"),
        get_queryset=lambda: Article.objects.published(),
        title_field="title",
        text_fields=["summary", "body"],
        date_field="published_at",
    ),
    Source(
        kind="event",
        label=_("Events"),
        get_queryset=lambda: Event.objects.published(),
        title_field="title",
        text_fields=["summary", "description", "transcript"],
        date_field="start",
    ),
    Source(
        kind="presenter",
        label=_("Presenters"),
        get_queryset=lambda: Presenter.objects.public(),
        title_field="name",
        text_fields=["role", "affiliation", "short_bio", "bio"],
    ),
    Source(
        kind="page",
        label=_("Pages"),
        get_queryset=lambda: Page.objects.published().select_related("parent"),
        title_field="title",
        text_fields=["body"],
    ),
]


class SearchView(TemplateView):
    template_name = "recoverysite/search.html"
    paginate_by = 10

    def get_context_data(self, **kwargs):
        terms = " ".join(self.request.GET.get("q", "").split())
        kind = self.request.GET.get("type", "")
        context = {
            "terms": terms[:MAX_QUERY_LENGTH],
            "kind": kind,
            "kinds": [(source.kind, source.label) for source in SEARCH_SOURCES],
            "too_long": len(terms) > MAX_QUERY_LENGTH,
        }
        if terms:
            results = search(context["terms"], SEARCH_SOURCES, kind=kind)
            page = Paginator(results, self.paginate_by).get_page(
                self.request.GET.get("page")
            )
            context.update(page_obj=page, results=page.object_list, count=len(results))
        return super().get_context_data(**context, **kwargs)
