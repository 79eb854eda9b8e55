import reversion
from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import Resolver404, resolve, reverse
from django.utils.translation import gettext_lazy as _
from django_prose_editor.fields import ProseEditorField

from recoverysite.images import Image  # noqa: F401 - the image library's model
from recoverysite.publishing import Publishable, PublishableQuerySet, keep_old_address
from recoverysite.rich_text import (
    EXTENSIONS,
    image_description_errors,
    sanitize_html,
)
from recoverysite.search import Searchable, SearchableManager
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

    def __str__(self):
        return self.display_name or self.get_full_name() or self.username

    def save(self, *args, **kwargs):
        if not self.slug:
            others = User.objects.exclude(pk=self.pk)
            self.slug = unique_slug(others, str(self), max_length=150)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("articles:author", kwargs={"slug": self.slug})


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
        "Page",
        verbose_name=_("start page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The welcome line links here, e.g. Questions and Answers."),
    )
    comment_guidelines = models.ForeignKey(
        "Page",
        verbose_name=_("comment guidelines page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Linked from every comment form."),
    )
    privacy_page = models.ForeignKey(
        "Page",
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

    @classmethod
    def load(cls):
        settings, _created = cls.objects.select_related(
            "start_page", "comment_guidelines", "privacy_page__parent"
        ).get_or_create(pk=1)
        return settings


class PageQuerySet(PublishableQuerySet):
    def in_menu(self):
        return self.published().filter(show_in_menu=True, parent=None)


@reversion.register(exclude=["search_vector"])
class Page(Searchable, Publishable):
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=200,
        help_text=_("The last part of the page's address."),
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent page"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        limit_choices_to={"parent": None},
        help_text=_("Optional: places this page under a top-level page."),
    )
    body = ProseEditorField(
        _("body"), extensions=EXTENSIONS, sanitize=sanitize_html, blank=True
    )
    menu_order = models.PositiveSmallIntegerField(
        _("menu order"), default=0, help_text=_("Lower numbers come first in the menu.")
    )
    show_in_menu = models.BooleanField(
        _("show in menu"),
        default=False,
        help_text=_("Top-level published pages only."),
    )

    objects = SearchableManager.from_queryset(PageQuerySet)()

    search_weights = {"A": ["title"], "C": ["body"]}

    class Meta:
        ordering = ["menu_order", "title"]
        permissions = [("publish_page", _("Can publish, schedule and unpublish pages"))]
        constraints = [
            models.UniqueConstraint(
                fields=["parent", "slug"], name="page_slug_unique_under_parent"
            ),
            models.UniqueConstraint(
                fields=["slug"],
                condition=models.Q(parent=None),
                name="page_slug_unique_at_top",
            ),
        ]

    def __str__(self):
        return f"{self.parent} › {self.title}" if self.parent_id else self.title

    def save(self, *args, **kwargs):
        self.body = sanitize_html(self.body)
        if not self.slug:
            siblings = Page.objects.filter(parent=self.parent).exclude(pk=self.pk)
            self.slug = unique_slug(siblings, self.title)
        stored_slug = (
            Page.objects.filter(pk=self.pk).values_list("slug", flat=True).first()
            if self.pk
            else None
        )
        super().save(*args, **kwargs)
        if stored_slug and stored_slug != self.slug:
            # A renamed parent moves its children's addresses too.
            for child in self.children.published():
                old_url = reverse(
                    "page-child", kwargs={"parent": stored_slug, "slug": child.slug}
                )
                keep_old_address(old_url, child.get_absolute_url())

    def get_absolute_url(self):
        if self.parent_id:
            return reverse(
                "page-child", kwargs={"parent": self.parent.slug, "slug": self.slug}
            )
        return reverse("page", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        if errors := image_description_errors(self, "body"):
            raise ValidationError(errors)
        if self.parent_id:
            if self.parent_id == self.pk:
                raise ValidationError({"parent": _("A page cannot be its own parent.")})
            if self.parent.parent_id:
                raise ValidationError(
                    {"parent": _("Pages nest one level deep: choose a top-level page.")}
                )
            if self.pk and self.children.exists():
                raise ValidationError(
                    {
                        "parent": _(
                            "This page has pages under it, so it must stay at the top."
                        )
                    }
                )
        elif self.slug:
            self.check_slug_is_free()

    def check_slug_is_free(self):
        # A top-level page lives at /<slug>/ and its children at /<slug>/<child>/,
        # beside the site's own sections (/tags/ alone is free, /tags/<x>/ is not).
        for path, url_name in [
            (f"/{self.slug}/", "page"),
            (f"/{self.slug}/child/", "page-child"),
        ]:
            try:
                match = resolve(path)
            except Resolver404:
                continue
            if match.url_name != url_name:
                raise ValidationError(
                    {
                        "slug": _("“%(slug)s” is already used by the site itself.")
                        % {"slug": self.slug}
                    }
                )
