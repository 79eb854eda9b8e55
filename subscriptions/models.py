"""
Readers who asked for email updates, what they were sent and when.

A subscriber is written to only once confirmed (double opt-in); the address is
kept in lower case so that one mailbox is one row.
"""

import datetime
import secrets

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles.models import Article
from events.models import Event

# A confirmation is sent at most this often to one address, whoever asks.
CONFIRMATION_INTERVAL = datetime.timedelta(days=1)


def new_link_key():
    return secrets.token_urlsafe(16)


class Topics(models.TextChoices):
    BOTH = "both", _("New articles and webinars")
    ARTICLES = "articles", _("New articles")
    EVENTS = "events", _("New webinars")


class Frequency(models.TextChoices):
    EACH = "each", _("An email for each new item")
    WEEKLY = "weekly", _("A weekly digest")


class SubscriberQuerySet(models.QuerySet):
    def for_email(self, email):
        return self.filter(email=email.strip().lower())

    def receiving(self):
        """Subscribers who may be written to: confirmed, and nothing went wrong."""
        return self.filter(status=Subscriber.Status.CONFIRMED)

    def wanting(self, kind):
        """Those who asked for ``kind`` ("articles" or "events")."""
        return self.filter(topics__in=[kind, Topics.BOTH])


class Subscriber(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for confirmation")
        CONFIRMED = "confirmed", _("Confirmed")
        UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")
        BOUNCED = "bounced", _("Bounced")
        COMPLAINED = "complained", _("Complained (marked as spam)")

    email = models.EmailField(_("email"), max_length=254, unique=True)
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=Status,
        default=Status.PENDING,
        help_text=_(
            "Only confirmed subscribers get updates. Bounced and complained "
            "addresses get nothing, not even a new confirmation."
        ),
    )
    topics = models.CharField(
        _("what"), max_length=10, choices=Topics, default=Topics.BOTH
    )
    frequency = models.CharField(
        _("how often"), max_length=10, choices=Frequency, default=Frequency.WEEKLY
    )
    # Part of every signed link: a new key ends the links already sent.
    link_key = models.CharField(max_length=32, default=new_link_key, editable=False)
    subscribed_at = models.DateTimeField(_("first asked"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    confirmation_sent_at = models.DateTimeField(
        _("last confirmation email"), null=True, blank=True
    )
    status_changed_at = models.DateTimeField(_("status changed"), default=timezone.now)
    language = models.CharField(
        _("language"),
        max_length=10,
        blank=True,
        help_text=_(
            "The language chosen on the site when subscribing: the emails are "
            "written in it. Empty: the site's language."
        ),
    )

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        ordering = ["-subscribed_at"]
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")

    def __str__(self):
        return self.email

    def claim_confirmation_email(self):
        """
        True when a confirmation (or a reminder of the preferences link) may go
        out now, and marks it sent: at most one a day, even with two requests at
        the same moment, for an address someone types in again and again.
        """
        now = timezone.now()
        claimed = (
            Subscriber.objects.filter(pk=self.pk)
            .filter(
                Q(confirmation_sent_at__isnull=True)
                | Q(confirmation_sent_at__lte=now - CONFIRMATION_INTERVAL)
            )
            .update(confirmation_sent_at=now)
        )
        return bool(claimed)

    def set_status(self, status):
        self.status = status
        self.status_changed_at = timezone.now()
        if status == self.Status.CONFIRMED and self.confirmed_at is None:
            self.confirmed_at = self.status_changed_at
        self.save(update_fields=["status", "status_changed_at", "confirmed_at"])

    def wants(self, kind):
        return self.topics in {kind, Topics.BOTH}


def subscribe(email, topics, frequency, language=""):
    """
    The subscriber for ``email`` after someone asked for updates, and whether a
    confirmation may be emailed now. Choices made by a stranger never change a
    confirmed subscriber's: only the signed preferences page does.
    """
    subscriber, created = Subscriber.objects.get_or_create(
        email=email.strip().lower(),
        defaults={"topics": topics, "frequency": frequency, "language": language},
    )
    Status = Subscriber.Status
    if subscriber.status in {Status.BOUNCED, Status.COMPLAINED}:
        return subscriber, False
    if not created and subscriber.status != Status.CONFIRMED:
        Subscriber.objects.filter(pk=subscriber.pk).update(
            topics=topics, frequency=frequency, language=language
        )
        subscriber.language = language
    return subscriber, subscriber.claim_confirmation_email()


class Kind(models.TextChoices):
    ARTICLE = "articles", _("Article")
    EVENT = "events", _("Webinar")


KIND_MODELS = {Kind.ARTICLE: Article, Kind.EVENT: Event}


class NewItem(models.Model):
    """An article or webinar noticed as published: its own email goes once."""

    kind = models.CharField(_("kind"), max_length=10, choices=Kind)
    object_id = models.PositiveBigIntegerField()
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), blank=True)
    url = models.CharField(_("address"), max_length=500)
    published_at = models.DateTimeField(_("publication date"))
    noticed_at = models.DateTimeField(_("noticed"), auto_now_add=True)
    recipients = models.PositiveIntegerField(_("emails sent"), default=0)
    finished_at = models.DateTimeField(_("sending finished"), null=True, blank=True)

    class Meta:
        ordering = ["-published_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "object_id"], name="one_notice_per_item"
            )
        ]
        verbose_name = _("new item")
        verbose_name_plural = _("new items")

    def __str__(self):
        return self.title

    def get_item(self):
        """The article or webinar, if visitors may still see it."""
        model = KIND_MODELS[self.kind]
        return model.objects.published().filter(pk=self.object_id).first()


class Digest(models.Model):
    """One weekly digest: what it covered, when it went and to how many."""

    since = models.DateTimeField(_("items published after"))
    until = models.DateTimeField(_("items published until"))
    articles = models.PositiveIntegerField(_("articles"), default=0)
    events = models.PositiveIntegerField(_("webinars"), default=0)
    started_at = models.DateTimeField(_("sending started"), auto_now_add=True)
    finished_at = models.DateTimeField(_("sending finished"), null=True, blank=True)
    recipients = models.PositiveIntegerField(_("emails sent"), default=0)

    class Meta:
        ordering = ["-started_at"]
        get_latest_by = "until"
        verbose_name = _("digest")
        verbose_name_plural = _("digests")

    def __str__(self):
        return _("Digest of %(date)s") % {
            "date": timezone.localtime(self.until).strftime("%Y-%m-%d")
        }


def digest_items(since, until):
    """{kind: [items]} published after ``since`` up to ``until``, by the rule."""
    return {
        kind: list(
            model.objects.published()
            .filter(published_at__gt=since, published_at__lte=until)
            .order_by("published_at")
        )
        for kind, model in KIND_MODELS.items()
    }
