"""The publication rule shared by articles, pages and events."""

from django.conf import settings
from django.contrib.auth import get_permission_codename
from django.contrib.redirects.models import Redirect
from django.db import models
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class PublishableQuerySet(models.QuerySet):
    def published(self):
        """Items visitors may see: published, with a publication date now or past."""
        return self.filter(status=Status.PUBLISHED, published_at__lte=timezone.now())


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

    def is_published(self):
        return self.status == Status.PUBLISHED and self.published_at <= timezone.now()

    def is_scheduled(self):
        return self.status == Status.PUBLISHED and self.published_at > timezone.now()


def keep_old_address(old_path, new_path):
    """A permanent redirect from an item's old address, without chains or loops."""
    Redirect.objects.filter(site_id=settings.SITE_ID, new_path=old_path).update(
        new_path=new_path
    )
    Redirect.objects.filter(site_id=settings.SITE_ID, old_path=new_path).delete()
    Redirect.objects.update_or_create(
        site_id=settings.SITE_ID, old_path=old_path, defaults={"new_path": new_path}
    )


class PreviewMixin:
    """
    For detail views: visitors see published items only; staff who may change the
    model also see drafts and scheduled items, never cached and never indexed.
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

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        if not self.object.is_published():
            add_never_cache_headers(response)
            response["X-Robots-Tag"] = "noindex"
        return response
