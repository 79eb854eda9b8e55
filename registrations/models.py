"""
Registrations for events that require them: who registered, with their answers,
their seat or place on the waiting list, and the reminders each was sent.
"""

import datetime
import secrets
import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from events.models import Event, validate_time_zone


def new_link_key():
    return secrets.token_urlsafe(12)


def validate_reminder_hours(text):
    if text.strip() == "0":
        return
    try:
        parse_hours(text)
    except ValueError as error:
        raise ValidationError(
            _("Write whole numbers of hours separated by commas, such as “24, 1”."),
            code="invalid_hours",
        ) from error


def parse_hours(text):
    """“24, 1” -> [24, 1]; an empty text -> []."""
    hours = [int(part) for part in text.replace(" ", "").split(",") if part]
    if any(hour <= 0 or hour > 24 * 60 for hour in hours):
        raise ValueError(text)
    return sorted(set(hours), reverse=True)


class RegistrationOptions(models.Model):
    """What an editor chooses for the registration of one event."""

    event = models.OneToOneField(
        Event,
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="registration_options",
    )
    capacity = models.PositiveIntegerField(
        _("seats"),
        null=True,
        blank=True,
        help_text=_(
            "Leave empty for no limit. When the seats are taken, people who "
            "register join the waiting list, and a cancellation gives the next "
            "one a seat (they get an email)."
        ),
    )
    consent_text = models.TextField(
        _("consent text"),
        blank=True,
        help_text=_(
            "If filled, registrants must tick a box with this text, e.g. “I agree "
            "to keep what others share in the group private.”"
        ),
    )
    reminder_hours = models.CharField(
        _("reminders (hours before the start)"),
        max_length=50,
        blank=True,
        validators=[validate_reminder_hours],
        help_text=_(
            "E.g. “24, 1” for a reminder a day before and an hour before. Leave "
            "empty for the site's usual reminders; write “0” for none."
        ),
    )
    shows_attendee_count = models.BooleanField(
        _("show how many have registered"),
        default=False,
        help_text=_(
            "Off by default: who and how many come stays private. Turn on to show "
            "the number of seats taken on the event page."
        ),
    )

    class Meta:
        verbose_name = _("registration options")
        verbose_name_plural = _("registration options")

    def __str__(self):
        return str(_("Registration options"))

    def page_cache_tags(self):
        return ["events"]

    def reminders(self):
        """Hours before the start when registrants are reminded, largest first."""
        text = self.reminder_hours.strip()
        if text == "0":
            return []
        return parse_hours(text or settings.REGISTRATION_REMINDER_HOURS)


def options_for(event):
    """An event's registration options, unsaved defaults when it has none."""
    try:
        return event.registration_options
    except RegistrationOptions.DoesNotExist:
        return RegistrationOptions(event=event)


class Question(models.Model):
    """An extra question on the form of one event, such as access needs."""

    event = models.ForeignKey(
        Event,
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        related_name="registration_questions",
    )
    text = models.CharField(
        _("question"),
        max_length=200,
        help_text=_("E.g. “Do you need captions or other access support?”"),
    )
    required = models.BooleanField(_("must be answered"), default=False)
    order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Lower numbers come first.")
    )

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("question")
        verbose_name_plural = _("questions for registrants")

    def __str__(self):
        return self.text

    @property
    def field_name(self):
        return f"question_{self.pk}"


class RegistrationQuerySet(models.QuerySet):
    def active(self):
        return self.exclude(status=Registration.Status.CANCELLED)

    def confirmed(self):
        return self.filter(status=Registration.Status.CONFIRMED)

    def waiting(self):
        return self.filter(status=Registration.Status.WAITING).order_by(
            "registered_at", "pk"
        )

    def for_email(self, email):
        return self.filter(email__iexact=email.strip())

    def past_retention(self, days):
        """Registrations of events that ended more than ``days`` ago."""
        cutoff = timezone.now() - datetime.timedelta(days=days)
        return self.filter(event__end__lt=cutoff)


