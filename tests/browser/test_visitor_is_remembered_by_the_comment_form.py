"""
A visitor ticks "remember me": on their next visit the form is filled in by the
browser, on a page the page cache serves to everyone; without JavaScript the
form stays empty and still works; unticking the box forgets them.
"""

import pytest
from playwright.sync_api import expect

from comments.models import Comment
from tests.browser.test_visitor_comments_and_a_moderator_approves import set_policy
from tests.factories import make_article


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600


def fields(page):
    form = page.locator("form.comment-form")
    return {
        "name": form.get_by_label("Name", exact=True),
        "email": form.get_by_label("Email", exact=True),
        "url": form.get_by_label("Website (optional)", exact=True),
        "comment": form.get_by_label("Comment", exact=True),
        "remember": form.get_by_label("Remember my name and email on this browser"),
        "post": form.get_by_role("button", name="Post comment"),
    }


def test_remember_me_fills_the_form_on_a_cached_page(open_page):
    set_policy(min_seconds_to_write=0, hold_first_comments=False)
    address = make_article(title="Living with voices").get_absolute_url()

    sam = open_page()
    sam.goto(address)
    form = fields(sam)
    expect(form["remember"]).not_to_be_checked()
    form["name"].fill("Sam")
    form["email"].fill("sam@example.org")
    form["url"].fill("https://sam.example")
    form["comment"].fill("Thank you, this helped.")
    form["remember"].check()
    form["post"].click()
    expect(sam.get_by_text("Your comment is published.")).to_be_visible()

    # The page is made once more for the new comment, then comes from the cache,
    # cookie and all (asked outside the browser's own cache, which would revalidate).
    sam.goto(address)
    assert sam.request.get(address).headers["x-page-cache"] == "hit"
    sam.reload()
    form = fields(sam)
    expect(form["name"]).to_have_value("Sam")
    expect(form["email"]).to_have_value("sam@example.org")
    expect(form["url"]).to_have_value("https://sam.example")
    expect(form["comment"]).to_have_value("")
    expect(form["remember"]).to_be_checked()

    # Someone else gets the same cached page, with an empty form.
    kim = open_page()
    assert kim.goto(address).headers["x-page-cache"] == "hit"
    expect(fields(kim)["name"]).to_have_value("")
    expect(fields(kim)["email"]).to_have_value("")

    # Without JavaScript, the same cookie fills nothing; the form still works.
    no_script = open_page(java_script_enabled=False)
    no_script.context.add_cookies(
        [c for c in sam.context.cookies() if c["name"] == "commenter"]
    )
    no_script.goto(address)
    form = fields(no_script)
    expect(form["name"]).to_have_value("")
    form["name"].fill("Sam")
    form["email"].fill("sam@example.org")
    form["comment"].fill("Written without JavaScript.")
    form["post"].click()
    expect(no_script.get_by_text("Your comment is published.")).to_be_visible()

    # Unticking the box on the next comment forgets the details.
    sam.goto(address)
    form = fields(sam)
    form["comment"].fill("One more thought.")
    form["remember"].uncheck()
    form["post"].click()
    expect(sam.get_by_text("Your comment is published.")).to_be_visible()
    assert "commenter" not in {c["name"] for c in sam.context.cookies()}
    sam.goto(address)
    expect(fields(sam)["name"]).to_have_value("")
    assert Comment.objects.filter(user_email="sam@example.org").count() == 3
