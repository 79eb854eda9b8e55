import datetime
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from events.models import Event
from recoverysite.models import SiteSettings
from recoverysite.publishing import Status
from tests.events.conftest import SEED_END, SEED_START
from tests.factories import make_event, make_series

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def test_rss_feed_lists_published_events_newest_announcement_first(client, now):
    make_event(title="Announced last month", published_at=now - datetime.timedelta(30))
    make_event(title="Announced today", published_at=now - datetime.timedelta(hours=1))
    make_event(title="Draft", status=Status.DRAFT)
    make_event(title="Scheduled", published_at=now + datetime.timedelta(hours=1))

    response = client.get(reverse("events:feed"))

    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    items = channel.findall("item")
    assert [item.findtext("title") for item in items] == [
        "Announced today",
        "Announced last month",
    ]
    assert channel.findtext("link") == "http://127.0.0.1:8000/events/"
    assert items[0].findtext("link").startswith("http://127.0.0.1:8000/events/")


def test_feed_item_gives_the_date_in_the_event_time_zone(client):
    make_event(start=SEED_START, end=SEED_END, summary="Dialogue models.")

    channel = ET.fromstring(client.get(reverse("events:feed")).content).find("channel")

    assert channel.find("item").findtext("description") == (
        "Tuesday, April 15, 2025, 4:00–5:30 PM PDT. Dialogue models."
    )


def test_atom_feed_marks_cancelled_events_in_the_title(client):
    make_event(title="Called off", event_status=Event.EventStatus.CANCELLED)

    response = client.get(reverse("events:feed-atom"))

    assert response["Content-Type"].startswith("application/atom+xml")
    entry = ET.fromstring(response.content).find(f"{ATOM}entry")
    assert entry.findtext(f"{ATOM}title") == "Cancelled: Called off"


@pytest.mark.parametrize("count", [1, 10])
def test_feed_query_count_does_not_grow_with_events(assert_page_queries, count):
    for _ in range(count):
        make_event(tags=["peer support"])

    # Site settings, events, their tags.
    assert_page_queries(reverse("events:feed"), 3)


JOIN_URL = "https://meet.example.org/tuesday-circle-7731"


def registrants_only_series(**kwargs):
    return make_series(
        title="Tuesday circle",
        registration_mode=Event.RegistrationMode.REQUIRED,
        join_url=JOIN_URL,
        **kwargs,
    )


def test_a_series_feed_lists_its_meetings_and_never_their_join_link(client):
    series = registrants_only_series()
    make_series(title="Another group")

    for name, item_tag in [
        ("events:series-feed", "item"),
        ("events:series-feed-atom", f"{ATOM}entry"),
    ]:
        response = client.get(reverse(name, args=[series.slug]))

        assert response.status_code == 200
        assert JOIN_URL not in response.text
        root = ET.fromstring(response.content)
        items = list(root.iter(item_tag))
        assert len(items) == 3
        assert {
            item.findtext("title") or item.findtext(f"{ATOM}title") for item in items
        } == {"Tuesday circle"}
    channel = ET.fromstring(
        client.get(reverse("events:series-feed", args=[series.slug])).content
    ).find("channel")
    assert channel.findtext("title") == f"{SiteSettings.load().name}: Tuesday circle"
    assert channel.findtext("link") == series.get_full_url()
    assert channel.findtext("description").startswith("Every Tuesday at 18:00")
    meetings = series.occurrences.order_by("-start")
    assert [item.findtext("link") for item in channel.findall("item")] == [
        meeting.get_full_url() for meeting in meetings
    ]


def test_the_events_feed_says_which_series_a_meeting_belongs_to(client):
    series = registrants_only_series()

    response = client.get(reverse("events:feed"))

    assert JOIN_URL not in response.text
    descriptions = [
        item.findtext("description")
        for item in ET.fromstring(response.content).find("channel").findall("item")
    ]
    assert len(descriptions) == 3
    for description in descriptions:
        assert description.endswith(
            f"One meeting of “Tuesday circle”: {series.get_full_url()}"
        )


def test_a_draft_series_has_no_feed(client):
    series = make_series(status=Status.DRAFT)

    assert (
        client.get(reverse("events:series-feed", args=[series.slug])).status_code == 404
    )


@pytest.mark.parametrize("meetings", [1, 6])
def test_series_feed_query_count_does_not_grow_with_meetings(
    assert_page_queries, meetings
):
    series = make_series(rule=f"FREQ=WEEKLY;BYDAY=TU;COUNT={meetings}")

    # Site settings, the series, its meetings, their tags.
    assert_page_queries(reverse("events:series-feed", args=[series.slug]), 4)
