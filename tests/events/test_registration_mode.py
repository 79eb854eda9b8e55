"""With registration required, the join link stays out of every public output."""

import pytest
from django.urls import reverse

from events.models import Event
from tests.factories import make_event, make_series

pytestmark = pytest.mark.django_db

JOIN_URL = "https://meet.example.org/private-room-4821"


PUBLIC_OUTPUTS = {
    "home": lambda event: reverse("home"),
    "event list": lambda event: reverse("events:list"),
    "event page": lambda event: event.get_absolute_url(),
    "event calendar": lambda event: reverse(
        "events:event-calendar", kwargs={"slug": event.slug}
    ),
    "calendar subscription": lambda event: reverse("events:calendar"),
    "RSS": lambda event: reverse("events:feed"),
    "Atom": lambda event: reverse("events:feed-atom"),
    "sitemap index": lambda event: reverse("sitemap"),
    "events sitemap": lambda event: reverse(
        "sitemap-section", kwargs={"section": "events"}
    ),
}


@pytest.mark.parametrize("output", PUBLIC_OUTPUTS)
def test_join_link_is_in_no_public_output_when_registration_is_required(
    client, settings, output
):
    settings.PAGE_CACHE_SECONDS = 600
    event = make_event(
        join_url=JOIN_URL, registration_mode=Event.RegistrationMode.REQUIRED
    )
    url = PUBLIC_OUTPUTS[output](event)
    # Twice: the second answer comes from the page cache.
    for cache_outcome in ["miss", "hit"]:
        response = client.get(url)
        assert response.status_code == 200
        assert response["X-Page-Cache"] == cache_outcome
        assert JOIN_URL not in response.content.decode()
        assert "private-room-4821" not in response.content.decode()


SERIES_OUTPUTS = {
    "series page": lambda series: series.get_absolute_url(),
    "a meeting's page": lambda series: series.occurrences.first().get_absolute_url(),
    "series calendar": lambda series: reverse(
        "events:series-calendar", kwargs={"slug": series.slug}
    ),
    "series RSS": lambda series: reverse("events:series-feed", args=[series.slug]),
    "series Atom": lambda series: reverse(
        "events:series-feed-atom", args=[series.slug]
    ),
    "series sitemap": lambda series: reverse(
        "sitemap-section", kwargs={"section": "series"}
    ),
    "events sitemap": lambda series: reverse(
        "sitemap-section", kwargs={"section": "events"}
    ),
    "calendar subscription": lambda series: reverse("events:calendar"),
    "RSS": lambda series: reverse("events:feed"),
}


@pytest.mark.parametrize("output", SERIES_OUTPUTS)
def test_a_series_join_link_is_in_no_public_output_when_registration_is_required(
    client, settings, output
):
    settings.PAGE_CACHE_SECONDS = 600
    series = make_series(
        join_url=JOIN_URL, registration_mode=Event.RegistrationMode.REQUIRED
    )
    assert series.occurrences.filter(join_url=JOIN_URL).count() == 3
    url = SERIES_OUTPUTS[output](series)
    for cache_outcome in ["miss", "hit"]:
        response = client.get(url)
        assert response.status_code == 200
        assert response["X-Page-Cache"] == cache_outcome
        # Unfolded: calendar files break long lines.
        text = response.content.decode().replace("\r\n ", "")
        assert "private-room-4821" not in text


def test_google_calendar_link_leaves_out_a_join_link_that_needs_registration():
    event = make_event(
        join_url=JOIN_URL, registration_mode=Event.RegistrationMode.REQUIRED
    )
    assert "private-room-4821" not in event.google_calendar_url()


def test_open_link_events_still_show_the_join_link_on_the_page_and_in_calendars(
    client,
):
    event = make_event(join_url=JOIN_URL)
    assert event.registration_mode == Event.RegistrationMode.OPEN_LINK
    assert JOIN_URL in client.get(event.get_absolute_url()).content.decode()
    calendar = client.get(
        reverse("events:event-calendar", kwargs={"slug": event.slug})
    ).content.decode()
    assert "private-room-4821" in calendar.replace("\r\n ", "")


def test_closed_registration_shows_the_join_link_to_no_one(client):
    event = make_event(
        join_url=JOIN_URL,
        registration_url="https://example.org/register/4821",
        registration_mode=Event.RegistrationMode.CLOSED,
    )
    page = client.get(event.get_absolute_url()).content.decode()
    assert JOIN_URL not in page
    # Closed means closed: no way in, and the page says so.
    assert "example.org/register/4821" not in page
    assert "Registration for this event is closed." in page


def test_the_page_tells_visitors_where_the_join_link_comes_from(client):
    event = make_event(
        join_url=JOIN_URL,
        registration_url="https://example.org/register/4821",
        registration_mode=Event.RegistrationMode.REQUIRED,
    )
    page = client.get(event.get_absolute_url()).content.decode()
    # The site's own form takes the registrations; the external link is unused.
    assert "example.org/register/4821" not in page
    assert 'href="#register"' in page
    assert "The link to join is sent to the people who register" in page
