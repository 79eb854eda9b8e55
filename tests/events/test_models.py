import datetime
import zoneinfo

import pytest
from django.core.exceptions import ValidationError

from events.models import Event, Phase
from recoverysite.publishing import Status
from tests.events.conftest import LOS_ANGELES, SEED_END, SEED_START
from tests.factories import make_event

pytestmark = pytest.mark.django_db

HOUR = datetime.timedelta(hours=1)


def test_upcoming_lists_events_not_yet_ended_soonest_first(now):
    later = make_event(start=now + 48 * HOUR)
    sooner = make_event(start=now + 24 * HOUR)
    happening = make_event(start=now - HOUR, end=now + HOUR)
    make_event(start=now - 3 * HOUR, end=now - 2 * HOUR)

    assert list(Event.objects.upcoming()) == [happening, sooner, later]


def test_past_lists_ended_events_most_recent_first(now):
    older = make_event(start=now - 48 * HOUR)
    newer = make_event(start=now - 24 * HOUR)
    make_event(start=now - HOUR, end=now + HOUR)

    assert list(Event.objects.past()) == [newer, older]


def test_published_upcoming_leaves_out_drafts_and_scheduled_announcements(now):
    shown = make_event()
    make_event(status=Status.DRAFT)
    make_event(published_at=now + HOUR)

    assert list(Event.objects.published().upcoming()) == [shown]


def test_times_are_stored_in_utc_and_shown_in_the_event_time_zone():
    event = make_event(start=SEED_START, end=SEED_END)
    event.refresh_from_db()

    assert event.start == datetime.datetime(2025, 4, 15, 23, 0, tzinfo=datetime.UTC)
    assert event.start.utcoffset() == datetime.timedelta(0)
    assert event.when == "Tuesday, April 15, 2025, 4:00–5:30 PM PDT"
    assert event.local_start.isoformat() == "2025-04-15T16:00:00-07:00"


@pytest.mark.parametrize(
    "zone, day, when, utc_hour",
    [
        # The US moves its clocks on March 9, 2025 and Britain on March 30: in
        # between, 6 PM in Los Angeles and in London are seven hours apart, not eight.
        ("America/Los_Angeles", 20, "Thursday, March 20, 2025, 6:00–7:00 PM PDT", 1),
        ("Europe/London", 20, "Thursday, March 20, 2025, 6:00–7:00 PM GMT", 18),
        ("Europe/London", 31, "Monday, March 31, 2025, 6:00–7:00 PM BST", 17),
    ],
)
def test_march_events_follow_each_time_zone_daylight_saving_date(
    zone, day, when, utc_hour
):
    start = datetime.datetime(2025, 3, day, 18, tzinfo=zoneinfo.ZoneInfo(zone))
    event = make_event(start=start, end=start + HOUR, time_zone=zone)
    event.refresh_from_db()

    assert event.when == when
    assert event.start.astimezone(datetime.UTC).hour == utc_hour


@pytest.mark.parametrize(
    "zone, when, utc_hour",
    [
        # Both zones are back on standard time by November 5, 2025.
        ("America/Los_Angeles", "Wednesday, November 5, 2025, 6:00–7:00 PM PST", 2),
        ("Europe/London", "Wednesday, November 5, 2025, 6:00–7:00 PM GMT", 18),
    ],
)
def test_november_events_are_on_standard_time(zone, when, utc_hour):
    start = datetime.datetime(2025, 11, 5, 18, tzinfo=zoneinfo.ZoneInfo(zone))
    event = make_event(start=start, end=start + HOUR, time_zone=zone)
    event.refresh_from_db()

    assert event.when == when
    assert event.start.astimezone(datetime.UTC).hour == utc_hour


def test_event_during_the_november_clock_change_names_both_offsets():
    start = datetime.datetime(2025, 11, 2, 0, 30, tzinfo=LOS_ANGELES)
    # Two real hours later the clocks have gone back: 1:30 AM standard time.
    event = make_event(start=start, end=start.astimezone(datetime.UTC) + 2 * HOUR)

    assert event.when == "Sunday, November 2, 2025, 12:30 AM PDT–1:30 AM PST"


