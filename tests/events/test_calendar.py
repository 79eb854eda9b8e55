import datetime
import zoneinfo
from urllib.parse import parse_qs, urlsplit

import icalendar
import pytest
from django.urls import reverse

from events.models import Event
from recoverysite.publishing import Status
from tests.events.conftest import SEED_END, SEED_START
from tests.factories import make_event, make_presenter

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


def parse(response):
    """The calendar in a response, checked against RFC 5545's basic rules."""
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    content = response.content
    lines = content.split(b"\r\n")
    # Content lines end in CRLF and are folded at 75 octets.
    assert lines[-1] == b""
    assert all(len(line) <= 75 for line in lines)
    calendar = icalendar.Calendar.from_ical(content)
    assert calendar["VERSION"] == "2.0"
    assert calendar["PRODID"]
    for event in calendar.events:
        assert event["UID"]
        # DTSTAMP is in UTC ("Z"), as RFC 5545 requires.
        assert event["DTSTAMP"].to_ical().endswith(b"Z")
        assert event.end > event.start
    # Every TZID the events use has its VTIMEZONE.
    assert calendar.get_missing_tzids() == set()
    return calendar


def vtimezone_instant(calendar, component, name):
    """The moment ``component[name]`` means, read with the calendar's own VTIMEZONE."""
    value = component[name]
    zones = {zone["TZID"]: zone.to_tz() for zone in calendar.timezones}
    wall_clock = value.dt.replace(tzinfo=None)
    return wall_clock.replace(tzinfo=zones[value.params["TZID"]])


def test_event_calendar_file_is_valid_icalendar(client):
    presenter = make_presenter(name="Caroline Mazel-Carlton")
    event = make_event(
        title="The Hope of Harm Reduction",
        summary="Dialogue models from peer-run communities.",
        start=SEED_START,
        end=SEED_END,
        presenters=[presenter],
    )

    response = client.get(reverse("events:event-calendar", args=[event.slug]))

    assert response["Content-Disposition"] == (
        f'attachment; filename="{event.slug}.ics"'
    )
    calendar = parse(response)
    [component] = calendar.events
    assert component["UID"] == f"event-{event.pk}@127.0.0.1"
    assert component["SUMMARY"] == "The Hope of Harm Reduction"
    assert component["DTSTART"].params["TZID"] == "America/Los_Angeles"
    assert component.start == SEED_START
    assert component.end == SEED_END
    assert vtimezone_instant(calendar, component, "DTSTART") == SEED_START
    assert component["STATUS"] == "CONFIRMED"
    assert component["URL"] == event.get_full_url()
    assert component["LOCATION"] == "Online"
    assert "With Caroline Mazel-Carlton." in component["DESCRIPTION"]
    assert component.DTSTAMP == event.updated_at.replace(microsecond=0)


def test_event_calendar_uid_and_stamp_stay_the_same_between_downloads(client):
    event = make_event()
    address = reverse("events:event-calendar", args=[event.slug])

    first = parse(client.get(address)).events[0]
    second = parse(client.get(address)).events[0]

    assert (first["UID"], first.DTSTAMP) == (second["UID"], second.DTSTAMP)


def test_draft_event_has_no_calendar_file(client):
    event = make_event(status=Status.DRAFT)

    response = client.get(reverse("events:event-calendar", args=[event.slug]))

    assert response.status_code == 404


