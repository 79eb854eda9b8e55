"""
Whole pages cached for anonymous visitors, and what browsers may keep.

The page cache keeps the pages of views marked with ``cache_tags`` (see
``pagecache.tags``) for visitors whose cookies do not change the page: none at
all, or only cookies that scripts read in the browser (the comment form's
"remember me", which a script copies into the form), plus the language
switch's cookie: each page is kept once per language. Anyone signed in, or with a
session, always gets a freshly made page, so nobody is ever served someone
else's page. While one request rebuilds an outdated page, others get the outdated
copy instead of all rebuilding it at once.

``Cache-Control`` goes on every page. A page made for nobody in particular (a
request without such cookies, a response that sets none) is public for
``BROWSER_CACHE_SECONDS``. A page for someone (signed-in staff, a preview, a
visitor with a session) is private and never stored: on a shared computer nobody
finds it again in the browser's cache. Responses that already say how to cache
them (the admin's never-cache pages, static files) keep their own header.

A page that changes by itself at a known moment (an event starting, a scheduled
article appearing, an item's unpublish date) says so with ``Expires``: neither
cache keeps it past then (see ``pagecache.schedules``).
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import (
    patch_cache_control,
    patch_vary_headers,
    set_response_etag,
)
from django.utils.http import http_date, parse_http_date_safe
from django.utils.translation import get_language

from pagecache.schedules import next_change
from pagecache.tags import CHANGE_KEY, KEY_PREFIX, current_versions, last_change
from recoverysite.publishing import expire_at

REBUILD_LOCK_SECONDS = 30
PUBLIC_STATUSES = {200, 301, 404, 410}

# Cookies the server never reads to make a page, only scripts in the browser do:
# a visitor who carries nothing else gets the same page as everyone.
browser_only_cookies = set()


def read_only_in_the_browser(cookie_name):
    """Declare a cookie of one's app that never changes the page the server makes."""
    browser_only_cookies.add(cookie_name)


def has_page_changing_cookies(request):
    # The language switch's cookie changes the page too, but the page's key
    # holds its language: both languages are kept.
    return not request.COOKIES.keys() <= browser_only_cookies | {
        settings.LANGUAGE_COOKIE_NAME
    }


def seconds_to_keep(response, limit):
    """``limit``, or fewer when the response expires sooner (never below 0)."""
    expires = parse_http_date_safe(response.get("Expires", ""))
    if expires is None:
        return limit
    return max(min(limit, int(expires - timezone.now().timestamp())), 0)


def has_expired(headers):
    expires = parse_http_date_safe(headers.get("Expires", ""))
    return expires is not None and expires <= timezone.now().timestamp()


class CacheControlMiddleware:
    """Says on every page whether browsers and shared caches may keep it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method not in ("GET", "HEAD") or response.has_header(
            "Cache-Control"
        ):
            return response
        if (
            has_page_changing_cookies(request)
            or response.cookies
            or is_signed_in(request)
        ):
            patch_cache_control(response, private=True, no_store=True)
        elif response.status_code in PUBLIC_STATUSES:
            seconds = seconds_to_keep(response, settings.BROWSER_CACHE_SECONDS)
            patch_cache_control(response, public=True, max_age=seconds)
            # A shared cache must not hand this copy to someone signed in.
            patch_vary_headers(response, ["Cookie"])
        return response


def is_signed_in(request):
    user = getattr(request, "user", None)
    return user is not None and user.is_authenticated


class AnonymousPageCacheMiddleware:
    """Serves whole pages from the cache to visitors whose cookies change nothing."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not self.may_use_cache(request):
            return self.get_response(request)
        key = self.page_key(request)
        found = cache.get_many([key, CHANGE_KEY])
        entry, change = found.get(key), found.get(CHANGE_KEY)
        rebuild_lock = f"{key}:rebuilding"
        # Past its deadline a copy may show what is no longer published: never served.
        if entry is not None and not has_expired(entry["headers"]):
            if change is not None and entry.get("checked_at_change") == change:
                return self.response_from(entry, "hit")
            if entry["versions"] == current_versions(entry["versions"]):
                self.mark_checked(key, entry, change)
                return self.response_from(entry, "hit")
            if not cache.add(rebuild_lock, 1, REBUILD_LOCK_SECONDS):
                return self.response_from(entry, "stale")
        # Read before the page is made: a change made meanwhile leaves the copy
        # to be checked tag by tag on its next visit.
        change = change if change is not None else last_change()
        response = self.get_response(request)
        tags = getattr(request, "cache_tags", None)
        # An error page (the database down, say) is kept by nobody: no deadline.
        if tags and response.status_code in PUBLIC_STATUSES:
            # A list, feed or home page changes when a scheduled item appears or
            # an unpublish date passes, without any save to outdate it.
            expire_at(response, next_change(tags))
        seconds = seconds_to_keep(response, settings.PAGE_CACHE_SECONDS)
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
                    "checked_at_change": change,
                    "kept_until": time.time() + seconds,
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
    def mark_checked(key, entry, change):
        """
        Remember that the copy was found current at ``change``, the mark read
        before its versions: a change made since has a later mark.
        """
        seconds = int(entry.get("kept_until", 0) - time.time())
        if change is not None and seconds > 0:
            cache.set(key, {**entry, "checked_at_change": change}, seconds)

    @staticmethod
    def may_use_cache(request):
        return (
            settings.PAGE_CACHE_SECONDS > 0
            and request.method in ("GET", "HEAD")
            and not has_page_changing_cookies(request)
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
        # One copy per language at each address (see recoverysite.languages).
        language = getattr(request, "LANGUAGE_CODE", None) or get_language()
        address = f"{language} {request.get_host()}{request.get_full_path()}"
        return f"{KEY_PREFIX}:{hashlib.sha256(address.encode()).hexdigest()}"

    @staticmethod
    def response_from(entry, state):
        response = HttpResponse(entry["content"], status=entry["status"])
        for name, value in entry["headers"].items():
            response[name] = value
        response["X-Page-Cache"] = state
        return response
