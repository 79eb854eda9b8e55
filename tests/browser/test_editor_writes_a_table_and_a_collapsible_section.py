"""An editor makes tables, collapsible sections and countdowns with the toolbar,
and schedules then publishes an article that holds them."""

import datetime

from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from articles.models import Article
from recoverysite.publishing import Status
from tests.browser.admin import make_editor, sign_in
from tests.factories import make_article


def write_a_table_and_a_collapsible_section(page):
    """
    With the toolbar, after the body "<p>Start.</p>": a 2×2 table with a header
    row (Day, Room / Monday, 2) at the end, and after "Start." a collapsible
    section "Content warning" holding "What the author hid.". Returns the section.
    """
    field = page.locator(".field-body")
    writing = field.locator(".ProseMirror[contenteditable=true]")
    writing.focus()
    page.keyboard.press("Control+End")

    field.get_by_role("button", name="Insert table").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_label("Rows").fill("2")
    dialog.get_by_label("Columns").fill("2")
    dialog.get_by_label("Include header row").select_option("Yes")
    dialog.get_by_role("button", name="Insert Table").click()
    # Tab goes to the next cell (and, from the last one, adds a row).
    page.keyboard.type("Day")
    for cell in ["Room", "Monday", "2"]:
        page.keyboard.press("Tab")
        page.keyboard.type(cell)

    writing.get_by_text("Start.").click()
    page.keyboard.press("End")
    field.get_by_role("button", name="Collapsible section").click()
    section = field.locator(".prose-details")
    section.locator("summary").click()
    page.keyboard.press("End")
    page.keyboard.press("Shift+Home")
    page.keyboard.type("Content warning")
    section.locator(".prose-details__content p").last.click()
    page.keyboard.type("What the author hid.")
    return section


def test_editor_adds_a_table_with_a_header_row_and_an_open_collapsible_section(
    page, live_server
):
    article = make_article(title="Our groups", body="<p>Start.</p>")
    sign_in(page, make_editor(), live_server.url)
    page.goto(reverse("admin:articles_article_change", args=[article.pk]))
    section = write_a_table_and_a_collapsible_section(page)
    section.get_by_role("button", name="Shown closed on the page").click()
    expect(section.locator(".prose-details__toggle")).to_have_text(
        "Shown open on the page"
    )
    page.get_by_role("button", name="Save and continue editing").click()

    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    body = Article.objects.get(pk=article.pk).body
    assert body.startswith(
        '<p>Start.</p><details open=""><summary>Content warning</summary>'
        "<p>What the author hid.</p></details>"
    )
    assert (
        "<table><thead><tr><th>Day</th><th>Room</th></tr></thead>"
        "<tbody><tr><td>Monday</td><td>2</td></tr></tbody></table>"
    ) in body


def test_editor_makes_a_numbered_list_count_down_from_five(page, live_server):
    article = make_article(
        title="Countdown", body="<ol><li>Five</li><li>Four</li></ol>"
    )
    sign_in(page, make_editor(), live_server.url)
    page.goto(reverse("admin:articles_article_change", args=[article.pk]))
    field = page.locator(".field-body")

    field.locator("[contenteditable=true]").get_by_text("Five").click()
    field.get_by_role("button", name="List properties").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_label("Start at").fill("5")
    dialog.get_by_label("Count down").check()
    dialog.get_by_role("button", name="Update").click()
    page.get_by_role("button", name="Save and continue editing").click()

    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    assert Article.objects.get(pk=article.pk).body == (
        '<ol reversed="" start="5"><li>Five</li><li>Four</li></ol>'
    )


def test_an_article_with_a_table_and_a_collapsible_section_is_scheduled_then_published(
    open_page, live_server
):
    article = make_article(title="Our groups", body="<p>Start.</p>", status="draft")
    page = open_page()
    sign_in(page, make_editor(), live_server.url)
    page.goto(reverse("admin:articles_article_change", args=[article.pk]))
    write_a_table_and_a_collapsible_section(page)

    # Scheduled for next week: only staff see it until then.
    page.get_by_label("Status").select_option(label="Published")
    next_week = timezone.localtime() + datetime.timedelta(days=7)
    page.locator("#id_published_at_0").fill(next_week.strftime("%Y-%m-%d"))
    page.locator("#id_published_at_1").fill("09:00:00")
    page.get_by_role("button", name="Save and continue editing").click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    article.refresh_from_db()
    assert article.is_scheduled()
    visitor = open_page()
    assert visitor.goto(article.get_absolute_url()).status == 404

    # Published now: the visitor gets the table and the closed section.
    page.locator(".field-published_at").get_by_role("link", name="Today").click()
    page.locator(".field-published_at").get_by_role("link", name="Now").click()
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    article.refresh_from_db()
    assert article.status == Status.PUBLISHED
    assert article.is_published()

    visitor.goto(article.get_absolute_url())
    table = visitor.get_by_role("table")
    expect(table.get_by_role("columnheader")).to_have_text(["Day", "Room"])
    expect(table.get_by_role("cell")).to_have_text(["Monday", "2"])
    hidden = visitor.get_by_text("What the author hid.")
    expect(hidden).to_be_hidden()
    visitor.get_by_text("Content warning").click()
    expect(hidden).to_be_visible()