@pytest.mark.parametrize(
    "zone, moments",
    [
        (
            "America/Los_Angeles",
            [(2025, 3, 5, -8), (2025, 3, 20, -7), (2025, 11, 5, -8)],
        ),
        ("Europe/London", [(2025, 3, 20, 0), (2025, 3, 31, 1), (2025, 11, 5, 0)]),
    ],
)
def test_calendar_time_zones_follow_daylight_saving_in_march_and_november(
    client, frozen_clock, zone, moments
):
    frozen_clock(datetime.datetime(2025, 3, 1, tzinfo=datetime.UTC))
    tz = zoneinfo.ZoneInfo(zone)
    for year, month, day, _offset in moments:
        start = datetime.datetime(year, month, day, 18, tzinfo=tz)
        make_event(start=start, end=start + datetime.timedelta(hours=1), time_zone=zone)

    calendar = parse(client.get(reverse("events:calendar")))

    assert len(calendar.events) == 3
    for component, (_year, _month, _day, offset) in zip(
        calendar.events, moments, strict=True
    ):
        instant = vtimezone_instant(calendar, component, "DTSTART")
        assert instant.utcoffset() == datetime.timedelta(hours=offset)
        assert instant == component.start
        assert component.start.astimezone(datetime.UTC).hour == (18 - offset) % 24


def test_subscription_has_upcoming_and_recent_events_only(client, now):
    make_event(title="Next week", start=now + 7 * DAY)
    make_event(title="Last week", start=now - 7 * DAY)
    make_event(title="Last year", start=now - 365 * DAY)
    make_event(title="Draft", start=now + 7 * DAY, status=Status.DRAFT)

    response = client.get(reverse("events:calendar"))

    calendar = parse(response)
    assert [event["SUMMARY"] for event in calendar.events] == [
        "Last week",
        "Next week",
    ]
    assert calendar["X-WR-CALNAME"] == "Recovery Dialogues events"
    assert calendar["REFRESH-INTERVAL"].dt == datetime.timedelta(hours=12)
    assert "Content-Disposition" not in response


def test_cancelled_and_postponed_events_carry_their_status(client):
    make_event(title="Called off", event_status=Event.EventStatus.CANCELLED)
    make_event(title="Later", event_status=Event.EventStatus.POSTPONED)

    calendar = parse(client.get(reverse("events:calendar")))

    statuses = {event["SUMMARY"]: event["STATUS"] for event in calendar.events}
    assert statuses == {
        "Cancelled: Called off": "CANCELLED",
        "Postponed: Later": "TENTATIVE",
    }


def test_upcoming_event_in_the_calendar_has_its_join_link(client):
    make_event(join_url="https://meet.example.org/hope")

    calendar = parse(client.get(reverse("events:calendar")))

    assert "Join: https://meet.example.org/hope" in calendar.events[0]["DESCRIPTION"]


def test_in_person_event_location_is_its_venue(client):
    event = make_event(
        format=Event.Format.HYBRID,
        venue_name="Eugene Public Library",
        venue_address="100 W 10th Ave\nEugene, OR",
    )

    calendar = parse(client.get(reverse("events:event-calendar", args=[event.slug])))

    assert calendar.events[0]["LOCATION"] == (
        "Eugene Public Library, 100 W 10th Ave, Eugene, OR, Online"
    )


def test_empty_subscription_is_still_a_valid_calendar(client):
    calendar = parse(client.get(reverse("events:calendar")))

    assert calendar.events == []


def test_google_calendar_link_carries_the_event_in_utc_and_its_zone():
    event = make_event(title="Hope", start=SEED_START, end=SEED_END)

    parts = urlsplit(event.google_calendar_url())
    query = parse_qs(parts.query)

    assert f"{parts.netloc}{parts.path}" == "calendar.google.com/calendar/render"
    assert query["action"] == ["TEMPLATE"]
    assert query["text"] == ["Hope"]
    assert query["dates"] == ["20250415T230000Z/20250416T003000Z"]
    assert query["ctz"] == ["America/Los_Angeles"]
    assert event.get_full_url() in query["details"][0]


@pytest.mark.parametrize("count", [1, 8])
def test_subscription_query_count_does_not_grow_with_events(
    assert_page_queries, now, count
):
    for days in range(1, count + 1):
        make_event(start=now + days * DAY, presenters=[make_presenter()])

    # Site settings, events, their presenters.
    assert_page_queries(reverse("events:calendar"), 3)
