"""
Every public page type at a phone's width and a laptop's: a short header whose way
to the crisis notice is always in sight, a menu that opens without JavaScript, no
sideways scrolling, and one centred reading column with lines of a readable length.
"""

from itertools import pairwise

import pytest
from playwright.sync_api import expect

from tests.browser.content import PUBLIC_PAGES, make_site
from tests.comments.conftest import make_comment

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
WIDTHS = {"phone": PHONE, "desktop": DESKTOP}

# The boxes of what a visitor sees in the header, the menu's button aside.
HEADER_ITEMS = """() => [
    ".site-name", ".site-nav", ".site-search", ".site-header__help",
].map((selector) => {
    const box = document.querySelector(selector).getBoundingClientRect();
    return {
        selector, left: box.left, top: box.top, bottom: box.bottom,
        visible: box.height > 0,
    };
})"""

# The horizontal extent of everything visible in the main column.
MAIN_EXTENT = """() => {
    const boxes = [...document.querySelectorAll("main *")]
        .map((element) => element.getBoundingClientRect())
        .filter((box) => box.width > 1 && box.height > 1 && box.right > 0);
    return {
        left: Math.min(...boxes.map((box) => box.left)),
        right: innerWidth - Math.max(...boxes.map((box) => box.right)),
    };
}"""

# Lines of text longer than 75 of their own "0"s, the width the ch unit measures.
TOO_LONG_LINES = """() => {
    const context = document.createElement("canvas").getContext("2d");
    const range = document.createRange();
    return [...document.querySelectorAll("main p, main li, footer p")]
        .filter((element) => {
            const style = getComputedStyle(element);
            context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
            range.selectNodeContents(element);
            const longest = Math.max(0, ...[...range.getClientRects()]
                .map((line) => line.width));
            return longest > 75 * context.measureText("0").width + 1;
        })
        .map((element) => element.outerHTML.slice(0, 80));
}"""

# Grids of cards with more columns than cards: an empty column is a hole.
GRIDS_WITH_HOLES = """() => [...document.querySelectorAll(".cards")]
    .filter((grid) => {
        const columns = getComputedStyle(grid).gridTemplateColumns
            .split(" ").filter((track) => parseFloat(track) > 0);
        return columns.length > grid.children.length;
    })
    .map((grid) => grid.outerHTML.slice(0, 80))"""


def assert_no_sideways_scrolling(page, page_type):
    width, viewport = page.evaluate(
        "[document.documentElement.scrollWidth, innerWidth]"
    )
    assert width <= viewport, f"{page_type}: the page is {width}px wide"


def assert_help_link_leads_to_the_crisis_notice(page, page_type):
    help_link = page.locator(".site-header").get_by_role("link", name="Need help now?")
    expect(help_link, page_type).to_be_visible()
    expect(help_link, page_type).to_be_in_viewport()
    assert help_link.get_attribute("href") == "#crisis-notice", page_type
    help_link.click()
    notice = page.locator("#crisis-notice")
    expect(notice, page_type).to_be_in_viewport()
    expect(notice, page_type).to_contain_text("call or text 988")


def test_on_a_phone_the_header_is_short_and_keeps_the_way_to_help_in_sight(
    open_page,
):
    site = make_site()
    page = open_page(viewport=PHONE)
    for page_type, address in PUBLIC_PAGES.items():
        page.goto(address(site))
        header = page.locator(".site-header").bounding_box()
        assert header["height"] <= 120, f"{page_type}: {header['height']}px"
        # The menu and search wait behind the Menu button.
        expect(page.get_by_text("Menu", exact=True), page_type).to_be_visible()
        expect(page.get_by_role("navigation", name="Main"), page_type).to_be_hidden()
        assert_no_sideways_scrolling(page, page_type)
        assert_help_link_leads_to_the_crisis_notice(page, page_type)


def test_on_a_laptop_the_header_is_one_row_with_menu_search_and_help(open_page):
    site = make_site()
    page = open_page(viewport=DESKTOP)
    for page_type, address in PUBLIC_PAGES.items():
        page.goto(address(site))
        header = page.locator(".site-header").bounding_box()
        assert header["height"] <= 90, f"{page_type}: {header['height']}px"
        items = page.evaluate(HEADER_ITEMS)
        assert all(item["visible"] for item in items), f"{page_type}: {items}"
        # One row: each item spans the height where every other one is.
        lowest_top = max(item["top"] for item in items)
        highest_bottom = min(item["bottom"] for item in items)
        assert lowest_top < highest_bottom, f"{page_type}: {items}"
        tops = [item["top"] for item in items]
        assert max(tops) - min(tops) <= 12, f"{page_type}: {items}"
        # Left to right in the order of the page, which is the order of Tab.
        lefts = [item["left"] for item in items]
        assert lefts == sorted(lefts), f"{page_type}: {items}"
        expect(page.get_by_text("Menu", exact=True), page_type).to_be_hidden()
        expect(page.locator(".site-search"), page_type).to_be_visible()
        assert_no_sideways_scrolling(page, page_type)
        assert_help_link_leads_to_the_crisis_notice(page, page_type)


