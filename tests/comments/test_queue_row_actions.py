"""Moderating one comment from the queue: each button is a plain POST of the list's
own form and brings the moderator back to the same filters and page."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from comments.models import Comment, CommentStatus
from tests.comments.conftest import make_comment
from tests.conftest import run_worker
from tests.factories import make_article, make_user

CHANGELIST = reverse("admin:comments_comment_changelist")
PLACE = "status__exact=pending&p=1"


def moderate(client, comment, name, **data):
    return client.post(
        reverse("admin:comments_comment_moderate", args=[comment.pk, name]),
        {"place": PLACE, **data},
    )


@pytest.mark.parametrize(
    ("name", "status", "message"),
    [
        ("approve", CommentStatus.PUBLISHED, "1 comment(s) published."),
        ("remove", CommentStatus.REMOVED, "1 comment(s) removed."),
        ("mark_spam", CommentStatus.SPAM, "1 comment(s) marked as spam."),
    ],
)
def test_a_row_button_moderates_that_comment_and_keeps_the_place(
    staff_client, policy, django_capture_on_commit_callbacks, name, status, message
):
    article = make_article()
    comment = make_comment(article, status="pending")
    other = make_comment(article, status="pending")
    with django_capture_on_commit_callbacks(execute=True):
        response = moderate(staff_client, comment, name)
    run_worker()
    assert response.status_code == 302
    assert response["Location"] == f"{CHANGELIST}?{PLACE}"
    comment.refresh_from_db()
    other.refresh_from_db()
    assert (comment.status, other.status) == (status, CommentStatus.PENDING)
    assert message in staff_client.get(response["Location"]).content.decode()


def test_delete_from_the_row_deletes_only_that_comment(staff_client, policy):
    article = make_article()
    comment = make_comment(article, status="spam")
    other = make_comment(article, status="spam")
    response = moderate(staff_client, comment, "delete")
    assert response["Location"] == f"{CHANGELIST}?{PLACE}"
    assert list(Comment.objects.values_list("pk", flat=True)) == [other.pk]


def test_reply_from_the_row_is_published_as_the_site_by_the_moderator(
    staff_client, policy, django_capture_on_commit_callbacks
):
    parent = make_comment(make_article())
    with django_capture_on_commit_callbacks(execute=True):
        response = moderate(
            staff_client, parent, "reply", **{f"reply-{parent.pk}": "We hear you."}
        )
    assert response["Location"] == f"{CHANGELIST}?{PLACE}"
    reply = Comment.objects.get(comment="We hear you.")
    assert (reply.parent_id, reply.status) == (parent.pk, CommentStatus.PUBLISHED)
    assert reply.user.is_staff


def test_reply_to_a_waiting_comment_is_refused_with_a_message(staff_client, policy):
    parent = make_comment(make_article(), status="pending")
    response = moderate(
        staff_client, parent, "reply", **{f"reply-{parent.pk}": "Not yet."}
    )
    page = staff_client.get(response["Location"]).content.decode()
    assert "Approve the comment before replying to it." in page
    assert not Comment.objects.filter(comment="Not yet.").exists()


def test_an_unknown_row_action_is_the_sites_404(staff_client, policy):
    comment = make_comment(make_article())
    assert moderate(staff_client, comment, "explode").status_code == 404


def test_a_get_changes_nothing(staff_client, policy):
    comment = make_comment(make_article(), status="pending")
    url = reverse("admin:comments_comment_moderate", args=[comment.pk, "approve"])
    assert staff_client.get(url).status_code == 302
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PENDING


def test_the_queue_shows_the_whole_text_its_parent_and_the_buttons(
    staff_client, policy
):
    article = make_article()
    parent = make_comment(article, user_name="Asker", comment="Is there a recording?")
    long_text = "word " * 200
    reply = make_comment(article, parent=parent, status="pending", comment=long_text)
    html = staff_client.get(CHANGELIST + "?status__exact=pending").content.decode()
    assert long_text.strip() in html
    assert "In reply to Asker:" in html
    assert "Is there a recording?" in html
    for name in ["approve", "remove", "mark_spam", "delete", "reply"]:
        url = reverse("admin:comments_comment_moderate", args=[reply.pk, name])
        assert f'formaction="{url}"' in html
    assert '<input type="hidden" name="place" value="status__exact=pending">' in html


def test_a_long_parent_and_page_title_are_cut_with_an_ellipsis(staff_client, policy):
    article = make_article(title="A title that goes on and on " * 4)
    parent = make_comment(article, user_name="Asker", comment="Long question " * 40)
    make_comment(article, parent=parent, status="pending", comment="Short answer.")

    html = staff_client.get(CHANGELIST + "?status__exact=pending").content.decode()

    assert ("A title that goes on and on " * 4)[:59] + "…" in html
    assert ("Long question " * 40)[:299] + "…" in html


def test_the_queue_shows_the_comment_in_paragraphs_with_its_markup_escaped(
    staff_client, policy
):
    article = make_article()
    make_comment(
        article, status="pending", comment="First line\nsecond <b>line</b>\n\nMore."
    )
    html = staff_client.get(CHANGELIST + "?status__exact=pending").content.decode()
    assert (
        '<div class="moderation-text"><p>First line<br>second &lt;b&gt;line&lt;/b&gt;'
        "</p>\n\n<p>More.</p></div>"
    ) in html


def test_staff_who_may_only_view_cannot_use_the_row_buttons(client, policy):
    viewer = make_user(is_staff=True)
    viewer.user_permissions.add(
        Permission.objects.get(
            codename="view_comment", content_type__app_label="comments"
        )
    )
    client.force_login(viewer)
    comment = make_comment(make_article(), status="pending")
    assert moderate(client, comment, "approve").status_code == 403
    assert moderate(client, comment, "delete").status_code == 403
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PENDING


def test_the_queue_of_replies_costs_the_same_queries_for_3_or_33_rows(
    staff_client, policy, django_assert_num_queries
):
    article = make_article()
    parent = make_comment(article)
    for _ in range(3):
        make_comment(article, parent=parent, status="pending", care_hold=True)
    url = CHANGELIST + "?status__exact=pending"
    staff_client.get(url)
    with django_assert_num_queries(14) as few:
        staff_client.get(url)
    for _ in range(30):
        make_comment(article, parent=parent, status="pending")
    with django_assert_num_queries(len(few.captured_queries)):
        html = staff_client.get(url).content.decode()
    assert html.count("In reply to") == 33
    assert html.count("Care hold: this may be someone in distress") == 3
