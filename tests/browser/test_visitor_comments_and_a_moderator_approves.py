"""
Visitors comment with and without JavaScript, a moderator approves a comment in
the admin, another visitor replies inline, and the first visitor's reply email
lets them stop such emails.
"""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from comments.models import Comment, CommentStatus, ModerationPolicy
from tests.browser.accessibility import assert_no_axe_violations
from tests.browser.admin import make_editor, sign_in
from tests.conftest import run_worker
from tests.factories import make_article

AWAITING = "Your comment is awaiting moderation."


def set_policy(**rules):
    policy = ModerationPolicy.load()
    for name, value in rules.items():
        setattr(policy, name, value)
    policy.save()


def write_comment(page, name, email, text, *, replies=False):
    form = page.locator("form.comment-form")
    form.get_by_label("Name", exact=True).fill(name)
    form.get_by_label("Email", exact=True).fill(email)
    form.get_by_label("Comment", exact=True).fill(text)
    if replies:
        form.get_by_label(
            "Email me when my comment is published and when someone replies"
        ).check()
    form.get_by_role("button", name="Post comment").click()


def link_in(message, path):
    """The path of the site's link in an email: emails use the site's public URL."""
    return re.search(rf"https?://[^/\s]+({re.escape(path)}\S+)", message.body).group(1)


def test_visitors_comment_a_moderator_approves_and_a_reply_can_be_unsubscribed(
    open_page, live_server, mailoutbox
):
    # Fast typing is not taken for a bot; first comments wait for a moderator.
    set_policy(min_seconds_to_write=0, hold_first_comments=True)
    article = make_article(title="Living with voices")
    address = article.get_absolute_url()

    # With JavaScript, the first visitor comments and asks for replies.
    jo = open_page()
    jo.goto(address)
    expect(jo.get_by_role("heading", name="No comments yet")).to_be_visible()
    expect(jo.get_by_text("3000 characters left")).to_be_attached()
    write_comment(
        jo,
        "Jo",
        "jo@example.org",
        "The group on Thursdays changed my life.",
        replies=True,
    )
    expect(jo.get_by_role("heading", level=1)).to_have_text(
        "Thank you for your comment"
    )
    expect(jo.get_by_text(AWAITING)).to_be_visible()
    expect(jo.get_by_text("check your inbox")).to_be_visible()

    # Without JavaScript, another visitor's comment waits the same way.
    kim = open_page(java_script_enabled=False)
    kim.goto(address)
    expect(kim.get_by_text("characters left")).to_have_count(0)
    write_comment(kim, "Kim", "kim@example.org", "Thursdays helped me too.")
    expect(kim.get_by_text(AWAITING)).to_be_visible()
    kim.goto(address)
    expect(kim.get_by_text("The group on Thursdays")).to_have_count(0)

    # Jo confirms the address from the email, which the worker sent.
    run_worker()
    (confirmation,) = [m for m in mailoutbox if m.to == ["jo@example.org"]]
    jo.goto(link_in(confirmation, "/comments/confirm/"))
    expect(jo.get_by_role("heading", level=1)).to_have_text("Your address is confirmed")

    # A moderator approves Jo's comment from the queue.
    moderator = open_page()
    sign_in(moderator, make_editor(), live_server.url)
    moderator.goto(
        reverse("admin:comments_comment_changelist") + "?status__exact=pending"
    )
    row = moderator.get_by_role("row").filter(has_text="The group on Thursdays")
    row.get_by_role("checkbox").check()
    moderator.get_by_label("Action:").select_option(label="Approve and publish")
    moderator.get_by_role("button", name="Go").click()
    expect(moderator.locator(".messagelist")).to_be_visible()
    jos_comment = Comment.objects.get(user_email="jo@example.org")
    assert jos_comment.status == CommentStatus.PUBLISHED
    assert Comment.objects.get(user_email="kim@example.org").status == (
        CommentStatus.PENDING
    )

    # The comment is on the page; another visitor replies under it.
    set_policy(hold_first_comments=False)
    sam = open_page()
    sam.goto(address)
    thread = sam.locator(".comment-thread")
    expect(thread).to_contain_text("The group on Thursdays changed my life.")
    expect(thread).not_to_contain_text("Thursdays helped me too.")
    sam.get_by_role("link", name="Reply to Jo").click()
    jos_item = sam.locator(f"#c{jos_comment.pk}")
    expect(jos_item.locator("#comment-form")).to_be_visible()
    expect(jos_item.get_by_role("heading", name="Reply to Jo")).to_be_visible()
    expect(jos_item.get_by_label("Comment", exact=True)).to_be_focused()
    assert_no_axe_violations(sam)
    jos_item.get_by_label("Comment", exact=True).press_sequentially(
        "Which group is it?"
    )
    jos_item.get_by_label("Name", exact=True).fill("Sam")
    jos_item.get_by_label("Email", exact=True).fill("sam@example.org")
    jos_item.get_by_role("button", name="Cancel reply").click()
    expect(sam.get_by_role("button", name="Post reply")).to_have_count(0)
    sam.get_by_role("link", name="Reply to Jo").click()
    jos_item.get_by_role("button", name="Post reply").click()
    expect(sam.get_by_text("Your comment is published.")).to_be_visible()
    sam.get_by_role("link", name="See it on the page").click()
    reply = Comment.objects.get(user_email="sam@example.org")
    assert reply.parent_id == jos_comment.pk
    # Replies follow their comment, one level in.
    reply_item = sam.locator(f"#c{jos_comment.pk} + #c{reply.pk}")
    expect(reply_item).to_have_class(re.compile("comment--level-1"))
    expect(reply_item).to_contain_text("Which group is it?")

    # Jo hears about the reply, and the email's link stops such emails.
    run_worker()
    (notification,) = [
        m
        for m in mailoutbox
        if m.to == ["jo@example.org"] and m.subject.startswith("A reply")
    ]
    assert "Which group is it?" in notification.body
    jo.goto(link_in(notification, "/comments/unsubscribe/"))
    expect(jo.get_by_role("heading", level=1)).to_have_text("Stop reply emails")
    jo.get_by_role("button", name="Stop emails about replies to this comment").click()
    expect(jo.get_by_role("heading", level=1)).to_have_text(
        "You will not get these emails any more"
    )
    jos_comment.refresh_from_db()
    assert jos_comment.followup is False


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("color_scheme", ["light", "dark"])
def test_comment_form_with_errors_has_no_axe_violations(open_page, color_scheme, width):
    set_policy(min_seconds_to_write=0)
    article = make_article(title="Living with voices")
    page = open_page(
        color_scheme=color_scheme, viewport={"width": width, "height": 844}
    )
    page.goto(article.get_absolute_url())

    page.get_by_role("button", name="Post comment").click()

    summary = page.get_by_role("alert")
    expect(summary.get_by_role("heading")).to_have_text("Please check the form")
    expect(summary).to_be_focused()
    expect(summary.get_by_role("link")).to_have_count(3)
    expect(page.locator(".field--error")).to_have_count(3)
    expect(page.locator("[aria-invalid=true]")).to_have_count(3)
    # Each line of the summary leads to its field.
    summary.get_by_role("link", name="Email: This field is required.").click()
    expect(page.get_by_label("Email", exact=True)).to_be_focused()
    assert_no_axe_violations(page)
