"""A visitor reads the site in Spanish with the footer's switch, and back."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.content import make_site

WIDTHS = [390, 1280]


def ends_with(path):
    return re.compile(f"{re.escape(path)}$")


@pytest.mark.parametrize("width", WIDTHS)
def test_the_footer_switch_changes_the_language_of_every_page(open_page, width):
    site = make_site()
    page = open_page(viewport={"width": width, "height": 800})
    page.goto(site.article.get_absolute_url())

    switch = page.get_by_role("navigation", name="Language")
    spanish = switch.get_by_role("link", name="Español")
    spanish.scroll_into_view_if_needed()
    expect(spanish).to_be_visible()
    # Big enough to tap (WCAG 2.5.8 asks for 24 px).
    assert spanish.bounding_box()["height"] >= 24
    spanish.click()

    # Back on the same page, now in Spanish.
    expect(page).to_have_url(ends_with(site.article.get_absolute_url()))
    expect(page.locator("html")).to_have_attribute("lang", "es")
    expect(page.get_by_role("link", name="Saltar al contenido")).to_be_attached()
    switch = page.get_by_role("navigation", name="Idioma")
    expect(switch.locator("[aria-current=true]")).to_have_text("Español")
    width_now, viewport = page.evaluate(
        "[document.documentElement.scrollWidth, innerWidth]"
    )
    assert width_now <= viewport

    # The choice stays for the next pages.
    page.goto("/events/")
    expect(page.locator("html")).to_have_attribute("lang", "es")
    expect(page.get_by_role("heading", level=1)).to_have_text("Eventos")

    page.get_by_role("navigation", name="Idioma").get_by_role(
        "link", name="English"
    ).click()
    expect(page).to_have_url(ends_with("/events/"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text("Events")
