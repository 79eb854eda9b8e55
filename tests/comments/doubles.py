"""Stand-ins for the mail server and Akismet, named in settings by dotted path."""

import smtplib

import akismet
from django.core.mail.backends.base import BaseEmailBackend
from django.core.mail.backends.locmem import EmailBackend as LocmemBackend


class MailServerDown(ConnectionRefusedError):
    pass


class UnreachableBackend(BaseEmailBackend):
    """A mail server that refuses the connection."""

    def open(self):
        raise MailServerDown("Connection refused")

    def send_messages(self, messages):
        raise MailServerDown("Connection refused")


class RejectingBackend(LocmemBackend):
    """A mail server that accepts the connection, then fails every message."""

    def send_messages(self, messages):
        raise MailServerDown("451 Temporary local problem")


class RefusingBackend(LocmemBackend):
    """A mail server that refuses the recipient for good."""

    def send_messages(self, messages):
        recipient = messages[0].to[0]
        raise smtplib.SMTPRecipientsRefused({recipient: (550, b"No such user")})


class SpamClient(akismet.TestSyncClient):
    comment_check_response = akismet.CheckResponse.SPAM


class HamClient(akismet.TestSyncClient):
    comment_check_response = akismet.CheckResponse.HAM


class BrokenClient(akismet.TestSyncClient):
    """Akismet timing out."""

    def comment_check(self, *args, **kwargs):
        raise akismet.RequestError("Akismet did not answer within 1 second")


class RecordingClient(akismet.TestSyncClient):
    """Records the moderators' feedback."""

    comment_check_response = akismet.CheckResponse.HAM
    reports = []

    def submit_ham(self, user_ip, **kwargs):
        self.reports.append(("ham", kwargs["comment_content"]))
        return True

    def submit_spam(self, user_ip, **kwargs):
        self.reports.append(("spam", kwargs["comment_content"]))
        return True


class ForbiddenClient:
    """Fails the test if the site ever builds an Akismet client."""

    def __init__(self, *args, **kwargs):
        raise AssertionError("An Akismet client was built without an API key.")
