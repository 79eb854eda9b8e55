"""An editor writes and changes a table's caption, and edits imported footnotes."""

from io import StringIO

from django.core.management import call_command
from django.urls import reverse
from playwright.sync_api import expect

from articles.models import Article
from tests.browser.admin import make_editor, sign_in
from tests.browser.test_imported_html_survives_the_editor import normalised
from tests.factories import make_article
from tests.wordpress.conftest import FIXTURES

TABLE = (
    "<table><thead><tr><th>Day</th><th>Room</th></tr></thead>"
    "<tbody><tr><td>Monday</td><td>2</td></tr></tbody></table>"
)


def set_caption(page, text):
    field = page.locator(".field-body")
    field.locator("[contenteditable=true]").get_by_text("Monday").click()
    field.get_by_role("button", name="Table caption").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_label("Caption").fill(text)
    dialog.get_by_role("button", name="Update").click()
    expect(field.locator("caption")).to_have_text(text)
    page.get_by_role("button", name="Save and continue editing").click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")


def test_editor_writes_a_table_caption_and_changes_it(page, live_server):
    article = make_article(title="Our groups", body=TABLE)
    sign_in(page, make_editor(), live_server.url)
    page.goto(reverse("admin:articles_article_change", args=[article.pk]))

    set_caption(page, "Groups this autumn")
    assert Article.objects.get(pk=article.pk).body == TABLE.replace(
        "<table>", "<table><caption>Groups this autumn</caption>"
    )

    # The saved caption comes back in the dialog, to be changed.
    field = page.locator(".field-body")
    field.locator("[contenteditable=true]").get_by_text("Monday").click()
    field.get_by_role("button", name="Table caption").click()
    expect(page.get_by_role("dialog").get_by_label("Caption")).to_have_value(
        "Groups this autumn"
    )
    page.get_by_role("dialog").get_by_role("button", name="Cancel").click()
    set_caption(page, "Groups this winter")
    assert Article.objects.get(pk=article.pk).body == TABLE.replace(
        "<table>", "<table><caption>Groups this winter</caption>"
    )


def test_editor_changes_an_imported_footnote_and_its_links_stay(page, live_server):
    call_command("import_wordpress", str(FIXTURES / "blocks.xml"), stdout=StringIO())
    article = Article.objects.get(slug="footnotes")
    assert '<li id="fn-c4d2e9b0-77aa-4c1e-8e0e-5a6b7c8d9e0f">Not for everyone.' in (
        article.body
    )
    sign_in(page, make_editor(), live_server.url)
    page.goto(reverse("admin:articles_article_change", args=[article.pk]))
    writing = page.locator(".field-body [contenteditable=true]")

    # A double click on "everyone" in the last note selects the word, which
    # typing then replaces.
    note = writing.locator("li").last
    note.scroll_into_view_if_needed()
    word = note.evaluate(
        """note => {
            const text = [...note.querySelector("p").childNodes][0]
            const range = document.createRange()
            range.setStart(text, text.data.indexOf("everyone"))
            range.setEnd(text, text.data.indexOf("everyone") + "everyone".length)
            const { x, y, width, height } = range.getBoundingClientRect()
            return { x: x + width / 2, y: y + height / 2 }
        }"""
    )
    page.mouse.dblclick(word["x"], word["y"])
    expect(writing).to_be_focused()
    page.keyboard.type("every reader")
    expect(note).to_contain_text("Not for every reader.")
    page.get_by_role("button", name="Save and continue editing").click()

    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    saved = Article.objects.get(pk=article.pk).body
    # The numbers still link to the notes and the notes back to them (the
    # order of attributes aside, which means nothing in HTML).
    assert normalised(saved) == normalised(
        article.body.replace("Not for everyone.", "Not for every reader.")
    )
