"""
Public pages and every admin screen an editor or moderator opens pass axe's WCAG
2.2 A and AA rules in light and dark mode; public pages work by keyboard, at 200%
text size and with reduced motion.
"""

import datetime
import re

import pytest
import reversion
from django.apps import apps
from django.contrib.redirects.models import Redirect
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from announcements.models import Announcement
from comments.models import CommentStatus, ModerationPolicy
from contact.models import Message, Topic
from registrations.models import Question, Registration, RegistrationOptions
from subscriptions.models import Digest, NewItem
from tests.browser.accessibility import axe_report
from tests.browser.admin import sign_in
from tests.browser.content import PUBLIC_PAGES, make_site
from tests.comments.conftest import make_comment
from tests.editorial.conftest import member_of
from tests.factories import make_series

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


# --- the admin, as editors and moderators open it ----------------------------------

# The models an editor works on, by their admin names, and whether each has an add
# form and a change form to open (the digests and what was mailed are records).
ADMIN_MODELS = {
    "articles_article": ("add", "change"),
    "pages_page": ("add", "change"),
    "events_event": ("add", "change"),
    "events_eventseries": ("add", "change"),
    "events_presenter": ("add", "change"),
    "registrations_registration": ("add", "change"),
    "registrations_registrationoptions": ("add", "change"),
    "registrations_question": ("add", "change"),
    "comments_comment": ("change",),
    "comments_moderationpolicy": ("change",),
    "images_image": ("add", "change"),
    "announcements_announcement": ("add", "change"),
    "contact_message": ("change",),
    "contact_topic": ("add", "change"),
    "subscriptions_digest": ("change",),
    "subscriptions_newitem": ("change",),
    "redirects_redirect": ("add", "change"),
}


def admin_content(site):
    """One of everything the editors' screens show, beside the site's content."""
    make_series()
    RegistrationOptions.objects.create(event=site.event, capacity=10)
    Question.objects.create(event=site.event, text="What would you like to ask?")
    Registration.objects.create(
        event=site.event, name="Rosa", email="rosa@example.org", time_zone="UTC"
    )
    comment = make_comment(site.article, status=CommentStatus.PENDING)
    make_comment(site.article, parent=comment)
    ModerationPolicy.objects.get_or_create(pk=1)
    Announcement.objects.create(
        message="The site is read-only tonight.",
        ends_at=timezone.now() + datetime.timedelta(days=1),
    )
    Message.objects.create(
        name="Robin", email="robin@example.org", message="A question."
    )
    Topic.objects.create(name="Webinars")
    Digest.objects.create(since=timezone.now(), until=timezone.now())
    NewItem.objects.create(
        kind="article",
        object_id=site.article.pk,
        title=site.article.title,
        url=site.article.get_absolute_url(),
        published_at=timezone.now(),
    )
    Redirect.objects.create(site_id=1, old_path="/old/", new_path="/new/")
    # A second version, so that the history has two to compare.
    site.article.title = "A changed title"
    with reversion.create_revision():
        site.article.save()


def change_address(name):
    model = apps.get_model(*name.split("_", 1))
    return reverse(f"admin:{name}_change", args=[model._default_manager.first().pk])


def article_address(screen):
    return lambda site: reverse(
        f"admin:articles_article_{screen}", args=[site.article.pk]
    )


ADMIN_SCREENS = {
    "dashboard": lambda site: reverse("admin:index"),
    **{
        f"{name} {screen}": (
            lambda site, name=name, screen=screen: (
                change_address(name)
                if screen == "change"
                else reverse(f"admin:{name}_{screen}")
            )
        )
        for name, screens in ADMIN_MODELS.items()
        for screen in ("changelist", *screens)
    },
    "image picker": lambda site: reverse("admin:images_image_picker"),
    "article history": article_address("history"),
    "article versions compared": article_address("compare"),
    "two-step set-up": lambda site: reverse("two_step"),
}

SIGNED_OUT_SCREENS = {
    "sign-in": lambda site: reverse("admin:login"),
    "password reset": lambda site: reverse("admin_password_reset"),
}

MODERATOR_SCREENS = [
    "dashboard",
    "comments_comment changelist",
    "comments_comment change",
]


def screens():
    for name in [*ADMIN_SCREENS, *SIGNED_OUT_SCREENS]:
        yield name, "editor"
    for name in MODERATOR_SCREENS:
        yield name, "moderator"


@pytest.mark.parametrize("color_scheme", COLOR_SCHEMES)
@pytest.mark.parametrize(("screen", "role"), list(screens()))
def test_admin_screens_have_no_axe_violations(
    open_page, live_server, screen, role, color_scheme
):
    site = make_site()
    admin_content(site)
    page = open_page(color_scheme=color_scheme)
    if screen in SIGNED_OUT_SCREENS:
        page.goto(SIGNED_OUT_SCREENS[screen](site))
    else:
        sign_in(page, member_of(role.title()), live_server.url)
        page.goto(ADMIN_SCREENS[screen](site))
    # The screen itself, not the sign-in page or an error.
    expect(page.locator("#container")).to_be_visible()
    assert screen == "sign-in" or "/login/" not in page.url
    # The rich-text editors are built after the page loads, then named.
    texts = page.locator("textarea[data-django-prose-editor-configurable]").count()
    editors = page.locator(".prose-editor [contenteditable=true]")
    expect(editors).to_have_count(texts)
    for index in range(texts):
        expect(editors.nth(index)).to_have_attribute("aria-label", re.compile("."))

    report = axe_report(page)

    assert not report, report
