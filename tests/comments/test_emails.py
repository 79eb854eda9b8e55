"""Emails to commenters and moderators: double opt-in, one email per reply, batching."""

import datetime
import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from comments import links
from comments.models import Comment, CommentStatus, EmailAddress
from mail.models import OutgoingEmail
from tests.comments.conftest import confirm_address, make_comment
from tests.conftest import run_worker
from tests.factories import make_article


def link_in(message, path):
    return re.search(rf"https?://\S+({path}\S+)", message.body).group(1)


@pytest.fixture
def subscribed_parent(db):
    """A published comment whose author asked for replies and confirmed."""
    article = make_article(title="Hearing voices")
    parent = make_comment(
        article,
        user_name="Parent Person",
        user_email="parent@example.org",
        followup=True,
    )
    confirm_address("parent@example.org")
    return parent


def reply_emails(mailoutbox):
    return [message for message in mailoutbox if "A reply to" in message.subject]


# Double opt-in


def test_asking_for_replies_sends_one_confirmation_link(
    client, post, policy, mailoutbox
):
    post(make_article(), followup="on", email="New@Example.org", name="Noor")
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == ["new@example.org"]
    assert (
        message.subject
        == "Confirm your address for reply emails from Recovery Dialogues"
    )
    assert "Hello Noor" in message.body
    assert not EmailAddress.is_confirmed("new@example.org")

    page = client.get(link_in(message, "/comments/confirm/"))
    assert page.status_code == 200
    assert "Your address is confirmed" in page.content.decode()
    assert EmailAddress.is_confirmed("NEW@example.org")


def test_no_email_at_all_without_asking_for_replies(post, policy, mailoutbox):
    post(make_article())
    assert mailoutbox == []


def test_a_confirmed_address_is_not_asked_again(post, policy, mailoutbox):
    confirm_address("alex@example.org")
    post(make_article(), followup="on")
    assert mailoutbox == []


def test_confirming_twice_keeps_the_first_confirmation(
    client, post, policy, mailoutbox
):
    post(make_article(), followup="on")
    url = link_in(mailoutbox[0], "/comments/confirm/")
    client.get(url)
    first = EmailAddress.objects.get().confirmed_at
    client.get(url)
    assert EmailAddress.objects.get().confirmed_at == first


# Reply notifications


def test_reply_notifies_the_parents_author_who_asked_and_confirmed_once(
    post, open_policy, mailoutbox, subscribed_parent
):
    response = post(
        subscribed_parent.content_object,
        reply_to=str(subscribed_parent.pk),
        name="Replier",
        email="replier@example.org",
        comment="I hear voices too, and the group helped.",
    )
    assert response.status_code == 302
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == ["parent@example.org"]
    assert message.cc == [] and message.bcc == []
    assert message.subject == "A reply to your comment on Recovery Dialogues"
    assert "I hear voices too, and the group helped." in message.body
    reply = Comment.objects.get(user_email="replier@example.org")
    assert f"/comments/{reply.pk}/" in message.body
    assert subscribed_parent.content_object.slug not in message.body


def test_reply_email_never_contains_the_repliers_address(
    post, open_policy, mailoutbox, subscribed_parent
):
    post(
        subscribed_parent.content_object,
        reply_to=str(subscribed_parent.pk),
        email="replier@example.org",
        url="https://replier.example",
    )
    (message,) = mailoutbox
    whole = message.message().as_string()
    assert "replier@example.org" not in whole
    assert "replier" not in message.from_email
    assert "Reply-To" not in message.extra_headers


def test_reply_emails_carry_one_click_unsubscribe_headers(
    post, open_policy, mailoutbox, subscribed_parent, settings
):
    post(subscribed_parent.content_object, reply_to=str(subscribed_parent.pk))
    (message,) = mailoutbox
    headers = message.extra_headers
    assert headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    url = headers["List-Unsubscribe"]
    assert url.startswith(f"<{settings.SITE_URL}/comments/unsubscribe/")
    assert url.strip("<>") in message.body


