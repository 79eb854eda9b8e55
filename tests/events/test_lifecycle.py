"""One event page, read before, during and after the event, with the clock frozen."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from events.models import Event
from tests.events.conftest import SEED_END, SEED_START
from tests.factories import make_event, make_presenter

pytestmark = pytest.mark.django_db

WHEN = "Tuesday, April 15, 2025, 4:00–5:30 PM PDT"
REGISTER = "https://example.org/register/hope"
JOIN = "https://meet.example.org/hope"
RECORDING = "https://www.youtube.com/watch?v=Hq4mR7dPz2E"


@pytest.fixture
def webinar():
    presenter = make_presenter(
        name="Caroline Mazel-Carlton",
        role="Director of Learning Opportunities",
        affiliation="Wildflower Alliance",
        bio="<p>Caroline Mazel-Carlton is a psychiatric survivor.</p>",
    )
    return make_event(
        title="The Hope of Harm Reduction",
        slug="the-hope-of-harm-reduction",
        start=SEED_START,
        end=SEED_END,
        published_at=SEED_START - datetime.timedelta(days=21),
        description="<p>Frequently, clinical models of mental health support…</p>",
        registration_url=REGISTER,
        join_url=JOIN,
        recording_url=RECORDING,
        recording_note="Check out this video and let me know what you think!",
        transcript="<p>Welcome, everyone.</p>",
        handout_file=SimpleUploadedFile("slides.pdf", b"%PDF-1.4"),
        presenters=[presenter],
    )


def test_before_the_event_the_page_invites_people_to_register_and_join(
    client, webinar, frozen_clock
):
    frozen_clock(SEED_START - datetime.timedelta(days=3))
    response = client.get(webinar.get_absolute_url())

    assert response.status_code == 200
    html = response.content.decode()
    assert (
        f'<time datetime="2025-04-15T16:00:00-07:00" data-local-time '
        f'data-end="2025-04-15T17:30:00-07:00" '
        f'data-time-zone="America/Los_Angeles">{WHEN}</time>'
    ) in html
    assert "events/local-time.js" in html
    assert f'href="{REGISTER}">Register</a>' in html
    assert f'href="{JOIN}">Join the webinar</a>' in html
    assert 'href="/events/the-hope-of-harm-reduction/calendar.ics"' in html
    assert "https://calendar.google.com/calendar/render?" in html
    assert "About the Presenter</h2>" in html
    assert "Caroline Mazel-Carlton is a psychiatric survivor." in html
    assert "Happening now" not in html
    assert "took place" not in html
    assert "Check out this video" not in html
    assert "Welcome, everyone." not in html


def test_around_the_start_the_page_says_happening_now_with_the_join_link(
    client, webinar, frozen_clock, settings
):
    settings.EVENTS_HAPPENING_NOW_MINUTES = 15
    frozen_clock(SEED_START - datetime.timedelta(minutes=10))
    response = client.get(webinar.get_absolute_url())

    html = response.content.decode()
    assert "<strong>Happening now.</strong>" in html
    assert f'href="{JOIN}">Join the webinar now</a>' in html
    # Registration closes when the event starts.
    assert REGISTER not in html
    assert "took place" not in html


def test_after_the_event_the_page_offers_the_recording_instead_of_the_join_link(
    client, webinar, frozen_clock
):
    frozen_clock(SEED_END + datetime.timedelta(minutes=1))
    response = client.get(webinar.get_absolute_url())

    html = response.content.decode()
    assert (
        "This webinar took place on "
        f'<time datetime="2025-04-15T16:00:00-07:00">{WHEN}</time>.'
    ) in html
    assert JOIN not in html
    assert REGISTER not in html
    assert "calendar.ics" not in html
    assert "data-local-time" not in html
    assert "Check out this video and let me know what you think!" in html
    assert 'data-embed-provider="youtube" data-embed-id="Hq4mR7dPz2E"' in html
    assert "events/recording.js" in html
    assert "<summary>Read the transcript</summary>" in html
    assert "Welcome, everyone." in html
    assert "Download the handout" in html
    assert "About the Presenter</h2>" in html


def test_the_comment_thread_comes_below_the_event(client, webinar, frozen_clock):
    frozen_clock(SEED_END + datetime.timedelta(days=1))

    html = client.get(webinar.get_absolute_url()).content.decode()

    assert html.index("Read the transcript") < html.index('id="comments"')
    assert html.index('id="comments"') < html.index('class="back-link"')


def test_cancelled_event_says_so_and_offers_no_way_to_attend(
    client, webinar, frozen_clock
):
    webinar.event_status = Event.EventStatus.CANCELLED
    webinar.save()
    frozen_clock(SEED_START - datetime.timedelta(days=3))

    html = client.get(webinar.get_absolute_url()).content.decode()

    assert "<title>Cancelled: The Hope of Harm Reduction" in html
    assert "<strong>Cancelled.</strong> This webinar will not take place." in html
    assert JOIN not in html
    assert REGISTER not in html
    assert "Add to calendar" not in html


def test_cancelled_event_is_still_cancelled_after_its_date(
    client, webinar, frozen_clock
):
    webinar.event_status = Event.EventStatus.CANCELLED
    webinar.save()
    frozen_clock(SEED_END + datetime.timedelta(days=3))

    html = client.get(webinar.get_absolute_url()).content.decode()

    assert "This webinar did not take place." in html


def test_postponed_event_promises_a_new_date(client, webinar, frozen_clock):
    webinar.event_status = Event.EventStatus.POSTPONED
    webinar.save()
    frozen_clock(SEED_START - datetime.timedelta(days=3))

    html = client.get(webinar.get_absolute_url()).content.decode()

    assert "<strong>Postponed.</strong>" in html
    assert "The new date will be announced on this page." in html
    assert JOIN not in html
    assert "Add to calendar" not in html


def test_event_moved_online_keeps_its_join_link_and_drops_the_venue(
    client, frozen_clock
):
    event = make_event(
        format=Event.Format.IN_PERSON,
        venue_name="Eugene Public Library",
        venue_address="100 W 10th Ave\nEugene, OR",
        event_status=Event.EventStatus.MOVED_ONLINE,
        join_url=JOIN,
    )

    html = client.get(event.get_absolute_url()).content.decode()

    assert "<strong>Moved online.</strong>" in html
    assert "not at Eugene Public Library" in html
    assert "100 W 10th Ave" not in html
    assert f'href="{JOIN}"' in html


def test_in_person_event_shows_its_venue_and_no_join_link(client):
    event = make_event(
        format=Event.Format.IN_PERSON,
        venue_name="Eugene Public Library",
        venue_address="100 W 10th Ave\nEugene, OR",
        join_url=JOIN,
    )

    html = client.get(event.get_absolute_url()).content.decode()

    assert "Eugene Public Library<br>100 W 10th Ave<br>Eugene, OR" in html
    assert JOIN not in html


def test_hybrid_event_shows_venue_and_join_link(client):
    event = make_event(
        format=Event.Format.HYBRID, venue_name="Eugene Public Library", join_url=JOIN
    )

    html = client.get(event.get_absolute_url()).content.decode()

    assert "Eugene Public Library" in html
    assert "and online" in html
    assert f'href="{JOIN}"' in html


def test_several_presenters_are_about_the_presenters_with_their_roles(client):
    event = make_event(
        presenters=[
            (make_presenter(name="Tomás Herrera"), "panelist"),
            (make_presenter(name="Maya Lindqvist", pronouns="she/her"), "moderator"),
        ]
    )

    html = client.get(event.get_absolute_url()).content.decode()

    assert "About the Presenters</h2>" in html
    assert html.index("Tomás Herrera") < html.index("Maya Lindqvist")
    assert "<strong>Moderator</strong>" in html
    assert "(she/her)" in html


def test_visitors_cannot_see_a_draft_event(client):
    event = make_event(status="draft")

    assert client.get(event.get_absolute_url()).status_code == 404


def test_staff_preview_a_draft_event_uncached_and_unindexed(staff_client):
    event = make_event(status="draft")

    response = staff_client.get(event.get_absolute_url())

    assert response.status_code == 200
    assert response["X-Robots-Tag"] == "noindex"
    assert "no-cache" in response["Cache-Control"]
    assert "Draft: only staff can see this page." in response.content.decode()
