"""
On a phone and on a desktop: a visitor reports another visitor's comment with a
reason, and a commenter removes their own comment from the thank-you page,
leaving a marker in its place while the reply to it stays.
"""

import pytest
from playwright.sync_api import expect

from comments.models import Comment, CommentReport, CommentStatus, ReportReason
from tests.browser.accessibility import assert_no_axe_violations
from tests.browser.test_visitor_comments_and_a_moderator_approves import (
    set_policy,
    write_comment,
)
from tests.factories import make_article

WIDTHS = {
    "phone": {"width": 390, "height": 844},
    "desktop": {"width": 1280, "height": 800},
}


def published_comment(article, name, text, parent=None):
    comment = Comment(
        content_object=article,
        site_id=1,
        user_name=name,
        user_email=f"{name.lower()}@example.org",
        comment=text,
        submit_date=article.published_at,
        status=CommentStatus.PUBLISHED,
        parent_id=parent.pk if parent else 0,
    )
    comment.save()
    return comment


@pytest.mark.parametrize("width", WIDTHS)
def test_a_visitor_reports_a_comment_with_a_reason(open_page, width):
    article = make_article(title="Living with voices")
    published_comment(article, "Sam", "Buy cheap pills at my shop.")
    page = open_page(viewport=WIDTHS[width])
    page.goto(article.get_absolute_url())

    page.get_by_role("link", name="Report the comment by Sam").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Report a comment")
    expect(page.get_by_text("Buy cheap pills at my shop.")).to_be_visible()
    assert_no_axe_violations(page)
    page.get_by_label("It is spam or advertising").check()
    page.get_by_role("button", name="Send the report").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Thank you for your report"
    )
    report = CommentReport.objects.get()
    assert (report.comment.user_name, report.reason) == ("Sam", ReportReason.SPAM)
    assert not report.resolved


@pytest.mark.parametrize("width", WIDTHS)
def test_a_commenter_removes_their_comment_from_the_thank_you_page(open_page, width):
    set_policy(min_seconds_to_write=0, hold_first_comments=False)
    article = make_article(title="Living with voices")
    page = open_page(viewport=WIDTHS[width])
    page.goto(article.get_absolute_url())
    write_comment(page, "Jo", "jo@example.org", "I said too much here.")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Thank you for your comment"
    )
    comment = Comment.objects.get()
    published_comment(article, "Kim", "Thank you for sharing, Jo.", parent=comment)

    page.get_by_role("link", name="Remove this comment").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Remove your comment?")
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Remove my comment").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Your comment has been removed"
    )

    page.get_by_role("link", name="Back to “Living with voices”").click()
    thread = page.locator("#comments")
    expect(thread.get_by_text("[removed by its author]")).to_be_visible()
    expect(thread.get_by_text("I said too much here.")).to_have_count(0)
    expect(thread.get_by_text("Thank you for sharing, Jo.")).to_be_visible()
    comment.refresh_from_db()
    assert comment.comment != "I said too much here."
