"""The events part of load_demo_content: the seed webinar and two upcoming ones."""

import datetime
from io import StringIO
from types import SimpleNamespace

import pytest
from django.core.management import call_command
from django.utils import timezone

from demo import events as demo_content
from demo.seed_page import read_seed_page
from events.models import Event, EventPresenter, Presenter
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
    event = Event.objects.get(registration_mode=Event.RegistrationMode.REQUIRED)
    assert event.start > timezone.now()
    assert Registration.objects.filter(event=event).confirmed().count() == 3
