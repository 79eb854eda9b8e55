from django.conf import settings
from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, ListView, TemplateView
from taggit.models import Tag

from articles.models import Article
from events.models import Event
from pages.models import Page
from pages.topics import tags_in_use
from recoverysite.publishing import PreviewMixin, expire_at


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


class Sections:
    """
    Several querysets read as one list, each in its own order, for one paginator:
    a page reads only the sections it reaches. Items come as (section, item).
    """

    def __init__(self, **sections):
        self.sections = sections
        self.sizes = None

    def count(self):
        if self.sizes is None:
            self.sizes = {name: items.count() for name, items in self.sections.items()}
        return sum(self.sizes.values())

    def __getitem__(self, bounds):
        self.count()
        start, stop, found = bounds.start or 0, bounds.stop, []
        for name, items in self.sections.items():
            size = self.sizes[name]
            if start < size and stop > 0:
                found += [(name, item) for item in items[max(start, 0) : stop]]
            start, stop = start - size, stop - size
        return found


class TagView(ListView):
    """
    Everything published with one tag: the events still to come, the articles,
    then the recordings and notes of past events, as one paginated list.
    """

    template_name = "pages/tag.html"

    def get_paginate_by(self, queryset):
        return settings.ARTICLES_PER_PAGE

    def get_queryset(self):
        self.tag = get_object_or_404(Tag, slug=self.kwargs["slug"])
        events = Event.objects.published().filter(tags=self.tag).for_cards()
        return Sections(
            upcoming_events=events.upcoming(),
            articles=Article.objects.published().filter(tags=self.tag).for_cards(),
            past_events=events.past(),
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(tag=self.tag, **kwargs)
        sections = {name: [] for name in self.object_list.sections}
        for name, item in context["page_obj"].object_list:
            sections[name].append(item)
        return {**context, **sections}

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        if upcoming := context["upcoming_events"]:
            # The next event moves from upcoming to past on the clock.
            expire_at(response, upcoming[0].next_phase_change())
        return response


class TagIndexView(ListView):
    """Every tag on a published article or event, with how many of them carry it."""

    template_name = "pages/tag_index.html"
    context_object_name = "tags"

    def get_queryset(self):
        return tags_in_use().order_by("name")
