"""Visitors report comments to the moderators, and take back their own."""

import re

import pytest
from django.test import Client, override_settings
from django.urls import reverse

from comments.models import Comment, CommentReport, CommentStatus
from tests.comments.conftest import make_comment
from tests.conftest import run_worker
from tests.factories import make_article, make_user

CHANGELIST = reverse("admin:comments_comment_changelist")


@pytest.fixture
def report(django_capture_on_commit_callbacks):
    visitor = Client()

    def report(comment, *, ip="203.0.113.9", **fields):
        data = {"reason": "harmful", "note": "", "honeypot": ""}
        data.update(fields)
        with django_capture_on_commit_callbacks(execute=True):
            response = visitor.post(
                reverse("comments:report", args=[comment.pk]), data, REMOTE_ADDR=ip
            )
        run_worker()
        return response

    return report


def test_every_published_comment_has_a_report_link_that_search_engines_skip(
    client, policy
):
    article = make_article()
    comment = make_comment(article)
    html = client.get(article.get_absolute_url()).content.decode()
    link = reverse("comments:report", args=[comment.pk])
    assert f'<a class="comment__report" href="{link}" rel="nofollow"' in html
    form = client.get(link).content.decode()
    assert '<meta name="robots" content="noindex">' in form
    assert comment.comment in form
    assert form.count('type="radio" name="reason"') == 5


def test_a_report_is_kept_and_the_moderators_hear_of_it(report, moderators, mailoutbox):
    comment = make_comment(make_article(title="Harm reduction, gently"))
    response = report(comment, reason="personal", note="It names my sister.")
    assert response.status_code == 200
    assert "Thank you for your report" in response.content.decode()
    (stored,) = CommentReport.objects.all()
    assert (stored.comment, stored.reason, stored.note) == (
        comment,
        "personal",
        "It names my sister.",
    )
    # One report alone does not take someone's words off the page.
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PUBLISHED
    assert sorted(message.to[0] for message in mailoutbox) == sorted(moderators)
    message = mailoutbox[0]
    assert message.subject == "A comment was reported on Recovery Dialogues"
    assert "It names my sister." in message.body
    assert reverse("admin:comments_comment_change", args=[comment.pk]) in message.body


def test_a_report_that_someone_is_in_danger_is_marked_urgent_and_shows_help(
    report, moderators, mailoutbox, crisis_notice
):
    comment = make_comment(make_article())
    response = report(comment, reason="danger")
    assert crisis_notice in response.content.decode()
    assert mailoutbox[0].subject.startswith("URGENT")


def test_an_invalid_report_comes_back_with_the_note_kept(report, policy):
    comment = make_comment(make_article())
    response = report(comment, reason="", note="Please look at this one.")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'class="error-summary"' in html
    assert "Please look at this one." in html
    assert not CommentReport.objects.exists()


def test_a_bot_filling_the_trap_is_thanked_and_nothing_is_kept(report, moderators):
    comment = make_comment(make_article())
    response = report(comment, honeypot="https://spam.example")
    assert "Thank you for your report" in response.content.decode()
    assert not CommentReport.objects.exists()


@override_settings(COMMENTS_REPORT_RATE_PER_IP="2/h")
def test_many_reports_from_one_address_are_refused_with_the_note_kept(report, policy):
    comments = [make_comment(make_article()) for _ in range(3)]
    report(comments[0])
    report(comments[1])
    refused = report(comments[2], note="One more.")
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    assert "One more." in refused.content.decode()
    assert CommentReport.objects.count() == 2
    # Someone else can still report.
    assert report(comments[2], ip="198.51.100.4").status_code == 200


