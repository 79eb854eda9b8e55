from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from articles.models import Article
from editorial.admin import PublishableAdmin
from images.admin import ImageChoiceAdmin
from recoverysite.publishing import Status


@admin.register(Article)
class ArticleAdmin(ImageChoiceAdmin, PublishableAdmin):
    list_display = [
        "title",
        "author",
        "publication_state",
        "published_at",
        "updated_at",
    ]
    list_filter = [*PublishableAdmin.list_filter, "author", "tags"]
    search_fields = ["title", "summary", "body"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["author"]
    compare_fields = ["title", "summary", "body"]
    summary_field = "summary"
    fieldsets = [
        (
            None,
            {"fields": ["title", "slug", "author", "summary", "content_note", "body"]},
        ),
        (
            _("Image"),
            {"fields": ["featured_image", "image_preview"]},
        ),
        (
            _("Publishing"),
            {
                "fields": [
                    "status",
                    "published_at",
                    "updated_at",
                    "tags",
                    "comments_open",
                    "comments_close_at",
                ]
            },
        ),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("author")

    def get_readonly_fields(self, request, obj=None):
        fields = super().get_readonly_fields(request, obj)
        # Authors write under their own name; editors may credit someone else.
        return fields if self.has_publish_permission(request) else [*fields, "author"]

    def may_edit_without_publishing(self, request, obj):
        return obj.status == Status.DRAFT and obj.author_id == request.user.pk

    def save_model(self, request, obj, form, change):
        if not change and obj.author_id is None:
            obj.author = request.user
        super().save_model(request, obj, form, change)
