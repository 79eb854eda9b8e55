"""Events for other programs: iCalendar files and the RSS and Atom feeds."""

import datetime
from urllib.parse import urlsplit

import icalendar
from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from events import recurrence
from events.models import Event, EventSeries
from recoverysite.models import SiteSettings
from recoverysite.syndication import Atom1Feed, Feed

# Calendar apps drop entries that leave a subscribed feed: keep recent events a
# while, so a webinar does not vanish from people's calendars as soon as it ends.
SUBSCRIPTION_KEEPS_PAST = datetime.timedelta(days=30)
SUBSCRIPTION_REFRESH = datetime.timedelta(hours=12)
FEED_ITEMS = 20

ICAL_STATUS = {
    Event.EventStatus.SCHEDULED: icalendar.enums.STATUS.CONFIRMED,
    Event.EventStatus.MOVED_ONLINE: icalendar.enums.STATUS.CONFIRMED,
    Event.EventStatus.POSTPONED: icalendar.enums.STATUS.TENTATIVE,
    Event.EventStatus.CANCELLED: icalendar.enums.STATUS.CANCELLED,
}


def title_with_status(event):
    """Many calendar apps hide STATUS, so a changed plan is also in the title."""
    if event.is_going_ahead and not event.is_moved_online:
        return event.title
    return f"{event.get_event_status_display()}: {event.title}"


def ical_event(event):
    lines = [event.summary]
    if event.is_postponed:
        lines.append(_("Postponed: a new date will be announced on the event page."))
    presenters = [
        appearance.presenter.name for appearance in event.event_presenters.all()
    ]
    if presenters:
        lines.append(_("With %(names)s.") % {"names": ", ".join(presenters)})
    if event.shows_join_link:
        lines.append(f"{_('Join')}: {event.join_url}")
    if event.shows_registration:
        lines.append(f"{_('Register')}: {event.registration_link}")
    lines.append(event.get_full_url())
    return icalendar.Event.new(
        uid=event.ical_uid,
        # Without a METHOD, DTSTAMP is when the information last changed (RFC 5545).
        stamp=event.updated_at.astimezone(datetime.UTC),
        last_modified=event.updated_at.astimezone(datetime.UTC),
        start=event.local_start,
        end=event.local_end,
        summary=title_with_status(event),
        description="\n\n".join(lines),
        location=event.location_text,
        url=event.get_full_url(),
        status=ICAL_STATUS[event.event_status],
    )


def build_calendar(events, *, name, subscription=False):
    """An RFC 5545 calendar of ``events`` with the VTIMEZONEs their times use."""
    events = list(events)
    host = urlsplit(settings.SITE_URL).hostname
    calendar = icalendar.Calendar.new(
        prodid=f"-//{host}//Events//EN",
        uid=f"events@{host}",
        name=name,
        refresh_interval=SUBSCRIPTION_REFRESH if subscription else None,
    )
    if subscription:
        # Outlook reads this one instead of REFRESH-INTERVAL.
        calendar.add("X-PUBLISHED-TTL", icalendar.vDuration(SUBSCRIPTION_REFRESH))
    for event in events:
        calendar.add_component(ical_event(event))
    if events:
        # Time zone rules for the span the events cover, not half a century of them.
        calendar.add_missing_timezones(
            first_date=min(event.local_start for event in events).date()
            - datetime.timedelta(days=1),
            last_date=max(event.local_end for event in events).date()
            + datetime.timedelta(days=1),
        )
    return calendar.to_ical()


def calendar_response(content, filename=None):
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    if filename:
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def event_calendar(request, slug):
    """One event as an .ics file, for “Add to calendar”."""
    event = get_object_or_404(Event.objects.published().for_cards(), slug=slug)
    content = build_calendar([event], name=event.title)
    return calendar_response(content, filename=f"{event.slug}.ics")


def subscription_calendar(request):
    """Upcoming (and recent) events, for calendar apps to subscribe to."""
    events = (
        Event.objects.published()
        .filter(end__gt=timezone.now() - SUBSCRIPTION_KEEPS_PAST)
        .order_by("start", "pk")
        .for_cards()
    )
    name = _("%(site)s events") % {"site": SiteSettings.load().name}
    return calendar_response(build_calendar(events, name=name, subscription=True))


