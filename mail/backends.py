"""The site's email backend: every message becomes a task for the worker."""

from django.core.mail.backends.base import BaseEmailBackend

from mail.tasks import deliver, message_data
from operations.background import enqueue_after_commit


class QueuedEmailBackend(BaseEmailBackend):
    """
    Queues each message for ``mail.tasks.deliver`` instead of sending it.

    Whatever sends mail with Django's API (the comment emails, password resets,
    error reports) goes through here, so no request waits on the mail server and
    a message the server refuses for now is tried again later.
    """

    def send_messages(self, email_messages):
        for message in email_messages:
            enqueue_after_commit(deliver, message_data(message))
        return len(email_messages)
