"""A visitor prints an article or an event: the text, not the screen parts."""

from playwright.sync_api import expect

from tests.browser.content import make_site

BLACK, WHITE = "rgb(0, 0, 0)", "rgb(255, 255, 255)"


def colours(page):
    """The colour of the main heading and the page's background."""
    return page.locator("main h1").evaluate(
        "h1 => [getComputedStyle(h1).color,"
        " getComputedStyle(document.body).backgroundColor]"
    )


def test_printed_article_keeps_the_text_and_drops_navigation_and_forms(page):
    site = make_site()
    page.goto(site.article.get_absolute_url())
    navigation = page.get_by_role("navigation", name="Main")
    comment_form = page.locator("#comment-form")
    expect(navigation).to_be_visible()
    expect(comment_form).to_be_visible()

    page.emulate_media(media="print")

    expect(navigation).to_be_hidden()
    expect(page.get_by_role("search")).to_be_hidden()
    expect(comment_form).to_be_hidden()
    buttons = page.locator("button")
    assert buttons.count() > 0
    for button in buttons.all():
        expect(button).to_be_hidden()
    expect(page.get_by_role("heading", level=1)).to_have_text("Hope is a practice")
    expect(page.get_by_text("Hope is not a feeling you wait for.")).to_be_visible()
    expect(page.get_by_text("Content note: Mentions hospital stays.")).to_be_visible()
    expect(page.locator("#crisis-notice")).to_be_visible()
    author = page.locator("main .meta a", has_text="Ron").first
    after = author.evaluate("link => getComputedStyle(link, '::after').content")
    assert after == f'" ({site.article.author.get_absolute_url()})"'
    assert colours(page) == [BLACK, WHITE]


def test_printed_event_keeps_its_time_and_presenter_in_dark_mode(open_page):
    site = make_site()
    page = open_page(color_scheme="dark")
    page.goto(site.event.get_absolute_url())
    actions = page.locator(".add-to-calendar")
    expect(actions).to_be_visible()

    page.emulate_media(media="print")

    expect(page.get_by_role("navigation", name="Main")).to_be_hidden()
    expect(actions).to_be_hidden()
    expect(page.locator(".event__when")).to_be_visible()
    expect(page.get_by_role("heading", name="Maya Lindqvist")).to_be_visible()
    assert colours(page) == [BLACK, WHITE]