def test_when_names_both_halves_of_the_day_across_noon():
    start = datetime.datetime(2025, 4, 15, 11, tzinfo=LOS_ANGELES)
    event = make_event(start=start, end=start + 1.5 * HOUR)

    assert event.when == "Tuesday, April 15, 2025, 11:00 AM–12:30 PM PDT"


def test_when_past_midnight_writes_both_days():
    start = datetime.datetime(2025, 4, 15, 23, tzinfo=LOS_ANGELES)
    event = make_event(start=start, end=start + 2 * HOUR)

    assert event.when == (
        "Tuesday, April 15, 2025, 11:00 PM PDT – Wednesday, April 16, 2025, 1:00 AM PDT"
    )


def test_phase_moves_from_upcoming_to_happening_now_to_past(frozen_clock, settings):
    settings.EVENTS_HAPPENING_NOW_MINUTES = 15
    event = make_event(start=SEED_START, end=SEED_END)
    moments = {
        Phase.UPCOMING: SEED_START - datetime.timedelta(minutes=16),
        Phase.HAPPENING_NOW: SEED_START - datetime.timedelta(minutes=15),
        Phase.PAST: SEED_END,
    }
    for phase, moment in moments.items():
        frozen_clock(moment)
        assert Event.objects.get(pk=event.pk).phase == phase


def test_happening_now_window_comes_from_settings(frozen_clock, settings):
    event = make_event(start=SEED_START, end=SEED_END)
    frozen_clock(SEED_START - datetime.timedelta(minutes=30))

    settings.EVENTS_HAPPENING_NOW_MINUTES = 15
    assert Event.objects.get(pk=event.pk).phase == Phase.UPCOMING
    settings.EVENTS_HAPPENING_NOW_MINUTES = 45
    assert Event.objects.get(pk=event.pk).phase == Phase.HAPPENING_NOW


def test_cancelled_event_is_never_happening_now(frozen_clock):
    event = make_event(
        start=SEED_START, end=SEED_END, event_status=Event.EventStatus.CANCELLED
    )
    frozen_clock(SEED_START)

    assert not event.is_happening_now
    assert not event.shows_join_link


def test_end_must_come_after_start():
    event = make_event()
    event.end = event.start

    with pytest.raises(ValidationError) as error:
        event.full_clean()

    assert error.value.message_dict["end"] == ["The end must be after the start."]


def test_unknown_time_zone_is_refused_with_a_suggestion():
    event = make_event()
    event.time_zone = "America/Los Angeles"

    with pytest.raises(ValidationError) as error:
        event.full_clean()

    assert error.value.message_dict["time_zone"] == [
        "“America/Los Angeles” is not a time zone name. Did you mean "
        "America/Los_Angeles?"
    ]


def test_time_zone_defaults_to_the_setting(settings):
    settings.EVENTS_DEFAULT_TIMEZONE = "Europe/London"

    assert Event().time_zone == "Europe/London"


def test_in_person_event_needs_a_venue():
    event = make_event(format=Event.Format.IN_PERSON)

    with pytest.raises(ValidationError) as error:
        event.full_clean()

    assert "venue_name" in error.value.message_dict


@pytest.mark.parametrize("slug", ["feed", "tags", "2025"])
def test_slugs_used_by_the_site_are_refused(slug):
    event = make_event()
    event.slug = slug

    with pytest.raises(ValidationError) as error:
        event.full_clean()

    assert "slug" in error.value.message_dict


def test_description_and_transcript_lose_iframes_and_scripts():
    event = make_event(
        description='<p>Hi</p><iframe src="https://www.youtube.com/embed/x"></iframe>',
        transcript="<p>Said</p><script>alert(1)</script>",
    )
    event.refresh_from_db()

    assert event.description == "<p>Hi</p>"
    assert "script" not in event.transcript


def test_calendar_uid_survives_a_new_slug():
    event = make_event()
    uid = event.ical_uid
    event.slug = "renamed"
    event.save()

    assert event.ical_uid == uid


def test_slug_is_made_from_the_title():
    first = make_event(title="The Hope of Harm Reduction", slug="")
    second = make_event(title="The Hope of Harm Reduction", slug="")

    assert first.slug == "the-hope-of-harm-reduction"
    assert second.slug == "the-hope-of-harm-reduction-2"
