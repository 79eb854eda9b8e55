import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from events.models import Event
from recoverysite.publishing import Status
from tests.factories import (
    make_event,
    make_image,
    make_image_file,
    make_presenter,
    make_series,
)

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


def titles(response, name):
    return [event.title for event in response.context[name]]


def test_events_page_lists_upcoming_soonest_first_then_past_newest_first(client, now):
    make_event(title="Next month", start=now + 30 * DAY)
    make_event(title="Next week", start=now + 7 * DAY)
    make_event(title="Last year", start=now - 365 * DAY)
    make_event(title="Last week", start=now - 7 * DAY)
    make_event(title="Draft", start=now + 3 * DAY, status=Status.DRAFT)

    response = client.get(reverse("events:list"))

    assert titles(response, "upcoming_events") == ["Next week", "Next month"]
    assert titles(response, "event_list") == ["Last week", "Last year"]
    html = response.content.decode()
    assert html.index("Upcoming events") < html.index("Next week")
    assert html.index("Next month") < html.index("Past events")
    assert "Draft" not in html


def test_past_events_with_a_recording_are_marked(client, now):
    make_event(
        title="Recorded",
        start=now - 7 * DAY,
        recording_url="https://vimeo.com/76979871",
    )
    make_event(title="Not recorded", start=now - 8 * DAY)

    html = client.get(reverse("events:list")).content.decode()

    assert html.count('<span class="badge">Recording</span>') == 1
    assert html.index("Recording</span>") < html.index("Recorded</a>")


def test_cancelled_and_postponed_events_are_marked_in_the_list(client):
    make_event(title="Called off", event_status=Event.EventStatus.CANCELLED)
    make_event(title="Later", event_status=Event.EventStatus.POSTPONED)

    html = client.get(reverse("events:list")).content.decode()

    assert '<span class="badge badge--alert">Cancelled</span>' in html
    assert '<span class="badge badge--alert">Postponed</span>' in html


def test_past_events_are_paginated_and_upcoming_ones_shown_on_the_first_page(
    client, now, settings
):
    make_event(title="Upcoming", start=now + DAY)
    for days in range(1, settings.EVENTS_PER_PAGE + 3):
        make_event(start=now - days * DAY)

    first = client.get(reverse("events:list"))
    second = client.get(reverse("events:list"), {"page": 2})

    assert len(first.context["event_list"]) == settings.EVENTS_PER_PAGE
    assert len(second.context["event_list"]) == 2
    assert "Upcoming" in first.content.decode()
    assert "upcoming_events" not in second.context


def test_events_page_links_the_calendar_and_feeds(client):
    html = client.get(reverse("events:list")).content.decode()

    assert 'href="/events/calendar.ics"' in html
    assert 'title="Events (RSS)" href="/events/feed/"' in html


def test_home_page_shows_the_next_three_upcoming_events(client, now):
    for days in [4, 1, 3, 2]:
        make_event(title=f"In {days} days", start=now + days * DAY)
    make_event(title="Yesterday", start=now - DAY)

    response = client.get(reverse("home"))

    assert titles(response, "upcoming_events") == [
        "In 1 days",
        "In 2 days",
        "In 3 days",
    ]
    assert "Upcoming events" in response.content.decode()


def test_home_page_leaves_out_the_events_section_when_nothing_is_planned(client):
    assert "Upcoming events" not in client.get(reverse("home")).content.decode()


def test_presenter_page_lists_their_upcoming_and_past_events(client, now):
    presenter = make_presenter(name="Maya Lindqvist", pronouns="she/her")
    make_event(title="Soon", start=now + DAY, presenters=[presenter])
    make_event(title="Long ago", start=now - 300 * DAY, presenters=[presenter])
    make_event(title="Recently", start=now - 3 * DAY, presenters=[presenter])
    make_event(title="Someone else's", start=now + DAY)
    make_event(title="Unannounced", status=Status.DRAFT, presenters=[presenter])

    response = client.get(presenter.get_absolute_url())

    assert response.status_code == 200
    assert titles(response, "upcoming_events") == ["Soon"]
    assert titles(response, "past_events") == ["Recently", "Long ago"]
    html = response.content.decode()
    assert "<h1>Maya Lindqvist" in html
    assert "Unannounced" not in html


def test_presenter_of_unpublished_events_only_is_not_public(client):
    presenter = make_presenter()
    make_event(status=Status.DRAFT, presenters=[presenter])

    assert client.get(presenter.get_absolute_url()).status_code == 404


def test_staff_preview_a_presenter_not_yet_public_unindexed(staff_client):
    presenter = make_presenter()

    response = staff_client.get(presenter.get_absolute_url())

    assert response.status_code == 200
    assert response["X-Robots-Tag"] == "noindex"


def test_presenter_index_lists_public_presenters_by_name(client):
    zoe = make_presenter(name="Zoe Adams")
    ana = make_presenter(name="Ana Berg", short_bio="Runs peer groups.")
    make_event(presenters=[zoe, ana])
    make_presenter(name="Without events")

    response = client.get(reverse("events:presenters"))

    assert [p.name for p in response.context["presenter_list"]] == [
        "Ana Berg",
        "Zoe Adams",
    ]
    assert "Runs peer groups." in response.content.decode()


