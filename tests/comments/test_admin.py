"""The moderation queue in the admin."""

import datetime
import re

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from comments.models import Comment, CommentStatus, EmailAddress
from recoverysite.models import SiteSettings
from tests.comments.conftest import confirm_address, make_comment
from tests.conftest import run_worker
from tests.factories import make_article, make_user

CHANGELIST = reverse("admin:comments_comment_changelist")


def act(client, action, *comments):
    return client.post(
        CHANGELIST,
        {"action": action, "_selected_action": [comment.pk for comment in comments]},
        follow=True,
    )


def change_form_data(comment, **changes):
    data = {
        "status": comment.status,
        "user_name": comment.user_name,
        "user_email": comment.user_email,
        "user_url": comment.user_url,
        "comment": comment.comment,
        "site_reply": "",
        # The reports inline, empty.
        "reports-TOTAL_FORMS": "0",
        "reports-INITIAL_FORMS": "0",
    }
    if comment.followup:
        data["followup"] = "on"
    data.update(changes)
    return data


def rows(html):
    return re.findall(r'<tr>\s*<td class="action-checkbox">.*?</tr>', html, re.S)


def test_changelist_has_status_filters_with_counts(staff_client, policy):
    article = make_article()
    for status, count in [("pending", 2), ("published", 3), ("spam", 1)]:
        for _ in range(count):
            make_comment(article, status=status)
    html = staff_client.get(CHANGELIST).content.decode()
    assert '<a href="?status__exact=pending">Awaiting moderation (2)</a>' in html
    assert '<a href="?status__exact=published">Published (3)</a>' in html
    assert '<a href="?status__exact=spam">Spam (1)</a>' in html
    assert '<a href="?status__exact=removed">Removed by a moderator (0)</a>' in html


def test_pending_queue_lists_care_holds_first(staff_client, policy):
    article = make_article()
    make_comment(
        article,
        status="pending",
        care_hold=True,
        comment="An older one in crisis",
        submit_date=timezone.now() - datetime.timedelta(days=2),
    )
    for hours, text in [(2, "A newer ordinary one"), (1, "The newest ordinary one")]:
        make_comment(
            article,
            status="pending",
            comment=text,
            submit_date=timezone.now() - datetime.timedelta(hours=hours),
        )
    html = staff_client.get(CHANGELIST + "?status__exact=pending").content.decode()
    listed = rows(html)
    assert len(listed) == 3
    assert "An older one in crisis" in listed[0]
    assert "The newest ordinary one" in listed[1]


def test_admin_index_shows_how_many_comments_wait(staff_client, policy):
    article = make_article()
    make_comment(article, status="pending")
    make_comment(article, status="pending", care_hold=True)
    make_comment(article)
    html = staff_client.get(reverse("admin:index")).content.decode()
    assert "2 comments awaiting moderation" in html
    assert "1 matched a crisis phrase" in html


def test_changelist_queries_do_not_grow_with_the_page(
    staff_client, policy, django_assert_num_queries
):
    for _ in range(3):
        make_comment(make_article())
    staff_client.get(CHANGELIST)
    with django_assert_num_queries(14) as few:
        staff_client.get(CHANGELIST)
    for _ in range(30):
        make_comment(make_article())
    with django_assert_num_queries(len(few.captured_queries)):
        response = staff_client.get(CHANGELIST)
    assert len(rows(response.content.decode())) == 33


def test_bulk_approve_publishes_the_selected_comments(
    staff_client, policy, django_capture_on_commit_callbacks, mailoutbox
):
    article = make_article()
    held = [make_comment(article, status="pending", followup=True) for _ in range(2)]
    for comment in held:
        confirm_address(comment.user_email)
    untouched = make_comment(article, status="pending")
    with django_capture_on_commit_callbacks(execute=True):
        response = act(staff_client, "approve", *held)
    run_worker()
    assert "2 comment(s) published." in response.content.decode()
    statuses = dict(Comment.objects.values_list("pk", "status"))
    assert [statuses[comment.pk] for comment in held] == ["published"] * 2
    assert statuses[untouched.pk] == "pending"
    assert sorted(message.to[0] for message in mailoutbox) == sorted(
        comment.user_email for comment in held
    )
    page = Client().get(article.get_absolute_url()).content.decode()
    assert all(comment.comment in page for comment in held)


