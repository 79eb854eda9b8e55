import datetime
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from events.models import Event
from recoverysite.publishing import Status
from tests.events.conftest import SEED_END, SEED_START
from tests.factories import make_event

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
