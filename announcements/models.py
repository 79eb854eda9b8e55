import zlib

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# Every public page shows the announcements, so every cached page depends on them.
CACHE_TAG = "announcements"


class AnnouncementQuerySet(models.QuerySet):
    def not_ended(self, now=None):
        return self.filter(ends_at__gt=now or timezone.now()).order_by("starts_at")

    def showing(self, now=None):
        now = now or timezone.now()
        return self.not_ended(now).filter(starts_at__lte=now)


class Announcement(models.Model):
    class Level(models.TextChoices):
        INFO = "info", _("Information")
        IMPORTANT = "important", _("Important")

    message = models.CharField(
        _("message"),
        max_length=300,
        help_text=_("One or two short sentences, shown at the top of every page."),
    )
    level = models.CharField(
        _("level"), max_length=10, choices=Level.choices, default=Level.INFO
    )
    starts_at = models.DateTimeField(_("shown from"), default=timezone.now)
    ends_at = models.DateTimeField(
        _("shown until"), help_text=_("It leaves every page by itself at this time.")
    )

    objects = AnnouncementQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_at"]
        verbose_name = _("announcement")
        verbose_name_plural = _("announcements")

    def __str__(self):
        return self.message

    def clean(self):
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The end must come after the start.")})

    def page_cache_tags(self):
        return [CACHE_TAG]

    @property
    def dismiss_key(self):
        """Changes when the text changes: an edited notice shows again."""
        return f"announcement-{self.pk}-{zlib.crc32(self.message.encode())}"
