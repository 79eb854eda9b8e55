"""The email that tells editors about a contact message, written by the worker."""

import logging

from django.conf import settings

from contact.models import editor_addresses
from mail.messages import site_email

logger = logging.getLogger(__name__)


def tell_editors(message):
    """
    One plain-text email per editor. Its Reply-To is the sender's address, which
    the form checked, so nothing the sender typed freely reaches a header except
    the subject, which is one line.
    """
    addresses = editor_addresses()
    if not addresses:
        logger.warning(
            "Contact message %s: nobody to email it to (set CONTACT_RECIPIENTS "
            "or give an editor an email address); it waits in the admin",
            message.pk,
        )
    for address in addresses:
        email = site_email(
            address,
            "contact/emails/message.txt",
            {
                "contact_message": message,
                "admin_url": settings.SITE_URL + message.get_admin_url(),
            },
        )
        email.reply_to = [message.email]
        email.send()
    return len(addresses)
