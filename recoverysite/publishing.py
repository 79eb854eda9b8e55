"""The publication rule shared by articles, pages and events."""

from django.conf import settings
from django.contrib.auth import get_permission_codename
from django.contrib.redirects.models import Redirect
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

    objects = PublishableQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
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
        return _("Draft")


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
    never cached and never indexed.
    """

    def can_preview(self):
        user = self.request.user
        opts = self.model._meta
        return user.is_staff and user.has_perm(
            f"{opts.app_label}.{get_permission_codename('change', opts)}"
        )

    def get_queryset(self):
        queryset = super().get_queryset()
        return queryset if self.can_preview() else queryset.published()

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            is_preview=not self.object.is_published(), **kwargs
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