class Registration(models.Model):
    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Has a seat")
        WAITING = "waiting", _("On the waiting list")
        CANCELLED = "cancelled", _("Cancelled")

    event = models.ForeignKey(
        Event,
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        related_name="registrations",
    )
    name = models.CharField(
        _("name"), max_length=100, help_text=_("As they chose to be called.")
    )
    email = models.EmailField(_("email"))
    time_zone = models.CharField(
        _("time zone"), max_length=64, validators=[validate_time_zone]
    )
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status, default=Status.CONFIRMED
    )
    wants_recording_email = models.BooleanField(
        _("wants the recording email"), default=False
    )
    attended = models.BooleanField(_("attended"), default=False)
    registered_at = models.DateTimeField(_("registered"), default=timezone.now)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    recording_email_sent_at = models.DateTimeField(null=True, blank=True)
    language = models.CharField(
        _("language"),
        max_length=10,
        blank=True,
        help_text=_(
            "The language chosen on the site when registering: the emails are "
            "written in it. Empty: the site's language."
        ),
    )
    # Part of every signed link: a new key makes the old links stop working.
    link_key = models.CharField(max_length=32, default=new_link_key, editable=False)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        ordering = ["registered_at", "pk"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "email"], name="registration_once_per_email"
            )
        ]

    def __str__(self):
        return f"{self.name} · {self.event}"

    def save(self, *args, **kwargs):
        self.email = self.email.strip().lower()
        super().save(*args, **kwargs)

    def page_cache_tags(self):
        # Only a page that shows the count depends on registrations.
        return [count_tag(self.event_id)]

    @property
    def zone(self):
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def is_confirmed(self):
        return self.status == self.Status.CONFIRMED

    @property
    def is_waiting(self):
        return self.status == self.Status.WAITING

    @property
    def is_cancelled(self):
        return self.status == self.Status.CANCELLED

    def waiting_position(self):
        """1 for the next in line, or None when not waiting."""
        if not self.is_waiting:
            return None
        ahead = Registration.objects.waiting().filter(
            Q(registered_at__lt=self.registered_at)
            | Q(registered_at=self.registered_at, pk__lt=self.pk),
            event_id=self.event_id,
        )
        return ahead.count() + 1


def count_tag(event_id):
    return f"registrations-{event_id}"


@transaction.atomic
def register(
    event,
    *,
    email,
    name,
    time_zone,
    answers=None,
    wants_recording=False,
    language="",
):
    """
    Register ``email`` for ``event``: a seat while there is one, the waiting list
    after. Returns (registration, created). The event row is locked first, so
    two registrations at once never both take the last seat.
    """
    event = Event.objects.select_for_update().get(pk=event.pk)
    email = email.strip().lower()
    existing = Registration.objects.filter(event=event, email=email).first()
    if existing is not None and not existing.is_cancelled:
        return existing, False
    registration = existing or Registration(event=event, email=email)
    registration.name = name
    registration.time_zone = time_zone
    registration.answers = answers or {}
    registration.wants_recording_email = wants_recording
    registration.language = language
    registration.registered_at = timezone.now()
    registration.cancelled_at = None
    registration.link_key = new_link_key()
    registration.status = seat_or_waiting(event)
    registration.save()
    return registration, True


def seat_or_waiting(event):
    capacity = options_for(event).capacity
    if capacity is None:
        return Registration.Status.CONFIRMED
    taken = Registration.objects.filter(event=event).confirmed().count()
    if taken < capacity:
        return Registration.Status.CONFIRMED
    return Registration.Status.WAITING


@transaction.atomic
def cancel(registration):
    """
    Cancel ``registration``; returns the registrations it gave a seat to (an
    empty list when none moved up). The
    links of the cancelled registration stop working.
    """
    Event.objects.select_for_update().get(pk=registration.event_id)
    registration.refresh_from_db()
    if registration.is_cancelled:
        return []
    had_seat = registration.is_confirmed
    registration.status = Registration.Status.CANCELLED
    registration.cancelled_at = timezone.now()
    registration.link_key = new_link_key()
    registration.save()
    if not had_seat:
        return []
    return fill_free_seats(registration.event)


def fill_free_seats(event):
    """Give free seats to the waiting list, in order; returns who got one."""
    capacity = options_for(event).capacity
    waiting = Registration.objects.filter(event=event).waiting()
    if capacity is not None:
        free = capacity - Registration.objects.filter(event=event).confirmed().count()
        waiting = waiting[: max(free, 0)]
    promoted = list(waiting)
    for registration in promoted:
        registration.status = Registration.Status.CONFIRMED
        registration.save(update_fields=["status"])
    return promoted


class SentReminder(models.Model):
    """A reminder a registrant was sent, so none is sent twice."""

    registration = models.ForeignKey(
        Registration, on_delete=models.CASCADE, related_name="sent_reminders"
    )
    hours_before = models.PositiveIntegerField()
    # The start the reminder was for: a moved event gets its reminders anew.
    event_start = models.DateTimeField()
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["registration", "hours_before", "event_start"],
                name="reminder_sent_once",
            )
        ]

    def __str__(self):
        return f"{self.registration} · {self.hours_before} h"
