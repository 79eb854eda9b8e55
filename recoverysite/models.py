from django.contrib.auth.models import AbstractUser
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from recoverysite.slugs import unique_slug


class User(AbstractUser):
    display_name = models.CharField(
        _("display name"),
        max_length=150,
        blank=True,
        help_text=_(
            "The name visitors see on articles. Leave empty to use the full name."
        ),
    )
    slug = models.SlugField(
        _("slug"),
        max_length=150,
        unique=True,
        blank=True,
        help_text=_(
            "The address of the author's page; made from the name if left empty."
        ),
    )
    bio = models.TextField(_("short bio"), blank=True)

    # Signing in stamps last_login and may rehash the password: saves of only
    # these leave cached pages alone, so a staff sign-in keeps the public cache.
    page_cache_ignored_fields = frozenset({"last_login", "password"})

    def __str__(self):
        return self.display_name or self.get_full_name() or self.username

    def save(self, *args, **kwargs):
        if not self.slug:
            others = User.objects.exclude(pk=self.pk)
            self.slug = unique_slug(others, str(self), max_length=150)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("articles:author", kwargs={"slug": self.slug})

    def page_cache_tags(self):
        return ["articles"]  # bylines and author pages


class SiteSettings(models.Model):
    """The one row of texts that appear on every page."""

    name = models.CharField(
        _("site name"), max_length=100, default="Recovery Dialogues"
    )
    tagline = models.CharField(_("tagline"), max_length=200, blank=True)
    welcome = models.CharField(
        _("welcome line"),
        max_length=200,
        blank=True,
        help_text=_("Shown at the top of the home page for new visitors."),
    )
    start_page = models.ForeignKey(
        "pages.Page",
        verbose_name=_("start page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The welcome line links here, e.g. Questions and Answers."),
    )
    comment_guidelines = models.ForeignKey(
        "pages.Page",
        verbose_name=_("comment guidelines page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Linked from every comment form."),
    )
    privacy_page = models.ForeignKey(
        "pages.Page",
        verbose_name=_("privacy page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Linked from the footer of every page: what the site stores about "
            "visitors and commenters, and for how long."
        ),
    )
    footer_text = models.TextField(_("footer text"), blank=True)
    crisis_notice = models.TextField(
        _("crisis notice"),
        blank=True,
        help_text=_(
            "Shown in the footer of every page and next to comment forms. Say where "
            "to get help now, and that this site is not a crisis service."
        ),
    )

    class Meta:
        verbose_name = _("site settings")
        verbose_name_plural = _("site settings")

    def __str__(self):
        return str(_("Site settings"))

    def page_cache_tags(self):
        return ["site"]

    @classmethod
    def load(cls):
        settings, _created = cls.objects.select_related(
            "start_page", "comment_guidelines", "privacy_page__parent"
        ).get_or_create(pk=1)
        return settings
