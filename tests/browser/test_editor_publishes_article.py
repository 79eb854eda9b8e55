"""An editor writes, schedules, previews and publishes an article in the admin."""

import datetime
import re

from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from articles.models import Article
from recoverysite.publishing import Status
from tests.browser.admin import log_in, make_editor
from tests.factories import make_image_file


def test_editor_writes_schedules_previews_and_publishes_an_article(page):
    editor = make_editor()
    log_in(page, editor)

    articles_row = page.get_by_role("row", name=re.compile("^Articles"))
    articles_row.get_by_role("link", name="Add", exact=True).click()
    page.get_by_label("Title").press_sequentially("Walking together")
    expect(page.get_by_label("Slug")).to_have_value("walking-together")
    page.get_by_label("Summary").fill("How a weekly walk became a support group.")

    body = page.locator(".field-body [contenteditable=true]")
    body.click()
    page.keyboard.type("Every Sunday we walk by the river.")
    page.keyboard.press("Enter")
    page.keyboard.press("Control+b")
    page.keyboard.type("Nobody has to talk.")

    # A new picture goes into the image library from the "+" next to the choice.
    upload = make_image_file("river.jpg")
    with page.expect_popup() as opened:
        page.locator("#add_id_featured_image").click()
    popup = opened.value
    popup.get_by_label("Picture").set_input_files(
        files=[{"name": "river.jpg", "mimeType": "image/jpeg", "buffer": upload.read()}]
    )
    popup.get_by_label("Description (alt text)").fill(
        "Two people walking on a river path in autumn."
    )
    popup.get_by_role("button", name="Save", exact=True).click()
    popup.wait_for_event("close")
    expect(page.locator(".field-featured_image .select2-selection")).to_contain_text(
        "Two people walking on a river path in autumn."
    )
    expect(page.locator(".image-preview img")).to_be_visible()
    page.get_by_label("Status").select_option(label="Published")
    next_week = timezone.localtime() + datetime.timedelta(days=7)
    page.locator("#id_published_at_0").fill(next_week.strftime("%Y-%m-%d"))
    page.locator("#id_published_at_1").fill("09:00:00")
    page.get_by_label("Tags").fill("Walking, Hope")
    page.get_by_role("button", name="Save and continue editing").click()

    expect(page.locator(".messagelist")).to_contain_text("was added successfully")
    article = Article.objects.get(slug="walking-together")
    assert article.is_scheduled()
    assert article.author == editor
    assert sorted(article.tags.names()) == ["Hope", "Walking"]
    assert article.featured_image.alt == "Two people walking on a river path in autumn."
    assert article.featured_image.uploaded_by == editor
    assert article.body == (
        "<p>Every Sunday we walk by the river.</p>"
        "<p><strong>Nobody has to talk.</strong></p>"
    )

    page.goto(article.get_absolute_url())
    expect(page.locator(".preview-banner")).to_contain_text("Scheduled for")
    expect(page.get_by_role("heading", level=1)).to_have_text("Walking together")
    expect(
        page.get_by_role("img", name="Two people walking on a river path in autumn.")
    ).to_be_visible()
    page.goto("/")
    expect(page.get_by_role("link", name="Walking together")).to_have_count(0)

    page.goto(reverse("admin:articles_article_change", args=[article.pk]))
    page.locator(".field-published_at").get_by_role("link", name="Today").click()
    page.locator(".field-published_at").get_by_role("link", name="Now").click()
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    article.refresh_from_db()
    assert article.status == Status.PUBLISHED
    assert article.is_published()

    page.goto("/")
    page.get_by_role("link", name="Walking together").click()
    expect(page).to_have_url(re.compile("/articles/walking-together/$"))
    expect(page.locator(".preview-banner")).to_have_count(0)
    expect(page.get_by_text("Nobody has to talk.")).to_be_visible()
