"""What is kept about commenters, what is shown, and how it is forgotten."""

import datetime
import json

import pytest
from django.core.mail import send_mail
from django.core.management import CommandError
from django.test import Client
from django.utils import timezone

from comments import links
from comments.models import Comment, CommentStatus, EmailAddress
from mail.models import OutgoingEmail
from tests.comments.conftest import confirm_address, make_comment, run_command
from tests.factories import make_article

EMAIL = "private.person@example.org"
IP = "192.0.2.123"


@pytest.fixture
def thread(policy):
    article = make_article(title="Peer support")
    parent = make_comment(
        article, user_email=EMAIL, ip_address=IP, user_url="https://person.example"
    )
    reply = make_comment(
        article, parent=parent, user_email="other@example.org", ip_address=IP
    )
    make_comment(article, status="pending", user_email="held@example.org")
    return article, parent, reply


def test_emails_and_ip_addresses_never_appear_in_public_pages(thread, post):
    article, parent, _reply = thread
    visitor = Client()
    response = post(article, email="poster@example.org", ip=IP)
    pages = {
        "article": visitor.get(article.get_absolute_url()),
        "reply page": visitor.get(f"/comments/reply/{parent.pk}/"),
        "received": visitor.get(response["Location"]),
        "feed": visitor.get(f"/feeds/comments/articles/{article.slug}/"),
        "home": visitor.get("/"),
        "articles": visitor.get("/articles/"),
    }
    for name, page in pages.items():
        assert page.status_code == 200, name
        html = page.content.decode()
        for secret in (EMAIL, "other@example.org", "held@example.org", IP):
            assert secret not in html, (name, secret)
        assert "poster@example.org" not in html, name
    assert "https://person.example" in pages["article"].content.decode()


def test_the_comment_form_page_after_an_error_shows_only_the_visitors_own_address(
    thread, post
):
    article, parent, _reply = thread
    response = post(article, reply_to=str(parent.pk), name="", email="me@example.org")
    html = response.content.decode()
    assert "me@example.org" in html  # their own input, kept for them
    assert EMAIL not in html and IP not in html


def test_purge_comment_ips_erases_addresses_older_than_the_retention(policy, settings):
    settings.COMMENTS_IP_RETENTION_DAYS = 30
    article = make_article()
    now = timezone.now()
    old = make_comment(article, submit_date=now - datetime.timedelta(days=31))
    edge = make_comment(article, submit_date=now - datetime.timedelta(days=29))
    output = run_command("purge_comment_ips")
    assert output.strip() == (
        "Erased the IP address of 1 comment(s) older than 30 days."
    )
    old.refresh_from_db()
    edge.refresh_from_db()
    assert old.ip_address is None
    assert edge.ip_address is not None
    run_command("purge_comment_ips", "--days", "7")
    edge.refresh_from_db()
    assert edge.ip_address is None


def test_commenter_data_export_gives_every_comment_of_the_address_as_json(thread):
    article, parent, _reply = thread
    other_article = make_article(title="Open Dialogue")
    second = make_comment(
        other_article,
        user_email=EMAIL.upper(),
        comment="Second words",
        status="pending",
    )
    confirm_address(EMAIL)
    data = json.loads(run_command("commenter_data", "--email", EMAIL, "--export"))
    assert data["email"] == EMAIL
    assert data["email_confirmed_at"] is not None
    assert [comment["id"] for comment in data["comments"]] == sorted(
        [parent.pk, second.pk],
        key=lambda pk: Comment.objects.get(pk=pk).submit_date,
    )
    exported = {comment["id"]: comment for comment in data["comments"]}
    assert exported[parent.pk] == {
        "id": parent.pk,
        "on": "Peer support",
        "url": article.get_absolute_url(),
        "name": parent.user_name,
        "website": "https://person.example",
        "text": parent.comment,
        "submitted_at": parent.submit_date.isoformat(),
        "status": "published",
        "ip_address": IP,
        "notify_of_replies": False,
        "language": "",
    }
    assert exported[second.pk]["status"] == "pending"
    assert "other@example.org" not in json.dumps(data)


def test_commenter_data_export_of_an_unknown_address_is_an_error(db):
    with pytest.raises(CommandError, match="Nothing stored about nobody@example.org"):
        run_command("commenter_data", "--email", "nobody@example.org", "--export")


