"""
Security headers beyond Django's own, the admin sign-in lock-out, and the idle
time-out of staff sessions. docs/security.md explains each choice.
"""

import time

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.auth import logout
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from js_asset import Media

# Features no page of the site uses: nothing embedded may ask for them either.
# Autoplay and fullscreen stay at the browser's default, which lets the
# recording player use them once the visitor presses play.
DISABLED_FEATURES = [
    "accelerometer",
    "browsing-topics",
    "camera",
    "display-capture",
    "geolocation",
    "gyroscope",
    "hid",
    "idle-detection",
    # Topics' predecessor (FLoC): browsers that still know it are told no too.
    "interest-cohort",
    "magnetometer",
    "microphone",
    "midi",
    "payment",
    "serial",
    "usb",
    "xr-spatial-tracking",
]
PERMISSIONS_POLICY = ", ".join(f"{feature}=()" for feature in DISABLED_FEATURES)


class PermissionsPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response


class NoncePagesAreNotStoredMiddleware:
    """
    A page that used the CSP nonce is never stored by the page cache (nor any
    shared cache): a stored copy would hand the same nonce to every visitor.

    Sits just inside the page cache, which stores nothing marked private.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if isinstance(getattr(request, "_csp_nonce", None), str):
            patch_cache_control(response, private=True)
        return response


class ImportMapNonceMiddleware:
    """
    Give the CSP nonce to form media that carry an import map.

    The rich-text editor loads its modules through an inline
    ``<script type="importmap">``, which the policy allows only with the nonce.
    Only admin forms have one, and admin pages are never cached.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_template_response(self, request, response):
        media = (response.context_data or {}).get("media")
        if getattr(media, "_importmap", None) is not None:
            response.context_data["media"] = Media.from_media(
                media, nonce=request.csp_nonce
            )
        return response


class StaffSessionIdleMiddleware:
    """
    Sign staff out after ``STAFF_SESSION_IDLE_MINUTES`` without a request.

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
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    context = {
        **admin.site.each_context(request),
        "title": _("Sign-in paused"),
        "minutes": minutes,
    }
    return render(request, "admin/locked_out.html", context, status=429)
