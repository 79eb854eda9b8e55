import datetime
import zoneinfo

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.widgets import AdminSplitDateTime
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.urls import reverse
from django.utils import dateformat
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from editorial.admin import EditorialAdmin, PublicationStateFilter, PublishableAdmin
from editorial.edit_conflicts import EditConflictForm
from events.models import Event, EventPresenter, Presenter, known_time_zones
from images.admin import ImageChoiceAdmin, thumbnail_html
from images.uploads import StoreUploadsFirst
from recoverysite.admin import AccessibleAdminMedia


class WallClockDateTimeField(forms.SplitDateTimeField):
    """A date and time as typed, without a time zone: the form applies the event's."""

    widget = AdminSplitDateTime

    def compress(self, data_list):
        if not data_list:
            return None
        if data_list[0] in self.empty_values:
            raise ValidationError(
                self.error_messages["invalid_date"], code="invalid_date"
            )
        if data_list[1] in self.empty_values:
            raise ValidationError(
                self.error_messages["invalid_time"], code="invalid_time"
            )
        return datetime.datetime.combine(*data_list)


def in_time_zone(wall_clock, zone):
    """``wall_clock`` in ``zone``, refusing times the clocks skip or repeat."""
    first = wall_clock.replace(tzinfo=zone, fold=0)
    second = wall_clock.replace(tzinfo=zone, fold=1)
    if first.utcoffset() != second.utcoffset():
        round_trip = first.astimezone(datetime.UTC).astimezone(zone)
        if round_trip.replace(tzinfo=None) != wall_clock:
            message = _(
                "%(time)s does not exist in %(zone)s: the clocks go forward that "
                "night. Choose another time."
            )
        else:
            message = _(
                "%(time)s happens twice in %(zone)s: the clocks go back that night. "
                "Choose another time."
            )
        raise ValidationError(
            message,
            params={"time": wall_clock.strftime("%H:%M on %Y-%m-%d"), "zone": zone.key},
        )
    return first


