import pytest

from events.models import Event
from events.sitemaps import (
    EventSectionSitemap,
    EventSeriesSitemap,
    EventSitemap,
    PresenterSitemap,
)
from recoverysite.publishing import Status
from tests.factories import make_event, make_presenter, make_series

pytestmark = pytest.mark.django_db


def locations(sitemap):
    return [entry["location"] for entry in sitemap().get_urls()]


def test_event_sitemap_lists_published_events_on_the_site_address():
    event = make_event()
    make_event(status=Status.DRAFT)

    assert locations(EventSitemap) == [
        f"http://127.0.0.1:8000{event.get_absolute_url()}"
    ]


def test_presenter_sitemap_lists_public_presenters_only():
    public = make_presenter()
    make_event(presenters=[public])
    make_presenter()

    assert locations(PresenterSitemap) == [
        f"http://127.0.0.1:8000{public.get_absolute_url()}"
    ]


def test_section_sitemap_lists_the_events_and_presenters_pages():
    assert locations(EventSectionSitemap) == [
        "http://127.0.0.1:8000/events/",
        "http://127.0.0.1:8000/presenters/",
    ]


def test_series_sitemap_lists_published_series_and_their_meetings_are_events(client):
    series = make_series(
        registration_mode=Event.RegistrationMode.REQUIRED,
        join_url="https://meet.example.org/tuesday-circle-7731",
    )
    make_series(status=Status.DRAFT)

    assert locations(EventSeriesSitemap) == [
        f"http://127.0.0.1:8000{series.get_absolute_url()}"
    ]
    index = client.get("/sitemap.xml").text
    assert "http://127.0.0.1:8000/sitemap-series.xml" in index
    response = client.get("/sitemap-series.xml")
    assert f"<loc>http://127.0.0.1:8000{series.get_absolute_url()}</loc>" in (
        response.text
    )
    assert "<lastmod>" in response.text
    events = client.get("/sitemap-events.xml").text
    for meeting in series.occurrences.all():
        assert meeting.get_absolute_url() in events
    assert "meet.example.org" not in response.text + events
