"""
Emails about comments. Each is stored in the outbox inside the caller's
transaction and sent after it commits; failures stay in the outbox and are
retried by ``manage.py send_queued_emails``.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from comments import links
from comments.models import (
    Comment,
    CommentStatus,
    EmailAddress,
    ModerationPolicy,
    OutgoingEmail,
)
from recoverysite.models import SiteSettings

logger = logging.getLogger(__name__)

QUEUE_QUERY = "?status__exact=pending"


def queue(to, template, context, headers=None):
    """Store one email for one recipient; the subject is the template's first line."""
    site = SiteSettings.load()
    context = {"site_name": site.name, "site_url": settings.SITE_URL, **context}
    subject, _, body = render_to_string(template, context).strip().partition("\n")
    email = OutgoingEmail.objects.create(
        to=to,
        subject=" ".join(subject.split())[:255],
        body=body.strip() + "\n",
        headers=headers or {},
    )
    transaction.on_commit(send_due)
    return email


def send_due():
    """Send what the outbox holds; return how many went out."""
    sent = 0
    due = list(OutgoingEmail.objects.due(settings.COMMENTS_EMAIL_MAX_ATTEMPTS)[:100])
    if not due:
        return sent
    try:
        connection = get_connection(fail_silently=False)
        connection.open()
    except Exception as error:
        logger.warning("Mail server unavailable, %d emails wait: %s", len(due), error)
        OutgoingEmail.objects.filter(pk__in=[e.pk for e in due]).update(
            attempts=F("attempts") + 1, last_error=str(error)[:1000]
        )
        return sent
    try:
        for email in due:
            # Claim the row first, so two processes never send the same email.
            claimed = OutgoingEmail.objects.filter(
                pk=email.pk, sent_at=None, attempts=email.attempts
            ).update(attempts=F("attempts") + 1)
            if not claimed:
                continue
            message = EmailMessage(
                email.subject,
                email.body,
                settings.DEFAULT_FROM_EMAIL,
                [email.to],
                headers=email.headers,
                connection=connection,
            )
            try:
                message.send()
            except Exception as error:
                logger.warning("Could not send email %s: %s", email.pk, error)
                OutgoingEmail.objects.filter(pk=email.pk).update(
                    last_error=str(error)[:1000]
                )
            else:
                OutgoingEmail.objects.filter(pk=email.pk).update(
                    sent_at=timezone.now(), last_error=""
                )
                sent += 1
    finally:
        try:
            connection.close()
        except Exception:
            logger.warning("Closing the mail connection failed", exc_info=True)
    return sent


def unsubscribe(comment):
    """The unsubscribe link for an email's body, and the same in its headers."""
    url = links.link(comment, "unsubscribe", absolute=True)
    return url, {
        "List-Unsubscribe": f"<{url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def comment_received(comment):
    """What a new comment sets off: address confirmation and urgent care alerts."""
    if comment.followup and not EmailAddress.is_confirmed(comment.user_email):
        unsubscribe_url, headers = unsubscribe(comment)
        queue(
            comment.user_email,
            "comments/emails/confirm_address.txt",
            {
                "comment": comment,
                "confirm_url": links.link(comment, "confirm", absolute=True),
                "delete_url": links.link(comment, "delete", absolute=True),
                "unsubscribe_url": unsubscribe_url,
            },
            headers=headers,
        )
    if comment.status == CommentStatus.PENDING and comment.care_hold:
        notify_moderators([comment], urgent=True)
    if comment.status == CommentStatus.PUBLISHED:
        comment_published(comment, was_held=False)


def comment_published(comment, was_held):
    """Tell the commenter a held comment is out, and a parent's author of a reply."""
    if was_held and comment.user_email:
        unsubscribe_url, headers = unsubscribe(comment)
        queue(
            comment.user_email,
            "comments/emails/approved.txt",
            {
                "comment": comment,
                "comment_url": settings.SITE_URL + comment.get_absolute_url(),
                "delete_url": links.link(comment, "delete", absolute=True),
                "unsubscribe_url": unsubscribe_url,
            },
            headers=headers,
        )
    if not comment.is_reply():
        return
    parent = Comment.objects.filter(pk=comment.parent_id).first()
    if (
        parent is None
        or not parent.followup
        or parent.status != CommentStatus.PUBLISHED
        or not parent.user_email
        or parent.user_email.lower() == comment.user_email.lower()
        or not EmailAddress.is_confirmed(parent.user_email)
    ):
        return
    unsubscribe_url, headers = unsubscribe(parent)
    queue(
        parent.user_email,
        "comments/emails/reply.txt",
        {
            "parent": parent,
            "reply": comment,
            "reply_url": settings.SITE_URL + comment.get_absolute_url(),
            "unsubscribe_url": unsubscribe_url,
        },
        headers=headers,
    )


def notify_moderators(comments, urgent=False):
    policy = ModerationPolicy.load()
    for address in policy.moderator_addresses():
        queue(
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


def send_moderator_digest():
    """
    One email about the comments held since the last one, at most every few
    minutes: the first held comment goes out at once, a burst waits a little.
    """
    waiting = list(
        Comment.objects.filter(
            status=CommentStatus.PENDING, moderators_notified=False
        ).order_by("-care_hold", "submit_date")
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
    if last_notified and now - last_notified < batch and now - oldest_waiting < batch:
        return 0
    with transaction.atomic():
        notify_moderators(waiting)
    return len(waiting)
