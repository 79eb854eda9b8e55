"""
The review's emails, written by the worker (editorial/tasks.py): to the editors
when an author submits a draft, to the author when an editor sends it back.

Subjects name neither the item nor the note: a title about self-harm or drugs
should not show on a locked phone or in a shared inbox.
"""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse

from mail.messages import site_email

logger = logging.getLogger(__name__)


def change_form_url(item):
    opts = item._meta
    return settings.SITE_URL + reverse(
        f"admin:{opts.app_label}_{opts.model_name}_change", args=[item.pk]
    )


def reviewer_addresses(item):
    """Every active staff account that may publish ``item``, but its submitter."""
    opts = item._meta
    reviewers = get_user_model().objects.with_perm(
        f"{opts.app_label}.publish_{opts.model_name}",
        is_active=True,
        backend="django.contrib.auth.backends.ModelBackend",
    )
    addresses = (
        reviewers.filter(is_staff=True)
        .exclude(email="")
        .exclude(pk=item.submitted_by_id)
        .values_list("email", flat=True)
    )
    return sorted({address.lower() for address in addresses})


def review_requested(item):
    """One email per editor who may publish ``item``; how many were written."""
    addresses = reviewer_addresses(item)
    if not addresses:
        logger.warning(
            "%s %s waits for review with nobody to email (no editor has an "
            "email address); it is on the dashboard",
            item._meta.label,
            item.pk,
        )
    for address in addresses:
        site_email(
            address,
            "editorial/emails/review_requested.txt",
            {
                "item": item,
                "kind": item._meta.verbose_name,
                "submitted_by": item.submitted_by,
                "admin_url": change_form_url(item),
            },
        ).send()
    return len(addresses)


def sent_back(item):
    """The email to whoever submitted ``item``; how many were written (0 or 1)."""
    author = item.submitted_by
    if author is None or not author.email:
        return 0
    site_email(
        author.email,
        "editorial/emails/sent_back.txt",
        {
            "item": item,
            "kind": item._meta.verbose_name,
            "sent_back_by": item.sent_back_by,
            "admin_url": change_form_url(item),
        },
    ).send()
    return 1
