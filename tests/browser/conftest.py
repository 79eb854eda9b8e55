"""
Fixtures for tests that drive Debian's Chromium through Playwright against the
live server: a browser for the whole run, and a fresh page for each test that
records every request it makes.
"""

import os
import shutil
from pathlib import Path

import pytest
from django.conf import settings

# Playwright's sync API runs an event loop in the test thread, and Django refuses
# ORM calls from a thread with a running loop unless told this is intended.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = shutil.which("chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SKIP_REASON = (
    "Browser tests skipped: Chromium is not installed (apt-get install chromium)."
)
HERE = Path(__file__).parent


def pytest_collection_modifyitems(config, items):
    for item in items:
        if item.path.is_relative_to(HERE):
            item.add_marker(pytest.mark.browser)


def pytest_terminal_summary(terminalreporter):
    skipped = terminalreporter.stats.get("skipped", [])
    if CHROMIUM is None and any(
        report.nodeid.startswith("tests/browser/") for report in skipped
    ):
        terminalreporter.write_line(SKIP_REASON, yellow=True, bold=True)


# Playwright's sync API allows one instance per thread, so the test process keeps
# one Chromium, however many modules ask for the browser fixture.
_running = {}


def chromium():
    """The test process's Chromium, launched on first use."""
    if not _running:
        from playwright.sync_api import sync_playwright

        playwright = sync_playwright().start()
        _running["playwright"] = playwright
        _running["browser"] = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS
        )
    return _running["browser"]


def pytest_sessionfinish(session):
    if _running:
        _running.pop("browser").close()
        _running.pop("playwright").stop()


@pytest.fixture(scope="session")
def browser():
    if CHROMIUM is None:
        pytest.skip(SKIP_REASON)
    return chromium()


@pytest.fixture
def open_page(browser, live_server):
    """
    Open a page in a new browser context: ``open_page(color_scheme="dark")``,
    ``open_page(language="es")`` for a visitor who chose Spanish.

    Other keyword arguments go to ``browser.new_context()``. Relative addresses in
    ``page.goto()`` resolve against the live server, and ``page.requests`` lists
    every request the page has made, in order.
    """
    contexts = []

    def open_page(language=None, **context_options):
        context_options.setdefault("base_url", live_server.url)
        context_options.setdefault("viewport", {"width": 1280, "height": 800})
        context = browser.new_context(**context_options)
        if language:
            # As the footer's language switch leaves it.
            context.add_cookies(
                [
                    {
                        "name": settings.LANGUAGE_COOKIE_NAME,
                        "value": language,
                        "url": live_server.url,
                    }
                ]
            )
        context.set_default_timeout(10_000)
        contexts.append(context)
        page = context.new_page()
        page.requests = requests = []
        page.on("request", lambda request: requests.append(request))
        return page

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def page(open_page):
    """A desktop-sized page with the visitor's default settings."""
    return open_page()
