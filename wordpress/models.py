from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class WordPressItem(models.Model):
    """
    What an item of a WordPress export became here, so that importing the export
    again finds it instead of making a second copy.
    """

    class Kind(models.TextChoices):
        AUTHOR = "author", _("Author")
        POST = "post", _("Post, page, event or organizer")
        COMMENT = "comment", _("Comment")

    source = models.CharField(
        _("WordPress site"),
        max_length=200,
        help_text=_("The exported site's address (wp:base_blog_url)."),
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind)
    wp_id = models.CharField(
        _("WordPress ID"),
        max_length=200,
        help_text=_("The post or comment number, or the login of an author."),
    )
    guid = models.CharField(_("WordPress GUID"), max_length=500, blank=True)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    content_object = GenericForeignKey("content_type", "object_id")
    checksum = models.CharField(
        max_length=64,
        help_text=_("Tells whether the item changed in a later export."),
    )
    sticky = models.BooleanField(
        _("sticky on WordPress"),
        default=False,
        help_text=_(
            "The post was pinned to the top of the WordPress blog. Articles have "
            "no such flag yet, so it is kept here."
        ),
    )
    missing_media = models.JSONField(
        _("missing media"),
        default=dict,
        blank=True,
        help_text=_(
            "Uploaded files the item refers to that were not found at its last "
            "import, each with the reason. Each later import lists them again "
            "until they are found."
        ),
    )
    imported_at = models.DateTimeField(_("imported"), auto_now_add=True)

    class Meta:
        verbose_name = _("imported WordPress item")
        verbose_name_plural = _("imported WordPress items")
        constraints = [
            models.UniqueConstraint(
                fields=["source", "kind", "wp_id"], name="wordpress_item_once"
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.wp_id} from {self.source}"
