"""Events (webinars and in-person meetings) and the people who present them."""

import datetime
import difflib
import enum
import functools
import zoneinfo
from urllib.parse import urlencode, urlsplit

import reversion
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Exists, OuterRef, Prefetch
from django.urls import reverse
from django.utils import dateformat, timezone
from django.utils.formats import get_format
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext
from django_prose_editor.fields import ProseEditorField
from taggit.managers import TaggableManager

from events import recurrence
from events.embeds import parse_recording_url, video_file_type
from events.recurrence import validate_rule
from images.uploads import captions_name, handout_name, validate_pdf, validate_webvtt
from recoverysite.publishing import (
    UNVERSIONED_FIELDS,
    Publishable,
    PublishableQuerySet,
    published_filter,
)
from recoverysite.rich_text import (
    EXTENSIONS,
    image_description_errors,
    sanitize_html,
)
from recoverysite.slugs import unique_slug
from search.models import Searchable, SearchableManager

# Words used by /events/<word>/ addresses of the site itself.
RESERVED_SLUGS = {"feed", "tags", "series"}


@functools.cache
def known_time_zones():
    return frozenset(zoneinfo.available_timezones())


def validate_time_zone(name):
    if name in known_time_zones():
        return
    close = difflib.get_close_matches(
        name.strip().replace(" ", "_"), known_time_zones(), n=1, cutoff=0.7
    )
    if close:
        message = _("“%(name)s” is not a time zone name. Did you mean %(close)s?")
    else:
        message = _(
            "“%(name)s” is not a time zone name. Use a name from the IANA list, "
            "such as America/Los_Angeles or Europe/London."
        )
    raise ValidationError(
        message,
        code="unknown_time_zone",
        params={"name": name, "close": close[0] if close else ""},
    )


def default_time_zone():
    return settings.EVENTS_DEFAULT_TIMEZONE


class PresenterQuerySet(models.QuerySet):
    def public(self):
        """Presenters of at least one published event; the others stay private."""
        return self.filter(
            Exists(Event.objects.published().filter(presenters=OuterRef("pk")))
        )


@reversion.register(exclude=["search_vector"])
class Presenter(Searchable, models.Model):
    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(
        _("slug"),
        max_length=150,
        unique=True,
        help_text=_("The last part of the presenter's page address."),
    )
    photo = models.ForeignKey(
        "images.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_(
            "Shown as a circle; a face in the middle works best. Choose one from "
            "the image library, or press + to upload it (with its description)."
        ),
    )
    pronouns = models.CharField(
        _("pronouns"),
        max_length=40,
        blank=True,
        help_text=_("Only if the presenter wants them shown, e.g. “she/her”."),
    )
    role = models.CharField(
        _("role or title"),
        max_length=150,
        blank=True,
        help_text=_("E.g. “Director of Learning Opportunities”."),
    )
    affiliation = models.CharField(
        _("affiliation"),
        max_length=150,
        blank=True,
        help_text=_("The organisation they work with, if any."),
    )
    short_bio = models.TextField(
        _("short bio"),
        max_length=300,
        blank=True,
        help_text=_("One or two plain sentences for the list of presenters."),
    )
    bio = ProseEditorField(
        _("full bio"),
        extensions=EXTENSIONS,
        sanitize=sanitize_html,
        blank=True,
        help_text=_("Shown on event pages and on the presenter's own page."),
    )
    website = models.URLField(_("website"), blank=True)
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)

    objects = SearchableManager.from_queryset(PresenterQuerySet)()

    search_weights = {
        "A": ["name"],
        "B": ["role", "affiliation", "short_bio"],
        "C": ["bio"],
    }

    class Meta:
        ordering = ["name"]
        verbose_name = _("presenter")
        verbose_name_plural = _("presenters")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.bio = sanitize_html(self.bio)
        if not self.slug:
            others = Presenter.objects.exclude(pk=self.pk)
            self.slug = unique_slug(others, self.name, max_length=150)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("events:presenter", kwargs={"slug": self.slug})

    def page_cache_tags(self):
        return ["events"]

    @classmethod
    def search_queryset(cls):
        return cls.objects.public()

    def get_full_url(self):
        return settings.SITE_URL + self.get_absolute_url()

    def clean(self):
        if errors := image_description_errors(self, "bio"):
            raise ValidationError(errors)

    @property
    def headline(self):
        """Role and affiliation in one line: “Director, Wildflower Alliance”."""
        return ", ".join(part for part in [self.role, self.affiliation] if part)


