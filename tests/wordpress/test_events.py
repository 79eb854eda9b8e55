"""The Events Calendar's events, venues and organizers."""

import datetime
import zoneinfo

import pytest

from comments.models import Comment
from events.models import Event, EventPresenter, Presenter
from tests.wordpress.conftest import FIXTURES

pytestmark = pytest.mark.django_db
EXPORT = FIXTURES / "events.xml"


def local(year, month, day, hour, minute, zone):
    return datetime.datetime(
        year, month, day, hour, minute, tzinfo=zoneinfo.ZoneInfo(zone)
    )


def test_events_keep_their_times_in_their_time_zone(run_import):
    run_import(EXPORT)

    event = Event.objects.get(slug="peer-support-basics")
    assert event.time_zone == "America/New_York"
    assert event.start == local(2031, 3, 10, 18, 0, "America/New_York")
    assert event.end == local(2031, 3, 10, 19, 30, "America/New_York")
    assert (
        event.summary
        == "An evening for people new to peer support. Bring a friend if you like."
    )
    assert event.description == (
        "<p>An evening for people new to peer support.</p>"
        "<p>Bring a friend if you like.</p>"
    )


def test_a_utc_offset_becomes_a_zone_name(run_import):
    run_import(EXPORT)

    webinar = Event.objects.get(slug="hearing-voices-webinar")
    # POSIX names count the other way round: UTC+2 is Etc/GMT-2.
    assert webinar.time_zone == "Etc/GMT-2"
    assert webinar.start == datetime.datetime(2020, 5, 1, 8, 0, tzinfo=datetime.UTC)


def test_the_venue_is_written_into_the_event(run_import):
    run_import(EXPORT)

    event = Event.objects.get(slug="peer-support-basics")
    assert event.format == Event.Format.IN_PERSON
    assert event.venue_name == "Community Hall"
    assert event.venue_address == "12 Main Street\nNorthampton MA 01060\nUnited States"
    assert event.registration_url == "https://events.example.org/register/"


def test_organizers_become_hosts(run_import):
    run_import(EXPORT)

    event = Event.objects.get(slug="peer-support-basics")
    hosts = [
        (link.presenter.name, link.role, link.order)
        for link in event.event_presenters.select_related("presenter")
    ]
    assert hosts == [
        ("Alex Rivera", EventPresenter.Role.HOST, 0),
        ("Sam Lee", EventPresenter.Role.HOST, 1),
    ]
    alex = Presenter.objects.get(name="Alex Rivera")
    assert alex.website == "https://alex.example.org"
    assert alex.bio == "<p>Alex trains peer supporters.</p>"
    # A javascript: website is not a website.
    assert Presenter.objects.get(name="Sam Lee").website == ""
    # One presenter per organizer, however many events they host.
    assert Presenter.objects.count() == 2


def test_an_online_event_keeps_its_join_link_and_recording(run_import):
    run_import(EXPORT)

    webinar = Event.objects.get(slug="hearing-voices-webinar")
    assert webinar.format == Event.Format.ONLINE
    assert webinar.join_url == "https://zoom.us/j/1234567890"
    assert webinar.recording_url == "https://www.youtube.com/watch?v=SQEQr7c0-dw"
    assert webinar.recording.provider == "youtube"
    assert "youtube" not in webinar.description
    assert not webinar.comments_open


def test_a_cancelled_hybrid_event_says_so(run_import):
    output = run_import(EXPORT)

    gathering = Event.objects.get(title="Spring Gathering")
    assert gathering.event_status == Event.EventStatus.CANCELLED
    assert gathering.format == Event.Format.HYBRID
    assert gathering.join_url == "https://meet.example.org/spring"
    # "feed" is an address of the events section itself.
    assert gathering.slug == "event-feed"
    # _EventStartDateUTC wins; an end before the start becomes an hour later.
    assert gathering.start == datetime.datetime(2031, 4, 12, 13, 0, tzinfo=datetime.UTC)
    assert gathering.end == gathering.start + datetime.timedelta(hours=1)
    assert "events without a valid end: given one hour" in output
    assert "event organizers missing from the export" in output


def test_an_event_without_a_start_is_reported_and_left_out(run_import):
    output = run_import(EXPORT)

    assert not Event.objects.filter(title="An event without a date").exists()
    assert "it has no start date (_EventStartDate)" in output
    assert Event.objects.count() == 3


def test_event_comments_are_threaded_and_tags_kept(run_import):
    run_import(EXPORT)

    event = Event.objects.get(slug="peer-support-basics")
    question, answer = Comment.objects.for_object(event).thread()
    assert answer.parent_id == question.pk and answer.level == 1
    assert answer.user.username == "host"
    assert sorted(event.tags.names()) == ["Peer support", "Workshops"]


def test_event_pages_and_old_addresses_work(run_import, client):
    run_import(EXPORT)

    assert client.get("/events/peer-support-basics/").status_code == 200
    response = client.get("/event/hearing-voices-webinar/")
    assert response["Location"] == "/events/hearing-voices-webinar/"
    assert client.get("/organizer/alex-rivera/")["Location"] == (
        Presenter.objects.get(name="Alex Rivera").get_absolute_url()
    )
