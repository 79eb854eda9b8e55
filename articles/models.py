import reversion
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django_prose_editor.fields import ProseEditorField
from taggit.managers import TaggableManager

from comments.models import Comment
from recoverysite.publishing import (
    UNVERSIONED_FIELDS,
    Publishable,
    PublishableQuerySet,
)
from recoverysite.rich_text import (
    EXTENSIONS,
    image_description_errors,
    sanitize_html,
)
from recoverysite.slugs import unique_slug
from search.models import Searchable, SearchableManager


class ArticleQuerySet(PublishableQuerySet):
    def related_to(self, article, limit=3):
        """Other articles sharing the most tags with ``article``, newest first:
        their titles, addresses and dates."""
        tag_ids = [tag.pk for tag in article.tags.all()]
        return (
            self.filter(tags__in=tag_ids)
            .exclude(pk=article.pk)
            # Only what the list shows: the query groups and sorts every article
            # sharing a tag, and with a common tag on a large site that is
            # thousands of rows, bodies included otherwise (22 ms instead of 2).
            .only("title", "slug", "published_at")
            .annotate(shared_tags=models.Count("tags"))
            .order_by("-shared_tags", "-published_at")[:limit]
        )

    def for_cards(self):
        """Everything an article card shows, in a fixed number of queries."""
        return (
            self.select_related("author", "featured_image")
            .prefetch_related("tags")
            .annotate(comment_count=Comment.objects.count_for(Article))
        )


@reversion.register(exclude=["search_vector", *UNVERSIONED_FIELDS])
class Article(Searchable, Publishable):
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=200,
        unique=True,
        help_text=_(
            "The last part of the article's address, made from the title. Changing "
            "it after publication changes the address."
        ),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles",
    )
    summary = models.TextField(
        _("summary"),
        max_length=300,
        help_text=_(
            "One or two plain sentences. Shown on cards, in feeds and to search "
            "engines."
        ),
    )
    body = ProseEditorField(_("body"), extensions=EXTENSIONS, sanitize=sanitize_html)
    content_note = models.CharField(
        _("content note"),
        max_length=200,
        blank=True,
        help_text=_("Shown above the text, e.g. “Mentions suicide.”"),
    )
    featured_image = models.ForeignKey(
        "images.Image",
        verbose_name=_("featured image"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_(
            "Shown on the article's card, at the top of the article and when it is "
            "shared. Choose a picture from the image library, or press + to upload "
            "a new one (its description is asked for there)."
        ),
    )
    comments_open = models.BooleanField(_("comments open"), default=True)
    comments_close_at = models.DateTimeField(
        _("close comments at"),
        null=True,
        blank=True,
        help_text=_(
            "Optional. Leave empty to follow the site's rule for closing comments."
        ),
    )
    tags = TaggableManager(_("tags"), blank=True)

    objects = SearchableManager.from_queryset(ArticleQuerySet)()

    search_weights = {"A": ["title"], "B": ["summary"], "C": ["body"]}
    search_date_field = "published_at"
    search_note_field = "content_note"

    class Meta:
        ordering = ["-published_at"]
        get_latest_by = "published_at"
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        permissions = [
            ("publish_article", _("Can publish, schedule and unpublish articles"))
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.body = sanitize_html(self.body)
        if not self.slug:
            text = self.title
            if slugify(text).isdigit():
                # "/articles/1984/" is the year archive.
                text = f"article {text}"
            self.slug = unique_slug(Article.objects.exclude(pk=self.pk), text)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("articles:detail", kwargs={"slug": self.slug})

    def page_cache_tags(self):
        return ["articles"]

    @classmethod
    def search_queryset(cls):
        return cls.objects.published()

    def clean(self):
        super().clean()
        errors = image_description_errors(self, "body")
        if self.slug and self.slug.isdigit():
            # /articles/2025/ is the year archive.
            errors["slug"] = _("A slug needs at least one letter.")
        if errors:
            raise ValidationError(errors)

    def get_previous_published(self):
        return (
            Article.objects.published()
            .filter(published_at__lt=self.published_at)
            .only("title", "slug")
            .first()
        )

    def get_next_published(self):
        return (
            Article.objects.published()
            .filter(published_at__gt=self.published_at)
            .only("title", "slug")
            .last()
        )
