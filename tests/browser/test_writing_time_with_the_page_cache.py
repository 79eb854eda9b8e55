"""
With the page cache on, the comment form's script tells the server when the
visitor started writing, so a person who writes is published at once even
though the cached page's own timestamp cannot say when they got it.
"""

import re

import pytest
from playwright.sync_api import expect

from comments.models import Comment, CommentStatus, ModerationPolicy
from tests.factories import make_article


@pytest.fixture
def cached_pages(settings):
    settings.PAGE_CACHE_SECONDS = 600
    settings.BROWSER_CACHE_SECONDS = 60
    policy = ModerationPolicy.load()
    policy.min_seconds_to_write = 1
    policy.hold_first_comments = False
    policy.save()


def test_a_visitor_writing_on_a_cached_page_is_published_at_once(
    cached_pages, open_page
):
    article = make_article(title="Written on a cached page")
    first = open_page()
    first.goto(article.get_absolute_url())
    visitor = open_page()
    response = visitor.goto(article.get_absolute_url())
    assert response.headers["x-page-cache"] == "hit"

    form = visitor.locator("form.comment-form")
    started = form.locator("input[name=started]")
    expect(started).to_have_value("")
    form.get_by_label("Name", exact=True).fill("Robin")
    # The first touch fetched the start of the writing.
    expect(started).to_have_value(re.compile(r"^\d+:"))
    form.get_by_label("Email", exact=True).fill("robin@example.org")
    form.get_by_label("Comment", exact=True).fill("Typed by a person, with care.")
    # Longer than the minimum writing time, which the test set to one second.
    visitor.wait_for_timeout(1500)
    form.get_by_role("button", name="Post comment").click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text(
        "Thank you for your comment"
    )
    assert Comment.objects.get().status == CommentStatus.PUBLISHED
