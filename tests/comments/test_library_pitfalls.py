"""
The behaviours of django-comments-xtd 2.10 that must not reach visitors, each
closed by the comments app.
"""

import datetime
import re
import time
from unittest import mock

import pytest
from django.core import signing
from django.test import Client
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from comments import links
from comments.models import Comment, CommentStatus
from mail.models import OutgoingEmail
from tests.comments.conftest import (
    comment_data,
    confirm_address,
    make_comment,
    run_command,
)
from tests.conftest import run_worker
from tests.factories import make_article

URL_PATTERN = re.compile(r"https?://\S+")


def urls_in(text):
    return URL_PATTERN.findall(text)


def hidden_value(html, name):
    return re.search(rf'name="{name}" value="([^"]*)"', html).group(1)


# 1. Every accepted comment is stored first; emails wait in an outbox.


def test_comment_asking_for_replies_is_stored_at_once_not_after_a_link_is_clicked(
    post, policy
):
    article = make_article()
    response = post(article, followup="on", comment="Stored before any email.")
    assert response.status_code == 302
    comment = Comment.objects.get()
    assert comment.comment == "Stored before any email."
    assert comment.status == CommentStatus.PENDING
    assert comment.followup is True


def test_the_request_sends_no_email_the_worker_does(
    client, policy, mailoutbox, django_capture_on_commit_callbacks
):
    article = make_article()
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/comments/post/", comment_data(article, followup="on"))
    assert Comment.objects.count() == 1
    assert mailoutbox == []
    assert sorted(DBTaskResult.objects.ready().values_list("task_path", flat=True)) == [
        "comments.tasks.comment_received",
        "comments.tasks.send_moderator_digest",
    ]

    run_worker()
    assert len(mailoutbox) == 1
    assert not DBTaskResult.objects.ready().exists()


def test_comment_is_kept_when_the_mail_server_is_down_and_its_email_sent_later(
    post, policy, settings, mailoutbox, caplog
):
    settings.EMAIL_DELIVERY_BACKEND = "tests.comments.doubles.UnreachableBackend"
    article = make_article()
    response = post(article, followup="on", email="kim@example.org")
    assert response.status_code == 302
    assert "try 1 failed (Connection refused)" in caplog.text
    assert client_page_says(response, "awaiting moderation")
    assert Comment.objects.filter(user_email="kim@example.org").exists()
    failed = OutgoingEmail.objects.get(status="FAILED")
    assert failed.recipients == ["kim@example.org"]
    assert "Connection refused" in failed.traceback
    waiting = OutgoingEmail.objects.waiting().get()
    assert waiting.attempt == 2
    assert mailoutbox == []

    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    run_worker()
    assert mailoutbox == []  # the next try waits a minute
    run_worker(at=timezone.now() + datetime.timedelta(minutes=2))
    assert [message.to for message in mailoutbox] == [["kim@example.org"]]
    assert not OutgoingEmail.objects.waiting().exists()


def test_a_message_the_mail_server_puts_off_is_tried_again_later(
    post, policy, settings, mailoutbox
):
    settings.EMAIL_DELIVERY_BACKEND = "tests.comments.doubles.RejectingBackend"
    post(make_article(), followup="on")
    assert "451" in OutgoingEmail.objects.get(status="FAILED").traceback
    assert OutgoingEmail.objects.waiting().count() == 1

    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    run_worker(at=timezone.now() + datetime.timedelta(minutes=2))
    assert len(mailoutbox) == 1


def test_an_email_is_not_retried_after_the_configured_number_of_tries(
    post, policy, settings, mailoutbox, caplog
):
    settings.EMAIL_DELIVERY_BACKEND = "tests.comments.doubles.UnreachableBackend"
    settings.EMAIL_RETRY_DELAYS = [60]
    post(make_article(), followup="on")
    run_worker(at=timezone.now() + datetime.timedelta(minutes=2))
    assert "not delivered after 2 tries" in caplog.text
    assert not OutgoingEmail.objects.waiting().exists()
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    run_worker(at=timezone.now() + datetime.timedelta(days=2))
    assert mailoutbox == []
    assert OutgoingEmail.objects.filter(status="FAILED").count() == 2


