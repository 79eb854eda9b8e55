"""
Each email is delivered at most once, whatever the workers do: two workers on
one queue share the emails out, and a worker killed while a message is on its
way does not send it again when another worker starts.

The site runs in other processes, on a database of its own, with a real SMTP
server on a local port.
"""

import asyncio
import os
import signal
import threading
import time

import pytest
from aiosmtpd.controller import Controller

from tests.processes import free_port, manage, start

SEND_FORTY = """
from django.core.mail import send_mail
for number in range(40):
    send_mail(f"Note {number}", "Words.", None, [f"reader{number}@example.org"])
"""
SEND_ONE = """
from django.core.mail import send_mail
send_mail("The one", "Words.", None, ["reader@example.org"])
"""
TASK_STATES = """
from django_tasks_db.models import DBTaskResult
for result in DBTaskResult.objects.order_by("enqueued_at"):
    print(result.task_name, result.status, len(result.worker_ids))
"""


class Inbox:
    """Accepts every message; with ``stall``, answers the first one only late."""

    def __init__(self, stall=0):
        self.messages = []
        self.stall = stall
        self.received = threading.Event()

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(envelope)
        self.received.set()
        if self.stall and len(self.messages) == 1:
            await asyncio.sleep(self.stall)
        return "250 Message accepted for delivery"


@pytest.fixture
def site(own_database_url):
    manage(own_database_url, "migrate", "--no-input")
    return own_database_url


def smtp(inbox):
    server = Controller(inbox, hostname="127.0.0.1", port=free_port(), ready_timeout=5)
    server.start()
    return server


def mail_settings(server):
    return {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": server.port,
    }


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_two_workers_deliver_every_email_once(site):
    inbox = Inbox()
    server = smtp(inbox)
    try:
        manage(site, "shell", "-c", SEND_FORTY)
        workers = [
            start(site, "worker", "--batch", **mail_settings(server)) for _ in range(2)
        ]
        for worker in workers:
            worker.communicate(timeout=120)
            assert worker.returncode == 0
    finally:
        server.stop()
    recipients = [message.rcpt_tos[0] for message in inbox.messages]
    assert sorted(recipients) == sorted(
        f"reader{number}@example.org" for number in range(40)
    )
    states = manage(site, "shell", "-c", TASK_STATES).split("\n")
    deliveries = [line for line in states if line.startswith("deliver")]
    assert deliveries == ["deliver SUCCESSFUL 1"] * 40


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_a_worker_killed_while_sending_does_not_send_the_email_again(site):
    inbox = Inbox(stall=30)
    server = smtp(inbox)
    try:
        manage(site, "shell", "-c", SEND_ONE)
        worker = start(site, "worker", **mail_settings(server))
        # The server has the message; the worker waits for its answer.
        assert inbox.received.wait(60)
        worker.send_signal(signal.SIGKILL)
        worker.wait(timeout=10)

        survivor = start(site, "worker", "--batch", **mail_settings(server))
        survivor.communicate(timeout=60)
        time.sleep(0.5)
    finally:
        server.stop()
    assert [message.rcpt_tos for message in inbox.messages] == [["reader@example.org"]]
    # Left as it was when the worker died: running, claimed by one worker.
    states = manage(site, "shell", "-c", TASK_STATES).split("\n")
    assert "deliver RUNNING 1" in states


def redis_for_tests():
    """A Redis database of the tests' own, emptied, or a skip when none runs."""
    import redis

    url = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/13")
    client = redis.Redis.from_url(url)
    try:
        client.ping()
    except redis.exceptions.ConnectionError:
        pytest.skip(f"no Redis at {url} (set TEST_REDIS_URL to run the RQ tests)")
    client.flushdb()
    return url


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_rq_workers_on_redis_deliver_every_email_once(site):
    redis_url = redis_for_tests()
    rq = {"TASKS_BACKEND": "rq", "REDIS_URL": redis_url}
    inbox = Inbox()
    server = smtp(inbox)
    try:
        manage(site, "shell", "-c", SEND_FORTY, **rq)
        workers = [
            start(site, "worker", "--batch", **rq, **mail_settings(server))
            for _ in range(2)
        ]
        for worker in workers:
            output = worker.communicate(timeout=120)[0]
            assert worker.returncode == 0, output
    finally:
        server.stop()
    recipients = [message.rcpt_tos[0] for message in inbox.messages]
    assert sorted(recipients) == sorted(
        f"reader{number}@example.org" for number in range(40)
    )
