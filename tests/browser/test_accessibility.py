"""
Public pages and the article forms pass axe's WCAG 2.2 A and AA rules in light and
dark mode, and work by keyboard, at 200% text size and with reduced motion.
"""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.browser.accessibility import axe_report
from tests.browser.admin import make_editor, sign_in
from tests.browser.content import PUBLIC_PAGES, make_site

COLOR_SCHEMES = ["light", "dark"]
LANGUAGES = ["en", "es"]


FOCUSED_ELEMENT = """() => {
    const element = document.activeElement;
    const style = getComputedStyle(element);
    return {
        html: element.outerHTML.slice(0, 120),
        outlineStyle: style.outlineStyle,
        outlineWidth: parseFloat(style.outlineWidth),
        inMenu: element.closest("nav.site-nav") !== null,
        text: element.textContent.trim(),
    };
}"""

# After the skip link, Tab goes on from the content, not back into the header.
NOT_IN_HEADER = (
    "!document.querySelector('.site-header').contains(document.activeElement)"
)

PAGE_WIDTHS = "[document.documentElement.scrollWidth, innerWidth]"

# Visible elements that reach past the viewport's right edge, or cut off their own
# content sideways (overflow hidden); off-screen and 1-pixel elements aside.
CUT_OFF = """() => [...document.querySelectorAll("body *")]
    .filter((element) => {
        const box = element.getBoundingClientRect();
        if (box.width <= 1 || box.height <= 1 || box.right <= 0) return false;
        const style = getComputedStyle(element);
        const clips = style.overflowX !== "visible"
            && !element.matches("input, textarea");
        return box.right > innerWidth + 1
            || (clips && element.scrollWidth > element.clientWidth + 1);
    })
    .map((element) => element.outerHTML.slice(0, 120))"""

MOVING = """() => [...document.querySelectorAll("*")]
    .filter((element) => {
        const style = getComputedStyle(element);
        const durations = [style.transitionDuration, style.animationDuration]
            .join(",").split(",").map(parseFloat);
        return durations.some((duration) => duration > 0)
            || style.scrollBehavior === "smooth";
    })
    .map((element) => element.outerHTML.slice(0, 120))"""


def tab_through(page, limit=100):
    """Press Tab until focus leaves the page or wraps around; each stop's looks."""
    stops = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement === document.body"):
            return stops
        stop = page.evaluate(FOCUSED_ELEMENT)
        if stops and stop == stops[0]:
            return stops
        stops.append(stop)
    raise AssertionError(f"Focus never left the page after {limit} Tab presses.")


# Each scheme gets a context that starts in it: switching schemes on an open page
# would catch colour transitions halfway.
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("color_scheme", COLOR_SCHEMES)
def test_public_pages_have_no_axe_violations(open_page, color_scheme, language):
    site = make_site()
    page = open_page(color_scheme=color_scheme, language=language)
    reports = {}
    for page_type, address in PUBLIC_PAGES.items():
        page.goto(address(site))
        expect(page.locator("html"), page_type).to_have_attribute("lang", language)
        reports[page_type] = axe_report(page)
    failures = {name: report for name, report in reports.items() if report}
    assert not failures, "\n".join(failures.values())


def test_article_admin_forms_have_no_axe_violations(open_page, live_server):
    site = make_site()
    editor = make_editor()
    forms = {
        "add form": reverse("admin:articles_article_add"),
        "change form": reverse("admin:articles_article_change", args=[site.article.pk]),
    }
    reports = {}
    for color_scheme in COLOR_SCHEMES:
        page = open_page(color_scheme=color_scheme)
        sign_in(page, editor, live_server.url)
        for form, address in forms.items():
            page.goto(address)
            expect(page.locator(".field-body [contenteditable=true]")).to_be_visible()
            # The editor and autocomplete boxes get their names once built.
            expect(
                page.locator(".field-body [contenteditable=true]")
            ).to_have_attribute("aria-label", re.compile("."))
            reports[f"{form}, {color_scheme}"] = axe_report(page)
    failures = {name: report for name, report in reports.items() if report}
    assert not failures, "\n".join(failures.values())


def test_skip_link_is_the_first_tab_stop_and_moves_focus_to_main(page):
    site = make_site()
    for page_type, address in PUBLIC_PAGES.items():
        page.goto(address(site))
        page.keyboard.press("Tab")
        skip_link = page.get_by_role("link", name="Skip to content")
        expect(skip_link, page_type).to_be_focused()
        expect(skip_link, page_type).to_be_in_viewport()
        page.keyboard.press("Enter")
        expect(page.get_by_role("main"), page_type).to_be_focused()
        page.keyboard.press("Tab")
        assert page.evaluate(NOT_IN_HEADER), (
            f"{page_type}: the Tab after the skip link goes back to the header"
        )


def test_every_tab_stop_shows_a_visible_focus_outline(page):
    site = make_site()
    for page_type in ["home", "article"]:
        page.goto(PUBLIC_PAGES[page_type](site))
        stops = tab_through(page)
        assert len(stops) > 10
        for stop in stops:
            assert stop["outlineStyle"] != "none", f"{page_type}: {stop['html']}"
            assert stop["outlineWidth"] >= 2, f"{page_type}: {stop['html']}"


def test_menu_is_reached_by_tab_and_followed_by_enter(page):
    make_site()
    page.goto("/")
    menu_links = page.get_by_role("navigation", name="Main").get_by_role("link")
    expected = [text.strip() for text in menu_links.all_inner_texts()]
    assert {"Articles", "Questions and Answers", "About"} <= set(expected)

    reached = []
    while len(reached) < len(expected):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED_ELEMENT)
        if focused["inMenu"]:
            reached.append(focused["text"])
        assert page.evaluate("document.activeElement !== document.body")
    assert reached == expected

    last_link = menu_links.last
    expect(last_link).to_be_focused()
    address = last_link.get_attribute("href")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(f"{re.escape(address)}$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(expected[-1])


def test_text_at_200_percent_fits_a_phone_screen_without_sideways_scrolling(
    open_page,
):
    site = make_site()
    page = open_page(viewport={"width": 360, "height": 740})
    for page_type, address in PUBLIC_PAGES.items():
        page.goto(address(site))
        page.evaluate("document.documentElement.style.fontSize = '200%'")
        width, viewport_width = page.evaluate(PAGE_WIDTHS)
        assert width <= viewport_width, f"{page_type}: the page is {width}px wide"
        assert page.evaluate(CUT_OFF) == [], page_type


def test_reduced_motion_turns_off_transitions_and_animations(open_page):
    site = make_site()
    page = open_page(reduced_motion="reduce")
    for page_type, address in PUBLIC_PAGES.items():
        page.goto(address(site))
        assert page.evaluate("matchMedia('(prefers-reduced-motion: reduce)').matches")
        assert page.evaluate(MOVING) == [], page_type


def test_image_library_admin_pages_have_no_axe_violations(open_page, live_server):
    site = make_site()
    editor = make_editor()
    image = site.article.featured_image
    pages = {
        "library": "/admin/images/image/",
        "picture": f"/admin/images/image/{image.pk}/change/",
        "new picture": "/admin/images/image/add/",
        "picker": "/admin/images/image/picker/",
    }
    reports = {}
    for color_scheme in COLOR_SCHEMES:
        page = open_page(color_scheme=color_scheme)
        sign_in(page, editor, live_server.url)
        for name, address in pages.items():
            page.goto(address)
            reports[f"{name}, {color_scheme}"] = axe_report(page)
    failures = {name: report for name, report in reports.items() if report}
    assert not failures, "\n".join(failures.values())
