from django.contrib import admin

from wordpress.models import WordPressItem


@admin.register(WordPressItem)
class WordPressItemAdmin(admin.ModelAdmin):
    """What each item of an imported WordPress export became; read only."""

    list_display = [
        "wp_id",
        "kind",
        "content_object",
        "sticky",
        "source",
        "imported_at",
    ]
    list_filter = ["kind", "sticky", "source"]
    search_fields = ["wp_id", "guid"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
