"""
A visitor finds the contact form in the footer, sends it half filled in, fixes
what the form points out and lands on the confirmation with the crisis notice,
in each of the site's languages. The form and its error state pass axe in light
and dark mode.
"""

import pytest
from playwright.sync_api import expect

from contact.models import Message, Topic
from tests.browser.accessibility import axe_report
from tests.browser.content import make_site
from tests.browser.test_visitor_subscribes_to_email_updates import in_language

COLOR_SCHEMES = ["light", "dark"]


def axe_reports(page):
    reports = []
    for scheme in COLOR_SCHEMES:
        page.emulate_media(color_scheme=scheme)
        reports.append(axe_report(page))
    page.emulate_media(color_scheme="light")
    return [report for report in reports if report]


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("language", ["en", "es"])
def test_visitor_sends_a_message_after_fixing_the_email(open_page, settings, language):
    _ = in_language(language)
    page = open_page(language=language)
    # The browser fills the form in far faster than a person would.
    settings.CONTACT_MIN_SECONDS_TO_WRITE = 0
    make_site()
    Topic.objects.create(name="Webinars")
    Topic.objects.create(name="Something else", position=9)

    page.goto("/")
    page.get_by_role("contentinfo").get_by_role("link", name=_("Contact us")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(_("Contact us"))
    assert axe_reports(page) == []
    # The footer's email-updates form has an email box too.
    form = page.locator("form.contact-form")

    form.get_by_label(_("Your name")).fill("Robin")
    form.get_by_label(_("Your email")).fill("robin at example")
    form.get_by_label(_("What is it about?")).select_option(label="Webinars")
    form.get_by_label(_("Your message")).fill("Will the April webinar be recorded?")
    page.get_by_role("button", name=_("Send message")).click()

    summary = page.get_by_role("alert")
    expect(summary).to_contain_text(_("Please check the form"))
    expect(summary.get_by_role("link")).to_have_text(
        f"{_('Your email')}: {_('Enter a valid email address.')}"
    )
    email = form.get_by_label(_("Your email"))
    expect(email).to_have_attribute("aria-invalid", "true")
    expect(form.get_by_label(_("Your message"))).to_have_value(
        "Will the April webinar be recorded?"
    )
    expect(form.get_by_label(_("What is it about?"))).to_have_value(
        str(Topic.objects.get(name="Webinars").pk)
    )
    assert axe_reports(page) == []
    assert not Message.objects.exists()

    summary.get_by_role("link").click()
    expect(email).to_be_focused()
    email.fill("robin@example.org")
    page.get_by_role("button", name=_("Send message")).click()

    expect(page.get_by_role("heading", level=1)).to_have_text(
        _("Thank you for your message")
    )
    expect(
        page.get_by_role("complementary", name=_("If you need help sooner"))
    ).to_contain_text("call or text 988")
    assert axe_reports(page) == []
    message = Message.objects.get()
    assert (message.email, message.topic.name) == ("robin@example.org", "Webinars")
