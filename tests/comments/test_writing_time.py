"""
The minimum writing time with the page cache on: a form in a cached page was
made when the page was, maybe minutes before this visitor got it, so its own
timestamp cannot tell a bot posting at once from a person who wrote.
"""

import datetime
import re

import pytest
from django.test import Client
from freezegun import freeze_time

from comments.models import Comment, CommentStatus
from tests.factories import make_article

pytestmark = pytest.mark.django_db(transaction=True)

MADE_AT = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC)
CACHED_PAGE_SECONDS = 600
BROWSER_SECONDS = 60


@pytest.fixture
def cached_pages(settings, policy):
    settings.PAGE_CACHE_SECONDS = CACHED_PAGE_SECONDS
    settings.BROWSER_CACHE_SECONDS = BROWSER_SECONDS
    policy.min_seconds_to_write = 3
    policy.hold_first_comments = False
    policy.save()


@pytest.fixture
def clock():
    with freeze_time(MADE_AT) as frozen:
        yield frozen


def form_of(html):
    """The comment form's fields as the page gives them."""
    fields = dict(
        re.findall(r'<input type="hidden" name="(\w+)"(?: value="([^"]*)")?', html)
    )
    return {
        **fields,
        "name": "Robin",
        "email": "robin@example.org",
        "comment": "Words written on a page served from the cache.",
        "honeypot": "",
    }


def page_served_later(article, clock, seconds):
    """The page made now, then served from the cache ``seconds`` later."""
    assert Client().get(article.get_absolute_url())["X-Page-Cache"] == "miss"
    clock.tick(seconds)
    response = Client().get(article.get_absolute_url())
    assert response["X-Page-Cache"] == "hit"
    return form_of(response.text)


def test_a_post_right_after_a_cached_page_is_served_is_held(cached_pages, clock):
    article = make_article()
    form = page_served_later(article, clock, 500)
    assert form["started"] == ""
    clock.tick(1)
    response = Client().post("/comments/post/", form)
    assert response.status_code == 302
    comment = Comment.objects.get()
    assert comment.status == CommentStatus.PENDING
    assert comment.hold_reasons == (
        "sent soon after a page that may have come from the cache"
    )


def test_the_time_the_script_fetches_counts_from_when_the_visitor_got_the_page(
    cached_pages, clock
):
    article = make_article()
    form = page_served_later(article, clock, 500)
    visitor = Client()
    # What the page's script does the first time the form is touched.
    started = visitor.get("/comments/started/")
    assert "no-store" in started["Cache-Control"]
    form["started"] = started.text
    clock.tick(1)
    visitor.post("/comments/post/", form)
    held = Comment.objects.get()
    assert (held.status, held.hold_reasons) == (CommentStatus.PENDING, "written in 1 s")

    form["comment"] = "Another comment, written at a person's pace."
    form["started"] = visitor.get("/comments/started/").text
    clock.tick(40)
    visitor.post("/comments/post/", form)
    written = Comment.objects.exclude(pk=held.pk).get()
    assert written.status == CommentStatus.PUBLISHED


def test_without_the_script_a_form_open_longer_than_any_cache_keeps_is_published(
    cached_pages, clock
):
    article = make_article()
    form = page_served_later(article, clock, 10)
    clock.tick(CACHED_PAGE_SECONDS + BROWSER_SECONDS + 5)
    Client().post("/comments/post/", form)
    assert Comment.objects.get().status == CommentStatus.PUBLISHED


def test_a_forged_or_stale_start_counts_as_none(cached_pages, clock):
    article = make_article()
    form = page_served_later(article, clock, 500)
    stale = Client().get("/comments/started/").text
    clock.tick(3 * 60 * 60)
    form = page_served_later(article, clock, 0)
    clock.tick(1)
    for started in [stale, "1700000000:forged", "not a token"]:
        form |= {"started": started, "comment": f"Sent with the start {started}."}
        assert Client().post("/comments/post/", form).status_code == 302
    assert set(Comment.objects.values_list("hold_reasons", flat=True)) == {
        "sent soon after a page that may have come from the cache"
    }
