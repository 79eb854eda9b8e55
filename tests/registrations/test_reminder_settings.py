"""Which reminders go: the site's usual hours, or an event's own from the admin."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse

from events.models import Event
from registrations.models import register
from tests.conftest import run_worker
from tests.factories import make_event

pytestmark = pytest.mark.django_db


def registered_event(now):
    event = make_event(
        registration_mode=Event.RegistrationMode.REQUIRED,
        join_url="https://meet.example.org/room",
        start=now + datetime.timedelta(days=3),
    )
    register(event, email="sam@example.org", name="Sam", time_zone="Europe/London")
    run_worker()
    mail.outbox.clear()
    return event


def subjects_until(event, *hours_before):
    """The reminders sent by a worker run at each of those hours before the start."""
    sent = []
    for hours in hours_before:
        run_worker(at=event.start - datetime.timedelta(hours=hours))
        sent.extend(message.subject for message in mail.outbox)
        mail.outbox.clear()
    return sent


def set_reminders(staff_client, event, hours):
    response = staff_client.post(
        reverse("admin:registrations_registrationoptions_add"),
        {
            "event": event.pk,
            "capacity": "",
            "consent_text": "",
            "reminder_hours": hours,
        },
    )
    assert response.status_code == 302


def test_the_site_setting_gives_the_usual_reminders(settings, now):
    settings.REGISTRATION_REMINDER_HOURS = "48, 2"
    event = registered_event(now)

    assert subjects_until(event, 48, 24, 2, 1) == [
        f"In 48 hours: {event.title}",
        f"In 2 hours: {event.title}",
    ]


def test_an_events_own_reminders_from_the_admin_replace_the_usual_ones(
    staff_client, now
):
    event = registered_event(now)

    set_reminders(staff_client, event, "6")

    assert subjects_until(event, 24, 6, 1) == [f"In 6 hours: {event.title}"]


def test_zero_in_the_admin_means_no_reminders(staff_client, now):
    event = registered_event(now)

    set_reminders(staff_client, event, "0")

    assert subjects_until(event, 24, 1) == []
