"""
Signed links in emails and redirects: they carry a comment id and an expiry,
never an email address or the comment's text.
"""

from django.conf import settings
from django.core import signing
from django.http import Http404
from django.urls import reverse

from comments.models import Comment
from recoverysite.signed_links import InvalidLink

DAY = 24 * 60 * 60
# How long each kind of link works.
MAX_AGES = {
    "received": DAY,
    "confirm": 7 * DAY,
    "unsubscribe": 365 * DAY,
    "delete": 90 * DAY,
}


def make_token(comment, purpose):
    return signing.TimestampSigner(salt=f"comments.{purpose}").sign(str(comment.pk))


def comment_from_token(token, purpose):
    """The comment a token names, or 404 when it is forged, expired or gone."""
    signer = signing.TimestampSigner(salt=f"comments.{purpose}")
    try:
        comment_id = signer.unsign(token, max_age=MAX_AGES[purpose])
    except signing.BadSignature as error:
        raise InvalidLink("This link is not valid or has expired.") from error
    try:
        return Comment.objects.get(pk=comment_id)
    except Comment.DoesNotExist as error:
        raise Http404("This comment no longer exists.") from error


def link(comment, purpose, absolute=False):
    url = reverse(f"comments:{purpose}", kwargs={"token": make_token(comment, purpose)})
    return settings.SITE_URL + url if absolute else url


def permalink(comment):
    """
    A comment's address for emails: its number only, so an inbox shows nothing
    of the page's topic; it leads on to the comment in its page.
    """
    return settings.SITE_URL + reverse("comments:permalink", args=[comment.pk])
