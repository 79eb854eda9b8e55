import datetime
import zoneinfo

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.widgets import AdminDateWidget, AdminSplitDateTime
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.urls import reverse
from django.utils import dateformat, timezone
from django.utils.dates import WEEKDAYS
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from editorial.admin import EditorialAdmin, PublicationStateFilter, PublishableAdmin
from editorial.edit_conflicts import EditConflictForm
from events import recurrence
from events.models import (
    Event,
    EventPresenter,
    EventSeries,
    Presenter,
    SeriesException,
    known_time_zones,
)
from images.admin import ImageChoiceAdmin, thumbnail_html
from images.uploads import StoreUploadsFirst
from recoverysite.admin import KeepRelatedRecords


class TimeZoneInput(forms.TextInput):
    """
    A text box that offers the known time zones as the editor types ("London",
    "Los_Ang"…): the browser filters the list. Without the list it is still a box
    for the name, checked on save.
    """

    template_name = "events/widgets/time_zone.html"

    def get_context(self, name, value, attrs):
        attrs = {"class": "vTextField", **attrs, "list": f"{attrs['id']}_choices"}
        attrs.setdefault("autocomplete", "off")
        context = super().get_context(name, value, attrs)
        context["widget"]["zones"] = sorted(known_time_zones())
        return context


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
        widgets = {"time_zone": TimeZoneInput}

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


class EventPresenterInline(KeepRelatedRecords, admin.TabularInline):
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
        "series",
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
        (
            None,
            {"fields": ["title", "slug", "summary", "content_note", "description"]},
        ),
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

    def get_time_zone_note(self, request, form):
        return _(
            "The start and end are in the event's time zone, chosen below. "
            "Publishing times are in %(zone)s time, the site's time zone."
        ) % {"zone": timezone.get_current_timezone_name()}

    @admin.display(description=_("when"), ordering="start")
    def when(self, obj):
        start = obj.local_start
        return f"{dateformat.format(start, 'M j, Y, g:i A')} {start.tzname()}"

    @admin.display(description=_("recording"), boolean=True)
    def has_recording(self, obj):
        return bool(obj.recording_url)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        series_fields = {*EventSeries.copied_fields, "start", "end", "event_status"}
        if change and obj.series_id and series_fields & set(form.changed_data):
            # An edited meeting keeps its edits: the series stops updating it.
            original = form.initial["start"].date()
            obj.series.detach(obj, original, moved="start" in form.changed_data)
        if obj.recording_url and not (obj.recording or obj.recording_video_type):
            self.message_user(
                request,
                _(
                    "The recording link of “%(title)s” is neither a YouTube or Vimeo "
                    "address nor a video file on this site, so it cannot be played "
                    "on the page: visitors get a plain link to %(url)s instead."
                )
                % {"title": obj.title, "url": obj.recording_url},
                messages.WARNING,
            )


@admin.register(Presenter)
class PresenterAdmin(ImageChoiceAdmin, EditorialAdmin):
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


