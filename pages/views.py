from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, TemplateView

from articles.models import Article
from events.models import Event
from pages.models import Page
from recoverysite.publishing import PreviewMixin


class HomeView(TemplateView):
    template_name = "pages/home.html"
    latest_count = 6
    upcoming_count = 3

    def get_context_data(self, **kwargs):
        latest = Article.objects.published().for_cards()[: self.latest_count]
        upcoming = (
            Event.objects.published().upcoming().next_of_each_series().for_cards()
        )
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
