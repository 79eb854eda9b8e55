from django.conf import settings
from django.contrib.auth import get_permission_codename
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.views.generic import DetailView, ListView

from comments.models import thread_cache_tag
from events.models import Event, EventSeries, Presenter, SeriesException
from pagecache.tags import add_cache_tags
from recoverysite.publishing import PreviewMixin, expire_at


class EventListView(ListView):
    """Upcoming events in full on the first page, then past events, paginated."""

    paginate_by = settings.EVENTS_PER_PAGE

    def get_queryset(self):
        return Event.objects.published().past().for_cards()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if context["page_obj"].number == 1:
            context["upcoming_events"] = (
                Event.objects.published().upcoming().for_cards()
            )
        return context


class EventDetailView(PreviewMixin, DetailView):
    model = Event

    def get_queryset(self):
        events = super().get_queryset().for_cards().prefetch_related("tags")
        return events.select_related("series")

    def get_context_data(self, **kwargs):
        add_cache_tags(self.request, thread_cache_tag(Event, self.object.pk))
        return super().get_context_data(**kwargs)

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        # "Happening now" and the join link come and go on the clock, not on a save.
        expire_at(response, self.object.next_phase_change())
        return response


class PresenterListView(ListView):
    paginate_by = settings.EVENTS_PER_PAGE

    def get_queryset(self):
        return Presenter.objects.public().select_related("photo")


class PresenterDetailView(DetailView):
    """A presenter with their events; staff also see presenters not yet public."""

    model = Presenter

    def can_preview(self):
        user = self.request.user
        codename = get_permission_codename("change", Presenter._meta)
        return user.is_staff and user.has_perm(f"events.{codename}")

    def get_queryset(self):
        presenters = Presenter.objects.select_related("photo")
        return presenters if self.can_preview() else presenters.public()

    def get_context_data(self, **kwargs):
        # One query for all their events, split here rather than queried twice.
        events = list(
            Event.objects.published()
            .filter(presenters=self.object)
            .order_by("start", "pk")
            .for_cards()
        )
        upcoming = [event for event in events if not event.has_ended]
        past = [event for event in reversed(events) if event.has_ended]
        return super().get_context_data(
            upcoming_events=upcoming, past_events=past, **kwargs
        )

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        if not (context["upcoming_events"] or context["past_events"]):
            add_never_cache_headers(response)
            response["X-Robots-Tag"] = "noindex"
        return response


class SeriesDetailView(PreviewMixin, DetailView):
    """A series with its upcoming meetings and, below, the past ones."""

    model = EventSeries
    past_shown = 24

    def get_context_data(self, **kwargs):
        meetings = Event.objects.filter(series=self.object).for_cards()
        if self.object.is_published():
            meetings = meetings.published()
        self.upcoming = list(meetings.upcoming())
        skipped = self.object.exceptions.filter(
            kind=SeriesException.Kind.SKIPPED,
            date__gte=timezone.localdate(timezone.now(), self.object.zone),
        )
        return super().get_context_data(
            upcoming_events=self.upcoming,
            past_events=meetings.past()[: self.past_shown],
            skipped_dates=skipped,
            **kwargs,
        )

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        if self.upcoming:
            # The next meeting moves from upcoming to past on the clock.
            expire_at(response, self.upcoming[0].next_phase_change())
        return response
