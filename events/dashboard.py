"""The next events, on the editors' dashboard."""

from django.db.models import Count, Window
from django.utils.translation import gettext_lazy as _

from editorial.dashboard import (
    ITEMS_PER_SECTION,
    Link,
    Section,
    change_url,
    changelist_url,
    section,
)
from events.models import Event


@section(40)
def events_section(dashboard):
    if Event not in dashboard.models:
        return None
    upcoming = list(
        Event.objects.published()
        .upcoming()
        .only("pk", "title", "start", "end", "time_zone")
        # How many there are in all, counted by the same query.
        .annotate(upcoming_count=Window(Count("pk")))[:ITEMS_PER_SECTION]
    )
    return Section(
        key="events",
        title=_("Next events"),
        count=upcoming[0].upcoming_count if upcoming else 0,
        url=changelist_url(Event, "when=upcoming&state=published"),
        empty=_("No upcoming events are published."),
        items=[
            # In the event's own zone, named: the one its page and emails use.
            Link(event.title, change_url(event), event.when)
            for event in upcoming
        ],
    )
