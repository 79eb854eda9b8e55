"""With registration required, the join link stays out of every public output."""

import pytest
from django.urls import reverse

from events.models import Event
from tests.factories import make_event

pytestmark = pytest.mark.django_db

JOIN_URL = "https://meet.example.org/private-room-4821"


def public_outputs(event):
    return [
        reverse("home"),
        reverse("events:list"),
        event.get_absolute_url(),
        reverse("events:event-calendar", kwargs={"slug": event.slug}),
        reverse("events:calendar"),
        reverse("events:feed"),
        reverse("events:feed-atom"),
        reverse("sitemap"),
        reverse("sitemap-section", kwargs={"section": "events"}),
    ]


@pytest.mark.parametrize("output", range(9))
def test_join_link_is_in_no_public_output_when_registration_is_required(client, output):
    event = make_event(
        join_url=JOIN_URL, registration_mode=Event.RegistrationMode.REQUIRED
    )
    url = public_outputs(event)[output]
    # Twice: the second answer may come from the page cache.
    for _attempt in range(2):
        response = client.get(url)
        assert response.status_code == 200
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
        join_url=JOIN_URL, registration_mode=Event.RegistrationMode.CLOSED
    )
    assert JOIN_URL not in client.get(event.get_absolute_url()).content.decode()
