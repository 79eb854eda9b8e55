"""What the site keeps about commenters, and how it forgets it."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from comments.models import Comment, CommentStatus, EmailAddress
from mail.models import OutgoingEmail
from pagecache.tags import invalidate, tags_for_change

# What other apps keep about an address, for the commenter_data command:
# name -> (export(email) -> list, erase(email) -> count). Apps add theirs in
# their AppConfig.ready(), so this app needs to know none of them.
PERSONAL_DATA = {}


def register_personal_data(name, export, erase):
    PERSONAL_DATA[name] = (export, erase)


def export_commenter(email):
    """Everything stored about one address, ready for JSON."""
    comments = Comment.objects.filter(user_email__iexact=email).order_by("submit_date")
    address = EmailAddress.objects.filter(email__iexact=email).first()
    return {
        "email": email,
        "email_confirmed_at": address.confirmed_at.isoformat()
        if address and address.confirmed_at
        else None,
        "comments": [
            {
                "id": comment.pk,
                "on": str(comment.content_object),
                "url": comment.content_object.get_absolute_url()
                if comment.content_object
                else None,
                "name": comment.user_name,
                "website": comment.user_url,
                "text": comment.comment,
                "submitted_at": comment.submit_date.isoformat(),
                "status": comment.status,
                "ip_address": comment.ip_address,
                "notify_of_replies": comment.followup,
                "language": comment.language,
            }
            for comment in comments
        ],
    }


@transaction.atomic
def erase_commenter(email, remove_text=False):
    """Anonymise every comment from ``email``; returns how many were changed."""
    if not email.strip():
        # "" would match every anonymised comment and the site's own replies.
        return 0
    comments = Comment.objects.filter(user_email__iexact=email)
    changes = {
        "user_name": "Anonymous",
        "user_email": "",
        "user_url": "",
        "ip_address": None,
        "followup": False,
        "user": None,
    }
    if remove_text:
        # update() skips Comment.save(), which keeps the library's flags in step.
        changes.update(
            comment="",
            status=CommentStatus.WITHDRAWN,
            is_public=False,
            is_removed=True,
        )
    targets = set(comments.values_list("content_type", "object_pk"))
    count = comments.update(**changes)
    for content_type_id, object_pk in targets:
        invalidate(
            *tags_for_change(
                Comment(content_type_id=content_type_id, object_pk=object_pk)
            )
        )
    EmailAddress.objects.filter(email__iexact=email).delete()
    OutgoingEmail.objects.waiting().to_address(email).delete()
    return count


def purge_ip_addresses(days):
    cutoff = timezone.now() - timedelta(days=days)
    return Comment.objects.filter(
        submit_date__lt=cutoff, ip_address__isnull=False
    ).update(ip_address=None)
