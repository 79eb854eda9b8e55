"""
What subscribers receive: an email for each new item or the weekly digest, in
batches under the per-minute cap, through the worker; the one-click unsubscribe.
"""

import datetime
import email
import email.policy
import re
from unittest import mock

import pytest
from aiosmtpd.controller import Controller
from django.conf import settings
from django.core import mail
from django.test import Client
from django.utils import timezone

from articles.models import Article
from recoverysite.publishing import Status
from subscriptions import links, tasks
from subscriptions.models import Digest, NewItem, Subscriber
from tests.conftest import run_worker
from tests.factories import make_article, make_event
from tests.processes import free_port

from .conftest import subscribe

pytestmark = pytest.mark.django_db


class Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(
            email.message_from_bytes(envelope.content, policy=email.policy.default)
        )
        return "250 Message accepted for delivery"


@pytest.fixture
def inbox(settings):
    """A real SMTP server on a local port that the worker delivers to."""
    received = Inbox()
    server = Controller(received, hostname="127.0.0.1", port=free_port())
    server.start()
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = server.port
    yield received
    server.stop()


def last_week():
    return timezone.now() - datetime.timedelta(days=7)


def test_subscribe_confirm_receive_the_digest_and_unsubscribe_in_one_click(
    client, inbox
):
    subscribe(client, email="robin@example.org", frequency="weekly")
    run_worker()
    (confirmation,) = inbox.messages
    confirm_url = re.search(
        r"http://\S+/updates/confirm/\S+/",
        confirmation.get_body(("plain",)).get_content(),
    ).group(0)
    client.post(confirm_url.removeprefix(settings.SITE_URL))
    article = make_article(
        title="Sleep and recovery",
        published_at=timezone.now() - datetime.timedelta(hours=1),
    )
    event = make_event(
        title="Peer support evening",
        published_at=timezone.now() - datetime.timedelta(hours=2),
    )

    digest = tasks.start_digest()
    run_worker()

    (received,) = inbox.messages[1:]
    assert received["To"] == "robin@example.org"
    assert received["Subject"] == "This week at Recovery Dialogues"
    text = received.get_body(("plain",)).get_content()
    html = received.get_body(("html",)).get_content()
    for part in (text, html):
        assert "Sleep and recovery" in part
        assert "Peer support evening" in part
    # Straight links to the site, nothing rewritten, no pixel.
    assert settings.SITE_URL + article.get_absolute_url() in text
    assert f'href="{settings.SITE_URL}{event.get_absolute_url()}"' in html
    assert "<img" not in html
    assert received["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe_url = received["List-Unsubscribe"].strip().strip("<>")
    digest.refresh_from_db()
    assert (digest.recipients, digest.articles, digest.events) == (1, 1, 1)
    assert digest.finished_at is not None

    # What a mail program does when the reader presses "Unsubscribe" (RFC 8058):
    # a POST with no cookie, no CSRF token and this one field.
    response = Client(enforce_csrf_checks=True).post(
        unsubscribe_url.removeprefix(settings.SITE_URL),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert Subscriber.objects.get().status == Subscriber.Status.UNSUBSCRIBED

    make_article(title="Another week", published_at=timezone.now())
    assert tasks.start_digest() is not None
    run_worker()
    assert len(inbox.messages) == 2


def test_opening_the_unsubscribe_address_asks_first(client, confirmed):
    subscriber = confirmed()
    url = links.link(subscriber, "unsubscribe")
    response = client.get(url)
    assert "Yes, unsubscribe" in response.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.CONFIRMED
    response = client.post(url)
    assert "You are unsubscribed" in response.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED


def test_a_forged_unsubscribe_token_changes_nothing(client, confirmed):
    subscriber = confirmed()
    response = client.post(
        "/updates/unsubscribe/forged:token/", {"List-Unsubscribe": "One-Click"}
    )
    assert response.status_code == 404
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.CONFIRMED


def test_a_published_article_is_mailed_at_the_next_look_to_those_who_want_each_one(
    confirmed,
):
    each = confirmed("each@example.org", frequency="each", topics="articles")
    confirmed("weekly@example.org", frequency="weekly")
    confirmed("events@example.org", frequency="each", topics="events")
    Subscriber.objects.create(email="pending@example.org", frequency="each")
    article = make_article(title="Walking in winter", status=Status.DRAFT)
    run_worker()
    assert mail.outbox == []

    article.status = Status.PUBLISHED
    article.published_at = timezone.now()
    article.save()
    tasks.look_for_new_items()
    run_worker()
    (message,) = mail.outbox
    assert message.to == [each.email]
    assert message.subject == "New article: Walking in winter"
    assert links.link(each, "preferences", absolute=True) in message.body
    assert message.extra_headers["List-Unsubscribe"] == (
        f"<{links.link(each, 'unsubscribe', absolute=True)}>"
    )
    # Saved again, looked at again by the timed job: still one email.
    article.save()
    tasks.look_for_new_items()
    run_worker()
    assert len(mail.outbox) == 1
    assert NewItem.objects.get().recipients == 1


def test_a_scheduled_webinar_is_mailed_when_it_appears(confirmed):
    confirmed(frequency="each", topics="events")
    appears = timezone.now() + datetime.timedelta(hours=3)
    make_event(title="Spring gathering", published_at=appears)
    run_worker()
    assert mail.outbox == []
    later = appears + datetime.timedelta(minutes=1)
    with mock.patch("django.utils.timezone.now", return_value=later):
        tasks.look_for_new_items()
    run_worker(at=later)
    (message,) = mail.outbox
    assert message.subject == "New webinar: Spring gathering"


def test_old_items_are_not_news(confirmed):
    confirmed(frequency="each")
    make_article(published_at=timezone.now() - datetime.timedelta(days=5))
    tasks.look_for_new_items()
    run_worker()
    assert mail.outbox == []


def test_an_item_taken_down_before_its_mailing_is_not_mailed(confirmed):
    confirmed(frequency="each")
    article = make_article(published_at=timezone.now())
    tasks.notice_new_items.call()
    Article.objects.filter(pk=article.pk).update(status=Status.DRAFT)
    run_worker()
    assert mail.outbox == []
    assert NewItem.objects.get().finished_at is not None


def test_a_digest_goes_in_batches_under_the_per_minute_cap(settings, confirmed):
    settings.SUBSCRIPTIONS_EMAILS_PER_MINUTE = 2
    for number in range(5):
        confirmed(f"reader{number}@example.org")
    make_article(published_at=timezone.now())
    digest = tasks.start_digest()
    start = timezone.now()
    run_worker()
    assert len(mail.outbox) == 2
    run_worker(at=start + datetime.timedelta(seconds=30))
    assert len(mail.outbox) == 2
    run_worker(at=start + datetime.timedelta(seconds=61))
    assert len(mail.outbox) == 4
    run_worker(at=start + datetime.timedelta(seconds=122))
    assert sorted(message.to[0] for message in mail.outbox) == [
        f"reader{number}@example.org" for number in range(5)
    ]
    digest.refresh_from_db()
    assert digest.recipients == 5
    assert digest.finished_at is not None


def test_the_digest_lists_only_what_came_after_the_last_one_and_what_was_asked(
    confirmed,
):
    confirmed("articles@example.org", topics="articles")
    confirmed("events@example.org", topics="events")
    make_article(
        title="Old news", published_at=timezone.now() - datetime.timedelta(days=1)
    )
    tasks.start_digest()
    run_worker()
    assert len(mail.outbox) == 1
    mail.outbox.clear()

    make_article(title="Fresh article", published_at=timezone.now())
    make_event(title="Fresh webinar", published_at=timezone.now())
    tasks.start_digest()
    run_worker()
    by_address = {message.to[0]: message.body for message in mail.outbox}
    assert "Fresh article" in by_address["articles@example.org"]
    assert "Fresh webinar" not in by_address["articles@example.org"]
    assert "Old news" not in by_address["articles@example.org"]
    assert "Fresh webinar" in by_address["events@example.org"]
    assert "Fresh article" not in by_address["events@example.org"]
    assert Digest.objects.count() == 2


def test_no_digest_when_nothing_was_published(confirmed):
    confirmed()
    assert tasks.start_digest() is None
    assert Digest.objects.count() == 0


def test_the_digest_waits_for_its_weekday_and_hour_and_goes_once(settings, confirmed):
    settings.SUBSCRIPTIONS_DIGEST_WEEKDAY = 0
    settings.SUBSCRIPTIONS_DIGEST_HOUR = 9
    confirmed()
    monday_eight = timezone.make_aware(datetime.datetime(2026, 11, 30, 8, 0))
    make_article(published_at=monday_eight - datetime.timedelta(days=1))
    sunday = monday_eight - datetime.timedelta(days=1, hours=-3)
    for moment, answer in [
        (sunday, "not the day"),
        (monday_eight, "not yet"),
    ]:
        with mock.patch("django.utils.timezone.now", return_value=moment):
            assert tasks.send_digest_when_due() == answer
    nine = monday_eight + datetime.timedelta(hours=1)
    with mock.patch("django.utils.timezone.now", return_value=nine):
        assert tasks.send_digest_when_due().startswith("digest")
    with mock.patch(
        "django.utils.timezone.now", return_value=nine + datetime.timedelta(hours=1)
    ):
        assert tasks.send_digest_when_due() == "sent already"
