"""The moderation rules a new comment goes through, in order of precedence."""

import logging
from dataclasses import dataclass, field
from datetime import timedelta

import akismet
from django.conf import settings
from django.utils import timezone
from django.utils.html import urlize
from django.utils.module_loading import import_string

from comments.models import Comment, CommentStatus

logger = logging.getLogger(__name__)


@dataclass
class Verdict:
    status: str = CommentStatus.PUBLISHED
    reasons: list = field(default_factory=list)
    care: bool = False

    def hold(self, reason):
        if self.status == CommentStatus.PUBLISHED:
            self.status = CommentStatus.PENDING
        self.reasons.append(reason)


def comments_are_open(obj, policy):
    if not getattr(obj, "comments_open", False):
        return False
    close_at = getattr(obj, "comments_close_at", None)
    if close_at is None and policy.close_after_days:
        close_at = obj.published_at + timedelta(days=policy.close_after_days)
    return close_at is None or timezone.now() < close_at


def count_links(text):
    """The links a comment shows: the addresses ``urlize`` makes clickable."""
    return urlize(text).count("<a ")


def first_match(phrases, *texts):
    haystack = "\n".join(text.lower() for text in texts if text)
    return next((phrase for phrase in phrases if phrase in haystack), None)


def moderate(
    comment,
    policy,
    *,
    seconds_to_write,
    writing_time_measured=True,
    user=None,
    rate_limit_counted=True,
):
    """
    Decide whether a new comment is published, held or spam, and why.
    ``seconds_to_write`` is how long the writing surely took, which is all that
    is known when ``writing_time_measured`` is False (a page maybe from a cache,
    without the script that says when the writing started).
    ``rate_limit_counted`` is False when the rate limits' cache was unreachable.
    """
    verdict = Verdict()
    fields = (
        comment.user_name,
        comment.user_email,
        comment.user_url,
        comment.comment,
        comment.ip_address or "",
    )
    # A person in crisis is held for a human, never turned away as spam.
    if match := first_match(policy.lines(policy.crisis_phrases), comment.comment):
        verdict.care = True
        verdict.hold(f"crisis phrase: {match}")
    if match := first_match(policy.lines(policy.disallowed_keys), *fields):
        if not verdict.care:
            verdict.status = CommentStatus.SPAM
        verdict.reasons.append(f"disallowed: {match}")
        return verdict
    if user is not None and user.is_staff:
        return verdict
    if not rate_limit_counted:
        # A flood would go unnoticed: a moderator sees each comment meanwhile,
        # and nobody is turned away for the site's own fault.
        logger.warning(
            "The rate limits' cache is unreachable: holding a comment from %s "
            "for a moderator",
            comment.ip_address,
        )
        verdict.hold("rate limits unavailable")
    if match := first_match(policy.lines(policy.moderation_keys), *fields):
        verdict.hold(f"keyword: {match}")
    links = count_links(comment.comment)
    if policy.max_links and links >= policy.max_links:
        verdict.hold(f"{links} links")
    if seconds_to_write < policy.min_seconds_to_write:
        verdict.hold(
            f"written in {seconds_to_write:.0f} s"
            if writing_time_measured
            else "sent soon after a page that may have come from the cache"
        )
    if policy.hold_first_comments and not is_returning_commenter(comment.user_email):
        verdict.hold("first comment")
    if settings.AKISMET_API_KEY:
        check_with_akismet(comment, verdict)
    return verdict


def is_returning_commenter(email):
    return Comment.objects.published().filter(user_email__iexact=email).exists()


def akismet_client():
    config = akismet.Config(key=settings.AKISMET_API_KEY, url=settings.SITE_URL)
    return import_string(settings.AKISMET_CLIENT_CLASS)(config=config)


def check_with_akismet(comment, verdict):
    try:
        is_spam = akismet_client().comment_check(
            user_ip=comment.ip_address or "127.0.0.1",
            comment_type="comment",
            comment_author=comment.user_name,
            comment_author_email=comment.user_email,
            comment_author_url=comment.user_url,
            comment_content=comment.comment,
        )
    except Exception as error:  # any failure of the service means a human decides
        logger.warning("Akismet check failed, holding the comment: %s", error)
        verdict.hold("spam check unavailable")
        return
    if is_spam and not verdict.care:
        verdict.status = CommentStatus.SPAM
        verdict.reasons.append("Akismet: spam")


def send_akismet_feedback(comments, is_spam):
    """Tell Akismet about a moderator's decision; quietly skipped without a key."""
    if not settings.AKISMET_API_KEY:
        return
    client = akismet_client()
    submit = client.submit_spam if is_spam else client.submit_ham
    for comment in comments:
        try:
            submit(
                user_ip=comment.ip_address or "127.0.0.1",
                comment_type="comment",
                comment_author=comment.user_name,
                comment_author_email=comment.user_email,
                comment_content=comment.comment,
            )
        except Exception as error:
            logger.warning("Akismet feedback failed: %s", error)
            return
