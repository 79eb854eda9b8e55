from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from django_tasks_db.models import get_date_max

from mail.models import OutgoingEmail


@admin.register(OutgoingEmail)
class OutgoingEmailAdmin(admin.ModelAdmin):
    """Every try at every email, with its error: for whoever runs the site."""

    list_display = ["subject", "to", "attempt", "status", "enqueued_at", "next_try"]
    list_filter = ["status"]
    readonly_fields = ["subject", "to", "attempt", "status", "next_try", "error"]
    fields = readonly_fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description=_("to"))
    def to(self, obj):
        return ", ".join(obj.recipients)

    @admin.display(description=_("try"))
    def attempt(self, obj):
        return obj.attempt

    @admin.display(description=_("not before"))
    def next_try(self, obj):
        return None if obj.run_after == get_date_max() else obj.run_after

    @admin.display(description=_("error"))
    def error(self, obj):
        return obj.traceback.strip().splitlines()[-1] if obj.traceback else "—"
