"""
A demo event series: a weekly hearing voices group that starts next week, with
one week skipped, next to the seed's webinars; run by load_demo_content.
"""

import datetime
import zoneinfo

from django.utils import timezone

from demo.site import draw_image, library_image
from events.models import Event, EventSeries, SeriesException
from recoverysite.publishing import Status

SERIES_SLUG = "hearing-voices-tuesdays"
LONDON = zoneinfo.ZoneInfo("Europe/London")
TUESDAY = 1
MEETINGS = 8
# The fourth Tuesday has no meeting, so the page and its calendar show a skipped date.
SKIPPED_MEETING = 4
IMAGE_ALT = "An abstract picture in soft colours."


def load(command):
    if EventSeries.objects.filter(slug=SERIES_SLUG).exists():
        command.stdout.write("The demo series exists already.")
        return
    now = timezone.now()
    first_date = next_tuesday(now)
    series = EventSeries.objects.create(
        slug=SERIES_SLUG,
        title="Hearing Voices Group: Tuesday Evenings",
        summary=(
            "A weekly online peer-support group for people who hear voices, see "
            "visions or have other unusual experiences. Come to one meeting or "
            "to all of them."
        ),
        description=(
            "<p>Hearing voices groups are circles of peers, not therapy. Each "
            "meeting, people talk about what they hear and see, what helps and "
            "what does not, in their own words and without anyone deciding what "
            "their experiences mean.</p>"
            "<p>Grace Whitfield of the Northern Voices Collective facilitates. You "
            "can keep your camera off and you never have to speak. What is said "
            "in the group stays in the group.</p>"
            "<p>Register for each meeting you would like to come to: the link to "
            "join comes by email, because the group is only for the people in "
            "it.</p>"
        ),
        time_zone=LONDON.key,
        first_date=first_date,
        start_time=datetime.time(18, 0),
        duration=75,
        rule=f"FREQ=WEEKLY;BYDAY=TU;COUNT={MEETINGS}",
        registration_mode=Event.RegistrationMode.REQUIRED,
        join_url="https://meet.example.org/hearing-voices-tuesdays",
        featured_image=library_image(
            draw_image(("#6b4f74", "#efe6f2"), seed=SERIES_SLUG),
            f"{SERIES_SLUG}.jpg",
            IMAGE_ALT,
        ),
        status=Status.PUBLISHED,
        published_at=now - datetime.timedelta(days=1),
    )
    SeriesException.objects.create(
        series=series,
        date=first_date + datetime.timedelta(weeks=SKIPPED_MEETING - 1),
        note="The facilitators are at a training that evening.",
    )
    created = series.update_occurrences(now=now)
    command.stdout.write(f"The demo series and its {created} meetings created.")


def next_tuesday(now):
    """The first Tuesday at least two days after ``now``, in London."""
    day = now.astimezone(LONDON).date() + datetime.timedelta(days=2)
    return day + datetime.timedelta(days=(TUESDAY - day.weekday()) % 7)
