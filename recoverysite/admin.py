from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from recoverysite import image_admin  # noqa: F401 - registers the image library
from recoverysite.caching import invalidate, tags_for_change
from recoverysite.models import Page, SiteSettings, User
from recoverysite.publishing import Status

admin.site.site_header = _("Recovery site administration")
admin.site.site_title = _("Site administration")
admin.site.index_template = "admin/site_index.html"


class PublicationStateFilter(admin.SimpleListFilter):
    title = _("publication state")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [
            ("published", _("Published")),
            ("scheduled", _("Scheduled")),
            ("draft", _("Draft")),
        ]

    def queryset(self, request, queryset):
        now = timezone.now()
        if self.value() == "published":
            return queryset.published()
        if self.value() == "scheduled":
            return queryset.filter(status=Status.PUBLISHED, published_at__gt=now)
        if self.value() == "draft":
            return queryset.filter(status=Status.DRAFT)
        return queryset


class AccessibleAdminMedia:
    """Names for controls Django's widgets and the rich-text editor leave unnamed."""

    css = {"all": ["recoverysite/admin/accessibility.css"]}
    js = ["recoverysite/admin/accessibility.js"]


class PublishableAdmin(admin.ModelAdmin):
    """Shared by everything with the draft/scheduled/published rule."""

    Media = AccessibleAdminMedia

    list_filter = [PublicationStateFilter, "published_at"]
    date_hierarchy = "published_at"
    actions = ["publish", "unpublish"]
    readonly_fields = ["updated_at"]

    def view_on_site(self, obj):
        # The default goes through the sites framework's domain (example.com).
        return obj.get_absolute_url()

    @admin.display(description=_("state"))
    def publication_state(self, obj):
        if obj.is_published():
            return _("Published")
        if obj.is_scheduled():
            return _("Scheduled for %(date)s") % {
                "date": timezone.localtime(obj.published_at).strftime("%b %d, %Y %H:%M")
            }
        return _("Draft")

    @admin.action(description=_("Publish selected items (keeping their dates)"))
    def publish(self, request, queryset):
        count = queryset.update(status=Status.PUBLISHED)
        invalidate(*tags_for_change(queryset.model()))
        self.message_user(request, _("%(count)d item(s) published.") % {"count": count})

    @admin.action(description=_("Turn selected items back into drafts"))
    def unpublish(self, request, queryset):
        count = queryset.update(status=Status.DRAFT)
        invalidate(*tags_for_change(queryset.model()))
        self.message_user(
            request, _("%(count)d item(s) are drafts now.") % {"count": count}
        )


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
    fieldsets = [
        (None, {"fields": ["title", "slug", "parent", "body"]}),
        (_("Menu"), {"fields": ["show_in_menu", "menu_order"]}),
        (_("Publishing"), {"fields": ["status", "published_at", "updated_at"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("parent")


@admin.register(SiteSettings)
class SiteSettingsAdmin(admin.ModelAdmin):
    fields = [
        "name",
        "tagline",
        "welcome",
        "start_page",
        "comment_guidelines",
        "footer_text",
        "crisis_notice",
    ]

    def has_add_permission(self, request):
        return not SiteSettings.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        # There is only one row: go straight to it.
        settings = SiteSettings.load()
        return redirect("admin:recoverysite_sitesettings_change", settings.pk)


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = ["username", "display_name", "email", "is_staff", "is_active"]
    search_fields = ["username", "display_name", "first_name", "last_name", "email"]
    fieldsets = [
        *DjangoUserAdmin.fieldsets,
        (_("Author page"), {"fields": ["display_name", "slug", "bio"]}),
    ]
