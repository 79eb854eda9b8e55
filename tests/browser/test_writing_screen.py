"""The writing screen gives the text most of the window and keeps Save in reach."""

from playwright.sync_api import expect

from tests.browser.admin import log_in, make_editor
from tests.factories import make_article

SUGGESTIONS = "[...document.getElementById('id_tags').list.options].map((o) => o.value)"


def test_the_body_is_a_tall_surface_under_a_full_width_title_with_save_in_view(page):
    log_in(page, make_editor())
    page.goto("/admin/articles/article/add/")
    body = page.locator(".field-body [contenteditable=true]")
    expect(body).to_be_visible()

    viewport_height = page.viewport_size["height"]
    assert body.bounding_box()["height"] >= viewport_height / 2
    assert (
        page.get_by_label("Title").bounding_box()["width"]
        == body.bounding_box()["width"]
    )
    # Before scrolling to the end of the form, Save is already on screen.
    expect(page.get_by_role("button", name="Save", exact=True)).to_be_in_viewport()


def test_tag_box_suggests_existing_tags_for_the_tag_being_typed(page):
    make_article(tags=["peer support", "hope", "sleep"])
    log_in(page, make_editor())
    page.goto("/admin/articles/article/add/")

    tags = page.get_by_role("combobox", name="Tags")
    tags.press_sequentially("hope, pe")
    # Each suggestion completes the whole box; tags already chosen are left out.
    assert page.evaluate(SUGGESTIONS) == ["hope, peer support"]
    tags.fill("")
    tags.press_sequentially("s")
    assert page.evaluate(SUGGESTIONS) == ["peer support", "sleep"]
