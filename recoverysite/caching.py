"""
Whole pages cached for anonymous visitors, invalidated by what they show.

A view that may be cached names the content its page depends on ("articles",
"events", the comments of one article…) with ``cache_tags``. Each tag has a
version in the cache; a saved page remembers the versions it was made with and is
served only while they are unchanged. Saving an article bumps the "articles"
version, approving a comment bumps that article's comment tag: those pages, and
only those, are made again on their next visit.

Requests that carry any cookie (a session, a CSRF token, the commenter's "remember
me") always get a freshly made page, so nobody is ever served someone else's page.
While one request rebuilds an outdated page, others get the outdated copy instead
of all rebuilding it at once.
"""

import hashlib
import uuid
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import set_response_etag
from django.utils.http import http_date

KEY_PREFIX = "page"
REBUILD_LOCK_SECONDS = 30


def cache_tags(*tags):
    """A view decorator: the view's pages may be cached and depend on ``tags``."""

    def decorator(view):
        @wraps(view)
        def tagged_view(request, *args, **kwargs):
            add_cache_tags(request, *tags)
            return view(request, *args, **kwargs)

        return tagged_view

    return decorator


def add_cache_tags(request, *tags):
    request.cache_tags = getattr(request, "cache_tags", set()) | set(tags)


def cache_at_most_until(request, moment):
    """Pages that change by themselves at ``moment`` are not kept past it."""
    if moment is not None:
        seconds = int((moment - timezone.now()).total_seconds())
        request.cache_seconds = max(
            min(getattr(request, "cache_seconds", seconds), seconds), 0
        )


def comments_tag(obj):
    return f"comments:{obj._meta.label_lower}:{obj.pk}"


def invalidate(*tags):
    """Give ``tags`` new versions once the current transaction is saved."""

    def bump():
        cache.set_many({version_key(tag): uuid.uuid4().hex for tag in tags}, None)

    transaction.on_commit(bump)


def version_key(tag):
    return f"{KEY_PREFIX}:tag:{tag}"


def current_versions(tags):
    keys = {tag: version_key(tag) for tag in tags}
    found = cache.get_many(keys.values())
    versions = {}
    for tag, key in keys.items():
        if key not in found:
            cache.add(key, uuid.uuid4().hex, None)
            found[key] = cache.get(key)
        versions[tag] = found[key]
    return versions


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not self.may_use_cache(request):
            return self.get_response(request)
        key = self.page_key(request)
        entry = cache.get(key)
        rebuild_lock = f"{key}:rebuilding"
        if entry is not None:
            if entry["versions"] == current_versions(entry["versions"]):
                return self.response_from(entry, "hit")
            if not cache.add(rebuild_lock, 1, REBUILD_LOCK_SECONDS):
                return self.response_from(entry, "stale")
        response = self.get_response(request)
        tags = getattr(request, "cache_tags", None)
        seconds = min(
            settings.PAGE_CACHE_SECONDS,
            getattr(request, "cache_seconds", settings.PAGE_CACHE_SECONDS),
        )
        if tags and seconds > 0 and self.may_store(response):
            if not response.has_header("Last-Modified"):
                # The copy's own date, for If-Modified-Since while it is kept.
                response["Last-Modified"] = http_date()
            if not response.has_header("ETag"):
                # Hashed once here rather than by ConditionalGetMiddleware on each hit.
                set_response_etag(response)
            # Versions read before the page was made: a change made meanwhile
            # leaves the stored page already outdated, never wrongly fresh.
            cache.set(
                key,
                {
                    "versions": current_versions(tags),
                    "status": response.status_code,
                    "content": response.content,
                    # Headers the inner middleware added (framing, Vary…) included.
                    "headers": dict(response.items()),
                },
                seconds,
            )
            response["X-Page-Cache"] = "miss"
        cache.delete(rebuild_lock)
        return response

    @staticmethod
    def may_use_cache(request):
        return (
            settings.PAGE_CACHE_SECONDS > 0
            and request.method in ("GET", "HEAD")
            and not request.COOKIES
            and "HTTP_AUTHORIZATION" not in request.META
        )

    @staticmethod
    def may_store(response):
        cache_control = response.get("Cache-Control", "")
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and "private" not in cache_control
            and "no-store" not in cache_control
            and "no-cache" not in cache_control
        )

    @staticmethod
    def page_key(request):
        address = f"{request.get_host()}{request.get_full_path()}"
        return f"{KEY_PREFIX}:{hashlib.sha256(address.encode()).hexdigest()}"

    @staticmethod
    def response_from(entry, state):
        response = HttpResponse(entry["content"], status=entry["status"])
        for name, value in entry["headers"].items():
            response[name] = value
        response["X-Page-Cache"] = state
        return response


def tags_for_change(instance):
    """The page-cache tags a saved or deleted row makes outdated."""
    from django.contrib.contenttypes.models import ContentType
    from taggit.models import Tag, TaggedItem

    label = instance._meta.label_lower
    if label in ("recoverysite.sitesettings", "recoverysite.page"):
        return ["site"]
    if label == "recoverysite.user":
        return ["articles"]  # bylines and author pages
    if label == "articles.article":
        return ["articles"]
    if label == "recoverysite.image":
        # A picture's description or credit shows on any page that uses it.
        return ["site", "articles", "events"]
    if label.startswith("events."):
        return ["events"]
    if isinstance(instance, Tag | TaggedItem):
        return ["articles", "events"]
    if label == "comments.comment":
        model = ContentType.objects.get_for_id(instance.content_type_id).model_class()
        target = f"comments:{model._meta.label_lower}:{instance.object_pk}"
        return [target, "comment-counts"]
    if label == "comments.moderationpolicy":
        return ["comment-forms"]
    return []


def on_change(sender, instance, raw=False, **kwargs):
    if raw:
        return
    if tags := tags_for_change(instance):
        invalidate(*tags)


def connect_invalidation():
    from django.db.models.signals import m2m_changed, post_delete, post_save

    post_save.connect(on_change, dispatch_uid="page-cache-save")
    post_delete.connect(on_change, dispatch_uid="page-cache-delete")
    m2m_changed.connect(on_change, dispatch_uid="page-cache-m2m")
