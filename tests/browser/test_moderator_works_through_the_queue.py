"""
A moderator works through the comment queue one comment at a time, with and
without JavaScript: approve, reply as the site, mark as spam and delete, each
from the comment's own row, and each time back on the same page of the same
search.
"""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from comments.admin import CommentAdmin
from comments.models import Comment, CommentStatus
from tests.browser.admin import make_editor, sign_in
from tests.comments.conftest import make_comment
from tests.factories import make_article

PLACE = "?q=Thursday&p=2"


def row_of(page, text):
    return page.get_by_role("row").filter(has_text=text)


@pytest.mark.parametrize("java_script", [True, False], ids=["with-js", "without-js"])
def test_moderator_approves_replies_marks_spam_and_deletes_from_the_list(
    open_page, live_server, monkeypatch, java_script
):
    # Two comments a page, so "your place" is a page other than the first.
    monkeypatch.setattr(CommentAdmin, "list_per_page", 2)
    article = make_article(title="Living with voices")
    # Newest first: the first two are page 1, the next two page 2.
    texts = [f"Thursday group, comment {n}." for n in range(1, 6)]
    comments = [
        make_comment(article, comment=text, status=CommentStatus.PENDING)
        for text in texts
    ]
    queue = reverse("admin:comments_comment_changelist") + PLACE
    page = open_page(java_script_enabled=java_script)
    sign_in(page, make_editor(), live_server.url)
    page.goto(queue)
    messages = page.locator(".messagelist")

    expect(row_of(page, texts[2])).to_be_visible()
    expect(row_of(page, texts[0])).to_have_count(0)
    row_of(page, texts[2]).get_by_role("button", name="Approve", exact=True).click()
    expect(messages).to_contain_text("1 comment(s) published.")
    assert page.url == live_server.url + queue
    comments[2].refresh_from_db()
    assert comments[2].status == CommentStatus.PUBLISHED

    row = row_of(page, texts[2])
    row.get_by_text("Reply as the site").click()
    row.get_by_label("Your reply, published under this comment").fill(
        "The group meets at six, in the library."
    )
    row.get_by_role("button", name="Publish reply").click()
    expect(messages).to_contain_text("Your reply is published.")
    assert page.url == live_server.url + queue
    reply = Comment.objects.exclude(pk=comments[2].pk).get(parent_id=comments[2].pk)
    assert reply.status == CommentStatus.PUBLISHED
    assert reply.user.is_staff

    row_of(page, texts[3]).get_by_role("button", name="Spam", exact=True).click()
    expect(messages).to_contain_text("1 comment(s) marked as spam.")
    assert page.url == live_server.url + queue
    comments[3].refresh_from_db()
    assert comments[3].status == CommentStatus.SPAM

    row_of(page, texts[3]).get_by_role("button", name="Delete", exact=True).click()
    expect(messages).to_contain_text("The comment is deleted.")
    assert page.url == live_server.url + queue
    assert not Comment.objects.filter(pk=comments[3].pk).exists()
    # The comment after it moves up onto this page.
    expect(row_of(page, texts[4])).to_be_visible()
    # The others were left alone.
    statuses = Comment.objects.filter(pk__in=[comments[n].pk for n in (0, 1, 4)])
    assert set(statuses.values_list("status", flat=True)) == {CommentStatus.PENDING}

    # The reply is on the page under the comment, with the team's badge.
    page.goto(article.get_absolute_url())
    answer = page.locator(f"#c{reply.pk}")
    expect(answer).to_contain_text("The group meets at six, in the library.")
    expect(answer.locator(".comment__badge")).to_be_visible()
