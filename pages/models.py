import html
import re

import reversion
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import Resolver404, resolve, reverse
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django_prose_editor.fields import ProseEditorField

from recoverysite.publishing import (
    UNVERSIONED_FIELDS,
    Publishable,
    PublishableQuerySet,
    keep_old_address,
)
from recoverysite.rich_text import (
    EXTENSIONS,
    image_description_errors,
    sanitize_html,
)
from recoverysite.slugs import unique_slug
from search.models import Searchable, SearchableManager


class PageQuerySet(PublishableQuerySet):
    def in_menu(self):
        return self.published().filter(show_in_menu=True, parent=None)


@reversion.register(exclude=["search_vector", *UNVERSIONED_FIELDS])
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
    content_note = models.CharField(
        _("content note"),
        max_length=200,
        blank=True,
        help_text=_(
            "Shown above the text and in search results, e.g. “Mentions suicide.”"
        ),
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
    search_note_field = "content_note"

    class Meta:
        ordering = ["menu_order", "title"]
        verbose_name = _("page")
        verbose_name_plural = _("pages")
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
                    "pages:child", kwargs={"parent": stored_slug, "slug": child.slug}
                )
                keep_old_address(old_url, child.get_absolute_url())

    def get_absolute_url(self):
        if self.parent_id:
            return reverse(
                "pages:child", kwargs={"parent": self.parent.slug, "slug": self.slug}
            )
        return reverse("pages:detail", kwargs={"slug": self.slug})

    def description_text(self):
        """The opening words of the text, for search engines and link previews."""
        # Block ends become spaces, so paragraphs do not run into one another.
        text = strip_tags(re.sub(r"</(p|li|h\d|blockquote)>", " ", self.body))
        return Truncator(" ".join(html.unescape(text).split())).words(30)

    def page_cache_tags(self):
        return ["site"]  # the menu and footer links of every page

    @classmethod
    def search_queryset(cls):
        return cls.objects.published().select_related("parent")

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
        for path, view_name in [
            (f"/{self.slug}/", "pages:detail"),
            (f"/{self.slug}/child/", "pages:child"),
        ]:
            try:
                match = resolve(path)
            except Resolver404:
                continue
            if match.view_name != view_name:
                raise ValidationError(
                    {
                        "slug": _("“%(slug)s” is already used by the site itself.")
                        % {"slug": self.slug}
                    }
                )
