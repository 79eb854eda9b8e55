"""What the site keeps about registrants, for the commenter_data command."""

from django.db import transaction

from events.models import Event
from operations.background import enqueue_after_commit
from registrations import tasks
from registrations.models import Registration, fill_free_seats


def export_registrant(email):
    return [
        {
            "event": registration.event.title,
            "url": registration.event.get_absolute_url(),
            "name": registration.name,
            "time_zone": registration.time_zone,
            "language": registration.language,
            "answers": registration.answers,
            "status": registration.status,
            "registered_at": registration.registered_at.isoformat(),
            "attended": registration.attended,
            "wants_recording_email": registration.wants_recording_email,
        }
        for registration in Registration.objects.for_email(email).select_related(
            "event"
        )
    ]


@transaction.atomic
def erase_registrant(email):
    """Delete every registration of ``email``; a freed seat goes to the next."""
    if not email.strip():
        return 0
    registrations = Registration.objects.for_email(email)
    event_ids = set(registrations.values_list("event_id", flat=True))
    count = registrations.delete()[1].get("registrations.Registration", 0)
    for event in Event.objects.select_for_update().filter(pk__in=event_ids):
        for promoted in fill_free_seats(event):
            enqueue_after_commit(tasks.promoted, promoted.pk)
    return count
