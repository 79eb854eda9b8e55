from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")

    def ready(self):
        from events import (
            dashboard,  # noqa: F401 - adds its dashboard section
            tasks,  # noqa: F401 - registers the timed job
        )
        from events.models import Event, EventSeries
        from pagecache.schedules import on_schedule

        # Event lists change on the clock too: publication, "Happening now", end.
        on_schedule("events", Event.objects.next_change)
        on_schedule("events", EventSeries.objects.next_change)