def test_navigation_links_to_events(client):
    html = client.get(reverse("home")).content.decode()

    assert '<a href="/events/">Events</a>' in html


# Query budgets: the same number of queries for a few items and for many.


def make_events(count, now, presenters):
    for number in range(count):
        make_event(start=now + (number + 1) * DAY, presenters=presenters)
        make_event(start=now - (number + 1) * DAY, presenters=presenters)


@pytest.mark.parametrize("count", [1, 15])
def test_events_page_query_budget(assert_page_queries, now, count):
    make_events(count, now, [make_presenter(), make_presenter()])

    # Site settings, menu, past count and page, upcoming, two presenter lists.
    assert_page_queries(reverse("events:list"), 7)


@pytest.mark.parametrize("presenter_count", [1, 6])
def test_event_page_query_budget(assert_page_queries, presenter_count):
    presenters = [
        make_presenter(
            photo=make_image(make_image_file(size=(200, 200)), alt="A portrait.")
        )
        for _ in range(presenter_count)
    ]
    event = make_event(presenters=presenters, tags=["a", "b", "c"])

    # Site settings, menu, the event, its presenters, its tags.
    # Site settings, menu, the event with its presenters and tags, the comment
    # thread and the moderation rules.
    assert_page_queries(event.get_absolute_url(), 7)


@pytest.mark.parametrize("count", [1, 12])
def test_presenter_page_query_budget(assert_page_queries, now, count):
    presenter = make_presenter()
    make_events(count, now, [presenter, make_presenter()])

    # Site settings, menu, presenter, their events, the events' presenters.
    assert_page_queries(presenter.get_absolute_url(), 5)


@pytest.mark.parametrize("count", [1, 20])
def test_presenter_index_query_budget(assert_page_queries, count):
    event = make_event()
    for _ in range(count):
        event.presenters.add(make_presenter())

    # Site settings, menu, count, page.
    assert_page_queries(reverse("events:presenters"), 4)


def home_page_queries(client):
    client.get(reverse("home"))
    with CaptureQueriesContext(connection) as queries:
        client.get(reverse("home"))
    return len(queries)


def test_home_page_queries_do_not_grow_with_upcoming_events(client, now):
    make_events(1, now, [make_presenter()])
    with_one = home_page_queries(client)
    make_events(9, now, [make_presenter(), make_presenter()])

    assert home_page_queries(client) == with_one


# The order of an event page: what the visitor came for first.


def positions(html, *texts):
    return [html.index(text) for text in texts]


def test_upcoming_event_page_puts_time_presenters_and_registration_first(client, now):
    presenter = make_presenter(name="Maya Lindqvist")
    event = make_event(
        start=now + 7 * DAY,
        registration_mode=Event.RegistrationMode.REQUIRED,
        presenters=[presenter],
        description="<p>The long description.</p>",
    )

    html = client.get(event.get_absolute_url()).content.decode()

    order = positions(
        html,
        'class="event__when"',
        '<a href="#presenters-title">Maya Lindqvist</a>',
        'id="register"',
        "The long description.",
        'id="presenters-title"',
    )
    assert order == sorted(order)


def test_past_event_page_gives_the_recording_before_the_description_and_one_poster(
    client, now
):
    event = make_event(
        start=now - 7 * DAY,
        recording_url="https://www.youtube.com/watch?v=Hq4mR7dPz2E",
        transcript="<p>What was said.</p>",
        description="<p>The long description.</p>",
        featured_image=make_image(make_image_file(), alt="Two chairs."),
    )

    html = client.get(event.get_absolute_url()).content.decode()

    order = positions(html, 'id="recording"', "What was said.", "The long description.")
    assert order == sorted(order)
    assert html.count('class="embed__poster"') == 1
    assert 'class="featured"' not in html


def test_past_event_without_a_player_keeps_its_picture(client, now):
    event = make_event(
        start=now - 7 * DAY,
        recording_url="https://archive.example.org/hope.mp4",
        featured_image=make_image(make_image_file(), alt="Two chairs."),
    )

    html = client.get(event.get_absolute_url()).content.decode()

    assert 'class="featured"' in html
    assert html.index('id="recording"') < html.index('class="featured"')


def test_home_page_shows_a_series_once_by_its_next_meeting(client, now):
    series = make_series(title="Tuesday circle", rule="FREQ=WEEKLY;BYDAY=TU;COUNT=4")
    first, second, *_later = series.occurrences.order_by("start")
    make_event(title="A webinar", start=second.start + DAY)
    make_event(title="Another webinar", start=second.start + 2 * DAY)

    response = client.get(reverse("home"))

    assert titles(response, "upcoming_events") == [
        "Tuesday circle",
        "A webinar",
        "Another webinar",
    ]
    assert response.context["upcoming_events"][0] == first
    # Once the next meeting is cancelled, the one after it is shown as well.
    first.event_status = Event.EventStatus.CANCELLED
    first.save()
    upcoming = client.get(reverse("home")).context["upcoming_events"]
    assert [first, second] == [event for event in upcoming if event.series_id]
