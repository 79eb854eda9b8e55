from django.contrib import admin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from announcements.models import Announcement


@admin.register(Announcement)
class AnnouncementAdmin(admin.ModelAdmin):
    list_display = ["message", "level", "starts_at", "ends_at", "is_showing"]
    list_filter = ["level"]
    search_fields = ["message"]
    date_hierarchy = "starts_at"

    @admin.display(boolean=True, description=_("showing now"))
    def is_showing(self, announcement):
        now = timezone.now()
        return announcement.starts_at <= now < announcement.ends_at
