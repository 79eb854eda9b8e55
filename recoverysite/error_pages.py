"""
Error pages in the site's design, and the middleware that turns Django's bare
refusals (an empty 405, a NUL byte in an address) into them.

Each page is rendered with the request, so it shows the menu and the footer; if
that fails (the database is down), Django falls back to the database-free 500 page.
"""

from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core.exceptions import (
    RequestDataTooBig,
    TooManyFieldsSent,
    TooManyFilesSent,
    ValidationError,
)
from django.db import connection
from django.http import Http404
from django.shortcuts import render
from django.urls import Resolver404, resolve
from django.views.decorators.http import require_http_methods
from django.views.defaults import page_not_found
from django_ratelimit.exceptions import Ratelimited

# The methods any address of the site answers to; PUT, PATCH, DELETE, TRACE,
# CONNECT and unknown ones never reach a view.
SITE_METHODS = ("GET", "HEAD", "OPTIONS", "POST")
TOO_LARGE = (RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent)


def bad_request(request, exception=None):
    """400, or 413 when the request body was larger than the site accepts."""
    if isinstance(exception, TOO_LARGE):
        return render(request, "413.html", status=413)
    return render(request, "400.html", status=400)


def permission_denied(request, exception=None):
    """403, or 429 when a rate limit refused the request."""
    if isinstance(exception, Ratelimited):
        return render(request, "429.html", status=429)
    return render(request, "403.html", status=403)


def csrf_failure(request, reason=""):
    """A form sent without its security token, or with an outdated one."""
    return render(request, "403_csrf.html", status=403)


def answers_only(*methods):
    """
    ``require_http_methods`` that also names its methods for the 405 answer to
    methods no address of the site takes (TRACE, PUT…), which a function view
    never sees.
    """

    def decorator(view_func):
        view_func = require_http_methods(methods)(view_func)
        view_func.allowed_methods = list(methods)
        return view_func

    return decorator


def method_not_allowed(request, allowed):
    response = render(
        request, "405.html", {"method": request.method, "allowed": allowed}, status=405
    )
    response["Allow"] = ", ".join(allowed)
    return response


def allowed_methods(view_func):
    """
    The methods a class-based view or an ``answers_only`` view answers to, or
    None for another function view.
    """
    if hasattr(view_func, "allowed_methods"):
        return view_func.allowed_methods
    view_class = getattr(view_func, "view_class", None)
    if view_class is None:
        return None
    allowed = [
        method.upper()
        for method in view_class.http_method_names
        if hasattr(view_class, method)
    ]
    # View.setup() answers HEAD with get() when there is no head().
    if "GET" in allowed and "HEAD" not in allowed:
        allowed.insert(allowed.index("GET") + 1, "HEAD")
    return allowed


def allowed_at(path):
    """The methods the view at ``path`` answers to; the site's at an unknown one."""
    try:
        view_func = resolve(path).func
    except Resolver404:
        return list(SITE_METHODS)
    return allowed_methods(view_func) or list(SITE_METHODS)


def forged_admin_selection(request, view_func):
    """
    An admin action posted for rows that cannot exist ("abc", a number larger
    than any id): the admin would fail on it rather than say so.
    """
    model_admin = getattr(view_func, "model_admin", None)
    if model_admin is None or request.method != "POST":
        return False
    pk = model_admin.model._meta.pk
    column = pk
    while column.is_relation:  # a child model's id is its parent's
        column = column.target_field
    for value in request.POST.getlist(ACTION_CHECKBOX_NAME):
        try:
            value = pk.to_python(value)
        except ValidationError:
            return True
        if value is None:
            return True
        if isinstance(value, int):
            low, high = connection.ops.integer_field_range(column.get_internal_type())
            if not low <= value <= high:
                return True
    return False


class MalformedRequestMiddleware:
    """
    Answers requests no view should see with designed pages.

    Unsupported methods (405), NUL characters in the path (404) or the query
    string (400), which PostgreSQL and the file system would turn into errors, and admin
    actions on forged selections (400). Views' own empty 405 answers get the
    designed page too, keeping their Allow header.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in SITE_METHODS:
            return method_not_allowed(request, allowed_at(request.path_info))
        if "\x00" in request.path:
            # No address of the site has one: not found, before a view or the
            # database (which refuses NUL in text) sees it.
            return page_not_found(request, Http404())
        query = request.META.get("QUERY_STRING", "")
        if "%00" in query or "\x00" in query:
            return bad_request(request)
        response = self.get_response(request)
        if response.status_code == 405 and not response.streaming:
            if not response.content:
                allowed = [m.strip() for m in response.get("Allow", "").split(",")]
                response = method_not_allowed(request, [m for m in allowed if m])
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        # Before the CSRF check, so a POST to a read-only page is not mistaken
        # for an expired form.
        allowed = allowed_methods(view_func)
        if allowed is not None and request.method not in allowed:
            return method_not_allowed(request, allowed)
        if forged_admin_selection(request, view_func):
            return bad_request(request)
        return None
