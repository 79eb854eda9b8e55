"""
An author submits a draft for review, an editor sends it back with a note, the
author reads it, edits and submits again, and the editor publishes it.
"""

import re

from django.conf import settings
from django.core import mail
from playwright.sync_api import expect

from articles.models import Article
from recoverysite.publishing import Status
from tests.browser.accessibility import axe_report
from tests.browser.admin import log_in, make_editor, sign_in
from tests.conftest import run_worker
from tests.editorial.conftest import member_of
from tests.factories import make_article

NOTE = "Please say where readers can find a doctor who helps with tapering."


def test_author_submits_editor_sends_back_author_resubmits_editor_publishes(
    open_page,
):
    author = member_of(
        "Author",
        username="ana",
        display_name="Ana Author",
        email="ana@example.org",
    )
    editor = make_editor()
    author_page, editor_page = open_page(), open_page()

    # The author writes a draft and submits it, with no publish controls.
    log_in(author_page, author, password="x")
    author_page.goto("/admin/articles/article/add/")
    expect(author_page.get_by_label("Status")).to_have_count(0)
    author_page.get_by_label("Title").fill("Tapering slowly")
    author_page.get_by_label("Summary").fill("What helped people taper slowly.")
    body = author_page.locator(".field-body [contenteditable=true]")
    body.click()
    author_page.keyboard.type("Slowly, with support.")
    author_page.get_by_role("button", name="Submit for review").click()
    expect(author_page.locator(".messagelist")).to_contain_text("Submitted for review")
    expect(author_page.locator(".review-box")).to_contain_text("Waiting for review")
    article = Article.objects.get(title="Tapering slowly")

    run_worker()
    (email,) = mail.outbox
    assert email.to == [editor.email]
    link = re.search(rf"{re.escape(settings.SITE_URL)}(\S+)", email.body)[1]

    # The editor finds it on the dashboard and sends it back with a note.
    log_in(editor_page, editor)
    review = editor_page.locator(".dashboard-review")
    expect(review).to_contain_text("submitted by Ana Author")
    review.get_by_role("link", name="Tapering slowly").click()
    assert editor_page.url.endswith(link)
    expect(editor_page.locator(".review-box")).to_contain_text(
        "Submitted by Ana Author"
    )
    editor_page.get_by_role("button", name="Send back with a note…").click()
    editor_page.get_by_label("Note for the author").fill(NOTE)
    editor_page.get_by_role("button", name="Send back", exact=True).click()
    expect(editor_page.locator(".messagelist")).to_contain_text(
        "Sent back with your note to Ana Author"
    )

    mail.outbox.clear()
    run_worker()
    (email,) = mail.outbox
    assert email.to == ["ana@example.org"]
    assert NOTE in email.body

    # The author reads the note on the dashboard and on the form, edits and
    # submits again; the note is answered.
    author_page.goto("/admin/")
    sent_back = author_page.locator(".dashboard-sent-back")
    expect(sent_back).to_contain_text(NOTE)
    sent_back.get_by_role("link", name="Tapering slowly").click()
    box = author_page.locator(".review-box")
    expect(box).to_contain_text("Sent back with a note")
    expect(box).to_contain_text(NOTE)
    body.click()
    author_page.keyboard.press("End")
    author_page.keyboard.type(" Ask your doctor about a tapering plan.")
    author_page.get_by_role("button", name="Submit for review").click()
    expect(author_page.locator(".review-box")).to_contain_text("Waiting for review")
    expect(author_page.locator(".review-box")).not_to_contain_text(NOTE)

    # The editor publishes it.
    editor_page.goto(link)
    editor_page.get_by_label("Status").select_option(label="Published")
    editor_page.get_by_role("button", name="Save", exact=True).click()
    expect(editor_page.locator(".messagelist")).to_contain_text(
        "was changed successfully"
    )
    article.refresh_from_db()
    assert article.is_published()
    assert article.author == author
    assert "Ask your doctor about a tapering plan." in article.body
    editor_page.goto("/admin/")
    expect(editor_page.locator(".dashboard-review")).not_to_contain_text(
        "Tapering slowly"
    )

    author_page.goto(article.get_absolute_url())
    expect(author_page.get_by_role("heading", level=1)).to_have_text("Tapering slowly")
    expect(author_page.locator(".preview-banner")).to_have_count(0)


def test_the_review_screens_have_no_axe_violations(open_page, live_server):
    author = member_of("Author", username="ana", display_name="Ana Author")
    editor = make_editor()
    waiting = make_article(title="Tapering slowly", status=Status.DRAFT, author=author)
    waiting.submit_for_review(author)
    waiting.save()
    returned = make_article(title="Sleep", status=Status.DRAFT, author=author)
    returned.submit_for_review(author)
    returned.send_back(editor, NOTE)
    returned.save()
    screens = {
        editor: {
            "dashboard": "/admin/",
            "waiting item": f"/admin/articles/article/{waiting.pk}/change/",
            "send back": f"/admin/articles/article/{waiting.pk}/send-back/",
        },
        author: {
            "author's dashboard": "/admin/",
            "item sent back": f"/admin/articles/article/{returned.pk}/change/",
        },
    }
    reports = {}
    for color_scheme in ["light", "dark"]:
        for user, addresses in screens.items():
            page = open_page(color_scheme=color_scheme)
            sign_in(page, user, live_server.url)
            for name, address in addresses.items():
                page.goto(address)
                if "/change/" in address:
                    # The editor's buttons get their names once it is built.
                    expect(
                        page.locator(".field-body [contenteditable=true]")
                    ).to_have_attribute("aria-label", re.compile("."))
                reports[f"{name}, {color_scheme}"] = axe_report(page)
        # The note refused empty, with its error.
        page = open_page(color_scheme=color_scheme)
        sign_in(page, editor, live_server.url)
        page.goto(screens[editor]["send back"])
        page.get_by_role("button", name="Send back", exact=True).click()
        expect(page.locator(".errornote")).to_be_visible()
        reports[f"send back refused, {color_scheme}"] = axe_report(page)
    failures = {name: report for name, report in reports.items() if report}
    assert not failures, "\n".join(failures.values())