class EventAdminForm(StoreUploadsFirst, EditConflictForm):
    start = WallClockDateTimeField(
        label=_("start"),
        help_text=_("Date and time in the event's time zone."),
    )
    end = WallClockDateTimeField(
        label=_("end"),
        help_text=_("Date and time in the event's time zone."),
    )

    class Meta:
        model = Event
        # The admin adds the fields of its fieldsets.
        fields = ["time_zone", "start", "end"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Editors see and type the times as the organiser's clock shows them.
        if self.instance.pk:
            zone = self.instance.zone
            for name in ["start", "end"]:
                moment = getattr(self.instance, name)
                self.initial[name] = moment.astimezone(zone).replace(tzinfo=None)

    def clean(self):
        cleaned_data = super().clean()
        name = cleaned_data.get("time_zone")
        if name not in known_time_zones():
            # The time zone's own error explains; the times cannot be placed yet.
            return cleaned_data
        zone = zoneinfo.ZoneInfo(name)
        for field in ["start", "end"]:
            wall_clock = cleaned_data.get(field)
            if wall_clock is None:
                continue
            try:
                cleaned_data[field] = in_time_zone(wall_clock, zone)
            except ValidationError as error:
                self.add_error(field, error)
        return cleaned_data


class EventPresenterInline(admin.TabularInline):
    model = EventPresenter
    autocomplete_fields = ["presenter"]
    fields = ["presenter", "role", "order"]
    extra = 1


class WhenFilter(admin.SimpleListFilter):
    title = _("when")
    parameter_name = "when"

    def lookups(self, request, model_admin):
        return [("upcoming", _("Upcoming")), ("past", _("Past"))]

    def queryset(self, request, queryset):
        if self.value() == "upcoming":
            return queryset.upcoming()
        if self.value() == "past":
            return queryset.past()
        return queryset


@admin.register(Event)
class EventAdmin(ImageChoiceAdmin, PublishableAdmin):
    form = EventAdminForm
    inlines = [EventPresenterInline]
    list_display = [
        "title",
        "when",
        "format",
        "event_status",
        "publication_state",
        "has_recording",
    ]
    list_filter = [
        WhenFilter,
        PublicationStateFilter,
        "event_status",
        "registration_mode",
        "format",
        "tags",
    ]
    date_hierarchy = "start"
    search_fields = [
        "title",
        "summary",
        "description",
        "event_presenters__presenter__name",
    ]
    prepopulated_fields = {"slug": ["title"]}
    compare_fields = ["title", "summary", "description", "transcript"]
    summary_field = "summary"
    rich_text_fields = ["description", "transcript"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "summary", "description"]}),
        (
            _("When and where"),
            {
                "fields": [
                    "time_zone",
                    "start",
                    "end",
                    "format",
                    "venue_name",
                    "venue_address",
                    "event_status",
                ]
            },
        ),
        (
            _("Links"),
            {"fields": ["registration_mode", "registration_url", "join_url"]},
        ),
        (_("Image"), {"fields": ["featured_image", "image_preview"]}),
        (
            _("After the event"),
            {
                "fields": [
                    "recording_url",
                    "recording_note",
                    "transcript",
                    "captions_file",
                    "handout_file",
                ]
            },
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
                ]
            },
        ),
    ]

    @admin.display(description=_("when"), ordering="start")
    def when(self, obj):
        start = obj.local_start
        return f"{dateformat.format(start, 'M j, Y, g:i A')} {start.tzname()}"

    @admin.display(description=_("recording"), boolean=True)
    def has_recording(self, obj):
        return bool(obj.recording_url)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if obj.recording_url and obj.recording is None:
            self.message_user(
                request,
                _(
                    "The recording link of “%(title)s” is not a YouTube or Vimeo "
                    "address, so it cannot be played on the page: visitors get a "
                    "plain link to %(url)s instead."
                )
                % {"title": obj.title, "url": obj.recording_url},
                messages.WARNING,
            )


@admin.register(Presenter)
class PresenterAdmin(ImageChoiceAdmin, EditorialAdmin):
    Media = AccessibleAdminMedia
    compare_fields = ["name", "role", "affiliation", "short_bio", "bio"]
    image_fields = ["photo"]
    list_display = ["thumbnail", "name", "role", "affiliation", "event_count"]
    list_display_links = ["name"]
    search_fields = ["name", "role", "affiliation"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["thumbnail", "event_links"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "pronouns", "role", "affiliation"]}),
        (_("Photo"), {"fields": ["photo", "image_preview"]}),
        (_("About"), {"fields": ["short_bio", "bio", "website"]}),
        (_("Events"), {"fields": ["event_links"]}),
    ]

    def get_queryset(self, request):
        presenters = super().get_queryset(request)
        # A GROUP BY drops the default ordering, which pagination needs.
        return presenters.annotate(event_total=Count("events")).order_by("name")

    def view_on_site(self, obj):
        return obj.get_absolute_url()

    @admin.display(description=_("photo"))
    def thumbnail(self, obj):
        return thumbnail_html(obj.photo, 48) if obj.photo else "–"

    @admin.display(description=_("events"), ordering="event_total")
    def event_count(self, obj):
        return obj.event_total

    @admin.display(description=_("events"))
    def event_links(self, obj):
        events = Event.objects.filter(presenters=obj).order_by("-start")
        if not obj.pk or not events:
            return _("None yet. Add presenters on the event's page.")
        return format_html(
            "<ul>{}</ul>",
            format_html_join(
                "",
                '<li><a href="{}">{}</a> ({})</li>',
                (
                    (
                        reverse("admin:events_event_change", args=[event.pk]),
                        event.title,
                        dateformat.format(event.local_start, "M j, Y"),
                    )
                    for event in events
                ),
            ),
        )