def test_no_reply_email_when_the_parent_did_not_ask(post, open_policy, mailoutbox):
    article = make_article()
    parent = make_comment(article, user_email="quiet@example.org", followup=False)
    confirm_address("quiet@example.org")
    post(article, reply_to=str(parent.pk))
    assert mailoutbox == []


def test_no_reply_email_when_the_parent_never_confirmed(post, open_policy, mailoutbox):
    article = make_article()
    parent = make_comment(article, user_email="unsure@example.org", followup=True)
    post(article, reply_to=str(parent.pk))
    assert mailoutbox == []


def test_no_reply_email_to_people_replying_to_themselves(
    post, open_policy, mailoutbox, subscribed_parent
):
    post(
        subscribed_parent.content_object,
        reply_to=str(subscribed_parent.pk),
        email="PARENT@example.org",
    )
    assert mailoutbox == []


def test_other_followers_of_the_page_and_thread_get_nothing(
    post, open_policy, mailoutbox, subscribed_parent
):
    article = subscribed_parent.content_object
    sibling = make_comment(
        article, parent=subscribed_parent, user_email="sib@example.org", followup=True
    )
    elsewhere = make_comment(article, user_email="else@example.org", followup=True)
    for comment in (sibling, elsewhere):
        confirm_address(comment.user_email)
    post(article, reply_to=str(subscribed_parent.pk), email="new@example.org")
    assert [message.to for message in mailoutbox] == [["parent@example.org"]]


def test_a_held_reply_notifies_only_once_it_is_approved(
    post, policy, mailoutbox, subscribed_parent, staff_client
):
    post(
        subscribed_parent.content_object,
        reply_to=str(subscribed_parent.pk),
        email="first-timer@example.org",
    )
    assert mailoutbox == []
    reply = Comment.objects.get(user_email="first-timer@example.org")
    staff_client.post(
        reverse("admin:comments_comment_changelist"),
        {"action": "approve", "_selected_action": [reply.pk]},
    )
    run_worker()
    # The replier ticked no box: only the parent's author, who asked, hears.
    assert [message.to[0] for message in mailoutbox] == ["parent@example.org"]
    assert len(reply_emails(mailoutbox)) == 1


def test_unsubscribe_link_shows_a_page_then_stops_reply_emails(
    client, post, open_policy, mailoutbox, subscribed_parent
):
    article = subscribed_parent.content_object
    post(article, reply_to=str(subscribed_parent.pk), comment="First reply")
    url = link_in(mailoutbox[0], "/comments/unsubscribe/")

    page = client.get(url)
    assert page.status_code == 200
    assert "Stop reply emails" in page.content.decode()
    subscribed_parent.refresh_from_db()
    assert subscribed_parent.followup is True  # a GET changes nothing

    done = client.post(url, {"scope": "this"})
    assert "You will not get these emails any more" in done.content.decode()
    subscribed_parent.refresh_from_db()
    assert subscribed_parent.followup is False
    post(article, reply_to=str(subscribed_parent.pk), comment="Second reply")
    assert len(mailoutbox) == 1


