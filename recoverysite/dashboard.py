"""
What an editor sees first in the admin: drafts, scheduled items, comments waiting
for a moderator, the next events and what was published lately.

Each section is a count and a few items, linking to the change list filtered the
same way. Only sections the person may see are built, each in a fixed number of
queries however much content there is.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles.models import Article
from comments.models import Comment, CommentStatus
from events.models import Event
from recoverysite.models import Page
from recoverysite.publishing import (
    Status,
    format_moment,
    published_filter,
    scheduled_filter,
)

ITEMS_PER_SECTION = 5
RECENT_DAYS = 30
PUBLISHABLE_MODELS = [Article, Page, Event]


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


def changelist_url(model, query=""):
    opts = model._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
    return f"{url}?{query}" if query else url


def change_url(obj):
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])


def visible_models(user):
    return [
        model
        for model in PUBLISHABLE_MODELS
        if user.has_perm(f"{model._meta.app_label}.view_{model._meta.model_name}")
    ]


def build_dashboard(user):
    """The dashboard sections ``user`` may see, in reading order."""
    now = timezone.now()
    models = visible_models(user)
    counts = {model: state_counts(model, now) for model in models}
    sections = []
    if models:
        sections.append(drafts_section(models, counts))
        sections.append(scheduled_section(models, counts, now))
    if user.has_perm("comments.view_comment"):
        sections.append(comments_section())
    if Event in models:
        sections.append(events_section(counts[Event], now))
    if models:
        sections.append(recent_section(models, counts, now))
    return sections


def state_counts(model, now):
    """Drafts, scheduled, recently published (and, for events, upcoming): 1 query."""
    published = published_filter(now)
    aggregates = {
        "draft": Count("pk", filter=Q(status=Status.DRAFT)),
        "scheduled": Count("pk", filter=scheduled_filter(now)),
        "recent": Count(
            "pk",
            filter=published
            & Q(published_at__gte=now - datetime.timedelta(days=RECENT_DAYS)),
        ),
    }
    if model is Event:
        aggregates["upcoming"] = Count("pk", filter=published & Q(end__gt=now))
    return model._default_manager.aggregate(**aggregates)


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


def drafts_section(models, counts):
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


def scheduled_section(models, counts, now):
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


def comments_section():
    pending = Comment.objects.filter(status=CommentStatus.PENDING)
    oldest = (
        pending.select_related(None)
        .only("pk", "comment", "user_name", "care_hold", "submit_date")
        .order_by("-care_hold", "submit_date")[:ITEMS_PER_SECTION]
    )
    return Section(
        key="comments",
        title=_("Comments awaiting moderation"),
        count=pending.count(),
        url=changelist_url(Comment, "status__exact=pending"),
        empty=_("No comments are waiting."),
        items=[
            Link(
                (comment.comment[:60] + "…")
                if len(comment.comment) > 60
                else comment.comment,
                change_url(comment),
                (_("Crisis phrase: read first. ") if comment.care_hold else "")
                + _("by %(name)s, %(date)s")
                % {
                    "name": comment.user_name or _("anonymous"),
                    "date": short_date(comment.submit_date),
                },
            )
            for comment in oldest
        ],
    )


def events_section(event_counts, now):
    upcoming = (
        Event.objects.published()
        .upcoming()
        .only("pk", "title", "start", "time_zone")[:ITEMS_PER_SECTION]
    )
    return Section(
        key="events",
        title=_("Next events"),
        count=event_counts["upcoming"],
        url=changelist_url(Event, "when=upcoming&state=published"),
        empty=_("No upcoming events are published."),
        items=[
            Link(event.title, change_url(event), short_date(event.start))
            for event in upcoming
        ],
    )


def recent_section(models, counts, now):
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
