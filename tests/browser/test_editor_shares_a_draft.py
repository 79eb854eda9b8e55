"""
An editor shares a scheduled article by link; someone with a fresh browser and
no account reads it, unindexed and uncached, until the editor stops sharing.
"""

import datetime

from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.admin import make_editor, sign_in
from tests.editorial.conftest import change_url
from tests.factories import make_article

SHARED = "it was shared with you to read before it appears"


def test_a_share_link_opens_in_a_fresh_browser_until_sharing_stops(
    open_page, live_server, settings
):
    settings.SITE_URL = live_server.url
    article = make_article(
        title="Walking together",
        body="<p>Every Sunday we walk by the river.</p>",
        published_at=timezone.now() + datetime.timedelta(days=3),
    )
    editor = make_editor()
    page = open_page()
    sign_in(page, editor, live_server.url)
    page.goto(change_url(article))
    page.get_by_role("button", name="Save and share draft").click()
    expect(page.get_by_text("Saved. The share link is below")).to_be_visible()
    link = page.locator(".field-share_draft .share-link").input_value()
    assert link.startswith(live_server.url + article.get_absolute_url() + "?share=")

    # A fresh browser: no cookie, no account.
    reader = open_page()
    response = reader.goto(link)
    assert response.status == 200
    assert "no-store" in response.headers["cache-control"]
    assert response.headers["x-robots-tag"] == "noindex"
    expect(reader.get_by_role("heading", level=1)).to_have_text("Walking together")
    expect(reader.get_by_text("Every Sunday we walk by the river.")).to_be_visible()
    expect(reader.get_by_text(SHARED)).to_be_visible()
    expect(reader.locator('meta[name="robots"]')).to_have_attribute(
        "content", "noindex, nofollow"
    )
    # Without the link, the article is not there yet.
    assert reader.goto(article.get_absolute_url()).status == 404

    page.get_by_role("button", name="Save and stop sharing").click()
    expect(page.get_by_role("button", name="Save and share draft")).to_be_visible()
    assert open_page().goto(link).status == 404
    assert reader.goto(link).status == 404
