"""
Signed links in registrants' emails: they name a registration and its current
key, never the email address, so cancelling (which changes the key) ends them.
"""

from django.conf import settings
from django.core import signing
from django.urls import reverse

from recoverysite.signed_links import InvalidLink
from registrations.models import Registration

PURPOSES = {"mine", "cancel"}


def token(registration, purpose):
    signer = signing.Signer(salt=f"registrations.{purpose}")
    return signer.sign(f"{registration.pk}.{registration.link_key}")


def registration_from_token(value, purpose):
    signer = signing.Signer(salt=f"registrations.{purpose}")
    try:
        pk, _, key = signer.unsign(value).partition(".")
    except signing.BadSignature as error:
        raise InvalidLink("This link is not valid or has expired.") from error
    registration = (
        Registration.objects.select_related("event").filter(pk=pk, link_key=key).first()
    )
    if registration is None:
        # Cancelled (a new key) or erased: the same answer as a forged link.
        raise InvalidLink("This link is not valid or has expired.")
    return registration


def link(registration, purpose, absolute=False):
    url = reverse(
        f"registrations:{purpose}", kwargs={"token": token(registration, purpose)}
    )
    return settings.SITE_URL + url if absolute else url
