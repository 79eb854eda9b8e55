"""
What an editor sees first in the admin: drafts, scheduled items and what was
published lately, of every publishable model in the admin, and the sections other
apps add (comments waiting for a moderator, the next events).

Each section is a count and a few items, linking to the change list filtered the
same way. Only sections the person may see are built, each in a fixed number of
queries however much content there is.
"""

import datetime
from dataclasses import dataclass, field
from functools import cached_property

from django.apps import apps
from django.contrib import admin
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from operations.background import backlog
from recoverysite.publishing import (
    Publishable,
    Status,
    format_moment,
    published_filter,
    scheduled_filter,
)

ITEMS_PER_SECTION = 5
RECENT_DAYS = 30
# (position, function): each function makes a Section for a Dashboard, or None.
SECTION_MAKERS = []


@dataclass
class Link:
    label: str
    url: str
    note: str = ""


@dataclass
class Section:
    key: str
    title: str
    count: int
    url: str
    empty: str
    counts: list = field(default_factory=list)
    items: list = field(default_factory=list)
    # A line above the dashboard that asks for attention now.
    notice: str = ""
    urgent: bool = False


def changelist_url(model, query=""):
    opts = model._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
    return f"{url}?{query}" if query else url


def change_url(obj):
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])


def section(position):
    """A decorator adding a section to the dashboard, sections in position order."""

    def decorator(make):
        SECTION_MAKERS.append((position, make))
        SECTION_MAKERS.sort(key=lambda entry: entry[0])
        return make

    return decorator


class Dashboard:
    """What the sections are made from: the person, the moment, their models."""

    def __init__(self, user):
        self.user = user
        self.now = timezone.now()

    @cached_property
    def models(self):
        """The publishable models in the admin that the person may see."""
        return [
            model
            for model in apps.get_models()
            if issubclass(model, Publishable)
            and admin.site.is_registered(model)
            and self.user.has_perm(
                f"{model._meta.app_label}.view_{model._meta.model_name}"
            )
        ]

    @cached_property
    def counts(self):
        return {
            model: state_counts(model, self.now, self.user) for model in self.models
        }

    def may_publish(self, model):
        return self.user.has_perm(
            f"{model._meta.app_label}.publish_{model._meta.model_name}"
        )

    def sections(self):
        made = (make(self) for _position, make in SECTION_MAKERS)
        return [section for section in made if section is not None]


def build_dashboard(user):
    """The dashboard sections ``user`` may see, in reading order."""
    return Dashboard(user).sections()


def state_counts(model, now, user):
    """
    Drafts, those waiting for review and those sent back to ``user``, scheduled
    and recently published: 1 query.
    """
    published = published_filter(now)
    draft = Q(status=Status.DRAFT)
    return model._default_manager.aggregate(
        draft=Count("pk", filter=draft),
        review=Count("pk", filter=draft & Q(submitted_at__isnull=False)),
        sent_back=Count(
            "pk",
            filter=draft
            & Q(
                submitted_at__isnull=True,
                submitted_by=user.pk,
                sent_back_at__isnull=False,
            ),
        ),
        scheduled=Count("pk", filter=scheduled_filter(now)),
        recent=Count(
            "pk",
            filter=published
            & Q(published_at__gte=now - datetime.timedelta(days=RECENT_DAYS)),
        ),
    )


def merged(querysets, key, reverse_order=False):
    items = [obj for queryset in querysets for obj in queryset[:ITEMS_PER_SECTION]]
    items.sort(key=key, reverse=reverse_order)
    return items[:ITEMS_PER_SECTION]


def kind(obj):
    return obj._meta.verbose_name.capitalize()


def per_model_counts(models, counts, state, query):
    return [
        Link(
            f"{model._meta.verbose_name_plural.capitalize()}: {counts[model][state]}",
            changelist_url(model, query),
        )
        for model in models
    ]


@section(10)
def drafts_section(dashboard):
    models, counts = dashboard.models, dashboard.counts
    if not models:
        return None
    drafts = merged(
        [
            model._default_manager.filter(status=Status.DRAFT)
            .only("pk", "title", "updated_at")
            .order_by("-updated_at")
            for model in models
        ],
        key=lambda obj: obj.updated_at,
        reverse_order=True,
    )
    return Section(
        key="drafts",
        title=_("Drafts"),
        count=sum(counts[model]["draft"] for model in models),
        url=changelist_url(models[0], "state=draft"),
        empty=_("No drafts."),
        counts=per_model_counts(models, counts, "draft", "state=draft"),
        items=[
            Link(
                obj.title,
                change_url(obj),
                _("%(kind)s, last saved %(date)s")
                % {"kind": kind(obj), "date": short_date(obj.updated_at)},
            )
            for obj in drafts
        ],
    )


