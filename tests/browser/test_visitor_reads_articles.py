"""A first-time visitor finds their way from the home page to the articles."""

import re

from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.content import WELCOME, make_site


def test_visitor_goes_from_home_to_start_page_article_tag_and_archive(page):
    site = make_site()
    year = timezone.localtime(site.article.published_at).year

    page.goto("/")
    # The header names the site; the home page opens with what the site is about.
    expect(page.locator(".site-header")).to_contain_text("Recovery Dialogues")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Conversations about mental health recovery."
    )
    page.get_by_role("link", name=WELCOME).click()

    expect(page).to_have_url(re.compile("/questions-and-answers/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Questions and Answers")
    expect(page.get_by_role("heading", name="What is recovery?")).to_be_visible()
    menu = page.get_by_role("navigation", name="Main")
    expect(menu.get_by_role("link", name="Questions and Answers")).to_have_attribute(
        "aria-current", "page"
    )
    menu.get_by_role("link", name="Articles").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Articles")
    page.get_by_role("link", name="Hope is a practice").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Hope is a practice")
    expect(page.get_by_text("Content note: Mentions hospital stays.")).to_be_visible()
    image = page.get_by_role("img", name="Morning light over a calm lake.")
    expect(image).to_be_visible()
    expect(page.get_by_role("heading", name="Start small")).to_be_visible()
    page.get_by_role("list", name="Tags").get_by_role("link", name="Hope").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Tagged “Hope”")
    upcoming = page.get_by_role("region", name="Upcoming events")
    expect(upcoming.locator(".card__title")).to_have_text(["Listening without fixing"])
    cards = page.get_by_role("region", name="Articles").locator(".card__title")
    expect(cards).to_have_count(4)
    expect(cards.first).to_have_text("Hope is a practice")
    expect(page.get_by_role("link", name="Listening before advising")).to_have_count(0)

    # No page links to the archive yet: the visitor types its address.
    page.goto(f"/articles/{year}/")
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Articles from {year}")
    expect(page.get_by_role("link", name="Hope is a practice")).to_be_visible()
    month = timezone.localtime(site.article.published_at).strftime("%B")
    months = page.get_by_role("navigation", name="Months")
    months.get_by_role("link", name=month).click()

    expect(page.get_by_role("heading", level=1)).to_have_text(
        f"Articles from {month} {year}"
    )
    page.get_by_role("link", name=f"All of {year}").click()
    expect(page).to_have_url(re.compile(f"/articles/{year}/$"))
    # The older article is a year back: the archive links to the year before.
    page.get_by_role("navigation", name="Archive").get_by_role(
        "link", name=re.compile(str(year - 1))
    ).click()
    expect(page.get_by_role("link", name="Listening before advising")).to_be_visible()