def series_components(series):
    """
    The series as one repeating VEVENT with its RRULE, an EXDATE for each
    skipped or cancelled date, and a VEVENT with a RECURRENCE-ID for each meeting
    moved or changed on its own page, so calendars show what really happens.
    """
    exceptions = list(
        series.exceptions.select_related("event").prefetch_related(
            "event__event_presenters__presenter"
        )
    )
    skipped, changed = [], []
    for exception in exceptions:
        event = exception.event
        original = recurrence.local_moment(
            exception.date, series.start_time, series.zone
        )
        going_ahead = (
            exception.kind != exception.Kind.SKIPPED
            and event is not None
            and event.is_published()
            and not event.is_cancelled
        )
        if going_ahead:
            changed.append((original, event))
        else:
            skipped.append(original)
    lines = [series.summary, series.describe()]
    if series.registration_mode == Event.RegistrationMode.OPEN_LINK and series.join_url:
        lines.append(f"{_('Join')}: {series.join_url}")
    lines.append(series.get_full_url())
    stamp = series.updated_at.astimezone(datetime.UTC)
    master = icalendar.Event.new(
        uid=series.ical_uid,
        stamp=stamp,
        last_modified=stamp,
        start=series.first_start,
        end=recurrence.normalise(series.first_start + series.length),
        summary=series.title,
        description="\n\n".join(lines),
        location=location_text(series),
        url=series.get_full_url(),
        status=icalendar.enums.STATUS.CONFIRMED,
    )
    master.add("rrule", icalendar.vRecur.from_ical(series.rule))
    if skipped:
        master.add("exdate", skipped)
    components = [master]
    for original, event in changed:
        component = ical_event(event)
        # The same UID with the date it replaces: calendars swap that one meeting.
        component.pop("uid")
        component.add("uid", series.ical_uid)
        component.add("recurrence-id", original)
        components.append(component)
    return components


def location_text(series):
    """The meetings' place in one line, as ``Event.location_text`` writes it."""
    meeting = Event(
        format=series.format,
        venue_name=series.venue_name,
        venue_address=series.venue_address,
    )
    return meeting.location_text


def series_calendar(request, slug):
    """A series as an .ics file: one calendar entry that repeats."""
    series = get_object_or_404(EventSeries.objects.published(), slug=slug)
    host = urlsplit(settings.SITE_URL).hostname
    calendar = icalendar.Calendar.new(
        prodid=f"-//{host}//Events//EN",
        uid=series.ical_uid,
        name=series.title,
    )
    components = series_components(series)
    for component in components:
        calendar.add_component(component)
    last = series.occurrences.order_by("-start").values_list("start", flat=True)
    last_start = last.first() or series.first_start
    calendar.add_missing_timezones(
        first_date=series.first_date - datetime.timedelta(days=1),
        last_date=max(last_start.date(), timezone.localdate(timezone.now()))
        + datetime.timedelta(days=settings.EVENTS_SERIES_HORIZON_DAYS),
    )
    return calendar_response(calendar.to_ical(), filename=f"{series.slug}.ics")


class EventFeed(Feed):
    """Events as they are announced, newest announcement first."""

    # A series' meeting says which series it belongs to, with its address.
    names_the_series = True

    def title(self):
        return _("%(site)s: events") % {"site": SiteSettings.load().name}

    def link(self):
        return settings.SITE_URL + reverse("events:list")

    def feed_url(self):
        return settings.SITE_URL + reverse("events:feed")

    def description(self):
        return _("Webinars and events, with their recordings once they have happened.")

    def items(self):
        events = Event.objects.published().order_by("-published_at", "-pk")
        return events.select_related("series").prefetch_related("tags")[:FEED_ITEMS]

    def item_title(self, item):
        return title_with_status(item)

    def item_description(self, item):
        text = f"{item.when}. {item.summary}"
        if item.content_note:
            text += " " + _("Content note: %(note)s") % {"note": item.content_note}
        if self.names_the_series and item.series and item.series.is_published():
            text += " " + _("One meeting of “%(series)s”: %(url)s") % {
                "series": item.series.title,
                "url": item.series.get_full_url(),
            }
        if item.has_ended and item.recording_url:
            text += " " + _("The recording is on the event page.")
        return text

    def item_link(self, item):
        return item.get_full_url()

    def item_guid(self, item):
        return item.ical_uid

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [tag.name for tag in item.tags.all()]


class AtomEventFeed(EventFeed):
    feed_type = Atom1Feed
    subtitle = EventFeed.description

    def feed_url(self):
        return settings.SITE_URL + reverse("events:feed-atom")


class SeriesFeed(EventFeed):
    """The meetings of one series, the latest first, for following one group."""

    # The whole feed is the series': its items need not name it again.
    names_the_series = False

    def get_object(self, request, slug):
        return get_object_or_404(EventSeries.objects.published(), slug=slug)

    def title(self, series):
        return _("%(site)s: %(series)s") % {
            "site": SiteSettings.load().name,
            "series": series.title,
        }

    def link(self, series):
        return series.get_full_url()

    def feed_url(self, series):
        return settings.SITE_URL + reverse("events:series-feed", args=[series.slug])

    def description(self, series):
        return f"{series.describe()}. {series.summary}"

    def items(self, series):
        meetings = series.occurrences.published().order_by("-start", "-pk")
        return meetings.prefetch_related("tags")[:FEED_ITEMS]


class AtomSeriesFeed(SeriesFeed):
    feed_type = Atom1Feed
    subtitle = SeriesFeed.description

    def feed_url(self, series):
        return settings.SITE_URL + reverse(
            "events:series-feed-atom", args=[series.slug]
        )
