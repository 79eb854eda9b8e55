"""
How registrations follow their event: the reminders move with its start, and
registrants hear of a new time, a postponement, a cancellation, a move online
or the recording. Connected in RegistrationsConfig.ready(); every email is a
task queued after the event's save commits.
"""

from events.models import Event
from operations.background import enqueue_after_commit
from registrations import tasks

WATCHED = ["start", "event_status", "recording_url", "registration_mode"]


def remember_before(sender, instance, raw=False, **kwargs):
    instance._registration_before = None
    # follow_event() only acts on events that ask for registration: the others
    # are saved without this extra read.
    requires = instance.registration_mode == Event.RegistrationMode.REQUIRED
    if raw or instance.pk is None or not requires:
        return
    instance._registration_before = (
        Event.objects.filter(pk=instance.pk).values(*WATCHED).first()
    )


def follow_event(sender, instance, created, raw=False, **kwargs):
    if raw:
        return
    event = instance
    before = getattr(event, "_registration_before", None) or {}
    requires = event.registration_mode == Event.RegistrationMode.REQUIRED
    if not requires:
        return
    moved = before.get("start") != event.start
    if created or moved or before.get("registration_mode") != event.registration_mode:
        tasks.schedule_reminders(event)
    if not before:
        return
    if before["event_status"] != event.event_status:
        enqueue_after_commit(tasks.event_changed, event.pk, event.event_status)
    elif moved:
        enqueue_after_commit(tasks.event_changed, event.pk, "rescheduled")
    if event.recording_url and not before["recording_url"]:
        enqueue_after_commit(tasks.recording_available, event.pk)
