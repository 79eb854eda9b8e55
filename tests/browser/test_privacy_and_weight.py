"""Public pages load nothing from other sites, and the main ones stay light."""

from urllib.parse import urlsplit

import pytest

from tests.browser.content import PUBLIC_PAGES, make_site

PAGE_WEIGHT_LIMIT = 100 * 1024
HEAVY_PAGE_TYPES = ["home", "article"]


def origin(url):
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def load_completely(page, address):
    """Open the page and scroll to its end, then wait for its lazy images."""
    page.goto(address)
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    # A function, not an expression: Playwright evaluates a bare expression with
    # eval(), which the site's Content Security Policy forbids.
    page.wait_for_function(
        "() => [...document.images].every((image) => image.complete)"
    )


def transferred_bytes(requests):
    """Bytes received (headers and body as sent) for everything but images."""
    total = 0
    for request in requests:
        if request.resource_type in {"image", "media"}:
            continue
        sizes = request.sizes()
        total += sizes["responseHeadersSize"] + sizes["responseBodySize"]
    return total


def test_public_pages_request_nothing_from_other_origins_and_set_no_cookie(
    page, live_server
):
    site = make_site()
    # Every page asks for everything it uses, as on a first visit.
    page.context.new_cdp_session(page).send(
        "Network.setCacheDisabled", {"cacheDisabled": True}
    )
    for page_type, address in PUBLIC_PAGES.items():
        page.requests.clear()
        load_completely(page, address(site))
        origins = {origin(request.url) for request in page.requests}
        assert origins == {live_server.url}, page_type
    # Reading, the comment forms included, leaves nothing in the browser.
    assert page.context.cookies() == []
    assert page.evaluate("localStorage.length + sessionStorage.length") == 0


@pytest.mark.parametrize("page_type", HEAVY_PAGE_TYPES)
def test_page_transfers_under_100_kb_of_html_css_and_js(page, page_type):
    site = make_site()
    load_completely(page, PUBLIC_PAGES[page_type](site))
    size = transferred_bytes(page.requests)
    assert size < PAGE_WEIGHT_LIMIT, f"{page_type}: {size} bytes without images"
