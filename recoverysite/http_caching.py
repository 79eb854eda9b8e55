"""
What browsers and shared caches may keep: ``Cache-Control`` on every page.

A page made for nobody in particular (a request without cookies, a response that
sets none) is public for ``BROWSER_CACHE_SECONDS``, and kept no longer than the
page cache would keep it (an event page that changes state at a given moment).
A page for someone (signed-in staff, a preview, a visitor with a session or the
comment form's "remember me") is private and never stored: on a shared computer
nobody finds it again in the browser's cache. Responses that already say how to
cache them (the admin's never-cache pages, static files) keep their own header.
"""

from django.conf import settings
from django.utils.cache import patch_cache_control, patch_vary_headers

PUBLIC_STATUSES = {200, 301, 404, 410}


class CacheControlMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method not in ("GET", "HEAD") or response.has_header(
            "Cache-Control"
        ):
            return response
        if request.COOKIES or response.cookies or is_signed_in(request):
            patch_cache_control(response, private=True, no_store=True)
        elif response.status_code in PUBLIC_STATUSES:
            seconds = min(
                settings.BROWSER_CACHE_SECONDS,
                getattr(request, "cache_seconds", settings.BROWSER_CACHE_SECONDS),
            )
            patch_cache_control(response, public=True, max_age=seconds)
            # A shared cache must not hand this copy to someone signed in.
            patch_vary_headers(response, ["Cookie"])
        return response


def is_signed_in(request):
    user = getattr(request, "user", None)
    return user is not None and user.is_authenticated
