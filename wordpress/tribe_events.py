"""
Events from The Events Calendar: ``tribe_events`` items with their dates in
post meta (``_EventStartDate``…), their venue written into the event, and their
organizers made presenters (hosts) of the event.
"""

import datetime
import re
import zoneinfo

from django.conf import settings
from django.utils import timezone

from events.embeds import parse_recording_url
from events.models import (
    RESERVED_SLUGS,
    Event,
    EventPresenter,
    Presenter,
    known_time_zones,
)
from recoverysite.slugs import unique_slug

from .content import checked_url, plain_text, summary_from
from .wxr import BadItem

STATUSES = {
    "canceled": Event.EventStatus.CANCELLED,
    "cancelled": Event.EventStatus.CANCELLED,
    "postponed": Event.EventStatus.POSTPONED,
    "moved-online": Event.EventStatus.MOVED_ONLINE,
}
UTC_OFFSET = re.compile(r"UTC([+-])(\d{1,2})(?::?(\d{2}))?")
TRUE = {"1", "yes", "true"}


class EventImport:
    """The Events Calendar half of the Importer."""

    def import_event(self, item, kind):
        start, end, zone_name = self.event_times(item)
        venue = self.index.venues.get(item.meta_number("_EventVenueID"))
        organizers = item.meta_numbers("_EventOrganizerID")

        def fill(event, created):
            converted = self.convert(item, take_recording=True)
            event.title = self.title(item)
            event.slug = self.slug(event, item, "event", RESERVED_SLUGS)
            event.description = converted.html
            event.summary = self.summary(item, converted.html, event.title)
            event.status, event.published_at = self.publication(item)
            event.start, event.end, event.time_zone = start, end, zone_name
            self.event_place(event, item, venue)
            event.registration_url = checked_url(item.meta_value("_EventURL"))
            virtual_url = checked_url(item.meta_value("_tribe_events_virtual_url"))
            if event.format != Event.Format.IN_PERSON:
                event.join_url = virtual_url
            recording = converted.recording or parse_recording_url(virtual_url)
            if recording and not event.recording_url:
                event.recording_url = recording.watch_url
            event.event_status = STATUSES.get(
                item.meta_value("_tribe_events_status").lower(),
                Event.EventStatus.SCHEDULED,
            )
            event.comments_open = item.comment_status != "closed"
            self.featured_image(event, item)
            event.save()
            self.set_tags(event, item, {"post_tag", "tribe_events_cat"}, created)
            for order, organizer_id in enumerate(organizers):
                presenter = self.presenter(organizer_id)
                if presenter is not None:
                    EventPresenter.objects.get_or_create(
                        event=event,
                        presenter=presenter,
                        defaults={"role": EventPresenter.Role.HOST, "order": order},
                    )

        checksum = self.fingerprint(
            item,
            venue.fingerprint() if venue else "",
            [
                self.index.organizers[o].fingerprint()
                for o in organizers
                if o in self.index.organizers
            ],
        )
        return self.upsert(item, kind, Event, fill, checksum)

    def event_times(self, item):
        zone_name, zone = self.event_zone(item)
        start = self.event_moment(item, "_EventStartDate", zone)
        end = self.event_moment(item, "_EventEndDate", zone)
        if start is None:
            raise BadItem("it has no start date (_EventStartDate)")
        if end is None or end <= start:
            self.report.note("events without a valid end: given one hour", str(item))
            end = start + datetime.timedelta(hours=1)
        return start, end, zone_name

    def event_zone(self, item):
        """The event's IANA time zone name, and the zone its local times are in."""
        name = item.meta_value("_EventTimezone").strip()
        default = settings.EVENTS_DEFAULT_TIMEZONE
        if not name:
            return default, zoneinfo.ZoneInfo(default)
        if name in known_time_zones():
            return name, zoneinfo.ZoneInfo(name)
        if match := UTC_OFFSET.fullmatch(name):
            sign, hours, minutes = match.groups()
            if int(minutes or 0) == 0:
                # POSIX-style names count the other way: UTC+2 is Etc/GMT-2.
                etc = f"Etc/GMT{'-' if sign == '+' else '+'}{int(hours)}"
                if etc in known_time_zones():
                    return etc, zoneinfo.ZoneInfo(etc)
            offset = datetime.timedelta(hours=int(hours), minutes=int(minutes or 0))
            self.report.note(
                "events with a UTC offset that has no zone name: shown in UTC",
                f"{item}: {name}",
            )
            return "UTC", datetime.timezone(offset if sign == "+" else -offset)
        self.report.note(
            "events with an unknown time zone: the default time zone was used",
            f"{item}: {name}",
        )
        return default, zoneinfo.ZoneInfo(default)

    @staticmethod
    def event_moment(item, key, zone):
        utc = item.meta_value(f"{key}UTC")
        local = item.meta_value(key)
        for value, tzinfo in [(utc, datetime.UTC), (local, zone)]:
            if not value.strip():
                continue
            try:
                moment = datetime.datetime.fromisoformat(value.strip())
            except ValueError:
                raise BadItem(f"its {key} “{value[:40]}” cannot be read") from None
            return (
                moment.replace(tzinfo=tzinfo) if timezone.is_naive(moment) else moment
            )
        return None

    @staticmethod
    def event_place(event, item, venue):
        virtual = item.meta_value("_tribe_events_is_virtual").lower() in TRUE
        hybrid = item.meta_value("_tribe_virtual_events_type") == "hybrid"
        if venue is None:
            event.format = Event.Format.ONLINE
            event.venue_name = event.venue_address = ""
            return
        event.format = (
            Event.Format.HYBRID if virtual or hybrid else Event.Format.IN_PERSON
        )
        event.venue_name = plain_text(venue.title)[:200] or "Venue"
        state = (
            venue.meta_value("_VenueStateProvince")
            or venue.meta_value("_VenueState")
            or venue.meta_value("_VenueProvince")
        )
        town = " ".join(
            part
            for part in [
                venue.meta_value("_VenueCity"),
                state,
                venue.meta_value("_VenueZip"),
            ]
            if part.strip()
        )
        lines = [
            venue.meta_value("_VenueAddress"),
            town,
            venue.meta_value("_VenueCountry"),
        ]
        event.venue_address = "\n".join(line.strip() for line in lines if line.strip())

    def presenter(self, organizer_id):
        """The presenter made from an organizer, made once per import."""
        if organizer_id in self.presenters:
            return self.presenters[organizer_id]
        item = self.index.organizers.get(organizer_id)
        if item is None:
            self.report.note(
                "event organizers missing from the export", f"organizer {organizer_id}"
            )
            self.presenters[organizer_id] = None
            return None

        def fill(presenter, created):
            presenter.name = plain_text(item.title)[:150] or f"Organizer {item.wp_id}"
            if created:
                presenter.slug = unique_slug(
                    Presenter.objects.all(), presenter.name, max_length=150
                )
            presenter.website = checked_url(item.meta_value("_OrganizerWebsite"))
            presenter.bio = self.convert(item).html
            presenter.short_bio = summary_from(item.excerpt or presenter.bio)
            presenter.save()

        presenter = self.upsert(item, "presenters", Presenter, fill, item.fingerprint())
        self.presenters[organizer_id] = presenter
        return presenter