@override_settings(COMMENTS_REPORTS_TO_HOLD=3)
def test_three_open_reports_take_a_comment_off_the_page_until_a_moderator_looks(
    report, policy, client, staff_client
):
    article = make_article()
    comment = make_comment(article)
    for number in range(3):
        report(comment, ip=f"198.51.100.{number + 1}")
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PENDING
    assert comment.hold_reasons == "reported by visitors"
    assert (
        comment.comment not in client.get(article.get_absolute_url()).content.decode()
    )
    # The queue shows the reported comment with its reports.
    queue = staff_client.get(CHANGELIST + "?reported=open").content.decode()
    assert comment.comment in queue
    change = staff_client.get(
        reverse("admin:comments_comment_change", args=[comment.pk])
    ).content.decode()
    assert change.count("It is unkind, harmful or harassing") >= 3
    # Approving it answers the reports: the queue filter no longer lists it.
    staff_client.post(
        CHANGELIST,
        {"action": "approve", "_selected_action": [comment.pk], "reported": "open"},
    )
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PUBLISHED
    assert not CommentReport.objects.filter(resolved=False).exists()
    queue = staff_client.get(CHANGELIST + "?reported=open").content.decode()
    assert comment.comment not in queue


def test_only_published_comments_can_be_reported(client, policy):
    article = make_article()
    for status in (CommentStatus.PENDING, CommentStatus.SPAM, CommentStatus.REMOVED):
        comment = make_comment(article, status=status)
        assert (
            client.get(reverse("comments:report", args=[comment.pk])).status_code == 404
        )


def my_comments_cookie(response):
    return response.cookies["my_comments"]


def test_posting_remembers_the_comment_in_a_cookie_only_comment_pages_receive(
    post, open_policy
):
    response = post(make_article())
    cookie = my_comments_cookie(response)
    # Sent back only under /comments/, so article pages stay cacheable.
    assert cookie["path"] == "/comments/"
    assert cookie["httponly"] and cookie["samesite"] == "Strict"
    assert int(cookie["max-age"]) == 30 * 24 * 60 * 60


def test_a_commenter_removes_their_own_comment_from_the_same_browser(
    post, open_policy, client
):
    article = make_article()
    visitor = Client()
    post(article, as_client=visitor, comment="I said too much.")
    mine = visitor.get(reverse("comments:mine")).content.decode()
    assert "I said too much." in mine
    assert "Remove this comment" in mine
    comment = Comment.objects.get()
    removed = visitor.post(reverse("comments:mine"), {"comment": comment.pk})
    assert removed.status_code == 200
    comment.refresh_from_db()
    assert comment.status == CommentStatus.WITHDRAWN
    assert comment.comment == ""
    page = client.get(article.get_absolute_url()).content.decode()
    assert "I said too much." not in page
    assert (
        "I said too much." not in visitor.get(reverse("comments:mine")).content.decode()
    )


def test_another_browser_cannot_remove_a_comment_it_did_not_post(post, open_policy):
    article = make_article()
    post(article, as_client=Client(), comment="Mine, not yours.")
    comment = Comment.objects.get()
    stranger = Client()
    post(article, as_client=stranger, email="other@example.org", comment="Hello.")
    response = stranger.post(reverse("comments:mine"), {"comment": comment.pk})
    assert response.status_code == 404
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PUBLISHED
    # A forged cookie is not trusted either.
    stranger.cookies["my_comments"] = str(comment.pk)
    assert (
        stranger.post(reverse("comments:mine"), {"comment": comment.pk}).status_code
        == 404
    )


def test_the_thank_you_page_links_to_removing_the_comment(post, open_policy):
    visitor = Client()
    response = post(make_article(), as_client=visitor)
    page = visitor.get(response["Location"]).content.decode()
    link = re.search(r'href="(/comments/delete/[^"]+)"', page).group(1)
    assert "Remove my comment" in visitor.get(link).content.decode()
    visitor.post(link)
    assert Comment.objects.get().status == CommentStatus.WITHDRAWN


def test_the_teams_replies_carry_a_badge_a_typed_name_cannot_earn(client, policy):
    article = make_article()
    make_comment(article, user=make_user(is_staff=True), user_name="Recovery Dialogues")
    make_comment(article, user_name="Recovery Dialogues team")
    html = client.get(article.get_absolute_url()).content.decode()
    assert html.count('class="comment__badge"') == 1


def test_different_names_with_the_same_initial_get_different_avatars(client, policy):
    article = make_article()
    for name in ("Sam", "Sara", "Sol", "Sam"):
        make_comment(article, user_name=name)
    html = client.get(article.get_absolute_url()).content.decode()
    colours = re.findall(r"avatar--(\d+)", html)
    assert len(colours) == 4
    assert len(set(colours)) == 3
