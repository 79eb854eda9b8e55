"""
A visitor finds the webinars from the home page: the upcoming one in their own
time with its calendar file, the past one with its presenter and its recording,
which connects to the video site only when they press play.
"""

import re
from urllib.parse import urlsplit

from playwright.sync_api import expect

from tests.browser.content import make_site


def block_other_sites(page, live_server):
    """Answer requests to other sites with an error, so the test needs no network."""
    here = urlsplit(live_server.url).netloc
    page.route(
        lambda url: urlsplit(url).netloc != here,
        lambda route: route.abort(),
    )


def other_hosts(page, live_server):
    return {
        urlsplit(request.url).netloc
        for request in page.requests
        if not request.url.startswith(live_server.url)
    }


def test_visitor_finds_webinars_adds_one_to_the_calendar_and_plays_a_recording(
    open_page, live_server
):
    make_site()
    page = open_page(timezone_id="Europe/Berlin", locale="en-US")
    block_other_sites(page, live_server)

    page.goto("/")
    page.get_by_role("navigation", name="Main").get_by_role(
        "link", name="Events"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Events")
    upcoming = page.get_by_role("region", name="Upcoming events")
    expect(upcoming.get_by_text("With Maya Lindqvist")).to_be_visible()
    upcoming.get_by_role("link", name="Listening without fixing").click()

    # The organiser's time, then the visitor's own.
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Listening without fixing"
    )
    expect(page.locator(".event__when")).to_contain_text(re.compile("P[DS]T"))
    expect(page.locator(".local-time")).to_contain_text("(Your time: ")
    presenters = page.get_by_role("region", name="About the Presenter")
    expect(
        presenters.get_by_role("heading", name="Maya Lindqvist (she/her)")
    ).to_be_visible()

    page.get_by_text("Add to calendar").click()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download a calendar file (.ics)").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".ics")
    calendar = download.path().read_text()
    assert calendar.startswith("BEGIN:VCALENDAR")
    assert "SUMMARY:Listening without fixing" in calendar

    page.get_by_role("link", name="All events").click()
    past = page.get_by_role("region", name="Past events")
    past.get_by_role("link", name="The hope of harm reduction").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "The hope of harm reduction"
    )
    expect(page.locator(".event__when")).to_contain_text("took place on")
    expect(page.get_by_role("link", name="Download a calendar file")).to_have_count(0)
    expect(
        page.get_by_role("region", name="About the Presenter").get_by_role(
            "link", name="Maya Lindqvist"
        )
    ).to_be_visible()
    page.get_by_role("link", name="Watch the recording").click()
    play = page.get_by_role("button", name=re.compile("Play the recording"))
    expect(play).to_be_visible()
    page.wait_for_load_state("networkidle")
    expect(page.locator("iframe")).to_have_count(0)
    assert other_hosts(page, live_server) == set()

    play.click()

    iframe = page.locator(".embed iframe")
    expect(iframe).to_have_attribute(
        "src", re.compile(r"^https://www\.youtube-nocookie\.com/embed/Hq4mR7dPz2E\?")
    )
    expect(iframe).to_have_attribute("title", "Recording: The hope of harm reduction")
    assert other_hosts(page, live_server) == {"www.youtube-nocookie.com"}
