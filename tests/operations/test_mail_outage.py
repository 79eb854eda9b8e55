"""The mail server down: comments are saved, their emails wait and go out later."""

import pytest
from aiosmtpd.controller import Controller
from django.test import Client

from comments.models import Comment, ModerationPolicy, OutgoingEmail
from tests.comments.conftest import comment_data, run_command
from tests.factories import make_article

from .conftest import closed_port


class Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(envelope)
        return "250 Message accepted for delivery"


@pytest.fixture
def smtp_settings(settings, db):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = closed_port()
    settings.EMAIL_TIMEOUT = 5
    policy = ModerationPolicy.load()
    policy.min_seconds_to_write = 0
    policy.save()
    return settings


def test_a_comment_posted_while_the_mail_server_is_down_is_kept_and_mailed_later(
    smtp_settings, django_capture_on_commit_callbacks
):
    article = make_article()
    with django_capture_on_commit_callbacks(execute=True):
        response = Client().post(
            "/comments/post/",
            comment_data(article, email="kim@example.org", followup="on"),
        )
    assert response.status_code == 302
    assert Comment.objects.filter(user_email="kim@example.org").count() == 1
    waiting = OutgoingEmail.objects.get()
    assert waiting.to == "kim@example.org"
    assert waiting.sent_at is None
    assert waiting.attempts == 1
    assert waiting.last_error

    # Still down at the next scheduled run: the email keeps waiting.
    run_command("send_queued_emails")
    waiting.refresh_from_db()
    assert waiting.sent_at is None
    assert waiting.attempts == 2

    inbox = Inbox()
    server = Controller(
        inbox, hostname="127.0.0.1", port=smtp_settings.EMAIL_PORT, ready_timeout=5
    )
    server.start()
    try:
        output = run_command("send_queued_emails")
    finally:
        server.stop()
    assert "1 email(s) sent" in output
    (message,) = inbox.messages
    assert message.rcpt_tos == ["kim@example.org"]
    assert "confirm" in message.content.decode().lower()
    waiting.refresh_from_db()
    assert waiting.sent_at is not None

    # Sent once: a later run sends nothing again.
    assert "0 email(s) sent" in run_command("send_queued_emails")
