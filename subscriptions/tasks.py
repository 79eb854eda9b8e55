"""
Sending to subscribers, done by the worker (docs/operations.md#email-updates).

Newly published articles and webinars are noticed every few minutes (scheduled
items appear by the publication rule alone, with no event to react to) and at
once after an editor's save. Each mailing goes out in batches of at most
``SUBSCRIPTIONS_EMAILS_PER_MINUTE``, one a minute; every email of a batch is
its own delivery task (mail/tasks.py), retried while the mail server is down.
"""

import datetime
import logging

from django.conf import settings
from django.core.mail import get_connection
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django_tasks import task

from operations.background import enqueue_after_commit, every
from subscriptions import emails
from subscriptions.models import (
    KIND_MODELS,
    Digest,
    Frequency,
    NewItem,
    Subscriber,
    digest_items,
)

logger = logging.getLogger(__name__)

# Items published longer ago than this when first noticed are not news: a
# back catalogue or a back-dated import is not mailed out.
NEW_ITEM_WINDOW = datetime.timedelta(days=2)
DIGEST_INTERVAL = datetime.timedelta(days=7)


@task
def send_confirmation(subscriber_id):
    subscriber = Subscriber.objects.filter(pk=subscriber_id).first()
    if subscriber is None:
        return "erased"
    emails.confirmation(subscriber).send()
    return "sent"


@every(datetime.timedelta(minutes=5))
def look_for_new_items():
    return notice_new_items.call()


@task
def notice_new_items():
    """Record each newly published item once and start its mailing."""
    now = timezone.now()
    noticed = 0
    for kind, model in KIND_MODELS.items():
        recent = model.objects.published().filter(
            published_at__gt=now - NEW_ITEM_WINDOW
        )
        known = set(
            NewItem.objects.filter(kind=kind).values_list("object_id", flat=True)
        )
        for item in recent.exclude(pk__in=known):
            try:
                with transaction.atomic():
                    new = NewItem.objects.create(
                        kind=kind,
                        object_id=item.pk,
                        title=item.title,
                        summary=item.summary,
                        url=item.get_absolute_url(),
                        published_at=item.published_at,
                    )
                    enqueue_after_commit(send_batch, "item", new.pk)
            except IntegrityError:
                continue  # noticed by another worker at the same moment
            noticed += 1
    return f"{noticed} new item(s)"


@every(datetime.timedelta(hours=1))
def send_digest_when_due():
    """The weekly digest on SUBSCRIPTIONS_DIGEST_WEEKDAY, from its hour on."""
    now = timezone.localtime()
    if now.weekday() != settings.SUBSCRIPTIONS_DIGEST_WEEKDAY:
        return "not the day"
    if now.hour < settings.SUBSCRIPTIONS_DIGEST_HOUR:
        return "not yet"
    last = Digest.objects.order_by("-until").first()
    if last and now - last.until < DIGEST_INTERVAL - datetime.timedelta(hours=12):
        return "sent already"
    digest = start_digest()
    return f"digest {digest.pk}" if digest else "nothing new"


def next_digest_since():
    """Where the next digest starts: the end of the last one, or a week ago."""
    last = Digest.objects.order_by("-until").first()
    return last.until if last else timezone.now() - DIGEST_INTERVAL


def start_digest():
    """Record a digest of what was published since the last and queue it."""
    since, until = next_digest_since(), timezone.now()
    items = digest_items(since, until)
    if not any(items.values()):
        return None
    with transaction.atomic():
        digest = Digest.objects.create(
            since=since,
            until=until,
            articles=len(items["articles"]),
            events=len(items["events"]),
        )
        enqueue_after_commit(send_batch, "digest", digest.pk)
    return digest


def item_recipients(new):
    return (
        Subscriber.objects.receiving()
        .wanting(new.kind)
        .filter(frequency=Frequency.EACH, confirmed_at__lte=new.noticed_at)
    )


def digest_recipients(digest):
    return Subscriber.objects.receiving().filter(
        frequency=Frequency.WEEKLY, confirmed_at__lte=digest.until
    )


@task
def send_batch(mailing, mailing_id, after=0):
    """
    One batch of a mailing ("item" or "digest"): the next subscribers after the
    id ``after``, then the next batch a minute later. Subscribers are taken in
    id order, so each gets one email even when the list changes meanwhile.
    """
    model = NewItem if mailing == "item" else Digest
    record = model.objects.filter(pk=mailing_id).first()
    if record is None:
        return "gone"
    if mailing == "item":
        item = record.get_item()
        if item is None:
            model.objects.filter(pk=record.pk).update(finished_at=timezone.now())
            return "no longer published"
        recipients = item_recipients(record)
        context = emails.item_context(item)

        def write(subscriber):
            return emails.new_item(subscriber, record, context)

    else:
        contexts = emails.digest_contexts(digest_items(record.since, record.until))
        recipients = digest_recipients(record)

        def write(subscriber):
            return emails.digest(subscriber, contexts)

    size = settings.SUBSCRIPTIONS_EMAILS_PER_MINUTE
    # One more than the batch says whether another batch is needed.
    batch = list(recipients.filter(pk__gt=after).order_by("pk")[: size + 1])
    more, batch = len(batch) > size, batch[:size]
    connection = get_connection()
    sent = 0
    with transaction.atomic():
        for subscriber in batch:
            # One at a time: a batch of thousands never sits in memory whole.
            if (message := write(subscriber)) is not None:
                sent += connection.send_messages([message])
        model.objects.filter(pk=record.pk).update(recipients=F("recipients") + sent)
        if more:
            next_minute = timezone.now() + datetime.timedelta(minutes=1)
            enqueue_after_commit(
                send_batch.using(run_after=next_minute),
                mailing,
                mailing_id,
                batch[-1].pk,
            )
        else:
            model.objects.filter(pk=record.pk).update(finished_at=timezone.now())
    return f"{sent} email(s)"