@section(5)
def review_section(dashboard):
    """Drafts authors submitted, for the people who may publish them."""
    models = [model for model in dashboard.models if dashboard.may_publish(model)]
    if not models:
        return None
    counts = dashboard.counts
    waiting = merged(
        [
            model._default_manager.waiting_for_review()
            .select_related("submitted_by")
            .only("pk", "title", "submitted_at", "submitted_by")
            .order_by("submitted_at")
            for model in models
            # Models with nothing waiting cost no query.
            if counts[model]["review"]
        ],
        key=lambda obj: obj.submitted_at,
    )
    return Section(
        key="review",
        title=_("Waiting for review"),
        count=sum(counts[model]["review"] for model in models),
        url=changelist_url(models[0], "state=review"),
        empty=_("Nothing waits for review."),
        counts=per_model_counts(models, counts, "review", "state=review"),
        items=[
            Link(
                obj.title,
                change_url(obj),
                _("%(kind)s, submitted by %(name)s, %(date)s")
                % {
                    "kind": kind(obj),
                    "name": obj.submitted_by or _("someone"),
                    "date": short_date(obj.submitted_at),
                },
            )
            for obj in waiting
        ],
    )


@section(6)
def sent_back_section(dashboard):
    """An author's drafts that an editor sent back, with the editor's note."""
    models, counts, user = dashboard.models, dashboard.counts, dashboard.user
    count = sum(counts[model]["sent_back"] for model in models)
    # Shown to whoever writes drafts that someone else publishes.
    if not count and all(dashboard.may_publish(model) for model in models):
        return None
    returned = merged(
        [
            model._default_manager.sent_back_to(user)
            .select_related("sent_back_by")
            .only("pk", "title", "sent_back_at", "sent_back_by", "sent_back_note")
            .order_by("-sent_back_at")
            for model in models
            if counts[model]["sent_back"]
        ],
        key=lambda obj: obj.sent_back_at,
        reverse_order=True,
    )
    return Section(
        key="sent-back",
        title=_("Sent back to you"),
        count=count,
        url=changelist_url(models[0], "state=draft"),
        empty=_("Nothing was sent back to you."),
        items=[
            Link(
                obj.title,
                change_url(obj),
                _("%(name)s, %(date)s: “%(note)s”")
                % {
                    "name": obj.sent_back_by or _("an editor"),
                    "date": short_date(obj.sent_back_at),
                    "note": Truncator(obj.sent_back_note).chars(120),
                },
            )
            for obj in returned
        ],
    )


@section(20)
def scheduled_section(dashboard):
    models, counts, now = dashboard.models, dashboard.counts, dashboard.now
    if not models:
        return None
    scheduled = merged(
        [
            model._default_manager.filter(scheduled_filter(now))
            .only("pk", "title", "status", "published_at", "unpublish_at")
            .order_by("published_at")
            for model in models
        ],
        key=lambda obj: obj.published_at,
    )
    return Section(
        key="scheduled",
        title=_("Scheduled"),
        count=sum(counts[model]["scheduled"] for model in models),
        url=changelist_url(models[0], "state=scheduled"),
        empty=_("Nothing scheduled."),
        counts=per_model_counts(models, counts, "scheduled", "state=scheduled"),
        items=[
            Link(
                obj.title,
                change_url(obj),
                _("%(kind)s, appears %(date)s")
                % {"kind": kind(obj), "date": short_date(obj.published_at)},
            )
            for obj in scheduled
        ],
    )


@section(90)
def recent_section(dashboard):
    models, counts, now = dashboard.models, dashboard.counts, dashboard.now
    if not models:
        return None
    since = now - datetime.timedelta(days=RECENT_DAYS)
    recent = merged(
        [
            model._default_manager.published()
            .filter(published_at__gte=since)
            .only("pk", "title", "published_at")
            .order_by("-published_at")
            for model in models
        ],
        key=lambda obj: obj.published_at,
        reverse_order=True,
    )
    return Section(
        key="recent",
        title=_("Published in the last %(days)d days") % {"days": RECENT_DAYS},
        count=sum(counts[model]["recent"] for model in models),
        url=changelist_url(models[0], "state=published"),
        empty=_("Nothing published lately."),
        items=[
            Link(
                obj.title,
                change_url(obj),
                _("%(kind)s, %(date)s")
                % {"kind": kind(obj), "date": short_date(obj.published_at)},
            )
            for obj in recent
        ],
    )


def short_date(moment):
    return format_moment(moment)


@section(95)
def background_section(dashboard):
    """What waits for the worker, for whoever runs the site."""
    if not dashboard.user.is_superuser:
        return None
    waiting = backlog()
    notice = ""
    if waiting.is_worrying():
        notice = _(
            "Background work is behind: %(count)d task(s) waiting, the oldest for "
            "%(minutes)d minute(s), %(failed)d failed in the last day. Is the "
            "worker running (manage.py worker)?"
        ) % {
            "count": waiting.waiting,
            "minutes": waiting.oldest_waiting_seconds // 60,
            "failed": waiting.failed_last_day,
        }
    return Section(
        key="background",
        title=_("Emails and timed jobs waiting"),
        count=waiting.waiting,
        url=reverse("admin:mail_outgoingemail_changelist"),
        empty=_("Nothing waits for the worker."),
        notice=notice,
        urgent=bool(notice),
    )
