"""
The mail server down when a message comes: the message is stored and waits in
the admin, its email waits in the queue, and the worker sends it once when the
server is back. The site talks to a real SMTP server on a local port.
"""

import datetime

import pytest
from aiosmtpd.controller import Controller
from django.test import Client
from django.utils import timezone

from contact.models import Message
from mail.models import OutgoingEmail
from tests.conftest import run_worker
from tests.operations.test_mail_outage import Inbox
from tests.processes import free_port

from .conftest import contact_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def smtp_settings(settings):
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    # Nothing listens here until the test starts its server.
    settings.EMAIL_PORT = free_port()
    settings.EMAIL_TIMEOUT = 1
    settings.CONTACT_RECIPIENTS = ["office@example.org"]
    return settings


def test_a_message_sent_while_mail_is_down_is_kept_and_mailed_once_it_is_back(
    smtp_settings,
):
    start = timezone.now()
    response = Client().post("/contact/", contact_data(message="Kept, not lost."))
    assert response.status_code == 302
    assert Message.objects.get().message == "Kept, not lost."

    # Down: the worker writes the email, and every try to deliver it fails.
    for minutes in [0, 2, 5]:
        run_worker(at=start + datetime.timedelta(minutes=minutes))
    assert OutgoingEmail.objects.filter(status="FAILED").count() == 3
    (waiting,) = OutgoingEmail.objects.waiting()
    assert waiting.recipients == ["office@example.org"]
    assert Message.objects.unhandled().count() == 1

    inbox = Inbox()
    server = Controller(
        inbox, hostname="127.0.0.1", port=smtp_settings.EMAIL_PORT, ready_timeout=5
    )
    server.start()
    try:
        run_worker(at=start + datetime.timedelta(minutes=30))
        run_worker(at=start + datetime.timedelta(days=2))
    finally:
        server.stop()
    (delivered,) = inbox.messages
    assert delivered.rcpt_tos == ["office@example.org"]
    content = delivered.content.decode()
    assert "Kept, not lost." in content
    assert "Reply-To: robin@example.org" in content
    assert not OutgoingEmail.objects.waiting().exists()