def test_a_permanent_refusal_is_not_tried_again(post, policy, settings, mailoutbox):
    settings.EMAIL_DELIVERY_BACKEND = "tests.comments.doubles.RefusingBackend"
    post(make_article(), followup="on")
    assert not OutgoingEmail.objects.waiting().exists()
    assert "550" in OutgoingEmail.objects.get(status="FAILED").traceback


def client_page_says(response, text):
    return text in Client().get(response["Location"]).content.decode()


# 2. The parent of a reply is validated, and a post is one transaction.


@pytest.mark.parametrize(
    "status", [CommentStatus.PENDING, CommentStatus.SPAM, CommentStatus.REMOVED]
)
def test_reply_to_a_comment_that_is_not_public_is_refused(post, policy, status):
    article = make_article()
    hidden = make_comment(article, status=status, comment="Not for the public.")
    response = post(article, reply_to=str(hidden.pk), comment="My reply")
    assert response.status_code == 200
    html = response.content.decode()
    assert "not available any more" in html
    assert "My reply" in html
    assert "Not for the public." not in html
    assert Comment.objects.count() == 1


def test_reply_to_a_comment_on_another_page_is_refused(post, policy):
    article, other = make_article(), make_article()
    elsewhere = make_comment(other)
    response = post(article, reply_to=str(elsewhere.pk))
    assert response.status_code == 200
    assert "not available any more" in response.content.decode()
    assert Comment.objects.count() == 1


def test_reply_to_a_missing_comment_is_refused(post, policy):
    response = post(make_article(), reply_to="999999")
    assert response.status_code == 200
    assert "not available any more" in response.content.decode()
    assert not Comment.objects.exists()


@pytest.mark.parametrize("reply_to", ["abc", "-1", "99999999999999999999999"])
def test_a_mangled_reply_id_is_refused_with_the_text_kept(post, policy, reply_to):
    response = post(make_article(), reply_to=reply_to, comment="Kept reply.")
    assert response.status_code == 200
    html = response.content.decode()
    assert "not available any more" in html
    assert "Kept reply." in html
    assert not Comment.objects.exists()


@pytest.mark.parametrize(
    "fields",
    [
        {"object_pk": "abc"},
        {"object_pk": ""},
        {"object_pk": "99999999999999999999999"},
    ],
)
def test_a_post_for_a_mangled_page_is_404_not_a_server_error(post, policy, fields):
    assert post(make_article(), **fields).status_code == 404
    assert not Comment.objects.exists()


@pytest.mark.parametrize("content_type", ["recoverysite.user", "no such thing"])
def test_a_post_for_a_mangled_kind_of_content_is_400_not_a_server_error(
    post, policy, content_type
):
    assert post(make_article(), content_type=content_type).status_code == 400
    assert not Comment.objects.exists()


def test_reply_beyond_the_maximum_depth_is_refused_without_an_orphan_row(
    post, policy, settings
):
    assert settings.COMMENTS_XTD_MAX_THREAD_LEVEL == 2
    article = make_article()
    top = make_comment(article)
    middle = make_comment(article, parent=top)
    deepest = make_comment(article, parent=middle)
    assert deepest.level == 2
    response = post(article, reply_to=str(deepest.pk), comment="Too deep")
    assert response.status_code == 200
    assert "as deep as it can go" in response.content.decode()
    assert "Too deep" in response.content.decode()
    assert Comment.objects.count() == 3
    assert not Comment.objects.filter(comment="Too deep").exists()


def test_valid_reply_is_threaded_under_its_parent(post, open_policy):
    article = make_article()
    top = make_comment(article)
    post(article, reply_to=str(top.pk), comment="A reply")
    reply = Comment.objects.get(comment="A reply")
    assert (reply.parent_id, reply.thread_id, reply.level) == (top.pk, top.pk, 1)


