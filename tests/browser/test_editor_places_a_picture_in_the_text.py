"""An editor places a library picture in an article's text; visitors get it sized."""

from playwright.sync_api import expect

from articles.models import Article
from tests.browser.admin import log_in, make_editor
from tests.factories import make_article, make_image, make_image_file


def test_editor_places_a_library_picture_in_the_text_with_its_description(page):
    editor = make_editor()
    image = make_image(
        make_image_file("bench.jpg", size=(1600, 900)),
        alt="A bench under a tree.",
        caption="The park where the group meets.",
    )
    article = make_article(title="Walking together", body="<p>Every Sunday.</p>")
    log_in(page, editor)
    page.goto(f"/admin/articles/article/{article.pk}/change/")

    page.locator(".field-body [contenteditable=true]").click()
    page.keyboard.press("End")
    page.locator(".field-body").get_by_role("button", name="figure").click()
    dialog = page.get_by_role("dialog")
    with page.expect_popup() as opened:
        dialog.get_by_role("button", name="Browse...").click()
    picker = opened.value
    # Its script hands the choice back: a click before it runs does nothing.
    picker.wait_for_load_state("load")
    picker.get_by_role("button", name="A bench under a tree.").click()
    expect(dialog.locator("input[name=altText]")).to_have_value("A bench under a tree.")
    dialog.get_by_role("button", name="Insert").click()
    page.get_by_role("button", name="Save and continue editing").click()

    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    body = Article.objects.get(pk=article.pk).body
    assert f'<img src="{image.url}" alt="A bench under a tree."' in body
    assert "<figcaption>The park where the group meets.</figcaption>" in body

    page.goto(article.get_absolute_url())
    picture = page.locator(".prose figure img")
    expect(picture).to_have_attribute("alt", "A bench under a tree.")
    expect(picture).to_have_attribute("width", "1200")
    expect(picture).to_have_attribute("height", "675")
    expect(picture).to_have_attribute("loading", "lazy")
    expect(page.locator(".prose figure source[type='image/webp']")).to_have_count(1)
