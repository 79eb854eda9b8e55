import json
import re

import pytest

from events.models import Event
from tests.events.conftest import SEED_END, SEED_START
from tests.factories import make_event, make_image, make_image_file, make_presenter

pytestmark = pytest.mark.django_db

SCHEMA = "https://schema.org/"


def json_ld(response):
    [text] = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>',
        response.content.decode(),
        flags=re.DOTALL,
    )
    return json.loads(text)


def test_event_page_describes_the_event_for_search_engines(client):
    presenter = make_presenter(
        name="Caroline Mazel-Carlton",
        role="Director of Learning Opportunities",
        affiliation="Wildflower Alliance",
        photo=make_image(make_image_file(size=(300, 300)), alt="A portrait."),
    )
    event = make_event(
        title="The Hope of Harm Reduction",
        summary="Dialogue models from peer-run communities.",
        start=SEED_START,
        end=SEED_END,
        presenters=[presenter],
        featured_image=make_image(make_image_file(), alt="Soft shapes."),
    )

    data = json_ld(client.get(event.get_absolute_url()))

    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Event"
    assert data["name"] == "The Hope of Harm Reduction"
    assert data["description"] == "Dialogue models from peer-run communities."
    assert data["url"] == event.get_full_url()
    assert data["startDate"] == "2025-04-15T16:00:00-07:00"
    assert data["endDate"] == "2025-04-15T17:30:00-07:00"
    assert data["eventStatus"] == SCHEMA + "EventScheduled"
    assert data["eventAttendanceMode"] == SCHEMA + "OnlineEventAttendanceMode"
    assert data["location"] == {"@type": "VirtualLocation", "url": event.get_full_url()}
    [person] = data["performer"]
    assert person["@type"] == "Person"
    assert person["name"] == "Caroline Mazel-Carlton"
    assert person["jobTitle"] == "Director of Learning Opportunities"
    assert person["affiliation"] == {
        "@type": "Organization",
        "name": "Wildflower Alliance",
    }
    assert person["url"] == presenter.get_full_url()
    assert person["image"].startswith("http://127.0.0.1:8000/media/")
    assert data["image"][0].startswith("http://127.0.0.1:8000/media/")
    assert data["organizer"]["@type"] == "Organization"


@pytest.mark.parametrize(
    "event_status, schema_status",
    [
        (Event.EventStatus.SCHEDULED, "EventScheduled"),
        (Event.EventStatus.CANCELLED, "EventCancelled"),
        (Event.EventStatus.POSTPONED, "EventPostponed"),
        (Event.EventStatus.MOVED_ONLINE, "EventMovedOnline"),
    ],
)
def test_event_status_is_told_to_search_engines(client, event_status, schema_status):
    event = make_event(event_status=event_status)

    data = json_ld(client.get(event.get_absolute_url()))

    assert data["eventStatus"] == SCHEMA + schema_status


def test_in_person_event_is_at_a_place(client):
    event = make_event(
        format=Event.Format.IN_PERSON,
        venue_name="Eugene Public Library",
        venue_address="100 W 10th Ave\nEugene, OR",
    )

    data = json_ld(client.get(event.get_absolute_url()))

    assert data["eventAttendanceMode"] == SCHEMA + "OfflineEventAttendanceMode"
    assert data["location"] == {
        "@type": "Place",
        "name": "Eugene Public Library",
        "address": "100 W 10th Ave, Eugene, OR",
    }


def test_hybrid_event_is_at_a_place_and_online(client):
    event = make_event(format=Event.Format.HYBRID, venue_name="Library")

    data = json_ld(client.get(event.get_absolute_url()))

    assert data["eventAttendanceMode"] == SCHEMA + "MixedEventAttendanceMode"
    assert [place["@type"] for place in data["location"]] == [
        "Place",
        "VirtualLocation",
    ]


def test_event_moved_online_is_online_only(client):
    event = make_event(
        format=Event.Format.IN_PERSON,
        venue_name="Library",
        event_status=Event.EventStatus.MOVED_ONLINE,
    )

    data = json_ld(client.get(event.get_absolute_url()))

    assert data["eventAttendanceMode"] == SCHEMA + "OnlineEventAttendanceMode"
    assert data["location"]["@type"] == "VirtualLocation"


def test_one_performer_per_presenter_in_order(client):
    event = make_event(
        presenters=[make_presenter(name="First"), make_presenter(name="Second")]
    )

    data = json_ld(client.get(event.get_absolute_url()))

    assert [person["name"] for person in data["performer"]] == ["First", "Second"]


def test_json_ld_cannot_be_closed_by_an_editor_title(client):
    event = make_event(title="</script><script>alert(1)</script> & more")

    html = client.get(event.get_absolute_url()).content.decode()

    assert "<script>alert(1)" not in html
    assert "\\u003C/script\\u003E\\u003Cscript\\u003Ealert(1)" in html
    assert json_ld(client.get(event.get_absolute_url()))["name"] == (
        "</script><script>alert(1)</script> & more"
    )
