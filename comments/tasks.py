"""
What a comment sets off, done by the worker: the emails about it and the
moderators' digest, and the daily erasure of old IP addresses. Each task takes
a comment's id and finds it again; a comment deleted meanwhile ends the task
quietly, with a log line.
"""

import datetime
import logging

from django.conf import settings
from django_tasks import task

from comments import emails
from comments.models import Comment, CommentReport
from comments.privacy import purge_ip_addresses
from operations.background import every

logger = logging.getLogger(__name__)


def find(comment_id):
    comment = Comment.objects.filter(pk=comment_id).first()
    if comment is None:
        logger.info("Comment %s was deleted before its emails were sent", comment_id)
    return comment


@task
def comment_received(comment_id):
    """Address confirmation, urgent care alerts, and the emails of a publication."""
    if comment := find(comment_id):
        emails.comment_received(comment)


@task
def comment_published(comment_id, was_held):
    """The commenter hears a held comment is out; a parent's author, of a reply."""
    if comment := find(comment_id):
        emails.comment_published(comment, was_held=was_held)


@task
def comment_reported(report_id):
    """Moderators hear of a visitor's report at once; worry for someone is urgent."""
    report = CommentReport.objects.select_related("comment").filter(pk=report_id)
    if report := report.first():
        emails.report_received(report)
    else:
        logger.info("Report %s was deleted before moderators heard of it", report_id)


@task
def send_moderator_digest():
    """The digest of held comments, now or, after a recent one, when it is due."""
    result = emails.send_moderator_digest()
    if isinstance(result, datetime.datetime):
        send_moderator_digest.using(run_after=result).enqueue()
        return f"due at {result.isoformat()}"
    return f"{result} held comment(s) reported"


@every(datetime.timedelta(days=1))
def erase_old_ip_addresses():
    """Commenters' IP addresses are kept COMMENTS_IP_RETENTION_DAYS, then erased."""
    return purge_ip_addresses(settings.COMMENTS_IP_RETENTION_DAYS)