class Phase(enum.StrEnum):
    UPCOMING = "upcoming"
    HAPPENING_NOW = "happening-now"
    PAST = "past"


class EventQuerySet(PublishableQuerySet):
    def upcoming(self):
        """Events that have not ended, soonest first (those happening now too)."""
        return self.filter(end__gt=timezone.now()).order_by("start", "pk")

    def past(self):
        """Events that have ended, most recent first."""
        return self.filter(end__lte=timezone.now()).order_by("-start", "-pk")

    def next_change(self, now=None):
        """
        Also, among the events visitors see, the next moment a card starts to say
        "Happening now" or an event moves from the upcoming list to the past one.
        """
        now = now or timezone.now()
        window = datetime.timedelta(minutes=settings.EVENTS_HAPPENING_NOW_MINUTES)
        shown = self.filter(published_filter(now)).aggregate(
            happening=models.Min("start", filter=models.Q(start__gt=now + window)),
            ending=models.Min("end", filter=models.Q(end__gt=now)),
        )
        moments = [super().next_change(now), shown["ending"]]
        if shown["happening"]:
            moments.append(shown["happening"] - window)
        return min(filter(None, moments), default=None)

    def next_of_each_series(self):
        """
        Leaves out a series' meeting when an earlier one of that series, going
        ahead and not yet ended, is published: a weekly group takes one place
        in a short list of what is coming, not all of them.
        """
        earlier = (
            Event.objects.published()
            .filter(
                series=OuterRef("series"),
                start__lt=OuterRef("start"),
                end__gt=timezone.now(),
            )
            .exclude(event_status=Event.EventStatus.CANCELLED)
        )
        return self.exclude(Exists(earlier))

    def for_cards(self):
        """Events with their presenters, in a fixed number of queries."""
        return self.select_related("featured_image").prefetch_related(
            Prefetch(
                "event_presenters",
                queryset=EventPresenter.objects.select_related("presenter__photo"),
            )
        )


