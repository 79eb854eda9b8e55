"""
Signed links in subscribers' emails. They name a subscriber and its current
key, never the address; erasing the subscriber ends them. A confirmation link
is good for a week, the others for as long as the subscriber exists.
"""

from django.conf import settings
from django.core import signing
from django.urls import reverse

from recoverysite.signed_links import InvalidLink
from subscriptions.models import Subscriber

CONFIRM_MAX_AGE = 7 * 24 * 60 * 60


def signer(purpose):
    if purpose == "confirm":
        return signing.TimestampSigner(salt="subscriptions.confirm")
    return signing.Signer(salt=f"subscriptions.{purpose}")


def token(subscriber, purpose):
    return signer(purpose).sign(f"{subscriber.pk}.{subscriber.link_key}")


def subscriber_from_token(value, purpose):
    try:
        if purpose == "confirm":
            unsigned = signer(purpose).unsign(value, max_age=CONFIRM_MAX_AGE)
        else:
            unsigned = signer(purpose).unsign(value)
    except signing.BadSignature as error:
        raise InvalidLink("This link is not valid or has expired.") from error
    pk, _, key = unsigned.partition(".")
    subscriber = Subscriber.objects.filter(pk=pk, link_key=key).first()
    if subscriber is None:
        raise InvalidLink("This link is not valid or has expired.")
    return subscriber


def link(subscriber, purpose, absolute=False):
    url = reverse(
        f"subscriptions:{purpose}", kwargs={"token": token(subscriber, purpose)}
    )
    return settings.SITE_URL + url if absolute else url
