"""
The whole life of a conversation through plain HTML forms and links, as a
browser without JavaScript lives it.
"""

import re

from django.test import Client
from django.urls import reverse

from comments.models import Comment, CommentStatus
from tests.conftest import run_worker
from tests.factories import make_article


def hidden_fields(html):
    form = html[html.index('action="/comments/post/"') :]
    form = form[: form.index("</form>")]
    return dict(
        re.findall(r'<input type="hidden" name="(\w+)"(?: value="([^"]*)")?', form)
    )


def link(message, path):
    return re.search(rf"https?://[^/\s]+({path}\S+)", message.body).group(1)


def test_post_moderate_read_reply_and_unsubscribe_without_javascript(
    moderators, staff_client, mailoutbox, django_capture_on_commit_callbacks
):
    article = make_article(title="Living with voices")
    first_visitor, second_visitor = Client(), Client()

    # The first visitor writes a comment and asks for replies.
    page = first_visitor.get(article.get_absolute_url()).content.decode()
    assert "Leave a comment" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = first_visitor.post(
            "/comments/post/",
            {
                **hidden_fields(page),
                "name": "Jo",
                "email": "jo@example.org",
                "comment": "The group on Thursdays changed my life.",
                "followup": "on",
            },
        )
    run_worker()
    assert response.status_code == 302
    received = first_visitor.get(response["Location"]).content.decode()
    assert "Your comment is awaiting moderation." in received
    assert "check your inbox" in received
    comment = Comment.objects.get()
    assert comment.status == CommentStatus.PENDING
    assert "Thursdays" not in Client().get(article.get_absolute_url()).content.decode()

    to_jo = [message for message in mailoutbox if message.to == ["jo@example.org"]]
    (confirmation,) = to_jo
    confirmed = first_visitor.get(link(confirmation, "/comments/confirm/"))
    assert "Your address is confirmed" in confirmed.content.decode()
    to_moderators = [m for m in mailoutbox if m.to[0] in moderators]
    assert len(to_moderators) == 2

    # A moderator approves it from the queue.
    queue = staff_client.get(
        reverse("admin:comments_comment_changelist") + "?status__exact=pending"
    )
    assert "The group on Thursdays" in queue.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(
            reverse("admin:comments_comment_changelist") + "?status__exact=pending",
            {"action": "approve", "_selected_action": [comment.pk]},
        )
    run_worker()
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PUBLISHED
    approval = mailoutbox[-1]
    assert approval.to == ["jo@example.org"]
    assert "is published" in approval.subject

    # It is on the page, with a Reply link that opens a page of its own.
    page = second_visitor.get(article.get_absolute_url()).content.decode()
    assert "The group on Thursdays changed my life." in page
    reply_path = re.search(
        rf'<a class="comment__reply" href="([^"]+)" data-reply-to="{comment.pk}"', page
    ).group(1)
    assert reply_path == f"/comments/reply/{comment.pk}/"
    reply_page = second_visitor.get(reply_path).content.decode()
    assert "Reply to Jo" in reply_page
    fields = hidden_fields(reply_page)
    assert fields["reply_to"] == str(comment.pk)

    # Another visitor replies; a moderator approves the reply too.
    with django_capture_on_commit_callbacks(execute=True):
        response = second_visitor.post(
            "/comments/post/",
            {
                **fields,
                "name": "Lee",
                "email": "lee@example.org",
                "comment": "Which group is that? I would like to come.",
            },
        )
    run_worker()
    assert response.status_code == 302
    reply = Comment.objects.get(user_email="lee@example.org")
    assert (reply.parent_id, reply.level) == (comment.pk, 1)
    before = len(mailoutbox)
    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(
            reverse("admin:comments_comment_changelist"),
            {"action": "approve", "_selected_action": [reply.pk]},
        )
    run_worker()
    page = Client().get(article.get_absolute_url()).content.decode()
    assert page.index("Thursdays") < page.index("Which group is that?")

    # Jo gets exactly one email about it, and it unsubscribes in one click.
    new = mailoutbox[before:]
    # Lee ticked no box, so Lee's approval sends nothing.
    assert [message.to[0] for message in new] == ["jo@example.org"]
    (notification,) = new
    assert notification.subject == "A reply to your comment on Recovery Dialogues"
    assert "Which group is that? I would like to come." in notification.body
    assert "lee@example.org" not in notification.message().as_string()
    unsubscribe = link(notification, "/comments/unsubscribe/")
    assert notification.extra_headers["List-Unsubscribe"].endswith(f"{unsubscribe}>")
    assert "Stop reply emails" in first_visitor.get(unsubscribe).content.decode()
    done = first_visitor.post(unsubscribe, {"scope": "this"})
    assert "You will not get these emails any more" in done.content.decode()

    # Later replies reach Jo no more.
    with django_capture_on_commit_callbacks(execute=True):
        second_visitor.post(
            "/comments/post/",
            {
                **hidden_fields(second_visitor.get(reply_path).content.decode()),
                "name": "Lee",
                "email": "lee@example.org",
                "comment": "Thank you, see you there.",
            },
        )
    run_worker()
    assert Comment.objects.get(comment="Thank you, see you there.").is_public
    reply_emails = [
        message for message in mailoutbox if message.to == ["jo@example.org"]
    ]
    assert [message.subject for message in reply_emails].count(
        notification.subject
    ) == 1