@reversion.register(
    exclude=["search_vector", *UNVERSIONED_FIELDS], follow=["event_presenters"]
)
class Event(Searchable, Publishable):
    class Format(models.TextChoices):
        ONLINE = "online", _("Online")
        IN_PERSON = "in_person", _("In person")
        HYBRID = "hybrid", _("In person and online")

    class RegistrationMode(models.TextChoices):
        OPEN_LINK = "open_link", _("Open link on the page")
        REQUIRED = "required", _("Registration required")
        CLOSED = "closed", _("Closed")

    class EventStatus(models.TextChoices):
        SCHEDULED = "scheduled", _("Scheduled")
        CANCELLED = "cancelled", _("Cancelled")
        POSTPONED = "postponed", _("Postponed")
        MOVED_ONLINE = "moved_online", _("Moved online")

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=200,
        unique=True,
        help_text=_(
            "The last part of the event's address, made from the title. Changing "
            "it after publication changes the address."
        ),
    )
    summary = models.TextField(
        _("summary"),
        max_length=300,
        help_text=_(
            "One or two plain sentences. Shown on cards, in feeds, in calendars and "
            "to search engines."
        ),
    )
    content_note = models.CharField(
        _("content note"),
        max_length=200,
        blank=True,
        help_text=_(
            "Topics a visitor may want to know of before joining or watching, e.g. "
            "“Mentions suicide.” Shown on the event's page, its cards and in search."
        ),
    )
    description = ProseEditorField(
        _("description"), extensions=EXTENSIONS, sanitize=sanitize_html
    )
    start = models.DateTimeField(_("start"), db_index=True)
    end = models.DateTimeField(_("end"), db_index=True)
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        default=default_time_zone,
        validators=[validate_time_zone],
        help_text=_(
            "Where the organiser is, as an IANA name such as America/Los_Angeles or "
            "Europe/London. The start and end are in this time zone, and visitors "
            "see the times in it (plus their own time when it differs)."
        ),
    )
    format = models.CharField(
        _("format"),
        max_length=10,
        choices=Format,
        default=Format.ONLINE,
    )
    venue_name = models.CharField(
        _("venue"),
        max_length=200,
        blank=True,
        help_text=_("For events in person: the name of the place."),
    )
    venue_address = models.TextField(
        _("venue address"),
        blank=True,
        help_text=_("Street, city and postcode, one per line."),
    )
    registration_url = models.URLField(
        _("registration link"),
        blank=True,
        help_text=_("Shown until the event starts."),
    )
    join_url = models.URLField(
        _("join link"),
        blank=True,
        help_text=_(
            "The meeting link (Zoom, Jitsi…). Shown until the event ends, most "
            "prominently while it is happening; hidden afterwards."
        ),
    )
    registration_mode = models.CharField(
        _("registration"),
        max_length=20,
        choices=RegistrationMode,
        default=RegistrationMode.OPEN_LINK,
        help_text=_(
            "Open link: the join link is on the public page. Registration "
            "required: the join link is never shown publicly, not in calendars, "
            "feeds or to search engines; only registrants get it. Closed: no join "
            "link is shown to anyone."
        ),
    )
    event_status = models.CharField(
        _("event status"),
        max_length=20,
        choices=EventStatus,
        default=EventStatus.SCHEDULED,
        help_text=_(
            "Cancelled, postponed and moved-online events say so on every page, in "
            "calendars and to search engines. Keep the event published so people "
            "who planned to come find out."
        ),
    )
    featured_image = models.ForeignKey(
        "images.Image",
        verbose_name=_("featured image"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_(
            "Shown on the event's card, on its page, behind the recording and when "
            "it is shared. Choose a picture from the image library, or press + to "
            "upload a new one."
        ),
    )
    presenters = models.ManyToManyField(
        Presenter,
        through="EventPresenter",
        related_name="events",
        verbose_name=_("presenters"),
        blank=True,
    )
    recording_url = models.URLField(
        _("recording link"),
        blank=True,
        help_text=_(
            "Shown after the event. A YouTube or Vimeo address is embedded as a "
            "player that loads nothing from YouTube or Vimeo until the visitor "
            "presses play; a video file on this site (.mp4, .webm) plays in the "
            "page, with the captions file below; any other address is shown as a "
            "plain link."
        ),
    )
    recording_note = models.TextField(
        _("recording note"),
        blank=True,
        help_text=_("A line shown above the recording, e.g. “Check out this video”."),
    )
    transcript = ProseEditorField(
        _("transcript"),
        extensions=EXTENSIONS,
        sanitize=sanitize_html,
        blank=True,
        help_text=_("Shown after the event, below the recording."),
    )
    captions_file = models.FileField(
        _("captions file"),
        upload_to=captions_name,
        blank=True,
        validators=[validate_webvtt],
        help_text=_(
            "A WebVTT (.vtt) file: shown in the player when the recording is a "
            "video file on this site, and offered as a download. Most caption "
            "services and video sites export it."
        ),
    )
    handout_file = models.FileField(
        _("handout"),
        upload_to=handout_name,
        blank=True,
        validators=[validate_pdf],
        help_text=_(
            "Slides or notes for participants, as a PDF (every word processor and "
            "slide program can save one). Offered as a download."
        ),
    )
    comments_open = models.BooleanField(_("comments open"), default=True)
    tags = TaggableManager(_("tags"), blank=True)
    series = models.ForeignKey(
        "events.EventSeries",
        verbose_name=_("series"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="occurrences",
        help_text=_(
            "Set by the series: this event is one of its meetings. Changing the "
            "time, text or links here makes this meeting an exception that the "
            "series no longer updates."
        ),
    )

    objects = SearchableManager.from_queryset(EventQuerySet)()

    search_weights = {
        "A": ["title"],
        "B": ["summary"],
        "C": ["description", "transcript"],
    }
    search_date_field = "start"
    search_note_field = "content_note"

    class Meta:
        ordering = ["-start"]
        get_latest_by = "start"
        permissions = [
            ("publish_event", _("Can publish, schedule and unpublish events"))
        ]
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.description = sanitize_html(self.description)
        self.transcript = sanitize_html(self.transcript)
        if not self.slug:
            self.slug = unique_slug(Event.objects.exclude(pk=self.pk), self.title)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("events:detail", kwargs={"slug": self.slug})

    def page_cache_tags(self):
        return ["events"]

    @classmethod
    def search_queryset(cls):
        return cls.objects.published()

    def get_full_url(self):
        return settings.SITE_URL + self.get_absolute_url()

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end <= self.start:
            errors["end"] = _("The end must be after the start.")
        if self.format != self.Format.ONLINE and not self.venue_name.strip():
            errors["venue_name"] = _(
                "Say where the event takes place, or set the format to Online."
            )
        errors.update(image_description_errors(self, "description", "transcript"))
        if self.slug in RESERVED_SLUGS or (self.slug or "").isdigit():
            errors["slug"] = _("“%(slug)s” is used by the site itself.") % {
                "slug": self.slug
            }
        if errors:
            raise ValidationError(errors)

    # Time

    @cached_property
    def zone(self):
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def local_start(self):
        return self.start.astimezone(self.zone)

    @property
    def local_end(self):
        return self.end.astimezone(self.zone)

    @property
    def when(self):
        """“Tuesday, April 15, 2025, 4:00–5:30 PM PDT”, in the event's time zone."""
        return format_time_range(self.local_start, self.local_end)

    @cached_property
    def phase(self):
        now = timezone.now()
        if now >= self.end:
            return Phase.PAST
        window = datetime.timedelta(minutes=settings.EVENTS_HAPPENING_NOW_MINUTES)
        if now >= self.start - window:
            return Phase.HAPPENING_NOW
        return Phase.UPCOMING

    def next_phase_change(self):
        """When the page's state next changes by itself, or None once it is past."""
        window = datetime.timedelta(minutes=settings.EVENTS_HAPPENING_NOW_MINUTES)
        for moment in (self.start - window, self.end):
            if moment > timezone.now():
                return moment
        return None

    @property
    def is_upcoming(self):
        return self.phase == Phase.UPCOMING

    @property
    def is_happening_now(self):
        return self.phase == Phase.HAPPENING_NOW and self.is_going_ahead

    @property
    def has_ended(self):
        return self.phase == Phase.PAST

    # Status and format

    @property
    def is_going_ahead(self):
        return self.event_status in {
            self.EventStatus.SCHEDULED,
            self.EventStatus.MOVED_ONLINE,
        }

    @property
    def is_cancelled(self):
        return self.event_status == self.EventStatus.CANCELLED

    @property
    def is_postponed(self):
        return self.event_status == self.EventStatus.POSTPONED

    @property
    def is_moved_online(self):
        return self.event_status == self.EventStatus.MOVED_ONLINE

    @property
    def attendance(self):
        """The format visitors should plan for, after a move online."""
        return self.Format.ONLINE if self.is_moved_online else self.format

    @property
    def attendance_label(self):
        return self.Format(self.attendance).label

    @property
    def is_online(self):
        return self.attendance == self.Format.ONLINE

    @property
    def meets_online(self):
        return self.attendance != self.Format.IN_PERSON

    @property
    def meets_in_person(self):
        return self.attendance != self.Format.ONLINE

    @property
    def kind(self):
        return _("webinar") if self.is_online else _("event")

    @property
    def location_text(self):
        """One line for calendars: the venue, its address, and/or “Online”."""
        parts = []
        if self.meets_in_person:
            parts.append(self.venue_name)
            parts.extend(line.strip() for line in self.venue_address.splitlines())
        if self.meets_online:
            parts.append(str(_("Online")))
        return ", ".join(part for part in parts if part)

    # What the page offers

    @property
    def takes_registrations_here(self):
        """With registration required, the site's own form takes registrations."""
        return self.registration_mode == self.RegistrationMode.REQUIRED

    @property
    def shows_registration(self):
        return (
            self.registration_mode != self.RegistrationMode.CLOSED
            and (bool(self.registration_url) or self.takes_registrations_here)
            and self.is_going_ahead
            and self.is_upcoming
        )

    @property
    def registration_link(self):
        """Where “Register” leads: the form on the page, or the external link."""
        if self.takes_registrations_here:
            return self.get_full_url() + "#register"
        return self.registration_url

    @property
    def says_registration_is_closed(self):
        return (
            self.registration_mode == self.RegistrationMode.CLOSED
            and self.is_going_ahead
            and self.is_upcoming
        )

    @property
    def join_link_is_public(self):
        return self.registration_mode == self.RegistrationMode.OPEN_LINK

    @property
    def shows_join_link(self):
        """Whether public pages, calendars and feeds may carry the join link."""
        return (
            self.join_link_is_public
            and bool(self.join_url)
            and self.is_going_ahead
            and self.meets_online
            and not self.has_ended
        )

    @property
    def can_add_to_calendar(self):
        return self.is_going_ahead and not self.has_ended

    @cached_property
    def recording(self):
        """The click-to-play embed, or None when the link cannot be embedded."""
        return parse_recording_url(self.recording_url)

    @property
    def recording_video_type(self):
        """The type of a video file the site plays itself, or ""."""
        return video_file_type(self.recording_url)

    @property
    def recording_host(self):
        return urlsplit(self.recording_url).hostname or ""

    @property
    def ical_uid(self):
        """Stable for the event's life: calendars update the entry, not add one."""
        return f"event-{self.pk}@{urlsplit(settings.SITE_URL).hostname}"

    def google_calendar_url(self):
        details = f"{self.summary}\n\n{self.get_full_url()}"
        if self.shows_join_link:
            details += f"\n\n{_('Join')}: {self.join_url}"
        params = {
            "action": "TEMPLATE",
            "text": self.title,
            "dates": f"{utc_stamp(self.start)}/{utc_stamp(self.end)}",
            "ctz": self.time_zone,
            "details": details,
            "location": self.location_text,
        }
        return "https://calendar.google.com/calendar/render?" + urlencode(params)


@reversion.register()
class EventPresenter(models.Model):
    class Role(models.TextChoices):
        PRESENTER = "presenter", _("Presenter")
        PANELIST = "panelist", _("Panelist")
        MODERATOR = "moderator", _("Moderator")
        HOST = "host", _("Host")

    event = models.ForeignKey(
        Event,
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        related_name="event_presenters",
    )
    presenter = models.ForeignKey(
        Presenter,
        verbose_name=_("presenter"),
        on_delete=models.PROTECT,
        related_name="event_presenters",
    )
    role = models.CharField(
        _("role"), max_length=20, choices=Role, default=Role.PRESENTER
    )
    order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Lower numbers come first.")
    )

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("presenter of the event")
        verbose_name_plural = _("presenters of the event")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "presenter"], name="event_presenter_once"
            )
        ]

    def __str__(self):
        return f"{self.presenter} ({self.get_role_display()})"

    def page_cache_tags(self):
        return ["events"]