def test_commenter_data_erase_anonymises_and_unsubscribes(thread, post):
    article, parent, reply = thread
    parent.followup = True
    parent.save()
    confirm_address(EMAIL)
    send_mail("s", "b", None, [EMAIL])
    send_mail("s", "b", None, ["someone-else@example.org"])
    waiting = OutgoingEmail.objects.waiting().to_address(EMAIL).get()
    output = run_command("commenter_data", "--email", EMAIL.title(), "--erase")
    assert "Anonymised 1 comment(s)" in output
    parent.refresh_from_db()
    assert parent.user_name == "Anonymous"
    assert (parent.user_email, parent.user_url, parent.ip_address) == ("", "", None)
    assert parent.followup is False
    assert parent.status == CommentStatus.PUBLISHED
    assert not EmailAddress.objects.filter(email=EMAIL).exists()
    assert not OutgoingEmail.objects.filter(pk=waiting.pk).exists()
    assert OutgoingEmail.objects.waiting().count() == 1
    page = Client().get(article.get_absolute_url()).content.decode()
    assert parent.comment in page
    assert "Anonymous" in page
    reply.refresh_from_db()
    assert reply.user_email == "other@example.org"


def test_commenter_data_erase_with_remove_text_leaves_a_placeholder(thread):
    article, parent, reply = thread
    run_command("commenter_data", "--email", EMAIL, "--erase", "--remove-text")
    parent.refresh_from_db()
    assert parent.comment == ""
    assert parent.status == CommentStatus.WITHDRAWN
    assert (parent.is_public, parent.is_removed) == (False, True)
    page = Client().get(article.get_absolute_url()).content.decode()
    assert "[removed by its author]" in page
    assert reply.comment in page


def test_commenter_data_erase_of_an_empty_address_changes_nothing(policy):
    article = make_article()
    site_reply = make_comment(article, user_name="Recovery Dialogues", user_email="")
    run_command("commenter_data", "--email", "", "--erase")
    site_reply.refresh_from_db()
    assert site_reply.user_name == "Recovery Dialogues"


# Deletion by the author, through the signed link in their email


def delete_link(mailoutbox):
    body = mailoutbox[0].body
    start = body.index("/comments/delete/")
    return body[start : body.index("\n", start)]


def test_author_deletes_their_comment_through_the_emailed_link(
    post, open_policy, mailoutbox
):
    article = make_article()
    post(article, followup="on", comment="Words I regret.")
    mine = Comment.objects.get()
    reply = make_comment(article, parent=mine, comment="A reply that stays.")
    url = delete_link(mailoutbox)
    author = Client()

    page = author.get(url)
    assert page.status_code == 200
    assert "Remove your comment?" in page.content.decode()
    assert "Words I regret." in page.content.decode()
    mine.refresh_from_db()
    assert mine.status == CommentStatus.PUBLISHED  # a GET changes nothing

    done = author.post(url)
    assert "Your comment has been removed" in done.content.decode()
    mine.refresh_from_db()
    assert mine.status == CommentStatus.WITHDRAWN
    assert mine.comment == ""
    assert mine.followup is False

    html = Client().get(article.get_absolute_url()).content.decode()
    assert "Words I regret." not in html
    assert "[removed by its author]" in html
    assert "A reply that stays." in html
    assert html.index("[removed by its author]") < html.index("A reply that stays.")
    reply.refresh_from_db()
    assert reply.is_public is True

    again = author.get(url)
    assert "Your comment has been removed" in again.content.decode()


def test_a_deleted_comment_without_replies_leaves_no_placeholder(client, policy):
    article = make_article()
    comment = make_comment(article, comment="Gone entirely.")
    client.post(links.link(comment, "delete"))
    html = client.get(article.get_absolute_url()).content.decode()
    assert "Gone entirely." not in html
    assert "[removed" not in html
    assert "No comments yet" in html


def test_deleting_needs_the_forms_csrf_token(policy):
    comment = make_comment(make_article())
    author = Client(enforce_csrf_checks=True)
    url = links.link(comment, "delete")
    assert author.post(url).status_code == 403
    page = author.get(url)
    token = page.context["csrf_token"]
    assert author.post(url, {"csrfmiddlewaretoken": str(token)}).status_code == 200
    comment.refresh_from_db()
    assert comment.status == CommentStatus.WITHDRAWN


def test_a_confirm_link_of_an_erased_commenter_confirms_nothing(client, policy):
    comment = make_comment(make_article(), user_email="gone@example.org")
    url = links.link(comment, "confirm")
    run_command("commenter_data", "--email", "gone@example.org", "--erase")
    assert client.get(url).status_code == 404
    assert not EmailAddress.objects.exists()