def test_bulk_mark_spam_hides_the_comments(staff_client, policy):
    article = make_article()
    comment = make_comment(article, comment="Buy followers today")
    response = act(staff_client, "mark_spam", comment)
    assert "1 comment(s) marked as spam." in response.content.decode()
    comment.refresh_from_db()
    assert comment.status == CommentStatus.SPAM
    assert comment.is_public is False
    page = Client().get(article.get_absolute_url()).content.decode()
    assert "Buy followers today" not in page


def test_bulk_remove_keeps_replies_under_a_placeholder(staff_client, policy):
    article = make_article()
    parent = make_comment(article, comment="Words a moderator removes")
    reply = make_comment(article, parent=parent, comment="A kind reply stays")
    response = act(staff_client, "remove", parent)
    assert "1 comment(s) removed." in response.content.decode()
    parent.refresh_from_db()
    reply.refresh_from_db()
    assert parent.status == CommentStatus.REMOVED
    assert reply.is_public is True
    page = Client().get(article.get_absolute_url()).content.decode()
    assert "Words a moderator removes" not in page
    assert "[removed]" in page
    assert "A kind reply stays" in page
    assert re.search(r'id="comments-title">\s*1 comment ', page)


def test_a_withdrawn_comment_is_not_republished_by_bulk_approve(
    staff_client, policy, mailoutbox
):
    withdrawn = make_comment(make_article(), status=CommentStatus.WITHDRAWN)
    act(staff_client, "approve", withdrawn)
    withdrawn.refresh_from_db()
    assert withdrawn.status == CommentStatus.WITHDRAWN


def test_staff_who_may_only_view_comments_cannot_moderate_them(policy):
    viewer = make_user(is_staff=True)
    viewer.user_permissions.add(
        Permission.objects.get(
            codename="view_comment", content_type__app_label="comments"
        )
    )
    client = Client()
    client.force_login(viewer)
    comment = make_comment(make_article(), status="pending")
    assert client.get(CHANGELIST).status_code == 200
    for action in ("approve", "mark_spam", "remove", "erase_commenters"):
        act(client, action, comment)
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PENDING
    assert comment.user_name.startswith("Commenter")


# Reply as the site


def test_reply_as_the_site_publishes_a_reply_and_notifies_the_subscribed_author(
    staff_client, policy, django_capture_on_commit_callbacks, mailoutbox
):
    site = SiteSettings.load()
    article = make_article()
    parent = make_comment(article, user_email="asker@example.org", followup=True)
    confirm_address("asker@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(
            reverse("admin:comments_comment_change", args=[parent.pk]),
            change_form_data(parent, site_reply="Thank you, we will add the slides."),
            follow=True,
        )
    run_worker()
    assert "Your reply is published." in response.content.decode()
    reply = Comment.objects.get(comment="Thank you, we will add the slides.")
    assert reply.status == CommentStatus.PUBLISHED
    assert (reply.parent_id, reply.level) == (parent.pk, 1)
    assert reply.user_name == site.name
    assert reply.user.username == "editor"
    (message,) = mailoutbox
    assert message.to == ["asker@example.org"]
    assert "Thank you, we will add the slides." in message.body
    assert "editor@example.org" not in message.message().as_string()
    page = Client().get(article.get_absolute_url()).content.decode()
    assert "Thank you, we will add the slides." in page
    parent.refresh_from_db()
    assert parent.followup is True


