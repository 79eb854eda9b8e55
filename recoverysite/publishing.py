"""The publication rule shared by articles, pages and events."""

import datetime
import secrets

from django.conf import settings
from django.contrib.auth import get_permission_codename
from django.contrib.redirects.models import Redirect
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import dateformat, timezone
from django.utils.cache import add_never_cache_headers
from django.utils.http import http_date, parse_http_date_safe
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


def published_filter(now):
    """The publication rule as a condition, for querysets and aggregates alike."""
    return models.Q(status=Status.PUBLISHED, published_at__lte=now) & (
        models.Q(unpublish_at__isnull=True) | models.Q(unpublish_at__gt=now)
    )


def scheduled_filter(now):
    return models.Q(status=Status.PUBLISHED, published_at__gt=now)


class PublishableQuerySet(models.QuerySet):
    def published(self):
        """Items visitors may see: published, with a publication date now or past."""
        return self.filter(published_filter(timezone.now()))

    def scheduled(self):
        """Items that will appear by themselves at their publication date."""
        return self.filter(scheduled_filter(timezone.now()))

    def expired(self):
        """Published items taken down by their unpublish date."""
        return self.filter(status=Status.PUBLISHED, unpublish_at__lte=timezone.now())

    def waiting_for_review(self):
        """Drafts an author submitted, until an editor publishes or sends them back."""
        return self.filter(status=Status.DRAFT, submitted_at__isnull=False)

    def sent_back_to(self, user):
        """Drafts an editor sent back to ``user`` with a note, not submitted again."""
        return self.filter(
            status=Status.DRAFT,
            submitted_at__isnull=True,
            submitted_by=user,
            sent_back_at__isnull=False,
        )

    def next_change(self, now=None):
        """
        The next moment after ``now`` when one of these items appears or leaves
        by itself (a publication or unpublish date), or None: one query.
        """
        now = now or timezone.now()
        moments = self.filter(status=Status.PUBLISHED).aggregate(
            publication=models.Min(
                "published_at", filter=models.Q(published_at__gt=now)
            ),
            unpublication=models.Min(
                "unpublish_at", filter=models.Q(unpublish_at__gt=now)
            ),
        )
        return min(filter(None, moments.values()), default=None)


class Publishable(models.Model):
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=Status,
        default=Status.DRAFT,
        help_text=_("Drafts are visible only to staff, on the public address."),
    )
    published_at = models.DateTimeField(
        _("publication date"),
        default=timezone.now,
        db_index=True,
        help_text=_(
            "Shown to visitors as the date. A date in the future schedules the "
            "item: it appears by itself at that moment."
        ),
    )
    unpublish_at = models.DateTimeField(
        _("unpublish date"),
        null=True,
        blank=True,
        help_text=_(
            "Optional. At this moment the item leaves the site by itself: lists, "
            "feeds, search and its own page. Staff can still preview it."
        ),
    )
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)
    # Part of every share link of an unpublished item; a new key (or none)
    # voids every link given out before. Left out of revisions, so restoring
    # an earlier version never brings back a link that was stopped.
    share_key = models.CharField(
        _("share key"), max_length=32, blank=True, default="", editable=False
    )

    # The review: an author submits a draft, an editor publishes it or sends it
    # back with a note. Left out of revisions like the share key: restoring a
    # version is an edit, not a review.
    submitted_at = models.DateTimeField(
        _("submitted for review"), null=True, blank=True, editable=False
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("submitted by"),
    )
    sent_back_at = models.DateTimeField(
        _("sent back"), null=True, blank=True, editable=False
    )
    sent_back_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("sent back by"),
    )
    sent_back_note = models.TextField(
        _("note from the editor"), blank=True, default="", editable=False
    )

    objects = PublishableQuerySet.as_manager()
    # Set by save() when it published an item waiting for review, for the
    # admin's history.
    review_ended = False

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.status == Status.PUBLISHED:
            # Publishing or scheduling an item ends its review.
            self.review_ended = self.submitted_at is not None
            self.end_review()
        old_url = self.published_url_in_database()
        super().save(*args, **kwargs)
        if old_url and old_url != self.get_absolute_url():
            keep_old_address(old_url, self.get_absolute_url())

    def published_url_in_database(self):
        """The address visitors knew this item by, if it was published."""
        if self.pk is None:
            return None
        stored = type(self)._default_manager.filter(pk=self.pk).first()
        return stored.get_absolute_url() if stored and stored.is_published() else None

    def clean(self):
        super().clean()
        if (
            self.unpublish_at
            and self.published_at
            and self.unpublish_at <= self.published_at
        ):
            raise ValidationError(
                {
                    "unpublish_at": _(
                        "The unpublish date must come after the publication date."
                    )
                }
            )

    def is_published(self):
        now = timezone.now()
        return (
            self.status == Status.PUBLISHED
            and self.published_at <= now
            and not self.is_expired(now)
        )

    def is_scheduled(self):
        return self.status == Status.PUBLISHED and self.published_at > timezone.now()

    def is_expired(self, now=None):
        return (
            self.status == Status.PUBLISHED
            and self.unpublish_at is not None
            and self.unpublish_at <= (now or timezone.now())
        )

    def is_waiting_for_review(self):
        return self.status == Status.DRAFT and self.submitted_at is not None

    def is_sent_back(self):
        return (
            self.status == Status.DRAFT
            and self.submitted_at is None
            and self.sent_back_at is not None
        )

    def submit_for_review(self, user):
        """Ask the editors to publish this draft; an earlier note is answered."""
        self.submitted_at = timezone.now()
        self.submitted_by = user
        self.sent_back_at = self.sent_back_by = None
        self.sent_back_note = ""

    def send_back(self, user, note):
        """Return this draft to whoever submitted it, with what to change."""
        self.submitted_at = None
        self.sent_back_at = timezone.now()
        self.sent_back_by = user
        self.sent_back_note = note

    def end_review(self):
        self.submitted_at = self.submitted_by = None
        self.sent_back_at = self.sent_back_by = None
        self.sent_back_note = ""

    def start_sharing(self):
        """Let share links open this item while it is unpublished."""
        if not self.share_key:
            self.share_key = secrets.token_urlsafe(16)

    def stop_sharing(self):
        """Every share link given out so far stops working."""
        self.share_key = ""

    def get_share_url(self):
        """
        The item's address with a signed share token, for someone without an
        account; it works for ``SHARE_LINK_DAYS`` days, or until sharing stops.
        """
        if not self.share_key:
            return None
        token = signing.dumps(
            [self._meta.label_lower, self.pk, self.share_key], salt=SHARE_SALT
        )
        return f"{self.get_absolute_url()}?{SHARE_PARAMETER}={token}"

    def get_state_display(self):
        """The state in words, e.g. “Scheduled for Tue 4 Mar, 9:00”."""
        if self.is_scheduled():
            text = _("Scheduled for %(date)s") % {
                "date": format_moment(self.published_at)
            }
            if self.unpublish_at:
                text += " " + _("until %(date)s") % {
                    "date": format_moment(self.unpublish_at)
                }
            return text
        if self.is_expired():
            return _("Unpublished since %(date)s") % {
                "date": format_moment(self.unpublish_at)
            }
        if self.is_published():
            if self.unpublish_at:
                return _("Published until %(date)s") % {
                    "date": format_moment(self.unpublish_at)
                }
            return _("Published")
        if self.is_waiting_for_review():
            return _("Draft, waiting for review")
        if self.is_sent_back():
            return _("Draft, sent back with a note")
        return _("Draft")


