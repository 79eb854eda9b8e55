"""With registration required, the join link stays out of every public output."""

import pytest
from django.urls import reverse

from events.models import Event
from tests.factories import make_event

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
