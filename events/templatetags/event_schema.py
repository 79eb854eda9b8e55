"""schema.org ``Event`` data for search engines (rendered by ``{% json_ld %}``)."""

from django import template
from django.conf import settings

from events.models import Event

register = template.Library()

SCHEMA = "https://schema.org/"
EVENT_STATUS = {
    Event.EventStatus.SCHEDULED: "EventScheduled",
    Event.EventStatus.CANCELLED: "EventCancelled",
    Event.EventStatus.POSTPONED: "EventPostponed",
    Event.EventStatus.MOVED_ONLINE: "EventMovedOnline",
}
ATTENDANCE_MODE = {
    Event.Format.ONLINE: "OnlineEventAttendanceMode",
    Event.Format.IN_PERSON: "OfflineEventAttendanceMode",
    Event.Format.HYBRID: "MixedEventAttendanceMode",
}


def absolute(url):
    return settings.SITE_URL + url if url.startswith("/") else url


def image_url(image, spec_name):
    rendition = image.rendition(spec_name) if image else None
    return absolute(rendition.url) if rendition else None


def location(event):
    places = []
    if event.meets_in_person:
        place = {"@type": "Place", "name": event.venue_name}
        address = ", ".join(
            line.strip() for line in event.venue_address.splitlines() if line.strip()
        )
        if address:
            place["address"] = address
        places.append(place)
    if event.meets_online:
        # The event page, where the join link appears: it works before and after.
        places.append({"@type": "VirtualLocation", "url": event.get_full_url()})
    return places[0] if len(places) == 1 else places


def person(presenter):
    data = {
        "@type": "Person",
        "name": presenter.name,
        "url": presenter.get_full_url(),
    }
    if presenter.role:
        data["jobTitle"] = presenter.role
    if presenter.affiliation:
        data["affiliation"] = {"@type": "Organization", "name": presenter.affiliation}
    photo = image_url(presenter.photo, "thumbnail")
    if photo:
        data["image"] = photo
    return data


def event_data(event, organizer_name):
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": event.summary,
        "url": event.get_full_url(),
        "startDate": event.local_start.isoformat(),
        "endDate": event.local_end.isoformat(),
        "eventStatus": SCHEMA + EVENT_STATUS[event.event_status],
        "eventAttendanceMode": SCHEMA + ATTENDANCE_MODE[event.attendance],
        "location": location(event),
        "organizer": {
            "@type": "Organization",
            "name": organizer_name,
            "url": settings.SITE_URL + "/",
        },
    }
    performers = [
        person(appearance.presenter) for appearance in event.event_presenters.all()
    ]
    if performers:
        data["performer"] = performers
    image = image_url(event.featured_image, "social")
    if image:
        data["image"] = [image]
    return data


@register.simple_tag(takes_context=True)
def event_schema(context, event):
    """The data for ``{% event_schema event as data %}{% json_ld data %}``."""
    site_settings = context.get("site_settings")
    organizer = getattr(site_settings, "name", "") or "Recovery Dialogues"
    return event_data(event, organizer)