def utc_stamp(moment):
    return moment.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def same_half_of_day(start, end):
    return dateformat.format(start, "A") == dateformat.format(end, "A")


def format_time_range(start, end):
    """Start and end, both in the event's zone, written out the way people say them."""

    weekday_date = pgettext("date format with the weekday", "l, F j, Y")
    time_format = get_format("TIME_FORMAT")

    def date(moment):
        return dateformat.format(moment, weekday_date)

    def time(moment, zone_name=True):
        # tzname() rather than the "T" format, which is blank in the repeated hour
        # when the clocks go back.
        text = dateformat.format(moment, time_format)
        return f"{text} {moment.tzname()}" if zone_name else text

    if start.date() != end.date():
        return f"{date(start)}, {time(start)} – {date(end)}, {time(end)}"
    if start.tzname() != end.tzname():
        # The clocks change during the event: name both offsets.
        return f"{date(start)}, {time(start)}–{time(end)}"
    # "6:00–7:30 PM": a twelve-hour clock says a shared AM or PM once.
    if time_format.endswith(" A") and same_half_of_day(start, end):
        start_time = dateformat.format(start, time_format.removesuffix(" A"))
    else:
        start_time = time(start, zone_name=False)
    return f"{date(start)}, {start_time}–{time(end)}"


