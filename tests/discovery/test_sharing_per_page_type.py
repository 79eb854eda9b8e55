"""Every public page type says what a link preview shows: title, text, address."""

import datetime
import html
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from events.models import EventSeries
from recoverysite.models import SiteSettings
from recoverysite.publishing import Status
from tests.factories import (
    make_article,
    make_event,
    make_image,
    make_image_file,
    make_page,
    make_presenter,
    make_user,
)

pytestmark = pytest.mark.django_db

SITE = "http://127.0.0.1:8000"


def meta(page, name):
    """The content of <meta property|name=name>, unescaped; None when missing."""
    found = re.findall(
        rf'<meta (?:property|name)="{re.escape(name)}" content="([^"]*)">', page
    )
    assert len(found) <= 1, f"{name} given {len(found)} times"
    return html.unescape(found[0]) if found else None


def canonical(page):
    (address,) = re.findall(r'<link rel="canonical" href="([^"]*)">', page)
    return html.unescape(address)


@pytest.fixture
def site(db):
    settings = SiteSettings.load()
    settings.name = "Calm Waters"
    settings.tagline = "Conversations about recovery."
    settings.save()
    author = make_user(display_name="Ann Writer", bio="Peer worker and writer.")
    picture = make_image(make_image_file(), alt="A calm lake")
    article = make_article(
        title="Hope & work",
        summary="On going back to work.",
        author=author,
        featured_image=picture,
        tags=["hope"],
    )
    event = make_event(
        title="Talking about voices",
        summary="A webinar on hearing voices.",
        featured_image=picture,
        presenters=[make_presenter(name="Zoe Adams", short_bio="Runs groups.")],
    )
    series = EventSeries.objects.create(
        title="Tuesday group",
        summary="A weekly peer-support group.",
        description="<p>Come as you are.</p>",
        time_zone="Europe/London",
        first_date=timezone.localdate() + datetime.timedelta(days=7),
        start_time=datetime.time(18, 0),
        rule="FREQ=WEEKLY;BYDAY=TU",
        status=Status.PUBLISHED,
        published_at=timezone.now() - datetime.timedelta(days=1),
    )
    page = make_page(
        title="About us",
        slug="about",
        body="<p>We are a peer-run project.</p><p>We meet online.</p>",
    )
    return {
        "article": article,
        "event": event,
        "series": series,
        "page": page,
        "author": author,
    }


# Each page type: its address, og:title, og:description, og:type and whether
# it has a picture to show.
PAGE_TYPES = {
    "home": (
        lambda site: reverse("home"),
        "Calm Waters",
        "Conversations about recovery.",
        "website",
        False,
    ),
    "article": (
        lambda site: site["article"].get_absolute_url(),
        "Hope & work",
        "On going back to work.",
        "article",
        True,
    ),
    "event": (
        lambda site: site["event"].get_absolute_url(),
        "Talking about voices",
        "A webinar on hearing voices.",
        "website",
        True,
    ),
    "series": (
        lambda site: site["series"].get_absolute_url(),
        "Tuesday group",
        "A weekly peer-support group.",
        "website",
        False,
    ),
    "page": (
        lambda site: site["page"].get_absolute_url(),
        "About us",
        "We are a peer-run project. We meet online.",
        "website",
        False,
    ),
    "tag": (
        lambda site: reverse("pages:tag", args=["hope"]),
        "Tagged “hope”",
        "Articles and events tagged “hope” on Calm Waters.",
        "website",
        False,
    ),
    "topics": (
        lambda site: reverse("pages:tags"),
        "Topics",
        "Every topic on Calm Waters.",
        "website",
        False,
    ),
    "author": (
        lambda site: site["author"].get_absolute_url(),
        "Ann Writer",
        "Peer worker and writer.",
        "profile",
        False,
    ),
    "article list": (
        lambda site: reverse("articles:list"),
        "Articles",
        "Every article on Calm Waters, newest first.",
        "website",
        False,
    ),
    "year archive": (
        lambda site: reverse(
            "articles:archive-year",
            args=[timezone.localtime(site["article"].published_at).year],
        ),
        f"Articles from {timezone.localdate().year}",
        f"Articles from {timezone.localdate().year}",
        "website",
        False,
    ),
    "event list": (
        lambda site: reverse("events:list"),
        "Events",
        "Webinars and events on Calm Waters, and the recordings of past ones.",
        "website",
        False,
    ),
    "presenters": (
        lambda site: reverse("events:presenters"),
        "Presenters",
        "The people who present the events of Calm Waters.",
        "website",
        False,
    ),
    "presenter": (
        lambda site: site["event"].event_presenters.get().presenter.get_absolute_url(),
        "Zoe Adams",
        "Runs groups.",
        "profile",
        False,
    ),
}


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_page_type_describes_itself_for_link_previews(client, site, page_type):
    address, title, description, kind, has_picture = PAGE_TYPES[page_type]
    url = address(site)

    page = client.get(url).text

    assert canonical(page) == SITE + url
    assert meta(page, "og:url") == SITE + url
    assert meta(page, "og:title") == title
    assert meta(page, "og:description") == description
    assert meta(page, "description") == description
    assert meta(page, "og:type") == kind
    assert meta(page, "og:site_name") == "Calm Waters"
    if has_picture:
        assert meta(page, "og:image").startswith(SITE + "/media/renditions/social/")
        assert meta(page, "og:image:alt") == "A calm lake"
        assert meta(page, "twitter:card") == "summary_large_image"
    else:
        assert meta(page, "og:image") is None
        assert meta(page, "twitter:card") == "summary"


@pytest.mark.parametrize(
    "address",
    [
        lambda: reverse("articles:list"),
        lambda: reverse("pages:tag", args=["hope"]),
        lambda: reverse("events:list"),
    ],
    ids=["article list", "tag", "event list"],
)
def test_page_two_of_a_list_is_its_own_page_when_shared(client, settings, address):
    settings.ARTICLES_PER_PAGE = 10
    settings.EVENTS_PER_PAGE = 12
    now = timezone.now()
    for number in range(13):
        make_article(tags=["hope"])
        make_event(start=now - datetime.timedelta(days=number + 1))
    url = address()

    page = client.get(url, {"page": 2}).text

    assert canonical(page) == f"{SITE}{url}?page=2"
    assert meta(page, "og:url") == f"{SITE}{url}?page=2"
    assert meta(page, "og:title").endswith("(page 2)")


def test_public_pages_load_no_script_from_elsewhere_by_default(client, site):
    for url in [reverse("home"), site["article"].get_absolute_url()]:
        page = client.get(url).text
        sources = re.findall(r'<script[^>]*\bsrc="([^"]*)"', page)
        assert all(source.startswith("/static/") for source in sources), sources
