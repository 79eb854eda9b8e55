"""
What visitors see while the database is unreachable: a calm page in the site's
design, answered with 503 and Retry-After, made without touching the database.

Django drops a broken connection at the end of each request and checks a kept one
before reusing it, so the site recovers by itself when the database is back.
"""

import logging
import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader
from django.views import defaults

logger = logging.getLogger(__name__)

DATABASE_ERRORS = (OperationalError, InterfaceError)


def is_database_outage(error):
    return isinstance(error, DATABASE_ERRORS)


def service_unavailable(request):
    """The 503 page, rendered without context processors (they query the database)."""
    html = loader.get_template("503.html").render(
        {"site_url": settings.SITE_URL, "request": request}
    )
    response = HttpResponse(html, status=503)
    response["Retry-After"] = str(settings.OUTAGE_RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


class DatabaseOutageMiddleware:
    """Turns a database error raised by a view or its template into the 503 page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if is_database_outage(exception):
            logger.error("Database unavailable: %s", exception)
            return service_unavailable(request)
        return None


def server_error(request):
    """
    The 500 handler. A database error raised outside a view (a middleware saving
    the session, looking up a redirect) still gets the 503 page.
    """
    if is_database_outage(sys.exc_info()[1]):
        return service_unavailable(request)
    return defaults.server_error(request)
