"""A visitor searches from the header and follows a result to the webinar."""

import re

from playwright.sync_api import expect

from tests.browser.content import make_site


def test_visitor_searches_from_the_header_and_finds_the_webinar(page):
    site = make_site()

    page.goto("/")
    search = page.get_by_role("search").get_by_role("searchbox", name="Search the site")
    search.fill("harm reduction")
    search.press("Enter")

    expect(page).to_have_url(re.compile(r"/search/\?q=harm\+reduction$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Search")
    expect(page.get_by_role("searchbox", name="Search for")).to_have_value(
        "harm reduction"
    )
    results = page.get_by_role("list", name=re.compile("for “harm reduction”"))
    result = results.get_by_role("listitem").filter(
        has=page.get_by_role("link", name="The hope of harm reduction")
    )
    expect(result).to_contain_text("Event")
    result.get_by_role("link", name="The hope of harm reduction").click()

    expect(page).to_have_url(
        re.compile(f"{re.escape(site.past_event.get_absolute_url())}$")
    )
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "The hope of harm reduction"
    )
