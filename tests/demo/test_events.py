"""
The events part of load_demo_content: the seed webinar, two upcoming ones and a
weekly series.
"""

import datetime
from io import StringIO
from types import SimpleNamespace

import pytest
from django.core.management import call_command
from django.utils import timezone

from demo import events as demo_content
from demo import registrations as demo_registrations
from demo import series as demo_series
from demo.seed_page import read_seed_page
from events.models import Event, EventPresenter, EventSeries, Presenter
from registrations.models import Registration
from tests.events.conftest import SEED_END, SEED_START

SEED_TITLE = (
    "The Hope of Harm Reduction: Exploring New Dialogue Models Developed by "
    "Non-Clinical Support Communities"
)


@pytest.fixture
def demo(db):
    command = SimpleNamespace(stdout=StringIO())
    demo_content.load(command)
    return command.stdout.getvalue()


def test_seed_webinar_is_the_seed_page_with_its_recording(demo):
    seed = read_seed_page()
    event = Event.objects.published().get(slug=demo_content.SEED_EVENT_SLUG)

    assert event.title == SEED_TITLE
    assert (event.start, event.end) == (SEED_START, SEED_END)
    assert event.time_zone == "America/Los_Angeles"
    assert event.format == Event.Format.ONLINE
    for paragraph in seed.event_description:
        assert paragraph[:40] in event.description
    assert event.recording_note == seed.recording_note
    assert event.recording.provider == "youtube"
    caroline = event.presenters.get()
    assert caroline.name == "Caroline Mazel-Carlton"
    assert caroline.role == "Director of Learning Opportunities"
    assert caroline.affiliation == "Wildflower Alliance"
    assert seed.presenter_bio[:60] in caroline.bio
    assert caroline.photo and caroline.photo.alt


def test_seed_webinar_page_reads_like_the_seed_page(demo, client):
    event = Event.objects.get(slug=demo_content.SEED_EVENT_SLUG)

    html = client.get(event.get_absolute_url()).content.decode()

    for text in [
        f"<h1>{SEED_TITLE}</h1>",
        "This webinar took place on",
        "Tuesday, April 15, 2025, 4:00–5:30 PM PDT",
        "Event Description</h2>",
        "About the Presenter</h2>",
        "Check out this video and let me know what you think in the comment section!",
        'data-embed-provider="youtube"',
        'type="application/ld+json"',
    ]:
        assert text in html
    # What a visitor comes to a past webinar for, the recording, comes first.
    assert (
        html.index("Check out this video")
        < html.index("Event Description")
        < html.index("About the Presenter")
    )


def test_two_upcoming_webinars_are_dated_from_today(demo, now):
    upcoming = list(Event.objects.published().upcoming())

    assert len(upcoming) == 2
    first, second = upcoming
    assert first.start - now > datetime.timedelta(days=9)
    assert second.start - now > datetime.timedelta(days=39)
    assert (first.local_start.hour, first.local_start.minute) == (10, 0)
    assert (second.local_start.hour, second.time_zone) == (17, "Europe/London")
    assert first.registration_url and first.join_url
    assert [a.role for a in second.event_presenters.all()] == [
        "panelist",
        "panelist",
        "moderator",
    ]


def test_upcoming_demo_webinar_shows_join_registration_and_local_time(demo, client):
    event = Event.objects.published().upcoming().first()

    html = client.get(event.get_absolute_url()).content.decode()

    assert ">Register</a>" in html
    assert ">Join the webinar</a>" in html
    assert "data-local-time" in html
    assert "Add to calendar" in html


def test_second_upcoming_demo_webinar_keeps_its_join_link_for_registrants(demo, client):
    second = Event.objects.published().upcoming()[1]

    html = client.get(second.get_absolute_url()).content.decode()

    assert second.registration_mode == Event.RegistrationMode.REQUIRED
    assert second.join_url
    assert second.join_url not in html


def test_loading_again_creates_and_changes_nothing(demo):
    stamps = list(Event.objects.values_list("pk", "updated_at").order_by("pk"))
    counts = (Presenter.objects.count(), EventPresenter.objects.count())

    command = SimpleNamespace(stdout=StringIO())
    demo_content.load(command)

    assert list(Event.objects.values_list("pk", "updated_at").order_by("pk")) == stamps
    assert (Presenter.objects.count(), EventPresenter.objects.count()) == counts
    assert command.stdout.getvalue() == "0 of 3 demo events created."


@pytest.mark.django_db
def test_the_demo_webinar_with_registration_has_a_few_registrants():
    call_command("load_demo_content", stdout=StringIO())
    event = Event.objects.get(slug=demo_registrations.REGISTRATION_EVENT_SLUG)
    assert event.registration_mode == Event.RegistrationMode.REQUIRED
    assert event.series is None
    assert event.start > timezone.now()
    assert Registration.objects.filter(event=event).confirmed().count() == 3


@pytest.mark.django_db
def test_the_demo_series_meets_on_tuesday_evenings_with_one_week_skipped(client):
    call_command("load_demo_content", stdout=StringIO())
    series = EventSeries.objects.published().get(slug=demo_series.SERIES_SLUG)
    meetings = list(series.occurrences.published().upcoming())

    # Eight Tuesdays in the pattern, the fourth skipped.
    assert len(meetings) == 7
    local = [meeting.local_start for meeting in meetings]
    assert {(start.weekday(), start.hour, start.minute) for start in local} == {
        (1, 18, 0)
    }
    assert {meeting.time_zone for meeting in meetings} == {"Europe/London"}
    skipped = series.first_date + datetime.timedelta(weeks=3)
    assert skipped not in [start.date() for start in local]
    assert all(
        meeting.registration_mode == Event.RegistrationMode.REQUIRED
        for meeting in meetings
    )

    page = client.get(series.get_absolute_url()).text
    assert "Every Tuesday at 18:00 (Europe/London), 8 meetings" in page
    assert "No meeting on " in page
    assert "The facilitators are at a training that evening." in page
    for meeting in meetings:
        assert meeting.get_absolute_url() in page
    assert series.join_url not in page


@pytest.mark.django_db
def test_the_demo_has_two_upcoming_webinars_and_the_series_meetings_upcoming():
    call_command("load_demo_content", stdout=StringIO())

    upcoming = Event.objects.published().upcoming()

    assert upcoming.count() == 9
    assert upcoming.filter(series__isnull=True).count() == 2


@pytest.mark.django_db
def test_the_demo_privacy_page_says_what_registering_keeps_and_for_how_long(
    client, settings
):
    settings.REGISTRATION_RETENTION_DAYS = 12
    call_command("load_demo_content", stdout=StringIO())

    text = client.get("/about/privacy/").text

    assert "<h2>Registering for an event</h2>" in text
    assert "your time zone, your answers to the event's questions" in text
    assert "Your registration is erased 12 days after the event." in text
