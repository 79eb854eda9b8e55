"""The click-to-play player and the local-time line, in Debian's Chromium."""

import datetime
import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.browser import conftest as browser_tests
from tests.browser.admin import make_editor, sign_in
from tests.events.conftest import SEED_END, SEED_START
from tests.factories import make_event

pytestmark = pytest.mark.browser

# One Chromium per run: Playwright's sync API allows one instance per thread, so
# these tests share the browser fixtures of tests/browser/.
browser = browser_tests.browser
open_page = browser_tests.open_page
page = browser_tests.page

YOUTUBE = "https://www.youtube.com/watch?v=Hq4mR7dPz2E"


def block_other_sites(page, live_server):
    """Answer requests to other sites with an error, so tests need no network."""
    here = urlsplit(live_server.url).netloc
    page.route(
        lambda url: urlsplit(url).netloc != here,
        lambda route: route.abort(),
    )


def other_site_requests(page, live_server):
    return [r.url for r in page.requests if not r.url.startswith(live_server.url)]


def recorded_event(recording_url):
    now = datetime.datetime.now(datetime.UTC)
    return make_event(
        title="The Hope of Harm Reduction",
        start=now - datetime.timedelta(days=3),
        recording_url=recording_url,
    )


def test_youtube_player_loads_only_after_play_is_pressed(page, live_server):
    block_other_sites(page, live_server)
    event = recorded_event(YOUTUBE)

    page.goto(event.get_absolute_url())
    page.wait_for_load_state("networkidle")

    assert other_site_requests(page, live_server) == []
    expect(page.locator("iframe")).to_have_count(0)
    play = page.get_by_role("button", name=re.compile("Play the recording"))
    expect(play).to_be_visible()

    play.click()

    iframe = page.locator(".embed iframe")
    expect(iframe).to_have_attribute(
        "src", "https://www.youtube-nocookie.com/embed/Hq4mR7dPz2E?autoplay=1&rel=0"
    )
    expect(iframe).to_have_attribute("title", "Recording: The Hope of Harm Reduction")
    expect(iframe).to_have_attribute(
        "referrerpolicy", "strict-origin-when-cross-origin"
    )
    hosts = {urlsplit(url).netloc for url in other_site_requests(page, live_server)}
    assert hosts == {"www.youtube-nocookie.com"}


def test_vimeo_player_asks_vimeo_not_to_track(page, live_server):
    block_other_sites(page, live_server)
    event = recorded_event("https://vimeo.com/76979871/8272103f6e")

    page.goto(event.get_absolute_url())
    page.get_by_role("button", name=re.compile("Play the recording")).click()

    expect(page.locator(".embed iframe")).to_have_attribute(
        "src",
        "https://player.vimeo.com/video/76979871?dnt=1&autoplay=1&h=8272103f6e",
    )


def test_without_javascript_the_recording_is_a_plain_link(open_page, live_server):
    page = open_page(java_script_enabled=False)
    block_other_sites(page, live_server)
    event = recorded_event(YOUTUBE)

    page.goto(event.get_absolute_url())

    expect(page.get_by_role("button", name=re.compile("Play"))).to_have_count(0)
    link = page.get_by_role(
        "link", name="Watch “The Hope of Harm Reduction” on YouTube"
    )
    expect(link).to_have_attribute("href", YOUTUBE)


@pytest.fixture
def upcoming_seed_webinar(frozen_clock):
    frozen_clock(SEED_START - datetime.timedelta(days=5))
    return make_event(title="Upcoming", start=SEED_START, end=SEED_END)


def test_visitor_elsewhere_sees_the_time_in_their_own_zone(
    open_page, upcoming_seed_webinar
):
    page = open_page(timezone_id="Europe/Berlin", locale="en-US")

    page.goto(upcoming_seed_webinar.get_absolute_url())

    when = page.locator(".event__when")
    expect(when).to_contain_text("Tuesday, April 15, 2025, 4:00–5:30 PM PDT")
    # 4 PM in Los Angeles is 1 AM the next day in Berlin.
    local = page.locator(".local-time")
    expect(local).to_contain_text("(Your time: Wednesday, April 16, 2025")
    expect(local).to_contain_text("1:00")
    expect(local).to_contain_text("2:30")


def test_visitor_in_the_organiser_zone_sees_no_second_time(
    open_page, upcoming_seed_webinar
):
    page = open_page(timezone_id="America/Los_Angeles", locale="en-US")

    page.goto(upcoming_seed_webinar.get_absolute_url())

    expect(page.locator(".event__when")).to_contain_text("4:00–5:30 PM PDT")
    expect(page.locator(".local-time")).to_have_count(0)


def test_event_form_says_once_which_zone_its_times_are_in(open_page, live_server):
    # Sixteen or seventeen hours ahead of the site's Los Angeles time.
    page = open_page(timezone_id="Asia/Tokyo")
    sign_in(page, make_editor(), live_server.url)
    page.goto("/admin/events/event/add/")
    # The admin's calendar links are built once its scripts ran.
    expect(page.locator(".field-start .datetimeshortcuts").first).to_be_visible()

    # The admin's own note under each time box, on the browser's clock, is kept
    # out of sight.
    warnings = page.get_by_text("ahead of server time")
    expect(warnings).to_have_count(4)
    expect(warnings.filter(visible=True)).to_have_count(0)
    expect(page.locator(".time-zone-note")).to_have_count(1)
    expect(page.locator(".time-zone-note")).to_be_visible()
    time_zone = page.get_by_role("combobox", name="Time zone")
    time_zone.fill("Europe/Lond")
    assert page.evaluate(
        "[...document.getElementById('id_time_zone').list.options]"
        ".some((option) => option.value === 'Europe/London')"
    )