def test_reply_as_the_site_does_not_email_an_author_who_did_not_ask(
    staff_client, policy, django_capture_on_commit_callbacks, mailoutbox
):
    parent = make_comment(make_article(), followup=False)
    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(
            reverse("admin:comments_comment_change", args=[parent.pk]),
            change_form_data(parent, site_reply="Noted."),
        )
    run_worker()
    assert Comment.objects.filter(comment="Noted.", status="published").exists()
    assert mailoutbox == []


def test_reply_as_the_site_while_approving_publishes_both(
    staff_client, policy, django_capture_on_commit_callbacks, mailoutbox
):
    parent = make_comment(make_article(), status="pending", followup=True)
    confirm_address(parent.user_email)
    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(
            reverse("admin:comments_comment_change", args=[parent.pk]),
            change_form_data(parent, status="published", site_reply="Welcome."),
        )
    run_worker()
    parent.refresh_from_db()
    assert parent.status == CommentStatus.PUBLISHED
    assert Comment.objects.get(comment="Welcome.").parent_id == parent.pk
    assert sorted((m.to[0], m.subject) for m in mailoutbox) == [
        (parent.user_email, "A reply to your comment on Recovery Dialogues"),
        (parent.user_email, "Your comment on Recovery Dialogues is published"),
    ]


@pytest.mark.parametrize("status", ["pending", "spam", "removed"])
def test_reply_as_the_site_to_a_hidden_comment_is_refused_with_the_text_kept(
    staff_client, policy, status
):
    parent = make_comment(make_article(), status=status)
    response = staff_client.post(
        reverse("admin:comments_comment_change", args=[parent.pk]),
        change_form_data(parent, site_reply="Words worth keeping."),
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Approve the comment" in html
    assert "Words worth keeping." in html
    assert not Comment.objects.filter(comment="Words worth keeping.").exists()


def test_reply_as_the_site_beyond_the_maximum_depth_is_refused_with_the_text_kept(
    staff_client, policy
):
    article = make_article()
    deepest = make_comment(
        article, parent=make_comment(article, parent=make_comment(article))
    )
    response = staff_client.post(
        reverse("admin:comments_comment_change", args=[deepest.pk]),
        change_form_data(deepest, site_reply="Too deep to post."),
    )
    assert response.status_code == 200
    assert "Too deep to post." in response.content.decode()
    assert not Comment.objects.filter(comment="Too deep to post.").exists()


# Personal data


def test_admin_erase_action_anonymises_the_selected_commenters(staff_client, policy):
    article = make_article()
    mine = make_comment(
        article, user_email="me@example.org", user_url="https://me.example"
    )
    also_mine = make_comment(make_article(), user_email="ME@example.org", followup=True)
    confirm_address("me@example.org")
    other = make_comment(article, user_email="other@example.org")
    response = act(staff_client, "erase_commenters", mine)
    assert "Anonymised 2 comment(s) from 1 address(es)." in response.content.decode()
    for comment in (mine, also_mine):
        comment.refresh_from_db()
        assert comment.user_name == "Anonymous"
        assert (comment.user_email, comment.user_url) == ("", "")
        assert comment.ip_address is None
        assert comment.followup is False
        assert comment.comment  # the text stays
    assert not EmailAddress.objects.exists()
    other.refresh_from_db()
    assert other.user_email == "other@example.org"


def test_erasing_an_already_anonymous_comment_leaves_the_sites_replies_alone(
    staff_client, policy
):
    article = make_article()
    anonymous = make_comment(article, user_name="Anonymous", user_email="")
    site_reply = make_comment(
        article, parent=anonymous, user_name="Recovery Dialogues", user_email=""
    )
    act(staff_client, "erase_commenters", anonymous)
    site_reply.refresh_from_db()
    assert site_reply.user_name == "Recovery Dialogues"


def test_comments_are_not_added_in_the_admin_only_replied_to(staff_client, policy):
    assert staff_client.get(reverse("admin:comments_comment_add")).status_code == 403
    assert f'href="{reverse("admin:comments_comment_add")}"' not in (
        staff_client.get(CHANGELIST).content.decode()
    )