def test_one_click_unsubscribe_works_without_a_csrf_token(
    post, open_policy, mailoutbox, subscribed_parent
):
    post(subscribed_parent.content_object, reply_to=str(subscribed_parent.pk))
    url = mailoutbox[0].extra_headers["List-Unsubscribe"].strip("<>")
    mail_client = Client(enforce_csrf_checks=True)
    response = mail_client.post(
        url,
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    subscribed_parent.refresh_from_db()
    assert subscribed_parent.followup is False


def test_unsubscribing_from_all_stops_every_comment_of_the_address(
    client, policy, subscribed_parent
):
    other = make_comment(make_article(), user_email="PARENT@example.org", followup=True)
    stranger = make_comment(make_article(), followup=True)
    client.post(links.link(subscribed_parent, "unsubscribe"), {"scope": "all"})
    for comment in (subscribed_parent, other, stranger):
        comment.refresh_from_db()
    assert (subscribed_parent.followup, other.followup) == (False, False)
    assert stranger.followup is True


def test_every_email_to_a_commenter_has_a_one_click_unsubscribe(
    client, post, policy, mailoutbox, subscribed_parent, staff_client
):
    post(
        subscribed_parent.content_object,
        reply_to=str(subscribed_parent.pk),
        followup="on",
        email="newcomer@example.org",
    )
    client.get(link_in(mailoutbox[0], "/comments/confirm/"))
    reply = Comment.objects.get(user_email="newcomer@example.org")
    staff_client.post(
        reverse("admin:comments_comment_changelist"),
        {"action": "approve", "_selected_action": [reply.pk]},
    )
    run_worker()
    assert len(mailoutbox) == 3  # confirmation, approval, reply to the parent
    for message in mailoutbox:
        url = message.extra_headers["List-Unsubscribe"].strip("<>")
        assert url in message.body


# Approval


def test_the_commenter_is_told_when_a_held_comment_is_approved(
    client, post, policy, mailoutbox, staff_client
):
    article = make_article(title="Open Dialogue")
    post(article, name="Ana", email="ana@example.org", followup="on")
    comment = Comment.objects.get()
    (confirmation,) = mailoutbox
    client.get(link_in(confirmation, "/comments/confirm/"))
    staff_client.post(
        reverse("admin:comments_comment_changelist"),
        {"action": "approve", "_selected_action": [comment.pk]},
    )
    run_worker()
    message = mailoutbox[-1]
    assert message.to == ["ana@example.org"]
    assert message.subject == "Your comment on Recovery Dialogues is published"
    comment_url = link_in(message, "/comments/")
    assert comment_url == f"/comments/{comment.pk}/"
    assert client.get(comment_url).url == f"{article.get_absolute_url()}#c{comment.pk}"


def test_a_commenter_who_ticked_no_box_gets_no_email_at_all(
    client, post, policy, mailoutbox, staff_client
):
    """
    Held, approved and replied to: someone who did not ask to hear from the
    site never does, whatever happens to their comment.
    """
    article = make_article(title="Harm reduction: a webinar")
    post(article, name="Sam", email="sam@example.org")
    comment = Comment.objects.get()
    staff_client.post(
        reverse("admin:comments_comment_changelist"),
        {"action": "approve", "_selected_action": [comment.pk]},
    )
    run_worker()
    post(article, reply_to=str(comment.pk), email="other@example.org")
    staff_client.post(
        reverse("admin:comments_comment_changelist"),
        {
            "action": "approve",
            "_selected_action": list(
                Comment.objects.filter(status="pending").values_list("pk", flat=True)
            ),
        },
    )
    run_worker()
    assert Comment.objects.filter(status="published").count() == 2
    assert mailoutbox == []


def test_an_unconfirmed_address_is_not_told_of_the_approval(
    post, policy, mailoutbox, staff_client
):
    """A stranger's address typed into the form gets the one confirmation, no more."""
    post(make_article(), email="someone-else@example.org", followup="on")
    staff_client.post(
        reverse("admin:comments_comment_changelist"),
        {"action": "approve", "_selected_action": [Comment.objects.get().pk]},
    )
    run_worker()
    assert [message.subject for message in mailoutbox] == [
        "Confirm your address for reply emails from Recovery Dialogues"
    ]


def test_no_email_names_the_page_and_each_carries_the_crisis_notice(
    client, post, policy, moderators, mailoutbox, staff_client, crisis_notice
):
    """
    Inboxes are shared and watched: subjects, and the commenters' bodies, say
    which site, never which article or webinar.
    """
    article = make_article(title="Harm reduction and safer use")
    post(article, name="Ana", email="ana@example.org", followup="on")
    client.get(link_in(mailoutbox[0], "/comments/confirm/"))
    parent = Comment.objects.get()
    staff_client.post(
        reverse("admin:comments_comment_changelist"),
        {"action": "approve", "_selected_action": [parent.pk]},
    )
    run_worker()
    post(article, reply_to=str(parent.pk), email="bo@example.org", followup="on")
    staff_client.post(
        reverse("admin:comments_comment_changelist"),
        {
            "action": "approve",
            "_selected_action": [Comment.objects.get(user_email="bo@example.org").pk],
        },
    )
    run_worker()
    to_commenters = [m for m in mailoutbox if m.to[0] not in moderators]
    assert {m.subject for m in to_commenters} == {
        "Confirm your address for reply emails from Recovery Dialogues",
        "Your comment on Recovery Dialogues is published",
        "A reply to your comment on Recovery Dialogues",
    }
    for message in mailoutbox:
        assert "Harm reduction" not in message.subject
        assert crisis_notice in message.body
    for message in to_commenters:
        assert "Harm reduction" not in message.body
        assert article.slug not in message.body


def test_approving_on_the_change_form_also_tells_the_commenter(
    policy, mailoutbox, staff_client, django_capture_on_commit_callbacks
):
    comment = make_comment(make_article(), status=CommentStatus.PENDING, followup=True)
    confirm_address(comment.user_email)
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(
            reverse("admin:comments_comment_change", args=[comment.pk]),
            {
                "status": "published",
                "user_name": comment.user_name,
                "user_email": comment.user_email,
                "user_url": "",
                "comment": comment.comment,
                "followup": "on",
                "site_reply": "",
                "reports-TOTAL_FORMS": "0",
                "reports-INITIAL_FORMS": "0",
            },
        )
    run_worker()
    assert response.status_code == 302
    assert [message.to[0] for message in mailoutbox] == [comment.user_email]


def test_a_published_comment_saved_again_sends_nothing(
    policy, mailoutbox, staff_client, django_capture_on_commit_callbacks
):
    comment = make_comment(make_article())
    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(
            reverse("admin:comments_comment_changelist"),
            {"action": "approve", "_selected_action": [comment.pk]},
        )
    run_worker()
    assert mailoutbox == []


# Moderators


def test_first_held_comment_emails_the_moderators_at_once(
    post, policy, moderators, mailoutbox
):
    post(make_article(title="Grief"), comment="Held words for the moderators.")
    assert sorted(message.to[0] for message in mailoutbox) == sorted(moderators)
    message = mailoutbox[0]
    assert message.subject == "1 comment waiting for moderation on Recovery Dialogues"
    assert "Held words for the moderators." in message.body
    assert '"Grief"' in message.body
    assert (
        reverse("admin:comments_comment_changelist") + "?status__exact=pending"
        in message.body
    )
    assert "alex@example.org" not in message.body
    assert "203.0.113.7" not in message.body


def test_held_comments_within_the_batch_window_wait_for_one_digest(
    post, policy, moderators, mailoutbox, settings
):
    article = make_article()
    post(article, comment="The first.", email="one@example.org")
    post(article, comment="The second.", email="two@example.org")
    post(article, comment="The third.", email="three@example.org")
    assert len(mailoutbox) == 2

    run_worker()
    assert len(mailoutbox) == 2  # still inside the window

    later = timezone.now() + datetime.timedelta(
        minutes=settings.COMMENTS_MODERATOR_BATCH_MINUTES, seconds=1
    )
    run_worker(at=later)
    digests = mailoutbox[2:]
    assert sorted(message.to[0] for message in digests) == sorted(moderators)
    assert (
        digests[0].subject == "2 comments waiting for moderation on Recovery Dialogues"
    )
    assert "The second." in digests[0].body and "The third." in digests[0].body
    assert "The first." not in digests[0].body

    run_worker()
    assert len(mailoutbox) == 4
    assert not Comment.objects.filter(moderators_notified=False).exists()


def test_published_comments_do_not_email_the_moderators(
    post, open_policy, moderators, mailoutbox
):
    post(make_article())
    assert mailoutbox == []


def test_no_moderator_addresses_means_no_moderator_email(post, policy, mailoutbox):
    post(make_article())
    assert mailoutbox == []
    assert OutgoingEmail.objects.count() == 0


def test_the_thank_you_page_promises_an_email_only_to_those_who_asked(post, policy):
    article = make_article()
    without_box = Client().get(post(article)["Location"]).content.decode()
    assert "We will not email you" in without_box
    assert "We will email you when it is published" not in without_box
    with_box = post(article, followup="on", email="asks@example.org", comment="Two")
    page = Client().get(with_box["Location"]).content.decode()
    assert "We will email you when it is published" in page
