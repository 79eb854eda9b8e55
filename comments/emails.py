"""
Emails about comments, written by the worker (comments/tasks.py) and sent through
the site's queued email backend: nothing here runs inside a visitor's request.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from comments import links
from comments.models import (
    Comment,
    CommentStatus,
    EmailAddress,
    ModerationPolicy,
)
from mail.messages import site_email

logger = logging.getLogger(__name__)

QUEUE_QUERY = "?status__exact=pending"


def send(to, template, context, headers=None, language=None):
    site_email(to, template, context, headers, language=language).send()


def unsubscribe(comment):
    """The unsubscribe link for an email's body, and the same in its headers."""
    url = links.link(comment, "unsubscribe", absolute=True)
    return url, {
        "List-Unsubscribe": f"<{url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def wants_email(comment):
    return bool(
        comment.followup
        and comment.user_email
        and EmailAddress.is_confirmed(comment.user_email)
    )


def comment_received(comment):
    """What a new comment sets off: address confirmation and urgent care alerts."""
    if comment.followup and not EmailAddress.is_confirmed(comment.user_email):
        unsubscribe_url, headers = unsubscribe(comment)
        send(
            comment.user_email,
            "comments/emails/confirm_address.txt",
            {
                "comment": comment,
                "confirm_url": links.link(comment, "confirm", absolute=True),
                "delete_url": links.link(comment, "delete", absolute=True),
                "unsubscribe_url": unsubscribe_url,
            },
            headers=headers,
            language=comment.language,
        )
    if comment.status == CommentStatus.PENDING and comment.care_hold:
        notify_moderators([comment], urgent=True)
    if comment.status == CommentStatus.PUBLISHED:
        comment_published(comment, was_held=False)


def comment_published(comment, was_held):
    """
    Tell the commenter a held comment is out, and a parent's author of a reply.
    Only people who ticked the box and confirmed the address get either: an
    unasked email about a comment on a page about drugs or suicide can harm
    someone whose inbox is shared or watched.
    """
    if was_held and wants_email(comment):
        unsubscribe_url, headers = unsubscribe(comment)
        send(
            comment.user_email,
            "comments/emails/approved.txt",
            {
                "comment": comment,
                "comment_url": links.permalink(comment),
                "delete_url": links.link(comment, "delete", absolute=True),
                "unsubscribe_url": unsubscribe_url,
            },
            headers=headers,
            language=comment.language,
        )
    if not comment.is_reply():
        return
    parent = Comment.objects.filter(pk=comment.parent_id).first()
    if (
        parent is None
        or parent.status != CommentStatus.PUBLISHED
        or not wants_email(parent)
        or parent.user_email.lower() == comment.user_email.lower()
    ):
        return
    unsubscribe_url, headers = unsubscribe(parent)
    send(
        parent.user_email,
        "comments/emails/reply.txt",
        {
            "parent": parent,
            "reply": comment,
            "reply_url": links.permalink(comment),
            "unsubscribe_url": unsubscribe_url,
        },
        headers=headers,
        language=parent.language,
    )


def notify_moderators(comments, urgent=False):
    policy = ModerationPolicy.load()
    for address in policy.moderator_addresses():
        send(
            address,
            "comments/emails/moderators.txt",
            {
                "comments": comments,
                "urgent": urgent,
                "queue_url": settings.SITE_URL
                + reverse("admin:comments_comment_changelist")
                + QUEUE_QUERY,
            },
        )
    Comment.objects.filter(pk__in=[c.pk for c in comments]).update(
        moderators_notified=True
    )


def report_received(report):
    comment = report.comment
    for address in ModerationPolicy.load().moderator_addresses():
        send(
            address,
            "comments/emails/reported.txt",
            {
                "report": report,
                "comment": comment,
                "comment_url": settings.SITE_URL
                + reverse("admin:comments_comment_change", args=[comment.pk]),
            },
        )


def send_moderator_digest():
    """
    One email about the comments held since the last one, at most every few
    minutes: the first held comment goes out at once, a burst waits a little.
    Returns how many comments it reported, or the moment it is due when a
    digest went out too recently.
    """
    with transaction.atomic():
        # Rows locked (PostgreSQL) or the database written to first (SQLite's
        # immediate transactions): two workers never report the same comment.
        waiting = list(
            # Only the comments' own rows: PostgreSQL cannot lock the optional
            # side of the manager's outer joins.
            Comment.objects.select_related(None)
            .select_for_update()
            .filter(status=CommentStatus.PENDING, moderators_notified=False)
            .order_by("-care_hold", "submit_date")
        )
        if not waiting:
            return 0
        batch = timedelta(minutes=settings.COMMENTS_MODERATOR_BATCH_MINUTES)
        last_notified = (
            Comment.objects.filter(moderators_notified=True)
            .order_by("-submit_date")
            .values_list("submit_date", flat=True)
            .first()
        )
        now = timezone.now()
        oldest_waiting = min(comment.submit_date for comment in waiting)
        if (
            last_notified
            and now - last_notified < batch
            and now - oldest_waiting < batch
        ):
            return min(last_notified, oldest_waiting) + batch
        notify_moderators(waiting)
    return len(waiting)
