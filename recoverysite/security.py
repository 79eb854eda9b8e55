"""
Security headers beyond Django's own, the visitor's address for rate limits and
the admin sign-in lock-out, the idle time-out of staff sessions, and what protects
the visitors' forms that need no CSRF cookie (comments, registrations).
docs/security.md explains each choice.

The visitor's IP address is read through the proxies the site trusts. Anyone can
send an X-Forwarded-For header, so it is read only when the connection comes from
a proxy listed in TRUSTED_PROXIES, and then from the right: each trusted proxy
appends the address it received the request from, so the rightmost address that
is not a trusted proxy is the visitor. Addresses further left were written by the
visitor and are ignored.
"""

import ipaddress
import time
from functools import lru_cache
from typing import NamedTuple

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.auth import logout
from django.middleware.csrf import CsrfViewMiddleware
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django_ratelimit.core import get_usage
from js_asset import Media


class NoncePagesAreNotStoredMiddleware:
    """Marks pages that used the CSP nonce private, so no cache hands it out."""

    # Sits just inside the page cache, which stores nothing marked private.

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        # True once the page asked for the nonce (django-csp's lazy object).
        if request.csp_nonce:
            patch_cache_control(response, private=True)
        return response


class ImportMapNonceMiddleware:
    """Gives the CSP nonce to the admin's rich-text editor scripts."""

    # The editor loads its modules through an inline <script type="importmap">,
    # which the policy allows only with the nonce. Its form media are
    # js_asset's, which carry a nonce; admin pages are never cached.

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_template_response(self, request, response):
        media = (response.context_data or {}).get("media")
        if isinstance(media, Media):
            response.context_data["media"] = media.with_nonce(request.csp_nonce)
        return response


class StaffSessionIdleMiddleware:
    """
    Signs staff out after ``STAFF_SESSION_IDLE_MINUTES`` without a request.

    Typing sends no request, so a form sent after a long stretch of writing is
    still saved (and counts as activity): an editor never loses an article.
    """

    SESSION_KEY = "staff_last_seen"
    # Writing the session on every request would cost a database write each time.
    RECORD_EVERY_SECONDS = 60

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.is_staff:
            now = int(time.time())
            last_seen = request.session.get(self.SESSION_KEY)
            idle_limit = settings.STAFF_SESSION_IDLE_MINUTES * 60
            idle = last_seen is not None and now - last_seen > idle_limit
            if idle and request.method != "POST":
                logout(request)
                messages.info(
                    request,
                    _(
                        "For safety you were signed out after %(minutes)d minutes "
                        "without activity. Please sign in again."
                    )
                    % {"minutes": settings.STAFF_SESSION_IDLE_MINUTES},
                )
            elif last_seen is None or now - last_seen >= self.RECORD_EVERY_SECONDS:
                request.session[self.SESSION_KEY] = now
        return self.get_response(request)


def lockout_response(request, original_response=None, credentials=None):
    """The admin's sign-in page, paused: the same words whether the user exists."""
    seconds = int(settings.AXES_COOLOFF_TIME.total_seconds())
    context = {
        **admin.site.each_context(request),
        "title": _("Sign-in paused"),
        "minutes": seconds // 60,
    }
    response = render(request, "admin/locked_out.html", context, status=429)
    # At most the pause itself: it runs from the last failed attempt.
    response["Retry-After"] = str(seconds)
    return response


@lru_cache(maxsize=8)
def trusted_networks(proxies):
    return tuple(ipaddress.ip_network(proxy, strict=False) for proxy in proxies)


def parse_address(value):
    """An address from a header entry (``1.2.3.4``, ``1.2.3.4:80``, ``[::1]:80``)."""
    value = value.strip()
    if value.startswith("["):
        value = value[1:].partition("]")[0]
    elif value.count(":") == 1:
        value = value.partition(":")[0]
    try:
        return ipaddress.ip_address(value)
    except ValueError:
        return None


def is_trusted(address, networks):
    return any(address in network for network in networks)


def client_ip(request):
    """The address of the visitor, for rate limits and the moderation record."""
    remote = request.META.get("REMOTE_ADDR", "")
    networks = trusted_networks(tuple(settings.TRUSTED_PROXIES))
    address = parse_address(remote)
    if address is None or not networks or not is_trusted(address, networks):
        return remote
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    for entry in reversed(forwarded.split(",")):
        hop = parse_address(entry)
        if hop is None:
            # A trusted proxy would not write this: stop at the last sure hop.
            break
        address = hop
        if not is_trusted(hop, networks):
            break
    return str(address)


def csrf_failure_for_signed_in(request):
    """
    Signed-in people are protected by the CSRF check as usual. Anonymous visitors
    have no identity a forged post could borrow, and their forms carry a signed
    timestamp, so their pages need no CSRF cookie and can be cached whole.
    """
    if not request.user.is_authenticated:
        return None
    return CsrfViewMiddleware(lambda request: None).process_view(request, None, (), {})


def is_cross_site(request):
    """
    Browsers say which site a form was sent from. Only the site's own pages may
    post, so another site cannot post in a visitor's name or plant a cookie.
    """
    if request.headers.get("Sec-Fetch-Site") == "cross-site":
        return True
    origin = request.headers.get("Origin")
    if origin is None:
        return False
    own = {request.build_absolute_uri("/").rstrip("/"), settings.SITE_URL}
    return origin not in own | set(settings.CSRF_TRUSTED_ORIGINS)


class RateLimitCount(NamedTuple):
    # Seconds until the request is within every limit, 0 when it is now.
    wait: int
    # False when the cache the limits count in could not be reached: nothing
    # was refused, and nothing was counted either.
    counted: bool


def count_against_limits(request, *limits):
    """
    Count this request against every limit, each a ``(group, key, rate)`` as
    django-ratelimit takes them. IPv6 addresses count by their /64,
    django-ratelimit's default.
    """
    usages = [
        get_usage(request, group=group, key=key, rate=rate, increment=True)
        for group, key, rate in limits
    ]
    waits = [
        max(usage["time_left"], 1)
        for usage in usages
        if usage and usage["should_limit"]
    ]
    # With RATELIMIT_FAIL_OPEN, django-ratelimit answers None when its cache
    # fails; it does the same when limits are switched off, which is no failure.
    counted = not getattr(settings, "RATELIMIT_ENABLE", True) or None not in usages
    return RateLimitCount(wait=max(waits, default=0), counted=counted)


def seconds_to_wait(request, *limits):
    """
    Seconds until this request is within every limit, or 0 when it is now (or
    when the limits could not be counted), counting this request.
    """
    return count_against_limits(request, *limits).wait