@reversion.register(exclude=UNVERSIONED_FIELDS)
class EventSeries(Publishable):
    """A meeting that repeats, e.g. a weekly group; each meeting is an ``Event``."""

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=150,
        unique=True,
        help_text=_(
            "The last part of the series' address, made from the title. Each "
            "meeting's address is made from it and the meeting's date."
        ),
    )
    summary = models.TextField(
        _("summary"),
        max_length=300,
        help_text=_(
            "One or two plain sentences, copied to every meeting: cards, feeds, "
            "calendars and search engines show it."
        ),
    )
    description = ProseEditorField(
        _("description"),
        extensions=EXTENSIONS,
        sanitize=sanitize_html,
        help_text=_("Copied to every meeting's page."),
    )
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        default=default_time_zone,
        validators=[validate_time_zone],
        help_text=_(
            "Where the organiser is, as an IANA name such as Europe/London. The "
            "meetings keep their local time in it when the clocks change."
        ),
    )
    first_date = models.DateField(
        _("first meeting"),
        help_text=_("The date of the first meeting; the pattern counts from it."),
    )
    start_time = models.TimeField(
        _("start time"), help_text=_("Local time in the series' time zone.")
    )
    duration = models.PositiveSmallIntegerField(
        _("length in minutes"),
        default=90,
        validators=[MinValueValidator(1), MaxValueValidator(24 * 60)],
    )
    rule = models.CharField(
        _("repeat rule"),
        max_length=300,
        validators=[validate_rule],
        help_text=_(
            "The pattern as calendars write it (RFC 5545 RRULE), made from the "
            "choices above."
        ),
    )
    format = models.CharField(
        _("format"), max_length=10, choices=Event.Format, default=Event.Format.ONLINE
    )
    venue_name = models.CharField(_("venue"), max_length=200, blank=True)
    venue_address = models.TextField(_("venue address"), blank=True)
    registration_mode = models.CharField(
        _("registration"),
        max_length=20,
        choices=Event.RegistrationMode,
        default=Event.RegistrationMode.OPEN_LINK,
        help_text=Event._meta.get_field("registration_mode").help_text,
    )
    registration_url = models.URLField(_("registration link"), blank=True)
    join_url = models.URLField(
        _("join link"),
        blank=True,
        help_text=_("The meeting link, if it is the same for every meeting."),
    )
    featured_image = models.ForeignKey(
        "images.Image",
        verbose_name=_("featured image"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    comments_open = models.BooleanField(_("comments open"), default=True)

    objects = PublishableQuerySet.as_manager()

    # What every meeting takes from its series; editing one of these on a
    # meeting's own page makes it an exception.
    copied_fields = [
        "title",
        "summary",
        "description",
        "time_zone",
        "format",
        "venue_name",
        "venue_address",
        "registration_mode",
        "registration_url",
        "join_url",
        "featured_image",
        "comments_open",
        "status",
        "published_at",
        "unpublish_at",
    ]

    class Meta:
        ordering = ["title"]
        permissions = [
            ("publish_eventseries", _("Can publish, schedule and unpublish series"))
        ]
        verbose_name = _("event series")
        verbose_name_plural = _("event series")

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.description = sanitize_html(self.description)
        if not self.slug:
            others = EventSeries.objects.exclude(pk=self.pk)
            self.slug = unique_slug(others, self.title, max_length=150)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("events:series", kwargs={"slug": self.slug})

    def page_cache_tags(self):
        return ["events"]

    def get_full_url(self):
        return settings.SITE_URL + self.get_absolute_url()

    def clean(self):
        super().clean()
        errors = {}
        if self.format != Event.Format.ONLINE and not self.venue_name.strip():
            errors["venue_name"] = _(
                "Say where the meetings take place, or set the format to Online."
            )
        errors.update(image_description_errors(self, "description"))
        if errors:
            raise ValidationError(errors)

    # The pattern

    @cached_property
    def zone(self):
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def first_start(self):
        return recurrence.local_moment(self.first_date, self.start_time, self.zone)

    @property
    def length(self):
        return datetime.timedelta(minutes=self.duration)

    def recurrence(self):
        """The dateutil rule, counting in the series' local time."""
        return recurrence.parse(self.rule, self.first_start)

    def starts_between(self, after, before):
        """Every start the pattern gives in (after, before], skipped dates too."""
        return [
            recurrence.normalise(moment)
            for moment in self.recurrence().between(after, before, inc=True)
            if moment > after
        ]

    def next_starts(self, count=6, after=None):
        """The next ``count`` starts of the pattern, without the skipped dates."""
        skipped = set(
            self.exceptions.filter(kind=SeriesException.Kind.SKIPPED).values_list(
                "date", flat=True
            )
        )
        after = after or timezone.now()
        starts = []
        for moment in self.recurrence().xafter(after):
            if moment.date() not in skipped:
                starts.append(recurrence.normalise(moment))
            if len(starts) == count:
                break
        return starts

    def describe(self):
        """The pattern in words: “Every week on Tuesday at 18:00 (Europe/London)”."""
        return recurrence.describe(self.rule, self.first_start)

    @property
    def ical_uid(self):
        return f"series-{self.pk}@{urlsplit(settings.SITE_URL).hostname}"

    # Meetings

    def occurrence_fields(self):
        return {name: getattr(self, name) for name in self.copied_fields}

    def update_occurrences(self, now=None):
        """
        Upcoming meetings made or brought in line with the pattern, up to
        EVENTS_SERIES_HORIZON_DAYS ahead. Past meetings and exceptions stay as
        they are; a meeting the pattern no longer has is cancelled once
        published (people may plan to come) and deleted while it is a draft.
        Returns how many meetings were created.
        """
        now = now or timezone.now()
        horizon = now + datetime.timedelta(days=settings.EVENTS_SERIES_HORIZON_DAYS)
        exceptions = {exception.date: exception for exception in self.exceptions.all()}
        detached = {e.event_id for e in exceptions.values() if e.event_id}
        upcoming = {
            event.local_start.date(): event
            for event in self.occurrences.filter(start__gt=now).exclude(pk__in=detached)
        }
        created = 0
        for start in self.starts_between(now, horizon):
            date = start.date()
            event = upcoming.pop(date, None)
            exception = exceptions.get(date)
            if exception is not None:
                if exception.kind == SeriesException.Kind.SKIPPED and event:
                    self.skip_occurrence(event, exception)
                continue
            if event is None:
                event = Event(
                    series=self,
                    slug=unique_slug(
                        Event.objects.all(), f"{self.slug} {date.isoformat()}"
                    ),
                )
                created += 1
            for name, value in self.occurrence_fields().items():
                setattr(event, name, value)
            event.start = start
            event.end = recurrence.normalise(start + self.length)
            event.event_status = Event.EventStatus.SCHEDULED
            event.save()
        for event in upcoming.values():
            if event.is_published():
                if not event.is_cancelled:
                    event.event_status = Event.EventStatus.CANCELLED
                    event.save()
            else:
                event.delete()
        return created

    def skip_occurrence(self, event, exception):
        if event.is_published():
            event.event_status = Event.EventStatus.CANCELLED
            event.save()
            exception.event = event
            exception.save()
        else:
            event.delete()

    def detach(self, event, original_date, *, moved):
        """``event`` keeps what an editor changed on it: the series leaves it be."""
        kind = SeriesException.Kind.MOVED if moved else SeriesException.Kind.CHANGED
        exception, created = SeriesException.objects.get_or_create(
            series=self, event=event, defaults={"date": original_date, "kind": kind}
        )
        if not created and moved and exception.kind != kind:
            exception.kind = kind
            exception.save()
        return exception


class SeriesException(models.Model):
    """A date where a series' meeting differs from the pattern."""

    class Kind(models.TextChoices):
        SKIPPED = "skipped", _("Skipped: no meeting that day")
        MOVED = "moved", _("Moved to another time")
        CHANGED = "changed", _("Changed on its own page")

    series = models.ForeignKey(
        EventSeries,
        verbose_name=_("series"),
        on_delete=models.CASCADE,
        related_name="exceptions",
    )
    date = models.DateField(
        _("date in the pattern"),
        help_text=_("The date the pattern gives for the meeting, in its time zone."),
    )
    kind = models.CharField(
        _("what happens"),
        max_length=10,
        choices=Kind,
        default=Kind.SKIPPED,
    )
    note = models.CharField(
        _("note"),
        max_length=200,
        blank=True,
        help_text=_("Shown on the series page, e.g. “Bank holiday: no meeting”."),
    )
    event = models.OneToOneField(
        Event,
        verbose_name=_("meeting"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="series_exception",
    )

    class Meta:
        ordering = ["date"]
        verbose_name = _("exception")
        verbose_name_plural = _("exceptions (skipped and changed dates)")
        constraints = [
            models.UniqueConstraint(
                fields=["series", "date"], name="series_exception_once_a_date"
            )
        ]

    def __str__(self):
        return f"{self.date.isoformat()}: {self.get_kind_display()}"

    def page_cache_tags(self):
        return ["events"]
