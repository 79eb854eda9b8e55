"""Seats taken in the next events that ask for registration, on the dashboard."""

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from editorial.dashboard import (
    ITEMS_PER_SECTION,
    Link,
    Section,
    changelist_url,
    section,
    short_date,
)
from events.models import Event
from registrations.models import Registration


@section(45)
def registrations_section(dashboard):
    if not dashboard.user.has_perm("registrations.view_registration"):
        return None
    confirmed = Q(registrations__status=Registration.Status.CONFIRMED)
    waiting = Q(registrations__status=Registration.Status.WAITING)
    # All of them, in one query: a site has a few such events ahead, not hundreds.
    upcoming = list(
        Event.objects.published()
        .upcoming()
        .filter(registration_mode=Event.RegistrationMode.REQUIRED)
        .values("pk", "title", "start", "registration_options__capacity")
        .annotate(
            confirmed=Count("registrations", filter=confirmed),
            waiting=Count("registrations", filter=waiting),
        )
    )
    return Section(
        key="registrations",
        title=_("Registrations for the next events"),
        count=len(upcoming),
        url=changelist_url(Registration),
        empty=_("No upcoming event asks for registration."),
        items=[
            Link(
                event["title"],
                changelist_url(Registration, f"event__id__exact={event['pk']}"),
                f"{short_date(event['start'])} · {seats_note(event)}",
            )
            for event in upcoming[:ITEMS_PER_SECTION]
        ],
    )


def seats_note(event):
    capacity = event["registration_options__capacity"]
    if capacity:
        note = _("%(taken)d of %(capacity)d seats taken") % {
            "taken": event["confirmed"],
            "capacity": capacity,
        }
    else:
        note = ngettext(
            "%(taken)d registered", "%(taken)d registered", event["confirmed"]
        ) % {"taken": event["confirmed"]}
    if event["waiting"]:
        note += ", " + ngettext(
            "%(count)d waiting", "%(count)d waiting", event["waiting"]
        ) % {"count": event["waiting"]}
    return note
