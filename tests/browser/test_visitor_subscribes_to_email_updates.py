"""
A visitor subscribes to email updates from an article's footer, fixes the email
the form points out, confirms from the email the worker sends, changes how often
the emails come and unsubscribes from their own page, in each of the site's
languages. Every page of the way has no axe violations, in light and dark mode.
"""

import re

import pytest
from django.utils import translation
from playwright.sync_api import expect

from subscriptions.models import Frequency, Subscriber, Topics
from tests.browser.accessibility import axe_report
from tests.browser.content import make_site
from tests.conftest import run_worker


def axe_reports(page):
    reports = []
    for scheme in ["light", "dark"]:
        page.emulate_media(color_scheme=scheme)
        reports.append(axe_report(page))
    page.emulate_media(color_scheme="light")
    return [report for report in reports if report]


def update_links_in(message):
    """Paths of the email's links: emails use the site's address, not the test's."""
    return re.findall(r"https?://[^/\s]+(/updates/\S+/)", message.body)


def in_language(language):
    """The site's text for ``text`` in ``language``: what the visitor reads."""

    def translated(text):
        with translation.override(language):
            return translation.gettext(text)

    return translated


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("language", ["en", "es"])
def test_visitor_subscribes_confirms_changes_and_unsubscribes(
    open_page, mailoutbox, language
):
    _ = in_language(language)
    make_site()
    page = open_page(language=language)
    page.goto("/articles/")
    page.get_by_role("article").first.get_by_role("link").first.click()
    footer = page.get_by_role("contentinfo")
    form = footer.locator("form.subscribe-form")

    form.get_by_label(_("Your email")).fill("robin at example")
    form.get_by_label(_("New articles"), exact=True).check()
    form.get_by_label(_("A weekly digest")).check()
    form.get_by_role("button", name=_("Subscribe")).click()

    # The form comes back on its own page with the error named and the choices kept.
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text(_("Please check the form"))
    expect(summary).to_be_focused()
    form = page.locator("main form.subscribe-form")
    email = form.get_by_label(_("Your email"))
    expect(email).to_have_attribute("aria-invalid", "true")
    expect(email).to_have_value("robin at example")
    expect(form.get_by_label(_("New articles"), exact=True)).to_be_checked()
    expect(form.get_by_label(_("A weekly digest"))).to_be_checked()
    assert axe_reports(page) == []
    assert not Subscriber.objects.exists()

    email.fill("robin@example.org")
    form.get_by_role("button", name=_("Subscribe")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(_("Check your email"))
    assert axe_reports(page) == []
    subscriber = Subscriber.objects.get()
    assert subscriber.status == Subscriber.Status.PENDING
    assert mailoutbox == []

    # The worker sends the one confirmation; opening its link confirms nothing yet.
    run_worker()
    (confirmation,) = mailoutbox
    assert confirmation.to == ["robin@example.org"]
    assert subscriber.language == language
    (confirm_link,) = [
        link for link in update_links_in(confirmation) if "/confirm/" in link
    ]
    page.goto(confirm_link)
    expect(page.get_by_role("heading", level=1)).to_have_text(
        _("Confirm your email updates")
    )
    assert axe_reports(page) == []
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.PENDING
    page.get_by_role("button", name=_("Yes, send me updates")).click()

    expect(page.get_by_role("heading", level=1)).to_have_text(_("Your email updates"))
    expect(page.get_by_role("status")).to_have_text(
        _("Thank you: your email updates are confirmed.")
    )
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.CONFIRMED
    assert (subscriber.topics, subscriber.frequency) == (
        Topics.ARTICLES,
        Frequency.WEEKLY,
    )
    assert axe_reports(page) == []

    preferences = page.get_by_role("main")
    preferences.get_by_label(_("New articles and webinars")).check()
    preferences.get_by_label(_("An email for each new item")).check()
    preferences.get_by_role("button", name=_("Save")).click()
    expect(page.get_by_role("status")).to_have_text(
        _("Saved. Your next emails follow these choices.")
    )
    subscriber.refresh_from_db()
    assert (subscriber.topics, subscriber.frequency) == (Topics.BOTH, Frequency.EACH)

    preferences.get_by_role("button", name=_("Unsubscribe")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(_("You are unsubscribed"))
    assert axe_reports(page) == []
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
