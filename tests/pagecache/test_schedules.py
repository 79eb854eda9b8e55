"""
Cached lists, feeds, the sitemap and the home page change by themselves when a
scheduled item appears or an unpublish date passes: the first request after
that moment gets the new page, with no save in between.
"""

import datetime
from unittest import mock

import pytest
from django.core.cache import cache
from django.utils import timezone
from django.utils.http import parse_http_date

from pagecache.middleware import AnonymousPageCacheMiddleware
from pagecache.schedules import next_change
from recoverysite.publishing import Status
from tests.factories import make_article, make_event, make_page

ARTICLE_LISTS = [
    "/",
    "/articles/",
    "/tags/hope/",
    "/feeds/articles/",
    "/feeds/articles/atom/",
    "/sitemap-articles.xml",
]
EVENT_LISTS = ["/", "/events/", "/events/feed/", "/sitemap-events.xml"]
HOURS = datetime.timedelta(hours=2)


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 24 * 3600
    settings.BROWSER_CACHE_SECONDS = 600


@pytest.fixture
def clock():
    """``clock(moment)``: from now on ``timezone.now()`` says ``moment``."""
    with mock.patch("django.utils.timezone.now", return_value=timezone.now()) as now:
        yield lambda moment: setattr(now, "return_value", moment)


def visit(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return response


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("path", ARTICLE_LISTS)
def test_a_scheduled_article_appears_on_the_first_request_after_its_time(
    client, clock, path
):
    make_article(tags=["hope"])
    due = timezone.now() + HOURS
    scheduled = make_article(title="Arriving", published_at=due, tags=["hope"])
    address = scheduled.get_absolute_url()
    assert address not in visit(client, path).text

    clock(due - datetime.timedelta(seconds=1))
    before = visit(client, path)
    assert before["X-Page-Cache"] == "hit"
    assert address not in before.text

    clock(due + datetime.timedelta(seconds=1))
    after = visit(client, path)
    assert after["X-Page-Cache"] == "miss"
    assert address in after.text
    assert visit(client, path)["X-Page-Cache"] == "hit"


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("path", ARTICLE_LISTS)
def test_an_article_leaves_on_the_first_request_after_its_unpublish_date(
    client, clock, path
):
    make_article(tags=["hope"])
    ends = timezone.now() + HOURS
    leaving = make_article(title="Leaving", unpublish_at=ends, tags=["hope"])
    address = leaving.get_absolute_url()
    assert address in visit(client, path).text
    assert visit(client, path)["X-Page-Cache"] == "hit"

    clock(ends + datetime.timedelta(seconds=1))

    assert address not in visit(client, path).text


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("path", EVENT_LISTS)
def test_a_scheduled_event_appears_on_the_first_request_after_its_time(
    client, clock, path
):
    make_event()
    due = timezone.now() + HOURS
    scheduled = make_event(title="Announced later", published_at=due)
    address = scheduled.get_absolute_url()
    assert address not in visit(client, path).text
    assert visit(client, path)["X-Page-Cache"] == "hit"

    clock(due + datetime.timedelta(seconds=1))

    assert address in visit(client, path).text


@pytest.mark.django_db(transaction=True)
def test_an_event_moves_from_upcoming_to_past_when_it_ends(client, clock):
    start = timezone.now() + HOURS
    event = make_event(title="Evening group", start=start)
    page = visit(client, "/events/").text
    assert page.index("Evening group") < page.index("Past events")

    clock(event.end + datetime.timedelta(seconds=1))

    page = visit(client, "/events/").text
    assert page.index("Evening group") > page.index("Past events")


@pytest.mark.django_db(transaction=True)
def test_a_scheduled_menu_page_appears_in_the_menu_of_cached_pages(client, clock):
    article = make_article()
    due = timezone.now() + HOURS
    make_page(title="Support groups", show_in_menu=True, published_at=due)
    assert "Support groups" not in visit(client, article.get_absolute_url()).text

    clock(due + datetime.timedelta(seconds=1))

    assert "Support groups" in visit(client, article.get_absolute_url()).text


@pytest.mark.django_db(transaction=True)
def test_browsers_are_told_the_same_deadline(client):
    due = timezone.now() + datetime.timedelta(minutes=3)
    make_article(published_at=due)

    response = visit(client, "/articles/")

    assert parse_http_date(response["Expires"]) == int(due.timestamp())
    max_age = int(response["Cache-Control"].split("max-age=")[1])
    assert 0 < max_age <= 3 * 60


@pytest.mark.django_db(transaction=True)
def test_drafts_and_past_dates_set_no_deadline(client):
    make_article(status=Status.DRAFT, published_at=timezone.now() + HOURS)
    make_article(unpublish_at=timezone.now() - HOURS)

    response = visit(client, "/articles/")

    assert "Expires" not in response
    assert response["Cache-Control"] == "public, max-age=600"


def about(moment, expected):
    return abs((moment - expected).total_seconds()) < 0.001


@pytest.mark.django_db(transaction=True)
def test_the_next_moment_is_asked_of_the_database_once_per_change(
    django_assert_num_queries,
):
    due = timezone.now() + HOURS
    make_article(published_at=due)
    with django_assert_num_queries(2):  # the articles', the pages'
        assert about(next_change(["articles", "site", "comment-counts"]), due)
    with django_assert_num_queries(0):
        assert about(next_change(["articles", "site", "comment-counts"]), due)

    sooner = due - datetime.timedelta(minutes=30)
    make_article(published_at=sooner)

    with django_assert_num_queries(1):  # the articles' again; pages unchanged
        assert about(next_change(["articles", "site", "comment-counts"]), sooner)


@pytest.mark.django_db(transaction=True)
def test_a_stored_copy_past_its_deadline_is_never_served_even_while_rebuilding(
    client, clock
):
    due = timezone.now() + HOURS
    scheduled = make_article(published_at=due)
    request = visit(client, "/articles/").wsgi_request
    key = AnonymousPageCacheMiddleware.page_key(request)
    cache.add(f"{key}:rebuilding", 1, 30)  # another worker is rebuilding

    clock(due + datetime.timedelta(seconds=1))

    response = visit(client, "/articles/")
    assert response["X-Page-Cache"] == "miss"
    assert scheduled.get_absolute_url() in response.text