def test_without_javascript_the_menu_button_opens_the_menu_on_a_phone(open_page):
    site = make_site()
    page = open_page(viewport=PHONE, java_script_enabled=False)
    for page_type, address in PUBLIC_PAGES.items():
        page.goto(address(site))
        menu = page.get_by_role("navigation", name="Main")
        expect(menu, page_type).to_be_hidden()
        page.get_by_text("Menu", exact=True).click()
        expect(menu, page_type).to_be_visible()
        links = menu.get_by_role("link")
        names = links.all_inner_texts()
        assert {"Articles", "Events", "Questions and Answers", "About"} <= set(names)
        for link in links.all():
            expect(link, page_type).to_be_in_viewport()
        search_box = page.get_by_role("searchbox", name="Search the site")
        expect(search_box).to_be_visible()
        # The open menu pushes the page down rather than cover what could take focus.
        menu_bottom = (
            search_box.bounding_box()["y"] + search_box.bounding_box()["height"]
        )
        assert page.locator("main").bounding_box()["y"] >= menu_bottom, page_type
        assert_no_sideways_scrolling(page, page_type)


def test_by_keyboard_the_menu_opens_with_enter_and_its_links_follow_by_tab(
    open_page,
):
    make_site()
    page = open_page(viewport=PHONE, java_script_enabled=False)
    page.goto("/")
    toggle = page.get_by_text("Menu", exact=True)
    toggle.focus()
    expect(toggle).to_be_focused()
    page.keyboard.press("Enter")
    menu_links = page.get_by_role("navigation", name="Main").get_by_role("link")
    expect(menu_links.first).to_be_visible()
    for link in menu_links.all():
        page.keyboard.press("Tab")
        expect(link).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.get_by_role("searchbox", name="Search the site")).to_be_focused()

    toggle.focus()
    page.keyboard.press("Enter")
    expect(menu_links.first).to_be_hidden()


def test_on_a_laptop_every_page_reads_in_one_centred_column_of_readable_lines(
    open_page,
):
    site = make_site()
    page = open_page(viewport=DESKTOP)
    for page_type, address in PUBLIC_PAGES.items():
        page.goto(address(site))
        margins = page.evaluate(MAIN_EXTENT)
        assert margins["left"] > 100, f"{page_type}: {margins}"
        assert abs(margins["left"] - margins["right"]) <= 4, f"{page_type}: {margins}"
        assert page.evaluate(TOO_LONG_LINES) == [], page_type
        assert page.evaluate(GRIDS_WITH_HOLES) == [], page_type
        # The footer's text keeps to the same column.
        footer = page.locator(".site-footer .container").bounding_box()
        main = page.locator("main").bounding_box()
        assert footer["x"] >= main["x"] - 1, page_type
        assert footer["x"] + footer["width"] <= main["x"] + main["width"] + 1


@pytest.mark.parametrize("width", WIDTHS)
def test_presenter_photos_line_up_with_the_text_edge(open_page, width):
    site = make_site()
    site.presenter.photo = site.article.featured_image
    site.presenter.save()
    page = open_page(viewport=WIDTHS[width])
    for address in [site.event.get_absolute_url(), site.presenter.get_absolute_url()]:
        page.goto(address)
        photo = page.locator(".presenter__photo").first.bounding_box()
        column = page.locator("main").bounding_box()
        assert abs(photo["x"] - column["x"]) <= 1, address


def test_an_article_offers_the_previous_and_next_ones_before_the_comment_form(page):
    site = make_site()
    page.goto(site.article.get_absolute_url())
    expect(page.get_by_role("navigation", name="More articles")).to_be_visible()
    expect(page.locator("#comment-form")).to_be_visible()
    assert page.evaluate(
        """() => Boolean(document.querySelector(".prev-next")
            .compareDocumentPosition(document.querySelector("#comment-form"))
            & Node.DOCUMENT_POSITION_FOLLOWING)"""
    )


def test_on_a_phone_each_level_of_replies_steps_in_visibly(open_page):
    site = make_site()
    first = make_comment(site.article, comment="The first word.")
    reply = make_comment(site.article, parent=first, comment="A reply.")
    make_comment(site.article, parent=reply, comment="A reply to the reply.")
    page = open_page(viewport=PHONE)
    page.goto(site.article.get_absolute_url())
    boxes = [
        page.locator(".comment", has_text=text).last.bounding_box()
        for text in ["The first word.", "A reply.", "A reply to the reply."]
    ]
    for parent, child in pairwise(boxes):
        assert child["x"] - parent["x"] >= 20
    # Room for more levels: the deepest reply still reads as a column.
    assert boxes[-1]["width"] >= 250
    border = page.locator(".comment", has_text="A reply.").last.evaluate(
        "element => parseFloat(getComputedStyle(element).borderLeftWidth)"
    )
    assert border >= 3
