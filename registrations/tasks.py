"""
What a registration sets off, done by the worker: the confirmation (or the place
on the waiting list) and the seat email of someone promoted. Each task takes a
registration's id; one erased meanwhile ends the task quietly.
"""

import datetime
import logging

from django.conf import settings
from django.utils import timezone
from django_tasks import task

from events.models import Event
from operations.background import enqueue_after_commit, every
from registrations import emails
from registrations.models import Registration, SentReminder, options_for

logger = logging.getLogger(__name__)


def find(registration_id):
    registration = (
        Registration.objects.select_related("event").filter(pk=registration_id).first()
    )
    if registration is None:
        logger.info("Registration %s was erased before its email", registration_id)
    return registration


@task
def registered(registration_id):
    """The confirmation with the join link, or the place on the waiting list."""
    if registration := find(registration_id):
        emails.registered(registration)


@task
def promoted(registration_id):
    """Someone on the waiting list has a seat now."""
    if (registration := find(registration_id)) and registration.is_confirmed:
        emails.promoted(registration)


@task
def send_reminder(event_id, hours_before, start):
    """
    The reminder ``hours_before`` the start ``start`` (ISO), once per registrant.
    A reminder for a start the event no longer has was moved: it sends nothing.
    """
    event = Event.objects.filter(pk=event_id).first()
    if event is None or event.start.isoformat() != start or not event.is_going_ahead:
        return "moved or called off"
    # An editor may have chosen other hours, or none, since it was queued.
    if hours_before not in options_for(event).reminders():
        return "no longer asked for"
    sent = 0
    for registration in event.registrations.confirmed().select_related("event"):
        _reminder, created = SentReminder.objects.get_or_create(
            registration=registration,
            hours_before=hours_before,
            event_start=event.start,
        )
        if created:
            emails.reminder(registration, hours_before)
            sent += 1
    return f"{sent} reminder(s) sent"


def schedule_reminders(event):
    """Queue the event's reminders for its current start; past moments are skipped."""
    now = timezone.now()
    for hours in options_for(event).reminders():
        moment = event.start - datetime.timedelta(hours=hours)
        if moment > now:
            enqueue_after_commit(
                send_reminder.using(run_after=moment),
                event.pk,
                hours,
                event.start.isoformat(),
            )


@task
def event_changed(event_id, change):
    """Registrants hear that their event was moved, postponed or cancelled."""
    registrations = Registration.objects.active().filter(event_id=event_id)
    for registration in registrations.select_related("event"):
        emails.event_changed(registration, change)


@task
def recording_available(event_id):
    """The one “the recording is up” email, to those who asked for it."""
    waiting = Registration.objects.active().filter(
        event_id=event_id, wants_recording_email=True, recording_email_sent_at=None
    )
    for registration in waiting.select_related("event"):
        claimed = Registration.objects.filter(
            pk=registration.pk, recording_email_sent_at=None
        ).update(recording_email_sent_at=timezone.now())
        if claimed:
            emails.recording_available(registration)


@every(datetime.timedelta(days=1))
def erase_old_registrations():
    """Registrants are forgotten REGISTRATION_RETENTION_DAYS after their event."""
    count, _details = Registration.objects.past_retention(
        settings.REGISTRATION_RETENTION_DAYS
    ).delete()
    return f"{count} row(s) erased"


@task
def write_to_registrants(registration_ids, subject, message):
    """An editor's message to the registrants they chose, cancelled ones left out."""
    chosen = Registration.objects.active().filter(pk__in=registration_ids)
    sent = 0
    for registration in chosen.select_related("event"):
        emails.written(registration, subject, message).send()
        sent += 1
    return f"{sent} email(s) written"
