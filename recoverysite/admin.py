from django.contrib import admin
from django.contrib.admin.widgets import RelatedFieldWidgetWrapper
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _

from recoverysite.models import SiteSettings, User

admin.site.site_header = _("Recovery site administration")
admin.site.site_title = _("Site administration")


class AccessibleAdminMedia:
    """Names for controls Django's widgets and the rich-text editor leave unnamed."""

    css = {"all": ["recoverysite/admin/accessibility.css"]}
    js = ["recoverysite/admin/accessibility.js"]


class KeepRelatedRecords:
    """
    For model admins and inlines: a field that chooses another record (an
    author, a presenter, a page) has no ✖ beside it, which would delete that
    record itself rather than clear the choice.
    """

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if formfield is not None and isinstance(
            formfield.widget, RelatedFieldWidgetWrapper
        ):
            formfield.widget.can_delete_related = False
        return formfield


@admin.register(SiteSettings)
class SiteSettingsAdmin(KeepRelatedRecords, admin.ModelAdmin):
    fields = [
        "name",
        "tagline",
        "welcome",
        "start_page",
        "comment_guidelines",
        "privacy_page",
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