# Fields no revision keeps (see the fields' comments).
UNVERSIONED_FIELDS = [
    "share_key",
    "submitted_at",
    "submitted_by",
    "sent_back_at",
    "sent_back_by",
    "sent_back_note",
]
# What the review fields are when no review goes on, for updates in bulk.
NO_REVIEW = {
    "submitted_at": None,
    "submitted_by": None,
    "sent_back_at": None,
    "sent_back_by": None,
    "sent_back_note": "",
}

SHARE_PARAMETER = "share"
SHARE_SALT = "recoverysite.publishing.share"


def share_link_lifetime():
    return datetime.timedelta(days=settings.SHARE_LINK_DAYS)


def shared_item(request, model):
    """
    The condition for the item a valid share token in ``request`` opens, or
    None: a token signed here, not older than ``SHARE_LINK_DAYS``, for this
    model, with the item's share key as it is now.
    """
    token = request.GET.get(SHARE_PARAMETER)
    if not token:
        return None
    try:
        label, pk, key = signing.loads(
            token, salt=SHARE_SALT, max_age=share_link_lifetime()
        )
    except (signing.BadSignature, ValueError, TypeError):
        return None
    if label != model._meta.label_lower or not key:
        return None
    return models.Q(pk=pk, share_key=key)


def format_moment(moment):
    """A moment in the site's time zone as editors read it: “Tue 4 Mar 2025, 9:00”."""
    return dateformat.format(timezone.localtime(moment), "D j M Y, G:i")


def keep_old_address(old_path, new_path):
    """A permanent redirect from an item's old address, without chains or loops."""
    Redirect.objects.filter(site_id=settings.SITE_ID, new_path=old_path).update(
        new_path=new_path
    )
    Redirect.objects.filter(site_id=settings.SITE_ID, old_path=new_path).delete()
    Redirect.objects.update_or_create(
        site_id=settings.SITE_ID, old_path=old_path, defaults={"new_path": new_path}
    )


def expire_at(response, moment):
    """
    Say that ``response`` is outdated at ``moment`` (an unpublish date, an
    event's start): no cache keeps it longer. The earliest of several moments wins.
    """
    if moment is None:
        return
    seconds = moment.timestamp()
    if (known := parse_http_date_safe(response.get("Expires", ""))) is not None:
        seconds = min(seconds, known)
    response["Expires"] = http_date(seconds)


class PreviewMixin:
    """
    For detail views: visitors see published items only; staff who may change the
    model also see drafts, scheduled and unpublished items, marked as a preview,
    never cached and never indexed. So does anyone with a valid share link of
    the item (``Publishable.get_share_url``).
    """

    def can_preview(self):
        user = self.request.user
        opts = self.model._meta
        return user.is_staff and user.has_perm(
            f"{opts.app_label}.{get_permission_codename('change', opts)}"
        )

    def get_queryset(self):
        queryset = super().get_queryset()
        if self.can_preview():
            return queryset
        if (shared := shared_item(self.request, queryset.model)) is not None:
            return queryset.filter(published_filter(timezone.now()) | shared)
        return queryset.published()

    def get_context_data(self, **kwargs):
        is_preview = not self.object.is_published()
        return super().get_context_data(
            is_preview=is_preview,
            is_shared_preview=is_preview and not self.can_preview(),
            **kwargs,
        )

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        if self.object.is_published():
            # Caches keep a published page until its unpublish date at most.
            expire_at(response, self.object.unpublish_at)
        else:
            add_never_cache_headers(response)
            response["X-Robots-Tag"] = "noindex"
        return response