def test_a_failure_while_posting_leaves_no_comment_behind(
    client, policy, django_capture_on_commit_callbacks
):
    article = make_article()
    with (
        mock.patch(
            "comments.views.enqueue_after_commit", side_effect=RuntimeError("boom")
        ),
        pytest.raises(RuntimeError),
    ):
        client.post("/comments/post/", comment_data(article, followup="on"))
    assert not Comment.objects.exists()
    assert not DBTaskResult.objects.exists()


# 3. Only our wrapped views are mounted; no Gravatar.


@pytest.mark.parametrize(
    "status",
    [
        CommentStatus.PENDING,
        CommentStatus.SPAM,
        CommentStatus.REMOVED,
        CommentStatus.WITHDRAWN,
    ],
)
def test_reply_page_of_a_comment_that_is_not_public_is_404_without_its_text(
    client, policy, status
):
    hidden = make_comment(
        make_article(), status=status, comment="Private words of a person."
    )
    response = client.get(f"/comments/reply/{hidden.pk}/")
    assert response.status_code == 404
    assert "Private words of a person." not in response.content.decode()


def test_reply_page_of_a_published_comment_shows_it_and_the_form(client, policy):
    article = make_article()
    comment = make_comment(article, comment="Public words.", user_name="Rose")
    response = client.get(f"/comments/reply/{comment.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Reply to Rose" in html
    assert "Public words." in html
    assert f'name="reply_to" value="{comment.pk}"' in html


def test_reply_page_of_a_comment_on_an_unpublished_page_is_404(client, policy):
    article = make_article(status="draft")
    comment = make_comment(article)
    assert client.get(f"/comments/reply/{comment.pk}/").status_code == 404


def test_no_gravatar_anywhere_only_initials_drawn_locally(client, policy):
    article = make_article()
    comment = make_comment(article, user_name="Maya Lopez", user_email="m@example.org")
    pages = [
        client.get(article.get_absolute_url()),
        client.get(f"/comments/reply/{comment.pk}/"),
    ]
    for page in pages:
        html = page.content.decode().lower()
        assert "gravatar" not in html
        assert "<img" not in html.split('id="comments"')[-1]
    assert '<span class="avatar avatar--' in pages[0].content.decode()
    assert ">ML</span>" in pages[0].content.decode()


@pytest.mark.parametrize(
    "name, kwargs",
    [
        ("comments-xtd-reply", {"cid": 1}),
        ("comments-post-comment", {}),
        ("comments-xtd-confirm", {"key": "x"}),
        ("comments-xtd-mute", {"key": "x"}),
        ("comments-xtd-like", {"comment_id": 1}),
        ("comments-flag", {"comment_id": 1}),
        ("comments-url-redirect", {"content_type_id": 1, "object_id": 1}),
    ],
)
def test_library_urls_are_not_mounted(name, kwargs):
    with pytest.raises(NoReverseMatch):
        reverse(name, kwargs=kwargs)


@pytest.mark.parametrize(
    "path",
    [
        "/comments/api/",
        "/comments/api/comment/",
        "/comments/api/comments/articles.article/1/",
        "/comments/api/comment/1/",
        "/comments/like/1/",
        "/comments/flag/1/",
        "/comments/sent/",
        "/comments/mute/key/",
        "/comments/cr/1/1/",
    ],
)
def test_library_views_and_its_api_answer_404(client, db, path):
    assert client.get(path).status_code == 404


# 4. Links carry a signed id with an expiry, nothing more.


def emailed_links(mailoutbox):
    return [url for message in mailoutbox for url in urls_in(message.body)]


def test_links_in_emails_carry_only_the_signed_comment_id(post, policy, mailoutbox):
    response = post(
        make_article(), followup="on", email="sky@example.org", comment="Secret"
    )
    comment = Comment.objects.get()
    assert response["Location"].startswith(f"/comments/received/{comment.pk}:")
    assert "sky" not in response["Location"]
    urls = [url for url in emailed_links(mailoutbox) if "/comments/" in url]
    assert len(urls) == 3  # confirm, delete and unsubscribe
    for url in urls:
        token = url.rstrip("/").rsplit("/", 1)[-1]
        signed_id, _timestamp, _signature = token.split(":")
        assert signed_id == str(comment.pk)
        assert "sky" not in url and "@" not in url and "%40" not in url
        assert "Secret" not in url


def test_tokens_are_timestamped_signatures_not_pickles(policy):
    comment = make_comment(make_article())
    token = links.make_token(comment, "unsubscribe")
    signer = signing.TimestampSigner(salt="comments.unsubscribe")
    assert signer.unsign(token) == str(comment.pk)


def old_token(comment, purpose, days):
    then = signing.b62_encode(int(time.time() - days * 24 * 60 * 60))
    with mock.patch.object(signing.TimestampSigner, "timestamp", return_value=then):
        return links.make_token(comment, purpose)


@pytest.mark.parametrize(
    "purpose, days", [("confirm", 8), ("delete", 91), ("received", 2)]
)
def test_expired_links_are_404(client, policy, purpose, days):
    comment = make_comment(make_article())
    expired = old_token(comment, purpose, days)
    fresh = old_token(comment, purpose, days - 1.5)
    response = client.get(f"/comments/{purpose}/{expired}/")
    assert response.status_code == 404
    assert "This link is invalid or has expired" in response.text
    assert client.get(f"/comments/{purpose}/{fresh}/").status_code == 200


def test_unsubscribe_link_expires_after_a_year(client, policy):
    comment = make_comment(make_article(), followup=True)
    expired = old_token(comment, "unsubscribe", 366)
    assert client.get(f"/comments/unsubscribe/{expired}/").status_code == 404
    assert client.post(f"/comments/unsubscribe/{expired}/").status_code == 404
    comment.refresh_from_db()
    assert comment.followup is True


@pytest.mark.parametrize("purpose", ["received", "confirm", "unsubscribe", "delete"])
def test_tampered_links_are_404(client, policy, purpose):
    article = make_article()
    mine, theirs = make_comment(article), make_comment(article)
    token = links.make_token(mine, purpose)
    forged = str(theirs.pk) + token[len(str(mine.pk)) :]
    for bad_link in [forged, f"{token}x", token[:-6]]:
        response = client.get(f"/comments/{purpose}/{bad_link}/")
        assert response.status_code == 404
        # Its own page in the site's design, not "could not find that page".
        assert "This link is invalid or has expired" in response.text
        assert "We could not find that page" not in response.text
        assert '<meta name="robots" content="noindex">' in response.text


def test_a_token_for_one_purpose_does_not_open_another(client, policy):
    comment = make_comment(make_article())
    received = links.make_token(comment, "received")
    assert client.get(f"/comments/delete/{received}/").status_code == 404
    assert client.get(f"/comments/confirm/{received}/").status_code == 404


def test_no_emailed_link_contains_an_email_address(
    post, open_policy, mailoutbox, client
):
    article = make_article()
    parent = make_comment(
        article, user_email="parent@example.org", followup=True, status="published"
    )
    confirm_address("parent@example.org")
    post(article, email="replier@example.org", followup="on", reply_to=str(parent.pk))
    assert {message.to[0] for message in mailoutbox} == {
        "parent@example.org",
        "replier@example.org",
    }
    for message in mailoutbox:
        headers = message.extra_headers
        for url in urls_in(message.body) + [headers["List-Unsubscribe"]]:
            assert "@" not in url.strip("<>")
            assert "%40" not in url


# 5. A stale or tampered form comes back with the text kept.


def test_stale_form_comes_back_with_the_text_kept_and_fresh_security_fields(
    post, policy
):
    article = make_article()
    before = int(time.time())
    response = post(
        article, seconds_ago=3 * 60 * 60, comment="Three hours of careful words."
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Three hours of careful words." in html
    assert "needs to be sent again" in html
    assert int(hidden_value(html, "timestamp")) >= before
    assert not Comment.objects.exists()


def test_resending_the_refreshed_form_posts_the_comment(client, post, policy):
    article = make_article()
    response = post(article, seconds_ago=3 * 60 * 60, comment="Second try.")
    html = response.content.decode()
    data = comment_data(
        article,
        comment="Second try.",
        timestamp=hidden_value(html, "timestamp"),
        security_hash=hidden_value(html, "security_hash"),
    )
    assert client.post("/comments/post/", data).status_code == 302
    assert Comment.objects.get().comment == "Second try."


def test_bad_security_hash_comes_back_with_the_text_kept(post, policy):
    article = make_article()
    response = post(article, security_hash="0" * 40, comment="Kept words.")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Kept words." in html
    assert "needs to be sent again" in html
    assert hidden_value(html, "security_hash") != "0" * 40
    assert not Comment.objects.exists()


def test_filled_honeypot_is_kept_as_spam_and_looks_like_moderation(
    client, post, moderators, mailoutbox
):
    response = post(make_article(), honeypot="http://cheap.example", followup="on")
    assert response.status_code == 302
    page = client.get(response["Location"])
    assert "awaiting moderation" in page.content.decode()
    comment = Comment.objects.get()
    assert comment.status == CommentStatus.SPAM
    assert comment.hold_reasons == "honeypot"
    assert mailoutbox == []


# 6. Notifications, threads and IP addresses: see test_emails and test_privacy;
# here the library's own behaviour is shown to be off.


def test_a_reply_notifies_its_parent_author_only_not_every_follower(
    post, open_policy, mailoutbox
):
    article = make_article()
    parent = make_comment(article, user_email="parent@example.org", followup=True)
    follower = make_comment(article, user_email="follower@example.org", followup=True)
    for comment in (parent, follower):
        confirm_address(comment.user_email)
    post(article, reply_to=str(parent.pk), email="new@example.org")
    assert [message.to for message in mailoutbox] == [["parent@example.org"]]


def test_emails_go_out_in_the_request_not_in_background_threads(
    post, open_policy, mailoutbox
):
    article = make_article()
    parent = make_comment(article, user_email="parent@example.org", followup=True)
    confirm_address("parent@example.org")
    with mock.patch("threading.Thread.start") as start:
        post(article, reply_to=str(parent.pk))
    start.assert_not_called()
    assert len(mailoutbox) == 1


def test_ip_addresses_are_erased_after_the_retention_period(policy, settings):
    article = make_article()
    days = settings.COMMENTS_IP_RETENTION_DAYS
    old = make_comment(
        article, submit_date=timezone.now() - datetime.timedelta(days=days + 1)
    )
    recent = make_comment(article)
    run_command("purge_comment_ips")
    old.refresh_from_db()
    recent.refresh_from_db()
    assert old.ip_address is None
    assert recent.ip_address == "198.51.100.20"


# 7. No React, no CDN: server-rendered forms and a small local script.


def test_article_page_loads_no_script_from_another_site(client, policy):
    article = make_article()
    make_comment(article)
    html = client.get(article.get_absolute_url()).content.decode()
    scripts = re.findall(r'<script[^>]*\bsrc="([^"]+)"', html)
    assert scripts == ["/static/comments/comments.js"]
    assert all(src.startswith("/") for src in re.findall(r'\bsrc="([^"]+)"', html))
    stylesheets = re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)
    assert stylesheets and all(href.startswith("/static/") for href in stylesheets)
    assert "react" not in html.lower()
    assert '<script src="/static/comments/comments.js" defer>' in html


def test_comment_script_is_served_from_the_site_itself(settings, db):
    settings.WHITENOISE_USE_FINDERS = True
    settings.WHITENOISE_AUTOREFRESH = True
    response = Client().get("/static/comments/comments.js")
    assert response.status_code == 200
    script = b"".join(response.streaming_content).decode()
    assert "data-reply-to" in script
    assert "import " not in script and "http" not in script


def test_the_form_works_without_javascript_as_a_plain_post(client, policy):
    article = make_article()
    html = client.get(article.get_absolute_url()).content.decode()
    assert '<form method="post" action="/comments/post/"' in html
    assert "<noscript" not in html
