import csv

from django.contrib import admin, messages
from django.http import HttpResponse
from django.utils.translation import gettext_lazy as _

from operations.background import enqueue_after_commit
from registrations import tasks
from registrations.models import (
    Question,
    Registration,
    RegistrationOptions,
    fill_free_seats,
    register,
)


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    """Extra questions on an event's registration form, such as access needs."""

    list_display = ["text", "event", "required", "order"]
    list_filter = ["event"]
    list_editable = ["required", "order"]
    autocomplete_fields = ["event"]


@admin.register(RegistrationOptions)
class RegistrationOptionsAdmin(admin.ModelAdmin):
    """Seats, consent text, reminders and questions of one event's registration."""

    list_display = ["event", "capacity", "reminder_hours", "shows_attendee_count"]
    autocomplete_fields = ["event"]
    search_fields = ["event__title"]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if change:
            # More seats: the waiting list moves up at once, and hears so.
            for promoted in fill_free_seats(form.instance.event):
                enqueue_after_commit(tasks.promoted, promoted.pk)


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = ["name", "email", "event", "status", "registered_at", "attended"]
    list_filter = ["status", "attended", "event"]
    search_fields = ["name", "email", "event__title"]
    autocomplete_fields = ["event"]
    ordering = ["event", "status", "registered_at", "pk"]
    readonly_fields = ["registered_at", "cancelled_at"]
    fields = [
        "event",
        "name",
        "email",
        "time_zone",
        "answers",
        "wants_recording_email",
        "status",
        "attended",
        "registered_at",
        "cancelled_at",
    ]
    actions = ["export_csv", "mark_attended"]

    def get_fields(self, request, obj=None):
        if obj is None:
            # Adding by hand: the seat or waiting place is decided as online.
            return ["event", "name", "email", "time_zone", "wants_recording_email"]
        return self.fields

    def save_model(self, request, obj, form, change):
        if change:
            super().save_model(request, obj, form, change)
            return
        registration, created = register(
            obj.event,
            email=obj.email,
            name=obj.name,
            time_zone=obj.time_zone,
            wants_recording=obj.wants_recording_email,
        )
        obj.pk = registration.pk
        if created:
            enqueue_after_commit(tasks.registered, registration.pk)
        else:
            messages.warning(request, _("This address was already registered."))

    @admin.action(description=_("Export the chosen registrations as CSV"))
    def export_csv(self, request, queryset):
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="registrations.csv"'
        writer = csv.writer(response)
        writer.writerow(
            ["event", "name", "email", "time zone", "status", "registered", "answers"]
        )
        for registration in queryset.select_related("event"):
            writer.writerow(
                [
                    registration.event.title,
                    registration.name,
                    registration.email,
                    registration.time_zone,
                    registration.get_status_display(),
                    registration.registered_at.isoformat(),
                    "; ".join(f"{q}: {a}" for q, a in registration.answers.items()),
                ]
            )
        return response

    @admin.action(description=_("Mark the chosen registrants as attended"))
    def mark_attended(self, request, queryset):
        count = queryset.update(attended=True)
        self.message_user(
            request, _("%(count)d marked as attended.") % {"count": count}
        )
