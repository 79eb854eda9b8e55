from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from editorial.admin import PublicationStateFilter, PublishableAdmin
from pages.models import Page


@admin.register(Page)
class PageAdmin(PublishableAdmin):
    list_display = [
        "title",
        "parent",
        "menu_order",
        "show_in_menu",
        "publication_state",
    ]
    list_editable = ["menu_order", "show_in_menu"]
    list_filter = [PublicationStateFilter, "show_in_menu", "parent"]
    search_fields = ["title", "body"]
    prepopulated_fields = {"slug": ["title"]}
    compare_fields = ["title", "body"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "parent", "content_note", "body"]}),
        (_("Menu"), {"fields": ["show_in_menu", "menu_order"]}),
        (_("Publishing"), {"fields": ["status", "published_at", "updated_at"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("parent")
