"""
Writing typed into an admin form is kept in the browser: after a reload or a
session that ran out, the form offers it back, and a successful save clears it.
"""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from articles.models import Article
from tests.browser.admin import log_in, make_editor
from tests.factories import make_article, make_event, make_page, make_presenter

KEPT_COPIES = (
    "Object.keys(localStorage).filter((key) => key.startsWith('recoverysite.autosave'))"
)


def write_in_body(page, text, new_paragraph=False):
    """Type in the form's first rich-text box (an article's body)."""
    page.locator(".prose-editor [contenteditable=true]").first.click()
    if new_paragraph:
        page.keyboard.press("Control+End")
        page.keyboard.press("Enter")
    page.keyboard.type(text)


def test_writing_survives_a_reload_and_is_saved_after_restoring(page):
    editor = make_editor()
    article = make_article(title="Walking together", body="<p>Every Sunday.</p>")
    log_in(page, editor)
    address = reverse("admin:articles_article_change", args=[article.pk])
    page.goto(address)
    page.get_by_label("Title").fill("Walking together by the river")
    write_in_body(page, "Nobody has to talk.", new_paragraph=True)

    page.reload()
    notice = page.get_by_role("status").filter(has_text="not saved")
    expect(notice).to_be_visible()
    expect(page.get_by_label("Title")).to_have_value("Walking together")
    notice.get_by_role("button", name="Restore unsaved changes").click()
    expect(notice).to_be_hidden()
    expect(page.get_by_label("Title")).to_have_value("Walking together by the river")
    expect(page.locator(".field-body [contenteditable=true]")).to_contain_text(
        "Nobody has to talk."
    )
    page.get_by_role("button", name="Save and continue editing").click()

    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    article.refresh_from_db()
    assert article.title == "Walking together by the river"
    assert article.body == "<p>Every Sunday.</p><p>Nobody has to talk.</p>"
    # Saved, so nothing is offered any more.
    page.reload()
    expect(page.get_by_role("button", name="Restore unsaved changes")).to_be_hidden()
    assert page.evaluate(KEPT_COPIES) == []


def test_writing_survives_a_session_that_ran_out(page):
    editor = make_editor()
    log_in(page, editor)
    page.goto(reverse("admin:articles_article_add"))
    page.get_by_label("Title").fill("What helped me sleep")
    write_in_body(page, "A walk after dinner.")
    page.context.clear_cookies()

    # The save goes to the sign-in page: what was typed is not lost.
    page.get_by_role("button", name="Save", exact=True).click()
    log_in(page, editor)
    page.goto(reverse("admin:articles_article_add"))
    page.get_by_role("button", name="Restore unsaved changes").click()
    expect(page.get_by_label("Title")).to_have_value("What helped me sleep")
    page.get_by_label("Summary").fill("Small habits that helped me sleep again.")
    page.get_by_role("button", name="Save", exact=True).click()

    expect(page.locator(".messagelist")).to_contain_text("was added successfully")
    assert Article.objects.get().body == "<p>A walk after dinner.</p>"
    page.goto(reverse("admin:articles_article_add"))
    expect(page.get_by_label("Title")).to_have_value("")
    expect(page.get_by_role("button", name="Restore unsaved changes")).to_be_hidden()


def test_discarded_changes_are_not_offered_again(page):
    editor = make_editor()
    article = make_article(title="Walking together")
    log_in(page, editor)
    page.goto(reverse("admin:articles_article_change", args=[article.pk]))
    page.get_by_label("Title").fill("A title I did not want")

    page.reload()
    page.get_by_role("button", name="Discard").click()
    expect(page.get_by_label("Title")).to_have_value("Walking together")
    page.reload()
    expect(page.get_by_role("button", name="Restore unsaved changes")).to_be_hidden()


@pytest.mark.parametrize(
    ("name", "make", "field"),
    [
        ("pages_page", make_page, "#id_title"),
        ("events_event", make_event, "#id_title"),
        ("events_presenter", make_presenter, "#id_name"),
    ],
)
def test_pages_events_and_presenters_get_unsaved_writing_back(page, name, make, field):
    log_in(page, make_editor())
    page.goto(reverse(f"admin:{name}_change", args=[make().pk]))
    page.locator(field).fill("Typed and not saved")
    write_in_body(page, "More words.", new_paragraph=True)

    page.reload()
    page.get_by_role("button", name="Restore unsaved changes").click()

    expect(page.locator(field)).to_have_value("Typed and not saved")
    expect(page.locator(".prose-editor [contenteditable=true]").first).to_contain_text(
        "More words."
    )
