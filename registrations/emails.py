"""
Emails to registrants, written by the worker (registrations/tasks.py) and sent
through the site's queued email backend. Join links travel only here and on
the registrant's signed page.
"""

import datetime

import icalendar
from django.conf import settings
from django.utils import translation

from events.models import format_time_range
from mail.messages import site_email
from registrations import links


def registrant_context(registration):
    event = registration.event
    zone = registration.zone
    own_time = format_time_range(
        event.start.astimezone(zone), event.end.astimezone(zone)
    )
    return {
        "registration": registration,
        "event": event,
        "event_url": event.get_full_url(),
        "organiser_time": event.when,
        # Said only when it differs, so nobody reads the same time twice.
        "own_time": own_time if own_time != event.when else "",
        "join_url": join_url_for(registration),
        "mine_url": links.link(registration, "mine", absolute=True),
        "cancel_url": links.link(registration, "cancel", absolute=True),
    }


def join_url_for(registration):
    event = registration.event
    if registration.is_confirmed and event.join_url and event.meets_online:
        return event.join_url
    return ""


def send(registration, template, context=None, attach_calendar=False):
    """One email to one registrant; the subject is the template's first line."""
    message_for(registration, template, context, attach_calendar).send()


def message_for(registration, template, context=None, attach_calendar=False):
    language = registration.language or settings.LANGUAGE_CODE
    # The times in the context are written out in the registrant's language too.
    with translation.override(language):
        message = site_email(
            registration.email,
            template,
            {**registrant_context(registration), **(context or {})},
            language=language,
        )
    if attach_calendar:
        message.attach(
            f"{registration.event.slug}.ics",
            calendar_for(registration),
            "text/calendar",
        )
    return message


def calendar_for(registration):
    """The event for the registrant's calendar, with their join link inside."""
    event = registration.event
    join_url = join_url_for(registration)
    lines = [event.summary]
    if join_url:
        with translation.override(registration.language or settings.LANGUAGE_CODE):
            lines.append(f"{translation.gettext('Join')}: {join_url}")
    lines.append(links.link(registration, "mine", absolute=True))
    entry = icalendar.Event.new(
        uid=event.ical_uid,
        stamp=event.updated_at.astimezone(datetime.UTC),
        start=event.local_start,
        end=event.local_end,
        summary=event.title,
        description="\n\n".join(lines),
        location=join_url or event.location_text,
        url=event.get_full_url(),
        status=icalendar.enums.STATUS.CONFIRMED,
    )
    calendar = icalendar.Calendar.new(
        prodid=f"-//{event.ical_uid.partition('@')[2]}//Registrations//EN",
        name=event.title,
    )
    calendar.add_component(entry)
    calendar.add_missing_timezones(
        first_date=event.local_start.date() - datetime.timedelta(days=1),
        last_date=event.local_end.date() + datetime.timedelta(days=1),
    )
    return calendar.to_ical().decode()


def registered(registration):
    """The confirmation, or the place on the waiting list."""
    if registration.is_waiting:
        send(
            registration,
            "registrations/emails/waiting.txt",
            {"position": registration.waiting_position()},
        )
    elif registration.is_confirmed:
        send(registration, "registrations/emails/confirmed.txt", attach_calendar=True)


def promoted(registration):
    send(registration, "registrations/emails/promoted.txt", attach_calendar=True)


def reminder(registration, hours_before):
    send(
        registration,
        "registrations/emails/reminder.txt",
        {"hours_before": hours_before},
    )


def event_changed(registration, change):
    send(
        registration,
        "registrations/emails/changed.txt",
        {"change": change},
        attach_calendar=change in {"rescheduled", "moved_online", "scheduled"},
    )


def recording_available(registration):
    send(
        registration,
        "registrations/emails/recording.txt",
        {"recording_url": registration.event.get_full_url() + "#recording"},
    )


def written(registration, subject, message):
    """An editor's own message to a registrant, written in the admin."""
    return message_for(
        registration,
        "registrations/emails/written.txt",
        {"subject": subject, "message": message},
    )