class SeriesAdminForm(EditConflictForm):
    frequency = forms.ChoiceField(
        label=_("repeats"),
        choices=[
            ("WEEKLY", _("Weekly")),
            ("DAILY", _("Daily")),
            ("MONTHLY", _("Monthly")),
        ],
    )
    interval = forms.IntegerField(
        label=_("every"),
        min_value=1,
        max_value=52,
        initial=1,
        help_text=_("1 for every week (or day, or month), 2 for every other one…"),
    )
    weekdays = forms.MultipleChoiceField(
        label=_("on"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=list(zip(recurrence.DAY_CODES, WEEKDAYS.values(), strict=True)),
        help_text=_("Weekly: the days it meets. Empty: the first meeting's day."),
    )
    week_of_month = forms.TypedChoiceField(
        label=_("week of the month"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", _("Same day of the month as the first meeting"))]
        + [(str(key), value) for key, value in recurrence.ORDINALS.items()],
        help_text=_("Monthly only, with a day above: e.g. the first Tuesday."),
    )
    until = forms.DateField(
        label=_("until"),
        required=False,
        widget=AdminDateWidget,
        help_text=_("The last date it may meet. Leave empty to go on."),
    )
    count = forms.IntegerField(
        label=_("or after this many meetings"),
        required=False,
        min_value=1,
        max_value=500,
    )

    class Meta:
        model = EventSeries
        fields = ["time_zone", "first_date", "start_time"]
        widgets = {"time_zone": TimeZoneInput}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and self.instance.rule:
            choices = recurrence.split_rule(self.instance.rule, self.instance.zone)
            for name, value in choices.items():
                self.initial[name] = value

    def clean(self):
        cleaned_data = super().clean()
        name = cleaned_data.get("time_zone")
        if name not in known_time_zones() or "frequency" not in cleaned_data:
            return cleaned_data
        zone = zoneinfo.ZoneInfo(name)
        first, until = cleaned_data.get("first_date"), cleaned_data.get("until")
        if until and first and until < first:
            self.add_error("until", _("The last date must come after the first."))
        if until and cleaned_data.get("count"):
            self.add_error(
                "count", _("Give a last date or a number of meetings, not both.")
            )
        if cleaned_data.get("week_of_month") and not cleaned_data.get("weekdays"):
            self.add_error("weekdays", _("Choose the day of that week."))
        rule = recurrence.build_rule(
            frequency=cleaned_data["frequency"],
            interval=cleaned_data.get("interval") or 1,
            weekdays=cleaned_data.get("weekdays") or [],
            week_of_month=cleaned_data.get("week_of_month"),
            until=until,
            count=cleaned_data.get("count"),
            zone=zone,
        )
        recurrence.validate_rule(rule)
        self.instance.rule = rule
        return cleaned_data


class SeriesExceptionInline(admin.TabularInline):
    model = SeriesException
    fields = ["date", "kind", "note", "meeting"]
    readonly_fields = ["meeting"]
    extra = 1

    @admin.display(description=_("meeting"))
    def meeting(self, obj):
        if not obj.event_id:
            return "–"
        url = reverse("admin:events_event_change", args=[obj.event_id])
        return format_html('<a href="{}">{}</a>', url, obj.event.when)


class OccurrenceInline(admin.TabularInline):
    model = Event
    fk_name = "series"
    verbose_name = _("upcoming meeting")
    verbose_name_plural = _(
        "upcoming meetings (open one to add its recording or change it alone)"
    )
    fields = ["meeting", "event_status", "exception"]
    readonly_fields = fields
    can_delete = False
    extra = 0
    max_num = 0

    def get_queryset(self, request):
        return (
            super().get_queryset(request).upcoming().select_related("series_exception")
        )

    @admin.display(description=_("meeting"))
    def meeting(self, obj):
        url = reverse("admin:events_event_change", args=[obj.pk])
        return format_html('<a href="{}">{}</a>', url, obj.when)

    @admin.display(description=_("exception"))
    def exception(self, obj):
        exception = getattr(obj, "series_exception", None)
        return exception.get_kind_display() if exception else "–"


@admin.register(EventSeries)
class EventSeriesAdmin(PublishableAdmin):
    form = SeriesAdminForm
    inlines = [SeriesExceptionInline, OccurrenceInline]
    list_display = ["title", "pattern", "publication_state"]
    list_filter = [PublicationStateFilter]
    date_hierarchy = None
    search_fields = ["title", "summary"]
    prepopulated_fields = {"slug": ["title"]}
    compare_fields = ["title", "summary", "description"]
    summary_field = "summary"
    rich_text_fields = ["description"]
    readonly_fields = [
        *PublishableAdmin.readonly_fields,
        "pattern",
        "rule",
        "next_dates",
    ]
    fieldsets = [
        (None, {"fields": ["title", "slug", "summary", "description"]}),
        (
            _("When it meets"),
            {
                "description": _(
                    "Each meeting becomes an event with its own page, registration "
                    "and recording. Saving makes the meetings of the next "
                    "%(days)s days; a daily job adds the following ones."
                )
                % {"days": settings.EVENTS_SERIES_HORIZON_DAYS},
                "fields": [
                    "time_zone",
                    "first_date",
                    "start_time",
                    "duration",
                    "frequency",
                    "interval",
                    "weekdays",
                    "week_of_month",
                    "until",
                    "count",
                    "pattern",
                    "next_dates",
                    "rule",
                ],
            },
        ),
        (
            _("Where and links"),
            {
                "fields": [
                    "format",
                    "venue_name",
                    "venue_address",
                    "registration_mode",
                    "registration_url",
                    "join_url",
                    "featured_image",
                ]
            },
        ),
        (
            _("Publishing"),
            {"fields": ["status", "published_at", "updated_at", "comments_open"]},
        ),
    ]

    def get_time_zone_note(self, request, form):
        return _(
            "The first date and start time are in the series' time zone, chosen "
            "below. Publishing times are in %(zone)s time, the site's time zone."
        ) % {"zone": timezone.get_current_timezone_name()}

    @admin.display(description=_("pattern"))
    def pattern(self, obj):
        if obj is None or obj.first_date is None:
            return _("Save to see the pattern in words.")
        return obj.describe()

    @admin.display(description=_("next dates"))
    def next_dates(self, obj):
        if obj is None or obj.pk is None:
            return _("Save to see the next dates.")
        starts = obj.next_starts(6)
        if not starts:
            return _("No more dates: the pattern has ended.")
        return format_html(
            "<ul>{}</ul>",
            format_html_join(
                "",
                "<li>{}</li>",
                (
                    (f"{dateformat.format(start, 'D j M Y, H:i')} {start.tzname()}",)
                    for start in starts
                ),
            ),
        )

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        created = form.instance.update_occurrences()
        if created:
            self.message_user(
                request,
                _("%(count)d new meeting(s) made from the pattern.")
                % {"count": created},
            )

    def set_status(self, queryset, status):
        count = super().set_status(queryset, status)
        for series in queryset.model._default_manager.filter(pk__in=queryset):
            series.update_occurrences()
        return count
