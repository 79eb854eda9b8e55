"""The rules every new comment goes through, as configured by moderators."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from comments import links
from comments.models import Comment, CommentStatus
from mail.models import OutgoingEmail
from tests.comments.conftest import CRISIS_NOTICE, make_comment
from tests.comments.doubles import RecordingClient
from tests.factories import make_article, make_page

AKISMET_DISCLOSURE = "This site uses Akismet to reduce spam"


def posted(response):
    assert response.status_code == 302, response.content.decode()[:2000]
    return Comment.objects.latest("submit_date")


def received_comment(response):
    token = response["Location"].rstrip("/").rsplit("/", 1)[-1]
    return links.comment_from_token(token, "received")


def received_page(response):
    return Client().get(response["Location"]).content.decode()


# First-time and returning commenters


def test_first_comment_of_an_address_waits_for_a_moderator(post, policy):
    response = post(make_article())
    comment = posted(response)
    assert comment.status == CommentStatus.PENDING
    assert comment.hold_reasons == "first comment"
    html = received_page(response)
    assert "awaiting moderation" in html
    assert "A person reads every comment; this can take up to a day." in html


def test_returning_commenter_with_an_approved_comment_is_published_at_once(
    post, policy
):
    article = make_article()
    make_comment(article, user_email="alex@example.org")
    response = post(article, email="Alex@Example.org", comment="Back again.")
    comment = posted(response)
    assert comment.status == CommentStatus.PUBLISHED
    assert "Your comment is published." in received_page(response)


@pytest.mark.parametrize(
    "status", [CommentStatus.PENDING, CommentStatus.SPAM, CommentStatus.REMOVED]
)
def test_commenter_without_an_approved_comment_is_still_held(post, policy, status):
    article = make_article()
    make_comment(article, user_email="alex@example.org", status=status)
    comment = posted(post(article, comment="Trying again."))
    assert comment.status == CommentStatus.PENDING


def test_first_comments_are_published_when_the_rule_is_off(post, open_policy):
    assert posted(post(make_article())).status == CommentStatus.PUBLISHED


def test_staff_members_comments_are_published(post, policy, staff_client):
    comment = posted(post(make_article(), as_client=staff_client))
    assert comment.status == CommentStatus.PUBLISHED
    assert comment.user.username == "editor"


# Links


def test_comment_with_two_links_is_held(post, open_policy):
    text = "See https://one.example/a and http://two.example/b for more."
    comment = posted(post(make_article(), comment=text))
    assert comment.status == CommentStatus.PENDING
    assert comment.hold_reasons == "2 links"


def test_comment_with_one_link_is_published(post, open_policy):
    text = "The NHS page helped me: https://www.nhs.uk/mental-health/"
    comment = posted(post(make_article(), comment=text))
    assert comment.status == CommentStatus.PUBLISHED


def test_bare_web_addresses_count_as_links(post, open_policy):
    text = "Visit www.one.example and two.example.com today."
    assert posted(post(make_article(), comment=text)).status == CommentStatus.PENDING


def test_the_link_limit_is_configurable_and_zero_turns_it_off(post, open_policy):
    open_policy.max_links = 0
    open_policy.save()
    text = "https://a.example https://b.example https://c.example"
    assert posted(post(make_article(), comment=text)).status == "published"
    open_policy.max_links = 1
    open_policy.save()
    one = posted(post(make_article(), comment="https://a.example"))
    assert one.status == CommentStatus.PENDING


# Keyword lists, matched in every field


FIELDS = {
    "name": ({"name": "Pills Seller"}, "pills"),
    "email": ({"email": "pills@example.org"}, "pills"),
    "url": ({"url": "https://pills.example"}, "pills"),
    "text": ({"comment": "Cheap PILLS here"}, "pills"),
    "ip": ({"ip": "192.0.2.55"}, "192.0.2."),
}


@pytest.mark.parametrize("field", FIELDS)
def test_moderation_keyword_in_any_field_holds_the_comment(post, open_policy, field):
    fields, keyword = FIELDS[field]
    open_policy.moderation_keys = f"something else\n  {keyword.upper()}  \n"
    open_policy.save()
    comment = posted(post(make_article(), **fields))
    assert comment.status == CommentStatus.PENDING
    assert comment.hold_reasons == f"keyword: {keyword}"


@pytest.mark.parametrize("field", FIELDS)
def test_disallowed_keyword_in_any_field_marks_the_comment_as_spam(
    post, open_policy, moderators, mailoutbox, field
):
    fields, keyword = FIELDS[field]
    open_policy.disallowed_keys = keyword
    open_policy.save()
    response = post(make_article(), followup="on", **fields)
    comment = posted(response)
    assert comment.status == CommentStatus.SPAM
    assert comment.hold_reasons == f"disallowed: {keyword}"
    assert "awaiting moderation" in received_page(response)
    assert mailoutbox == []


def test_comments_without_keywords_are_untouched_by_the_lists(post, open_policy):
    open_policy.moderation_keys = "pills"
    open_policy.disallowed_keys = "casino"
    open_policy.save()
    assert posted(post(make_article())).status == CommentStatus.PUBLISHED


# Closing


def closed_page_checks(client, post, article):
    comment = make_comment(article)
    html = client.get(article.get_absolute_url()).content.decode()
    assert "Comments are closed." in html
    assert 'action="/comments/post/"' not in html
    assert "comment__reply" not in html
    reply_page = client.get(f"/comments/reply/{comment.pk}/").content.decode()
    assert 'action="/comments/post/"' not in reply_page
    response = post(article, comment="Words for a closed page.")
    assert response.status_code == 403
    assert "Comments are closed on this page." in response.content.decode()
    assert "Words for a closed page." in response.content.decode()
    assert Comment.objects.for_object(article).count() == 1


def test_comments_close_the_configured_number_of_days_after_publication(
    client, post, open_policy
):
    open_policy.close_after_days = 7
    open_policy.save()
    closed_page_checks(
        client,
        post,
        make_article(published_at=timezone.now() - datetime.timedelta(days=8)),
    )
    recent = make_article(published_at=timezone.now() - datetime.timedelta(days=6))
    assert posted(post(recent)).status == CommentStatus.PUBLISHED


def test_an_articles_own_closing_date_wins_over_the_site_rule(
    client, post, open_policy
):
    open_policy.close_after_days = 7
    open_policy.save()
    old_but_open = make_article(
        published_at=timezone.now() - datetime.timedelta(days=30),
        comments_close_at=timezone.now() + datetime.timedelta(days=1),
    )
    assert posted(post(old_but_open)).status == CommentStatus.PUBLISHED
    open_policy.close_after_days = 0
    open_policy.save()
    closed_page_checks(
        client,
        post,
        make_article(comments_close_at=timezone.now() - datetime.timedelta(hours=1)),
    )


def test_comments_switched_off_on_an_article_are_closed(client, post, open_policy):
    closed_page_checks(client, post, make_article(comments_open=False))


def test_comments_on_a_draft_are_refused(post, open_policy):
    assert post(make_article(status="draft")).status_code == 404
    assert not Comment.objects.exists()


def test_comments_on_a_model_that_takes_none_are_refused(client, open_policy):
    page = make_page()
    data = {"content_type": "pages.page", "object_pk": str(page.pk)}
    assert client.post("/comments/post/", data).status_code == 400


# Minimum time to write


def test_a_comment_sent_faster_than_a_person_writes_is_held(post, open_policy):
    open_policy.min_seconds_to_write = 5
    open_policy.save()
    comment = posted(post(make_article(), seconds_ago=1))
    assert comment.status == CommentStatus.PENDING
    assert comment.hold_reasons.startswith("written in ")
    other = posted(post(make_article(), seconds_ago=30, comment="Slowly."))
    assert other.status == CommentStatus.PUBLISHED


# Duplicates


def test_a_double_submit_lands_on_the_first_comment(post, policy, mailoutbox):
    article = make_article()
    first = post(article, followup="on", seconds_ago=30)
    second = post(article, followup="on", seconds_ago=30)
    assert second.status_code == 302
    assert Comment.objects.count() == 1
    assert received_comment(first) == received_comment(second) == Comment.objects.get()
    assert len(mailoutbox) == 1


def test_the_same_words_from_another_person_are_not_a_duplicate(post, policy):
    article = make_article()
    post(article, email="one@example.org")
    post(article, email="two@example.org")
    assert Comment.objects.count() == 2


# Rate limits


def test_too_many_comments_from_one_ip_get_a_429_that_keeps_the_text(
    post, open_policy, settings
):
    settings.COMMENTS_RATE_PER_IP = "2/d"
    article = make_article()
    for number in range(2):
        posted(
            post(article, email=f"p{number}@example.org", comment=f"Number {number}")
        )
    response = post(article, email="p3@example.org", comment="My third, kept.")
    assert response.status_code == 429
    # A day's window: the browser (or a script) is told when to come back.
    assert 0 < int(response["Retry-After"]) <= 24 * 60 * 60
    html = response.content.decode()
    assert "My third, kept." in html
    assert "Please wait a few minutes" in html
    assert Comment.objects.count() == 2
    other_ip = post(article, ip="198.51.100.99", email="p4@example.org")
    assert other_ip.status_code == 302


def test_too_many_comments_from_one_email_get_a_429_whatever_the_ip(
    post, open_policy, settings
):
    settings.COMMENTS_RATE_PER_EMAIL = "2/d"
    article = make_article()
    for number in range(2):
        posted(post(article, ip=f"198.51.100.{number}", comment=f"Number {number}"))
    response = post(
        article, ip="198.51.100.50", email="ALEX@example.org", comment="Kept too."
    )
    assert response.status_code == 429
    assert "Kept too." in response.content.decode()
    assert Comment.objects.count() == 2


# Akismet


@pytest.fixture
def akismet(settings):
    settings.AKISMET_API_KEY = "test-key"

    def use(client_class):
        settings.AKISMET_CLIENT_CLASS = f"tests.comments.doubles.{client_class}"

    return use


def test_akismet_spam_verdict_marks_the_comment_as_spam(
    post, open_policy, akismet, moderators, mailoutbox
):
    akismet("SpamClient")
    comment = posted(post(make_article()))
    assert comment.status == CommentStatus.SPAM
    assert comment.hold_reasons == "Akismet: spam"
    assert mailoutbox == []


def test_akismet_ham_verdict_leaves_the_other_rules_to_decide(post, policy, akismet):
    akismet("HamClient")
    article = make_article()
    assert posted(post(article)).status == CommentStatus.PENDING
    make_comment(article, user_email="back@example.org")
    returning = posted(post(article, email="back@example.org"))
    assert returning.status == CommentStatus.PUBLISHED


def test_akismet_failure_holds_the_comment_for_a_moderator(
    post, open_policy, akismet, caplog
):
    akismet("BrokenClient")
    comment = posted(post(make_article()))
    assert "Akismet check failed" in caplog.text
    assert comment.status == CommentStatus.PENDING
    assert comment.hold_reasons == "spam check unavailable"


def test_without_an_akismet_key_no_client_is_built_and_nothing_is_disclosed(
    client, post, policy, settings, staff_client
):
    settings.AKISMET_API_KEY = ""
    settings.AKISMET_CLIENT_CLASS = "tests.comments.doubles.ForbiddenClient"
    article = make_article()
    assert (
        AKISMET_DISCLOSURE
        not in client.get(article.get_absolute_url()).content.decode()
    )
    comment = posted(post(article))
    for action in ("approve", "mark_spam"):
        staff_client.post(
            reverse("admin:comments_comment_changelist"),
            {"action": action, "_selected_action": [comment.pk]},
        )
    comment.refresh_from_db()
    assert comment.status == CommentStatus.SPAM


def test_with_an_akismet_key_the_form_discloses_it(client, policy, akismet):
    akismet("HamClient")
    article = make_article()
    assert AKISMET_DISCLOSURE in client.get(article.get_absolute_url()).content.decode()


def test_moderators_decisions_are_reported_to_akismet(policy, akismet, staff_client):
    akismet("RecordingClient")
    RecordingClient.reports.clear()
    article = make_article()
    spam = make_comment(article, status=CommentStatus.SPAM, comment="Real person")
    ham = make_comment(article, status=CommentStatus.PENDING, comment="Buy pills")
    changelist = reverse("admin:comments_comment_changelist")
    staff_client.post(changelist, {"action": "approve", "_selected_action": [spam.pk]})
    staff_client.post(changelist, {"action": "mark_spam", "_selected_action": [ham.pk]})
    assert RecordingClient.reports == [("ham", "Real person"), ("spam", "Buy pills")]


# Care hold


def test_a_comment_with_a_crisis_phrase_is_held_and_moderators_hear_at_once(
    post, open_policy, moderators, mailoutbox, crisis_notice
):
    response = post(make_article(), comment="Some days I just want to END IT ALL.")
    comment = posted(response)
    assert comment.status == CommentStatus.PENDING
    assert comment.care_hold is True
    assert comment.hold_reasons == "crisis phrase: end it all"
    assert sorted(message.to[0] for message in mailoutbox) == sorted(moderators)
    for message in mailoutbox:
        assert message.subject.startswith("URGENT")
        assert "END IT ALL" in message.body
        assert "alex@example.org" not in message.body


def test_the_commenter_in_crisis_sees_the_crisis_notice_prominently(
    post, open_policy, crisis_notice
):
    response = post(make_article(), comment="There is no reason to live any more.")
    html = received_page(response)
    assert "crisis-notice--prominent" in html
    assert html.index(CRISIS_NOTICE) < html.index("Thank you for your comment</h1>")
    assert "awaiting moderation" in html


def test_an_ordinary_received_page_has_no_prominent_crisis_notice(
    post, policy, crisis_notice
):
    html = received_page(post(make_article()))
    assert "crisis-notice--prominent" not in html
    assert CRISIS_NOTICE in html  # the footer's notice, as on every page


def test_the_urgent_email_is_not_batched_behind_an_earlier_held_comment(
    post, policy, moderators, mailoutbox
):
    article = make_article()
    post(article, comment="An ordinary first comment.")
    assert len(mailoutbox) == 2
    post(article, comment="I want to die.", email="sad@example.org")
    assert len(mailoutbox) == 4
    assert all(message.subject.startswith("URGENT") for message in mailoutbox[2:])


@pytest.mark.parametrize(
    "rule",
    ["disallowed", "akismet", "too fast", "links"],
)
def test_a_care_hold_is_never_rejected_as_spam(
    post, open_policy, akismet, moderators, mailoutbox, rule
):
    if rule == "disallowed":
        open_policy.disallowed_keys = "alex"
    elif rule == "too fast":
        open_policy.min_seconds_to_write = 30
    open_policy.save()
    akismet("SpamClient" if rule == "akismet" else "HamClient")
    text = "I keep thinking I should kill myself. https://a.example https://b.example"
    comment = posted(post(make_article(), comment=text, seconds_ago=2))
    assert comment.status == CommentStatus.PENDING
    assert comment.care_hold is True
    assert len(mailoutbox) == 2


def test_crisis_phrases_are_editable(post, open_policy):
    open_policy.crisis_phrases = "cannot go on"
    open_policy.save()
    held = posted(post(make_article(), comment="I cannot go on like this."))
    assert held.care_hold is True
    other = posted(post(make_article(), comment="Suicide prevention week."))
    assert other.care_hold is False
    assert other.status == CommentStatus.PUBLISHED


def test_a_care_hold_by_a_staff_member_is_held_too(post, policy, staff_client):
    comment = posted(
        post(make_article(), as_client=staff_client, comment="want to die")
    )
    assert comment.status == CommentStatus.PENDING
    assert comment.care_hold is True


def test_held_and_spam_comments_are_never_shown_on_the_page(client, post, policy):
    article = make_article()
    post(article, comment="Held words.")
    post(article, comment="Spam words.", honeypot="x", email="bot@example.org")
    html = client.get(article.get_absolute_url()).content.decode()
    assert "Held words." not in html
    assert "Spam words." not in html
    assert "No comments yet" in html
    assert not OutgoingEmail.objects.exists()


def test_addresses_in_one_ipv6_64_count_as_one_visitor(post, open_policy, settings):
    settings.COMMENTS_RATE_PER_IP = "2/d"
    article = make_article()
    for number in range(2):
        posted(
            post(
                article,
                ip=f"2001:db8:1:2::{number + 1}",
                email=f"v6-{number}@example.org",
                comment=f"From the same network, number {number}",
            )
        )
    same_network = post(
        article, ip="2001:db8:1:2:ffff::9", email="v6-3@example.org", comment="Third"
    )
    assert same_network.status_code == 429
    other_network = post(
        article, ip="2001:db8:1:3::1", email="v6-4@example.org", comment="Fourth"
    )
    assert other_network.status_code == 302
