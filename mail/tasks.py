"""
Delivering one email, from the worker (docs/operations.md#email).

Each message is one task, run once: a worker claims it before it connects to the
mail server, so two workers never send it twice, and a worker that dies while
sending leaves it marked as running rather than sending it again. When the
server does not take the message for now (down, busy, a 4xx answer), a new task
is queued to try again after ``EMAIL_RETRY_DELAYS``; a permanent refusal (5xx)
or the last try ends it.
"""

import base64
import datetime
import logging
import smtplib

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.utils import timezone
from django_tasks import task

logger = logging.getLogger(__name__)


class DeliveryPostponed(Exception):
    """The mail server did not take the message now; another try is queued."""


class DeliveryFailed(Exception):
    """The message was refused for good, or its last try failed."""


def message_data(message):
    """An EmailMessage as JSON-friendly data for a task's arguments."""
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": str(message.from_email),
        "to": [str(address) for address in message.to],
        "cc": [str(address) for address in message.cc],
        "bcc": [str(address) for address in message.bcc],
        "reply_to": [str(address) for address in message.reply_to],
        "headers": {str(k): str(v) for k, v in message.extra_headers.items()},
        "content_subtype": message.content_subtype,
        "alternatives": [
            [str(content), mimetype]
            for content, mimetype in getattr(message, "alternatives", [])
        ],
        "attachments": [attachment_data(*item) for item in message.attachments],
    }


def attachment_data(filename, content, mimetype):
    if isinstance(content, bytes):
        return [filename, base64.b64encode(content).decode("ascii"), mimetype, True]
    return [filename, content, mimetype, False]


def message_from(data):
    message = EmailMultiAlternatives(
        subject=data["subject"],
        body=data["body"],
        from_email=data["from_email"],
        to=data["to"],
        cc=data["cc"],
        bcc=data["bcc"],
        reply_to=data["reply_to"],
        headers=data["headers"],
    )
    message.content_subtype = data["content_subtype"]
    for content, mimetype in data["alternatives"]:
        message.attach_alternative(content, mimetype)
    for filename, content, mimetype, encoded in data["attachments"]:
        message.attach(
            filename, base64.b64decode(content) if encoded else content, mimetype
        )
    return message


def is_permanent(error):
    """A refusal that another try would only repeat (an SMTP 5xx answer)."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return all(code >= 500 for code, _message in error.recipients.values())
    return isinstance(error, smtplib.SMTPResponseException) and error.smtp_code >= 500


@task
def deliver(message, attempt=1):
    """Send ``message`` (``message_data()``) once; on a passing failure, try later."""
    email = message_from(message)
    recipients = ", ".join(email.recipients())
    try:
        with get_connection(settings.EMAIL_DELIVERY_BACKEND) as connection:
            connection.send_messages([email])
    except (OSError, smtplib.SMTPException) as error:
        delays = settings.EMAIL_RETRY_DELAYS
        if is_permanent(error) or attempt > len(delays):
            logger.error(
                "Email “%s” to %s not delivered after %d tries: %s",
                email.subject,
                recipients,
                attempt,
                error,
            )
            raise DeliveryFailed(f"try {attempt}: {error}") from error
        retry_at = timezone.now() + datetime.timedelta(seconds=delays[attempt - 1])
        deliver.using(run_after=retry_at).enqueue(message, attempt + 1)
        logger.warning(
            "Email “%s” to %s: try %d failed (%s); next try at %s",
            email.subject,
            recipients,
            attempt,
            error,
            retry_at.isoformat(timespec="seconds"),
        )
        raise DeliveryPostponed(
            f"try {attempt}: {error}; next try at {retry_at.isoformat()}"
        ) from error
    return f"sent to {recipients} on try {attempt}"
