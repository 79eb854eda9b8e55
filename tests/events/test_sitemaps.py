import pytest

from events.sitemaps import EventSectionSitemap, EventSitemap, PresenterSitemap
from recoverysite.publishing import Status
from tests.factories import make_event, make_presenter

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
