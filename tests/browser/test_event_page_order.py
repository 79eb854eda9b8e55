"""
An event page shows what the visitor came for first, on a phone and a laptop,
and the player's poster text stays readable in light and dark.
"""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from events.models import Event
from tests.factories import make_event, make_image, make_image_file, make_presenter

SIZES = {
    "phone": {"width": 390, "height": 844},
    "laptop": {"width": 1280, "height": 800},
}


def top(page, selector):
    return page.locator(selector).first.bounding_box()["y"]


def white_picture():
    return make_image(
        make_image_file("white.jpg", size=(960, 540)), alt="A white wall."
    )


@pytest.mark.parametrize("size", SIZES)
def test_upcoming_event_shows_time_presenter_and_registration_before_the_description(
    open_page, size
):
    event = make_event(
        title="Listening without fixing",
        registration_mode=Event.RegistrationMode.REQUIRED,
        presenters=[make_presenter(name="Maya Lindqvist")],
        featured_image=white_picture(),
        description="<p>" + "A long description. " * 200 + "</p>",
    )
    page = open_page(viewport=SIZES[size])
    page.goto(event.get_absolute_url())

    when = top(page, ".event__when")
    who = top(page, ".event__who")
    form = top(page, "#register")
    description = top(page, "#description-title")
    assert when < who < form < description
    expect(page.locator(".event__who")).to_have_text("With Maya Lindqvist")


@pytest.mark.parametrize("size", SIZES)
def test_past_event_shows_the_player_first_and_its_picture_once(open_page, size):
    event = make_event(
        title="The hope of harm reduction",
        start=timezone.now() - datetime.timedelta(days=20),
        recording_url="https://www.youtube.com/watch?v=Hq4mR7dPz2E",
        transcript="<p>What was said.</p>",
        featured_image=white_picture(),
        description="<p>" + "A long description. " * 200 + "</p>",
    )
    page = open_page(viewport=SIZES[size])
    page.route(re.compile(r"^https?://(?!127\.0\.0\.1|localhost)"), lambda r: r.abort())
    page.goto(event.get_absolute_url())

    player = page.get_by_role("button", name=re.compile("Play the recording"))
    expect(player).to_be_visible()
    assert (
        top(page, ".embed") < top(page, ".transcript") < top(page, "#description-title")
    )
    # The player is on the first screen, not under a copy of its own poster.
    assert page.locator(".embed").bounding_box()["y"] < SIZES[size]["height"]
    expect(page.get_by_role("img", name="A white wall.")).to_have_count(0)
    expect(page.locator("img.embed__poster")).to_have_count(1)


LUMINANCE = """
element => {
  const channels = text => text.match(/[\\d.]+/g).map(Number);
  const linear = c => {
    c /= 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = ([r, g, b]) =>
    0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
  const style = getComputedStyle(element);
  const [r, g, b, a = 1] = channels(style.backgroundColor);
  // The worst picture behind a translucent backing is pure white.
  const backing = [r, g, b].map(c => a * c + (1 - a) * 255);
  const light = Math.max(luminance(channels(style.color)), luminance(backing));
  const dark = Math.min(luminance(channels(style.color)), luminance(backing));
  return (light + 0.05) / (dark + 0.05);
}
"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_poster_text_has_enough_contrast_over_any_picture(open_page, scheme):
    event = make_event(
        start=timezone.now() - datetime.timedelta(days=20),
        recording_url="https://www.youtube.com/watch?v=Hq4mR7dPz2E",
        featured_image=white_picture(),
    )
    page = open_page(color_scheme=scheme)
    page.route(re.compile(r"^https?://(?!127\.0\.0\.1|localhost)"), lambda r: r.abort())
    page.goto(event.get_absolute_url())

    for selector in [".embed__label", ".embed__note"]:
        text = page.locator(selector)
        expect(text).to_be_visible()
        assert text.evaluate(LUMINANCE) >= 4.5, selector
