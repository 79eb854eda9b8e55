"""Reminders at their moments, and the emails when an event changes."""

import datetime
import zoneinfo

import pytest
from django.core import mail

from events.models import Event
from registrations.models import Registration, register
from tests.conftest import run_worker
from tests.factories import make_event

pytestmark = pytest.mark.django_db
LOS_ANGELES = zoneinfo.ZoneInfo("America/Los_Angeles")
JOIN_URL = "https://meet.example.org/private-room-4821"


def registered_event(start, **kwargs):
    event = make_event(
        registration_mode=Event.RegistrationMode.REQUIRED,
        join_url=JOIN_URL,
        start=start,
        **kwargs,
    )
    register(event, email="sam@example.org", name="Sam", time_zone="Europe/London")
    return event


def sent_subjects():
    subjects = [message.subject for message in mail.outbox]
    mail.outbox.clear()
    return subjects


def test_reminders_come_24_and_1_hours_before_across_a_clock_change(settings):
    # The clocks in Los Angeles go forward on Sunday, March 8, 2026.
    start = datetime.datetime(2026, 3, 8, 10, 0, tzinfo=LOS_ANGELES)
    # In UTC: arithmetic on an aware time in its own zone keeps the wall clock.
    start = start.astimezone(datetime.UTC)
    now = start - datetime.timedelta(days=3)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("django.utils.timezone.now", lambda: now)
        event = registered_event(start)
    day_before = start - datetime.timedelta(hours=24)
    # 24 hours by the clock: 9:00 PST the day before, not 10:00.
    assert day_before.astimezone(LOS_ANGELES).hour == 9
    run_worker(at=day_before - datetime.timedelta(minutes=1))
    assert sent_subjects() == []
    run_worker(at=day_before)
    (subject,) = sent_subjects()
    assert subject == f"In 24 hours: {event.title}"
    run_worker(at=day_before + datetime.timedelta(hours=2))
    assert sent_subjects() == []
    run_worker(at=start - datetime.timedelta(hours=1))
    message_subjects = [m.subject for m in mail.outbox]
    body = mail.outbox[0].body
    assert message_subjects == [f"In an hour: {event.title}"]
    assert "10:00–11:30 AM PDT" in body
    assert "Your time (Europe/London): Sunday, March 8, 2026, 5:00–6:30 PM GMT" in body
    assert JOIN_URL in body


def test_a_rescheduled_event_moves_its_reminders_and_says_so(now):
    event = registered_event(now + datetime.timedelta(days=3))
    old_start = event.start
    event.start = old_start + datetime.timedelta(days=2)
    event.end = event.start + datetime.timedelta(hours=1)
    event.save()
    run_worker()
    assert sent_subjects() == [f"New time: {event.title}"]
    run_worker(at=old_start - datetime.timedelta(hours=1))
    assert sent_subjects() == []
    run_worker(at=event.start - datetime.timedelta(hours=24))
    assert sent_subjects() == [f"In 24 hours: {event.title}"]
    run_worker(at=event.start - datetime.timedelta(hours=1))
    assert sent_subjects() == [f"In an hour: {event.title}"]


def test_a_cancelled_event_sends_the_news_and_no_reminders(now):
    event = registered_event(now + datetime.timedelta(days=3))
    event.event_status = Event.EventStatus.CANCELLED
    event.save()
    run_worker()
    (message,) = mail.outbox
    assert message.subject == f"Cancelled: {event.title}"
    assert JOIN_URL not in message.body
    mail.outbox.clear()
    run_worker(at=event.start - datetime.timedelta(minutes=30))
    assert sent_subjects() == []


def test_postponed_and_moved_online_events_tell_registrants(now):
    event = registered_event(now + datetime.timedelta(days=3))
    event.event_status = Event.EventStatus.POSTPONED
    event.save()
    run_worker()
    assert sent_subjects() == [f"Postponed: {event.title}"]
    event.event_status = Event.EventStatus.MOVED_ONLINE
    event.save()
    run_worker()
    assert sent_subjects() == [f"Now online: {event.title}"]


def test_the_recording_email_goes_once_and_only_to_those_who_asked(now):
    event = registered_event(now + datetime.timedelta(days=3))
    register(
        event,
        email="ada@example.org",
        name="Ada",
        time_zone="Europe/London",
        wants_recording=True,
    )
    run_worker()
    mail.outbox.clear()
    event.recording_url = "https://example.org/recording.mp4"
    event.save()
    event.save()
    run_worker()
    (message,) = mail.outbox
    assert message.to == ["ada@example.org"]
    assert "recording" in message.subject


def test_registrants_are_erased_after_the_retention_days(now, settings):
    from registrations.tasks import erase_old_registrations

    settings.REGISTRATION_RETENTION_DAYS = 30
    old = registered_event(now - datetime.timedelta(days=40))
    recent = registered_event(now - datetime.timedelta(days=20))
    erase_old_registrations()
    assert list(Registration.objects.values_list("event", flat=True)) == [recent.pk]
    assert old.pk
