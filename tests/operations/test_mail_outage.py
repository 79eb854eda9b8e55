"""
The mail server down or stalled: comments are saved at once, no request waits
on it, and every email arrives once when it is back.
"""

import datetime
import socket
import threading

import pytest
from aiosmtpd.controller import Controller
from django.test import Client
from django.utils import timezone

from comments.models import Comment, ModerationPolicy
from mail.models import OutgoingEmail
from tests.comments.conftest import comment_data
from tests.conftest import run_worker
from tests.factories import make_article

from .conftest import closed_port


class Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(envelope)
        return "250 Message accepted for delivery"


class StalledServer:
    """Takes connections on a port and never answers, like a hung mail server."""

    def __init__(self):
        self.listener = socket.socket()
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen()
        self.port = self.listener.getsockname()[1]
        self.connections = []
        threading.Thread(target=self.accept, daemon=True).start()

    def accept(self):
        while True:
            try:
                connection, _address = self.listener.accept()
            except OSError:
                return
            self.connections.append(connection)

    def close(self):
        self.listener.close()
        for connection in self.connections:
            connection.close()


@pytest.fixture
def smtp_settings(settings, db):
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = closed_port()
    settings.EMAIL_TIMEOUT = 1
    policy = ModerationPolicy.load()
    policy.min_seconds_to_write = 0
    policy.save()
    return settings


def post_comment(django_capture_on_commit_callbacks, **fields):
    with django_capture_on_commit_callbacks(execute=True):
        return Client().post("/comments/post/", comment_data(make_article(), **fields))


def test_mail_down_for_an_hour_every_email_arrives_once_when_it_is_back(
    smtp_settings, django_capture_on_commit_callbacks
):
    start = timezone.now()
    response = post_comment(
        django_capture_on_commit_callbacks, email="kim@example.org", followup="on"
    )
    assert response.status_code == 302
    assert Comment.objects.filter(user_email="kim@example.org").count() == 1

    # The worker keeps trying while the server is down: each failed try is
    # recorded and the next one waits longer.
    for minutes in [0, 2, 5, 10, 20, 50]:
        run_worker(at=start + datetime.timedelta(minutes=minutes))
    failed = OutgoingEmail.objects.filter(status="FAILED")
    assert failed.count() == 6
    assert all("Connection refused" in try_.traceback for try_ in failed)
    (waiting,) = OutgoingEmail.objects.waiting()
    assert waiting.recipients == ["kim@example.org"]
    assert waiting.attempt == 7

    inbox = Inbox()
    server = Controller(
        inbox, hostname="127.0.0.1", port=smtp_settings.EMAIL_PORT, ready_timeout=5
    )
    server.start()
    try:
        run_worker(at=start + datetime.timedelta(hours=2))
        # Sent once: later runs send nothing again.
        run_worker(at=start + datetime.timedelta(days=2))
    finally:
        server.stop()
    (message,) = inbox.messages
    assert message.rcpt_tos == ["kim@example.org"]
    assert "confirm" in message.content.decode().lower()
    assert not OutgoingEmail.objects.waiting().exists()


def test_a_stalled_mail_server_is_never_contacted_by_a_comment_post(
    smtp_settings, django_capture_on_commit_callbacks
):
    stalled = StalledServer()
    smtp_settings.EMAIL_PORT = stalled.port
    try:
        response = post_comment(
            django_capture_on_commit_callbacks, email="kim@example.org", followup="on"
        )
        assert response.status_code == 302
        assert stalled.connections == []

        run_worker()
        assert len(stalled.connections) == 1
    finally:
        stalled.close()
    # The worker gave up on the silent server after EMAIL_TIMEOUT; it tries again.
    assert "timed out" in OutgoingEmail.objects.get(status="FAILED").traceback
    assert OutgoingEmail.objects.waiting().count() == 1
