"""
What a contact message sets off, done by the worker: the email to the editors.
The message is already stored, so a mail server that is down loses nothing:
the site's email backend queues the email and tries again until it is back.
"""

import datetime
import logging

from django.conf import settings
from django_tasks import task

from contact import emails
from contact.models import Message
from operations.background import every

logger = logging.getLogger(__name__)


@task
def message_received(message_id):
    """Email a new message to the editors; one erased meanwhile sends nothing."""
    message = Message.objects.select_related("topic").filter(pk=message_id).first()
    if message is None:
        logger.info("Contact message %s was erased before its email", message_id)
        return "erased"
    count = emails.tell_editors(message)
    return f"sent to {count} address(es)"


@every(datetime.timedelta(days=1))
def erase_old_messages():
    """Contact messages are forgotten CONTACT_RETENTION_DAYS after they came."""
    count, _details = Message.objects.past_retention(
        settings.CONTACT_RETENTION_DAYS
    ).delete()
    return f"{count} message(s) erased"
