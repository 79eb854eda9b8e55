import csv

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.db.models import Count, F, Q
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from editorial.dashboard import changelist_url
from events.admin import EventAdmin
from events.models import Event
from operations.background import enqueue_after_commit
from registrations import emails, tasks
from registrations.dashboard import seats_note
from registrations.forms import RegistrantMessageForm
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

    list_display = [
        "event",
        "capacity",
        "seats_taken",
        "waiting_list",
        "reminders",
    ]
    autocomplete_fields = ["event"]
    search_fields = ["event__title"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("event")
            .annotate(
                confirmed=Count(
                    "event__registrations",
                    filter=Q(
                        event__registrations__status=Registration.Status.CONFIRMED
                    ),
                ),
                waiting=Count(
                    "event__registrations",
                    filter=Q(event__registrations__status=Registration.Status.WAITING),
                ),
            )
        )

    @admin.display(description=_("seats taken"), ordering="confirmed")
    def seats_taken(self, options):
        return options.confirmed

    @admin.display(description=_("waiting list"), ordering="waiting")
    def waiting_list(self, options):
        return options.waiting

    # A short heading: the field's own label is a sentence that pushes the
    # columns out of a laptop screen.
    @admin.display(description=_("reminders"), ordering="reminder_hours")
    def reminders(self, options):
        return options.reminder_hours or _("usual")

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        event = form.instance.event
        if change:
            # More seats: the waiting list moves up at once, and hears so.
            for promoted in fill_free_seats(event):
                enqueue_after_commit(tasks.promoted, promoted.pk)
        if "reminder_hours" in form.changed_data and event.takes_registrations_here:
            # The reminders queued for the old hours check the hours when due.
            tasks.schedule_reminders(event)


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = ["name", "email", "event", "status", "registered_at", "attended"]
    list_filter = ["status", "attended", "event"]
    search_fields = ["name", "email", "event__title"]
    autocomplete_fields = ["event"]
    ordering = ["event", "status", "registered_at", "pk"]
    readonly_fields = ["registered_at", "cancelled_at", "language"]
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
        "language",
    ]
    actions = ["export_csv", "mark_attended", "write_to_registrants"]

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

    @admin.action(description=_("Write an email to the chosen registrants"))
    def write_to_registrants(self, request, queryset):
        """
        An intermediate page: write, preview as the first registrant will
        read it, then send. Cancelled registrations are left out.
        """
        chosen = queryset.active().select_related("event")
        writing = "subject" in request.POST
        form = RegistrantMessageForm(request.POST if writing else None)
        preview = None
        if writing and form.is_valid():
            subject = form.cleaned_data["subject"]
            message = form.cleaned_data["message"]
            if "send" in request.POST:
                ids = list(chosen.values_list("pk", flat=True))
                enqueue_after_commit(tasks.write_to_registrants, ids, subject, message)
                self.message_user(
                    request,
                    ngettext(
                        "Your email is on its way to %(count)d registrant.",
                        "Your email is on its way to %(count)d registrants.",
                        len(ids),
                    )
                    % {"count": len(ids)},
                )
                return None
            if first := chosen.first():
                preview = emails.written(first, subject, message)
        counts = chosen.aggregate(
            confirmed=Count("pk", filter=Q(status=Registration.Status.CONFIRMED)),
            waiting=Count("pk", filter=Q(status=Registration.Status.WAITING)),
        )
        return TemplateResponse(
            request,
            "admin/registrations/registration/write_to_registrants.html",
            {
                **self.admin_site.each_context(request),
                "title": _("Write to registrants"),
                "opts": self.model._meta,
                "form": form,
                "preview": preview,
                "counts": counts,
                # Every registration chosen on the list, cancelled ones too,
                # so the form posts back the same choice.
                "chosen_ids": queryset.values_list("pk", flat=True),
                "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
                "changelist_url": changelist_url(Registration),
            },
        )


# The event list shows each event's registrations. The events app knows nothing
# of them, so this app puts an Event admin of its own in place of the events one.
admin.site.unregister(Event)


@admin.register(Event)
class EventWithRegistrationsAdmin(EventAdmin):
    list_display = [*EventAdmin.list_display, "registrations"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                confirmed=Count(
                    "registrations",
                    filter=Q(registrations__status=Registration.Status.CONFIRMED),
                ),
                waiting=Count(
                    "registrations",
                    filter=Q(registrations__status=Registration.Status.WAITING),
                ),
                capacity=F("registration_options__capacity"),
            )
        )

    @admin.display(description=_("registrations"))
    def registrations(self, event):
        if event.registration_mode != Event.RegistrationMode.REQUIRED:
            return "—"
        return seats_note(
            {
                "registration_options__capacity": event.capacity,
                "confirmed": event.confirmed,
                "waiting": event.waiting,
            }
        )
