"""
A visitor registers for the demo's upcoming webinar that keeps its join link for
registrants, gets the join link by email through the worker, opens their own
page from the email and cancels; the form has no axe violations, with or without
errors.
"""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from demo.registrations import REGISTRATION_EVENT_SLUG
from events.models import Event
from registrations.models import Question, Registration, RegistrationOptions
from tests.browser.accessibility import assert_no_axe_violations
from tests.conftest import run_worker
from tests.factories import make_event

TITLE = "Peer Respites: What Makes a Crisis Alternative Work"
JOIN_URL = "https://meet.example.org/peer-respites"


def registration_links_in(message):
    """The paths of the personal page and the cancel link: emails use the site's
    public URL, not the live server's."""
    return re.findall(r"https?://[^/\s]+(/registrations/\S+/)", message.body)


def test_visitor_registers_gets_the_join_link_by_email_and_cancels(
    open_page, mailoutbox
):
    call_command("load_demo_content", stdout=StringIO())
    event = Event.objects.get(slug=REGISTRATION_EVENT_SLUG)
    page = open_page(timezone_id="America/New_York", locale="en-US")

    page.goto("/events/")
    upcoming = page.get_by_role("region", name="Upcoming events")
    upcoming.get_by_role("link", name=TITLE).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(page.get_by_text("it is not published here")).to_be_visible()
    assert JOIN_URL not in page.content()

    page.get_by_role("link", name="Register", exact=True).click()
    form = page.locator("form.registration-form")
    expect(form).to_be_in_viewport()
    # The browser proposes the visitor's own time zone.
    expect(form.get_by_label("Your time zone")).to_have_value("America/New_York")
    form.get_by_label("Your name").fill("Robin")
    form.get_by_label("Email", exact=True).fill("robin@example.org")
    form.get_by_label("Do you need captions or any other access support?").fill(
        "Captions, please."
    )
    form.get_by_label("I will keep what others share in this session").check()
    form.get_by_role("button", name="Register").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Check your email")
    registration = Registration.objects.get(email="robin@example.org")
    assert registration.is_confirmed
    assert registration.time_zone == "America/New_York"
    assert registration.answers == {
        "Do you need captions or any other access support?": "Captions, please."
    }
    assert not [m for m in mailoutbox if m.to == ["robin@example.org"]]

    # The worker sends the confirmation, with the join link and both times.
    run_worker()
    (confirmation,) = [m for m in mailoutbox if m.to == ["robin@example.org"]]
    assert confirmation.subject == f"You are registered: {TITLE}"
    assert f"Join here: {JOIN_URL}" in confirmation.body
    assert f"When: {event.when}" in confirmation.body
    assert "Your time (America/New_York): " in confirmation.body
    ((filename, calendar, _mimetype),) = confirmation.attachments
    assert filename == f"{event.slug}.ics"
    assert JOIN_URL in calendar.replace("\r\n ", "")

    # The personal page from the email has the join link and the way to cancel.
    mine, cancel = registration_links_in(confirmation)
    assert cancel.endswith("/cancel/")
    page.goto(mine)
    expect(page.get_by_role("heading", level=1)).to_have_text(
        f"Your registration for “{TITLE}”"
    )
    expect(page.get_by_text("Robin, you have a seat.")).to_be_visible()
    expect(page.get_by_role("link", name="Join the webinar")).to_have_attribute(
        "href", JOIN_URL
    )
    page.get_by_role("link", name="Cancel my registration").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        f"Cancel your registration for “{TITLE}”?"
    )
    registration.refresh_from_db()
    assert registration.is_confirmed  # opening the page changed nothing
    page.get_by_role("button", name="Yes, cancel").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Your registration is cancelled"
    )
    registration.refresh_from_db()
    assert registration.is_cancelled
    # The email's links have done their work.
    for path in [mine, cancel]:
        page.goto(path)
        expect(page.get_by_role("heading", level=1)).to_have_text(
            "This link is invalid or has expired"
        )


def event_with_a_full_form():
    event = make_event(
        title="Hearing voices, together",
        registration_mode=Event.RegistrationMode.REQUIRED,
        join_url="https://meet.example.org/hearing-voices-5150",
    )
    RegistrationOptions.objects.create(
        event=event, consent_text="I will keep what others share to myself."
    )
    Question.objects.create(event=event, text="Anything we should know?")
    Question.objects.create(event=event, text="Your pronouns", required=True)
    return event


@pytest.mark.parametrize("color_scheme", ["light", "dark"])
def test_the_registration_form_and_its_errors_have_no_axe_violations(
    open_page, color_scheme
):
    event = event_with_a_full_form()
    page = open_page(color_scheme=color_scheme)
    page.goto(event.get_absolute_url() + "#register")
    expect(page.get_by_role("heading", name="Register")).to_be_visible()
    assert_no_axe_violations(page)

    form = page.locator("form.registration-form")
    form.get_by_label("Your name").fill("Robin")
    form.get_by_label("Email", exact=True).fill("robin@example")
    form.get_by_role("button", name="Register").click()

    summary = page.get_by_role("alert")
    expect(summary.get_by_role("heading")).to_have_text("Please check the form")
    expect(summary).to_be_focused()
    expect(summary.get_by_role("link")).to_have_count(3)
    expect(page.locator("[aria-invalid=true]")).to_have_count(3)
    # What was typed is kept, and each line of the summary leads to its field.
    expect(page.get_by_label("Your name")).to_have_value("Robin")
    expect(page.get_by_label("Email", exact=True)).to_have_value("robin@example")
    summary.get_by_role("link", name=re.compile("^Your pronouns: ")).click()
    expect(page.get_by_label("Your pronouns")).to_be_focused()
    assert_no_axe_violations(page)
    assert Registration.objects.count() == 0


def test_without_javascript_the_form_offers_the_events_time_zone_and_registers(
    open_page,
):
    event = event_with_a_full_form()
    page = open_page(java_script_enabled=False, timezone_id="Asia/Tokyo")
    page.goto(event.get_absolute_url())
    form = page.locator("form.registration-form")
    expect(form.get_by_label("Your time zone")).to_have_value("America/Los_Angeles")

    form.get_by_label("Your name").fill("Kim")
    form.get_by_label("Email", exact=True).fill("kim@example.org")
    form.get_by_label("Your time zone").fill("Asia/Tokyo")
    form.get_by_role("button", name="Register").click()
    # The required question and the consent box come back, the rest kept.
    expect(page.get_by_role("alert")).to_contain_text("Your pronouns")
    expect(page.get_by_label("Your time zone")).to_have_value("Asia/Tokyo")
    page.get_by_label("Your pronouns").fill("they/them")
    page.get_by_label("I will keep what others share to myself.").check()
    page.get_by_role("button", name="Register").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Check your email")
    registration = Registration.objects.get()
    assert (registration.name, registration.time_zone) == ("Kim", "Asia/Tokyo")
    assert registration.answers == {"Your pronouns": "they/them"}
